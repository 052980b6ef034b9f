import type { CartState } from '@nce/domain';
import type { BillingPlan, OrderState, PaymentMethod, PriceSegment, Term } from '@nce/domain';
import { Column, Entity, PrimaryColumn, VersionColumn } from 'typeorm';
import { bigintAsNumber } from '../db/columns.js';

/** R4: a reseller's cart; bound to one customer before checkout. One open cart per reseller. */
@Entity('cart')
export class CartEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'reseller_id', type: 'varchar', length: 36 })
  resellerId: string;

  @Column({ name: 'open_key', type: 'varchar', length: 36, nullable: true, unique: true })
  openKey: string | null;

  @Column({ name: 'customer_id', type: 'varchar', length: 36, nullable: true })
  customerId: string | null;

  /** The segment the cart's prices are for; set by its first line. */
  @Column({ name: 'price_segment', type: 'varchar', length: 16, nullable: true })
  priceSegment: PriceSegment | null;

  @Column({ type: 'varchar', length: 3, nullable: true })
  currency: string | null;

  @Column({ type: 'varchar', length: 16 })
  status: CartState;

  @Column({ name: 'created_at', type: 'varchar', length: 30 })
  createdAt: string;

  @Column({ name: 'updated_at', type: 'varchar', length: 30 })
  updatedAt: string;

  @VersionColumn()
  version: number;
}

@Entity('cart_line')
export class CartLineEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'cart_id', type: 'varchar', length: 36 })
  cartId: string;

  @Column({ name: 'price_id', type: 'integer' })
  priceId: number;

  @Column({ type: 'integer' })
  quantity: number;

  /** The unit price when it was added: Buy refuses if the catalog price differs by then (R16). */
  @Column({ name: 'unit_price_minor', type: 'bigint', transformer: bigintAsNumber })
  unitPriceMinor: number;

  @Column({ name: 'added_at', type: 'varchar', length: 30 })
  addedAt: string;

  /**
   * S15: what the line's first term ends with: null for a full term, MONTH_END for the last month end before it,
   * or the id of a subscription of the customer to end with.
   */
  @Column({ name: 'end_with', type: 'varchar', length: 36, nullable: true })
  endWith: string | null;
}

/** R18: a placed order, with its sales order number. */
@Entity('sales_order')
export class SalesOrderEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'so_number', type: 'varchar', length: 20, unique: true })
  soNumber: string;

  @Column({ name: 'reseller_id', type: 'varchar', length: 36 })
  resellerId: string;

  @Column({ name: 'customer_id', type: 'varchar', length: 36 })
  customerId: string;

  @Column({ type: 'varchar', length: 24 })
  status: OrderState;

  @Column({ name: 'payment_method', type: 'varchar', length: 16 })
  paymentMethod: PaymentMethod;

  @Column({ name: 'po_number', type: 'varchar', length: 40, nullable: true })
  poNumber: string | null;

  @Column({ type: 'varchar', length: 3 })
  currency: string;

  @Column({ name: 'total_minor', type: 'bigint', transformer: bigintAsNumber })
  totalMinor: number;

  @Column({ name: 'idempotency_key', type: 'varchar', length: 120 })
  idempotencyKey: string;

  /** SHA-256 of what was asked, so a reused key with another payload is refused. */
  @Column({ name: 'request_hash', type: 'varchar', length: 64 })
  requestHash: string;

  @Column({ name: 'tenant_domain', type: 'varchar', length: 120 })
  tenantDomain: string;

  @Column({ name: 'placed_by_user_id', type: 'varchar', length: 36, nullable: true })
  placedByUserId: string | null;

  @Column({ name: 'placed_at', type: 'varchar', length: 30 })
  placedAt: string;

  @Column({ name: 'provisioned_at', type: 'varchar', length: 30, nullable: true })
  provisionedAt: string | null;

  @Column({ name: 'failure_reason', type: 'text', nullable: true })
  failureReason: string | null;

  @Column({ name: 'updated_at', type: 'varchar', length: 30 })
  updatedAt: string;

  @VersionColumn()
  version: number;
}

@Entity('order_line')
export class OrderLineEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'order_id', type: 'varchar', length: 36 })
  orderId: string;

  @Column({ name: 'line_number', type: 'integer' })
  lineNumber: number;

  @Column({ name: 'price_id', type: 'integer' })
  priceId: number;

  @Column({ name: 'product_id', type: 'varchar', length: 32 })
  productId: string;

  @Column({ name: 'product_title', type: 'varchar', length: 300 })
  productTitle: string;

  @Column({ name: 'sku_id', type: 'varchar', length: 16 })
  skuId: string;

  @Column({ name: 'sku_title', type: 'varchar', length: 300 })
  skuTitle: string;

  @Column({ type: 'varchar', length: 4 })
  term: Term;

  @Column({ name: 'billing_plan', type: 'varchar', length: 16 })
  billingPlan: BillingPlan;

  @Column({ type: 'integer' })
  quantity: number;

  @Column({ name: 'unit_price_minor', type: 'bigint', transformer: bigintAsNumber })
  unitPriceMinor: number;

  @Column({ name: 'line_total_minor', type: 'bigint', transformer: bigintAsNumber })
  lineTotalMinor: number;

  @Column({ name: 'subscription_id', type: 'varchar', length: 64, nullable: true })
  subscriptionId: string | null;

  /** S15, S16: the first term's end when it is not a full term (co-termed, or a trial's 30 days); else null. */
  @Column({ name: 'term_end', type: 'varchar', length: 30, nullable: true })
  termEnd: string | null;

  /** S17: the promotion the line was priced with; null when none. */
  @Column({ name: 'promotion_id', type: 'varchar', length: 64, nullable: true })
  promotionId: string | null;

  /** The price-book rule the line was priced by, in words; null: the partner price. */
  @Column({ name: 'price_rule', type: 'varchar', length: 200, nullable: true })
  priceRule: string | null;

  /** Seats returned so far (R24); never more than `quantity`. */
  @Column({ name: 'returned_quantity', type: 'integer', default: 0 })
  returnedQuantity: number;

  @Column({ type: 'varchar', length: 16 })
  status: 'PENDING' | 'PROVISIONED' | 'FAILED';
}

/** The order's timeline: every state it passed through, with what happened. */
@Entity('order_event')
export class OrderEventEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'order_id', type: 'varchar', length: 36 })
  orderId: string;

  @Column({ type: 'varchar', length: 30 })
  at: string;

  /** Position in the order's timeline (events can share a millisecond). */
  @Column({ type: 'integer', default: 0 })
  seq: number;

  @Column({ type: 'varchar', length: 24 })
  state: string;

  @Column({ type: 'text' })
  message: string;
}
