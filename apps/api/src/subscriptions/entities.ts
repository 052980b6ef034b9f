import type { BillingPlan, PaymentMethod, PriceSegment, SubscriptionState, Term } from '@nce/domain';
import { Column, Entity, PrimaryColumn, VersionColumn } from 'typeorm';
import { bigintAsNumber } from '../db/columns.js';

/** What the next term changes, scheduled by the reseller (S10); null fields keep the current value. */
export interface ScheduledChanges {
  quantity?: number | null;
  term?: Exclude<Term, 'NONE'> | null;
  billingPlan?: BillingPlan | null;
  /** An upgrade at renewal (S13): the product and SKU the next term is for. */
  upgrade?: { productId: string; productTitle: string; skuId: string; skuTitle: string } | null;
}

// S1: a provisioned order line as it lives on in the customer's tenant.
@Entity('subscription')
export class SubscriptionEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  /** Partner Center's id of the subscription. */
  @Column({ name: 'partner_subscription_id', type: 'varchar', length: 64, unique: true })
  partnerSubscriptionId: string;

  /** Partner Center's etag, sent with every change (If-Match). */
  @Column({ type: 'varchar', length: 64 })
  etag: string;

  @Column({ name: 'reseller_id', type: 'varchar', length: 36 })
  resellerId: string;

  @Column({ name: 'customer_id', type: 'varchar', length: 36 })
  customerId: string;

  /** The customer's Microsoft tenant (Partner Center addresses the subscription under it). */
  @Column({ name: 'tenant_id', type: 'varchar', length: 36, nullable: true })
  tenantId: string | null;

  @Column({ name: 'order_id', type: 'varchar', length: 36 })
  orderId: string;

  @Column({ name: 'order_line_id', type: 'varchar', length: 36, unique: true })
  orderLineId: string;

  /** The price row the current term was bought or renewed at (S3: fixed for the term). */
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

  @Column({ type: 'varchar', length: 16 })
  segment: PriceSegment;

  @Column({ type: 'varchar', length: 3 })
  currency: string;

  @Column({ type: 'varchar', length: 4 })
  term: Exclude<Term, 'NONE'>;

  @Column({ name: 'billing_plan', type: 'varchar', length: 16 })
  billingPlan: BillingPlan;

  /** Seats held now. */
  @Column({ type: 'integer' })
  quantity: number;

  /** One seat's price for one billing period of the current term. */
  @Column({ name: 'unit_price_minor', type: 'bigint', transformer: bigintAsNumber })
  unitPriceMinor: number;

  @Column({ name: 'payment_method', type: 'varchar', length: 16 })
  paymentMethod: PaymentMethod;

  @Column({ type: 'varchar', length: 16 })
  status: SubscriptionState;

  @Column({ name: 'status_since', type: 'varchar', length: 30 })
  statusSince: string;

  @Column({ name: 'auto_renew', type: 'boolean' })
  autoRenew: boolean;

  @Column({ type: 'boolean', default: false })
  trial: boolean;

  @Column({ name: 'term_start', type: 'varchar', length: 30 })
  termStart: string;

  @Column({ name: 'term_end', type: 'varchar', length: 30 })
  termEnd: string;

  @Column({ name: 'scheduled_changes', type: 'text', nullable: true, transformer: jsonOrNull<ScheduledChanges>() })
  scheduledChanges: ScheduledChanges | null;

  /** The last renewal reminder sent for the current term (days before its end); null: none yet. */
  @Column({ name: 'renewal_reminded_days', type: 'integer', nullable: true })
  renewalRemindedDays: number | null;

  /** The last trial-end reminder sent (days before it ends); null: none yet. */
  @Column({ name: 'trial_reminded_days', type: 'integer', nullable: true })
  trialRemindedDays: number | null;

  /** S17: the promotion the current term is priced with; a renewal keeps it only within its dates. */
  @Column({ name: 'promotion_id', type: 'varchar', length: 64, nullable: true })
  promotionId: string | null;

  /** The price-book rule that priced the running term, in words; null: the partner price. */
  @Column({ name: 'price_rule', type: 'varchar', length: 200, nullable: true })
  priceRule: string | null;

  /** Changes made at Partner Center so far (S7 caps them). */
  @Column({ name: 'change_count', type: 'integer', default: 0 })
  changeCount: number;

  @Column({ name: 'created_at', type: 'varchar', length: 30 })
  createdAt: string;

  @Column({ name: 'updated_at', type: 'varchar', length: 30 })
  updatedAt: string;

  @VersionColumn()
  version: number;
}

