import { PublishedRelation } from '../db/sql.js';

/** How the audit trail names an order: by its SO number. */
export const ORDER_NAMES = new PublishedRelation('order names', 'sales_order', {
  id: 'id',
  name: 'so_number',
  search: 'LOWER(so_number)',
});
