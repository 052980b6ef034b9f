import type { BillingPlan, PriceSegment, Term } from '@nce/domain';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** S17: a Microsoft promotion on one SKU's term and billing, for a segment and market, between two days. */
@Entity('catalog_promotion')
@Index('ix_catalog_promotion_offer', ['productId', 'skuId', 'term', 'billingPlan', 'segment', 'market', 'startDate'])
export class PromotionEntity {
  /** Microsoft's promotion id. */
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ name: 'product_id', type: 'varchar', length: 32 })
  productId: string;

  @Column({ name: 'sku_id', type: 'varchar', length: 16 })
  skuId: string;

  @Column({ type: 'varchar', length: 4 })
  term: Exclude<Term, 'NONE'>;

  @Column({ name: 'billing_plan', type: 'varchar', length: 16 })
  billingPlan: BillingPlan;

  @Column({ type: 'varchar', length: 16 })
  segment: PriceSegment;

  @Column({ type: 'varchar', length: 2 })
  market: string;

  /** The discount on the partner price in hundredths of a percent (1500 = 15 %). */
  @Column({ name: 'discount_bp', type: 'integer' })
  discountBasisPoints: number;

  /** YYYY-MM-DD, inclusive. */
  @Column({ name: 'start_date', type: 'varchar', length: 10 })
  startDate: string;

  /** YYYY-MM-DD, inclusive. */
  @Column({ name: 'end_date', type: 'varchar', length: 10 })
  endDate: string;

  @Column({ name: 'created_at', type: 'varchar', length: 30 })
  createdAt: string;
}