/** Seats bought together, each batch with its own 7-day window (S5). */
@Entity('subscription_seat_batch')
export class SeatBatchEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'subscription_id', type: 'varchar', length: 36 })
  subscriptionId: string;

  @Column({ type: 'varchar', length: 16 })
  kind: 'PURCHASE' | 'RENEWAL' | 'ADD';

  @Column({ type: 'integer' })
  quantity: number;

  @Column({ type: 'integer', default: 0 })
  removed: number;

  @Column({ name: 'started_at', type: 'varchar', length: 30 })
  startedAt: string;

  /** What one seat of the batch paid for its period. */
  @Column({ name: 'unit_paid_minor', type: 'bigint', transformer: bigintAsNumber })
  unitPaidMinor: number;

  /** Days of the period the batch paid for. */
  @Column({ name: 'paid_days', type: 'integer' })
  paidDays: number;

  /** The last reminder sent before its window closes (hours before); null: none yet. */
  @Column({ name: 'window_reminded_hours', type: 'integer', nullable: true })
  windowRemindedHours?: number | null;
}

/** The subscription's history: every change as an event, who and when; the idempotency keys of changes. */
@Entity('subscription_event')
export class SubscriptionEventEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'subscription_id', type: 'varchar', length: 36 })
  subscriptionId: string;

  @Column({ type: 'integer' })
  seq: number;

  @Column({ type: 'varchar', length: 30 })
  at: string;

  @Column({ type: 'varchar', length: 32 })
  kind: string;

  @Column({ type: 'text' })
  message: string;

  @Column({ name: 'actor_email', type: 'varchar', length: 254, nullable: true })
  actorEmail: string | null;

  @Column({ name: 'idempotency_key', type: 'varchar', length: 120, nullable: true, unique: true })
  idempotencyKey: string | null;

  /** SHA-256 of what was asked under the key: the same key with another request is refused. */
  @Column({ name: 'request_hash', type: 'varchar', length: 64, nullable: true })
  requestHash: string | null;
}

// S18: the charge types Microsoft bills by.
export const CHARGE_TYPES = [
  'new',
  'renew',
  'cycleCharge',
  'addQuantity',
  'removeQuantity',
  'cancelImmediate',
  'convert',
  'changeBillingPlan',
  'customerCredit',
  'extendTerm',
] as const;
export type ChargeType = (typeof CHARGE_TYPES)[number];

/** A money movement of a subscription (S18): what billing sums into invoices. Refunds are negative. */
@Entity('subscription_charge')
export class SubscriptionChargeEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'subscription_id', type: 'varchar', length: 36 })
  subscriptionId: string;

  @Column({ name: 'reseller_id', type: 'varchar', length: 36 })
  resellerId: string;

  @Column({ name: 'charge_type', type: 'varchar', length: 24 })
  chargeType: ChargeType;

  @Column({ type: 'integer' })
  quantity: number;

  @Column({ name: 'unit_price_minor', type: 'bigint', transformer: bigintAsNumber })
  unitPriceMinor: number;

  @Column({ name: 'amount_minor', type: 'bigint', transformer: bigintAsNumber })
  amountMinor: number;

  @Column({ type: 'varchar', length: 3 })
  currency: string;

  @Column({ name: 'charge_start', type: 'varchar', length: 30 })
  chargeStart: string;

  @Column({ name: 'charge_end', type: 'varchar', length: 30 })
  chargeEnd: string;

  @Column({ type: 'varchar', length: 30 })
  at: string;

  @Column({ name: 'payment_method', type: 'varchar', length: 16 })
  paymentMethod: PaymentMethod;

  /** The order of a purchase's charge; the event of a change's. */
  @Column({ type: 'varchar', length: 64 })
  reference: string;

  /** The price-book rule the charge's price came from, in words; null: the partner price. */
  @Column({ name: 'price_rule', type: 'varchar', length: 200, nullable: true })
  priceRule: string | null;
}

function jsonOrNull<T>() {
  return {
    to: (value: T | null | undefined) => (value ? JSON.stringify(value) : null),
    from: (value: string | null) => (value ? (JSON.parse(value) as T) : null),
  };
}
