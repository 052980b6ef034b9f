import { PublishedRelation } from '../db/sql.js';

/** How the audit trail names an order: by its SO number. */
export const ORDER_NAMES = new PublishedRelation('order names', 'sales_order', {
  id: 'id',
  name: 'so_number',
  search: 'LOWER(so_number)',
});

/** What other contexts' SQL may read of an order: whose it is (a support case names one of its reseller's). */
export const ORDERS = new PublishedRelation('orders', 'sales_order', {
  id: 'id',
  reseller_id: 'reseller_id',
  so_number: 'so_number',
});

/**
 * Provisioned order lines with their order: what became a subscription at Partner Center (the subscriptions
 * context opens one for each, and took over those provisioned before it existed).
 */
export const PROVISIONED_LINES = new PublishedRelation(
  'provisioned order lines',
  "order_line l JOIN sales_order o ON o.id = l.order_id WHERE l.status = 'PROVISIONED' AND l.subscription_id IS NOT NULL",
  {
    line_id: 'l.id',
    order_id: 'o.id',
    reseller_id: 'o.reseller_id',
    customer_id: 'o.customer_id',
    currency: 'o.currency',
    payment_method: 'o.payment_method',
    placed_at: 'o.placed_at',
    provisioned_at: 'o.provisioned_at',
    price_id: 'l.price_id',
    product_id: 'l.product_id',
    product_title: 'l.product_title',
    sku_id: 'l.sku_id',
    sku_title: 'l.sku_title',
    term: 'l.term',
    billing_plan: 'l.billing_plan',
    quantity: 'l.quantity',
    returned_quantity: 'l.returned_quantity',
    unit_price_minor: 'l.unit_price_minor',
    subscription_id: 'l.subscription_id',
  },
);

/** Every order line with its order's day and reseller: seats sold and seats returned (R24), for the dashboard. */
export const ORDER_LINES = new PublishedRelation(
  'order lines',
  'order_line l JOIN sales_order o ON o.id = l.order_id',
  {
    order_id: 'o.id',
    reseller_id: 'o.reseller_id',
    placed_at: 'o.placed_at',
    quantity: 'l.quantity',
    returned_quantity: 'l.returned_quantity',
  },
);
