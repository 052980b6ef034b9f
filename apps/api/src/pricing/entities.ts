import type { PriceSegment, Term } from '@nce/domain';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { bigintAsNumber } from '../db/columns.js';

/**
 * A price book: a named set of rules over the price list. The master book (id `master`) prices every reseller
 * without a book of its own.
 */
@Entity('price_book')
@Index('ux_price_book_name', ['name'], { unique: true })
export class PriceBookEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ name: 'created_at', type: 'varchar', length: 30 })
  createdAt: string;
}

/**
 * One rule of a book. Never edited: a change is a new rule from a later day, and a rule is ended (its last day set)
 * or, before its first day, removed.
 */
@Entity('price_book_rule')
@Index('ix_price_book_rule_book', ['bookId', 'effectiveFrom'])
export class PriceRuleEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'book_id', type: 'varchar', length: 36 })
  bookId: string;

  @Column({ type: 'varchar', length: 100, nullable: true })
  family: string | null;

  @Column({ name: 'product_id', type: 'varchar', length: 32, nullable: true })
  productId: string | null;

  @Column({ name: 'sku_id', type: 'varchar', length: 16, nullable: true })
  skuId: string | null;

  @Column({ type: 'varchar', length: 4, nullable: true })
  term: Term | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  segment: PriceSegment | null;

  /** COST (Microsoft's partner price) or RETAIL (its estimated retail price). */
  @Column({ type: 'varchar', length: 8 })
  basis: 'COST' | 'RETAIL';

  /** PERCENT (basis points) or FIXED (amount in minor units of `currency`). */
  @Column({ type: 'varchar', length: 8 })
  kind: 'PERCENT' | 'FIXED';

  @Column({ name: 'basis_points', type: 'integer', nullable: true })
  basisPoints: number | null;

  @Column({ name: 'amount_minor', type: 'bigint', nullable: true, transformer: bigintAsNumber })
  amountMinor: number | null;

  @Column({ type: 'varchar', length: 3, nullable: true })
  currency: string | null;

  /** YYYY-MM-DD, inclusive. */
  @Column({ name: 'effective_from', type: 'varchar', length: 10 })
  effectiveFrom: string;

  /** YYYY-MM-DD, inclusive; null: open-ended. */
  @Column({ name: 'effective_to', type: 'varchar', length: 10, nullable: true })
  effectiveTo: string | null;

  @Column({ name: 'created_at', type: 'varchar', length: 30 })
  createdAt: string;

  @Column({ name: 'created_by', type: 'varchar', length: 254 })
  createdBy: string;
}

export type PriceBookAssignmentLevel = 'RESELLER' | 'CUSTOMER' | 'SUBSCRIPTION';

/**
 * Which book prices a reseller, one of its customers (overriding the reseller's) or one subscription's next terms
 * (overriding both); none: the master book.
 */
@Entity('price_book_assignment')
@Index('ix_price_book_assignment_book', ['bookId'])
export class PriceBookAssignmentEntity {
  @PrimaryColumn({ type: 'varchar', length: 12 })
  level: PriceBookAssignmentLevel;

  @PrimaryColumn({ name: 'target_id', type: 'varchar', length: 64 })
  targetId: string;

  @Column({ name: 'book_id', type: 'varchar', length: 36 })
  bookId: string;

  @Column({ name: 'assigned_at', type: 'varchar', length: 30 })
  assignedAt: string;
}

/**
 * A reseller's own markup for its end customers (suggested customer prices): for a customer, a product family,
 * both, or everything. One row per reseller and scope (`scopeKey`: customer id or *, then family or *).
 */
@Entity('reseller_markup')
@Index('ux_reseller_markup_scope', ['resellerId', 'scopeKey'], { unique: true })
export class ResellerMarkupEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'reseller_id', type: 'varchar', length: 36 })
  resellerId: string;

  @Column({ name: 'scope_key', type: 'varchar', length: 150 })
  scopeKey: string;

  @Column({ name: 'customer_id', type: 'varchar', length: 36, nullable: true })
  customerId: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  family: string | null;

  @Column({ name: 'basis_points', type: 'integer' })
  basisPoints: number;

  @Column({ name: 'updated_at', type: 'varchar', length: 30 })
  updatedAt: string;
}
