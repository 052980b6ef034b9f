import { PublishedRelation } from '../db/sql.js';

/** How the audit trail names a subscription: its SKU and Partner Center's id. */
export const SUBSCRIPTION_NAMES = new PublishedRelation('subscription names', 'subscription', {
  id: 'id',
  name: "sku_title || ' · ' || partner_subscription_id",
  search: 'LOWER(sku_title)',
});

/**
 * Every charge with the subscription it is of (S18, S19): what billing sums and reconciles. The term and billing
 * plan are the subscription's now (a charge keeps its own dates, quantity and amounts).
 */
export const SUBSCRIPTION_CHARGES = new PublishedRelation(
  'subscription charges',
  // Every charge has its subscription: the LEFT JOIN finds the same rows, and keeps the charges the outer loop on
  // SQLite (statistics of a few subscriptions with many charges made it scan the subscriptions first).
  'subscription_charge c LEFT JOIN subscription s ON s.id = c.subscription_id',
  {
    id: 'c.id',
    at: 'c.at',
    charge_type: 'c.charge_type',
    quantity: 'c.quantity',
    unit_price_minor: 'c.unit_price_minor',
    amount_minor: 'c.amount_minor',
    currency: 'c.currency',
    charge_start: 'c.charge_start',
    charge_end: 'c.charge_end',
    payment_method: 'c.payment_method',
    reseller_id: 'c.reseller_id',
    customer_id: 's.customer_id',
    partner_subscription_id: 's.partner_subscription_id',
    tenant_id: 's.tenant_id',
    order_id: 's.order_id',
    product_id: 's.product_id',
    sku_id: 's.sku_id',
    sku_title: 's.sku_title',
    term: 's.term',
    billing_plan: 's.billing_plan',
    segment: 's.segment',
    product_title: 's.product_title',
    /** The price row of the subscription's term now: the one a charge just written was priced from. */
    price_id: 's.price_id',
    /** The price-book rule the charge's price came from, in words (null: the partner price). */
    price_rule: 'c.price_rule',
  },
);

/** Subscriptions as the dashboard sums them: whose, in what state, when the term ends and what it is worth. */
export const SUBSCRIPTIONS = new PublishedRelation('subscriptions', 'subscription', {
  id: 'id',
  reseller_id: 'reseller_id',
  status: 'status',
  auto_renew: 'auto_renew',
  term_end: 'term_end',
  quantity: 'quantity',
  unit_price_minor: 'unit_price_minor',
  currency: 'currency',
});
