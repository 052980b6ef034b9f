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
