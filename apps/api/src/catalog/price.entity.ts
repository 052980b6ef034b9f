import type { BillingPlan, PriceSegment, Term } from '@nce/domain';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { bigintAsNumber } from '../db/columns.js';
import type { SkuEntity } from './sku.entity.js';

/** One row of Microsoft's price list: a SKU's price for a segment, market, term, billing plan and tier. */
@Entity('catalog_price')
@Index(
  'ux_catalog_price_key',
  ['skuRef', 'segment', 'market', 'currency', 'term', 'billingPlan', 'tierMin', 'effectiveStart'],
  { unique: true },
)
@Index('ix_catalog_price_browse', ['segment', 'market', 'skuRef'])
export class PriceEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'sku_ref', type: 'integer' })
  skuRef: number;

  @ManyToOne('SkuEntity', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'sku_ref' })
  sku: SkuEntity;

  @Column({ type: 'varchar', length: 16 })
  segment: PriceSegment;

  @Column({ type: 'varchar', length: 2 })
  market: string;

  @Column({ type: 'varchar', length: 3 })
  currency: string;

  @Column({ type: 'varchar', length: 4 })
  term: Term;

  @Column({ name: 'billing_plan', type: 'varchar', length: 16 })
  billingPlan: BillingPlan;

  @Column({ name: 'tier_min', type: 'integer' })
  tierMin: number;

  @Column({ name: 'tier_max', type: 'integer', nullable: true })
  tierMax: number | null;

  /** YYYY-MM-DD, inclusive. */
  @Column({ name: 'effective_start', type: 'varchar', length: 10 })
  effectiveStart: string;

  /** YYYY-MM-DD, inclusive; null when open-ended. */
  @Column({ name: 'effective_end', type: 'varchar', length: 10, nullable: true })
  effectiveEnd: string | null;

  @Column({ name: 'unit_price_minor', type: 'bigint', transformer: bigintAsNumber })
  unitPriceMinor: number;

  @Column({ name: 'erp_price_minor', type: 'bigint', transformer: bigintAsNumber })
  erpPriceMinor: number;

  @Column({ name: 'change_indicator', type: 'varchar', length: 16 })
  changeIndicator: string;

  @Column({ type: 'varchar', length: 300 })
  tags: string;
}
