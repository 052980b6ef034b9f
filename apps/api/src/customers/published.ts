import { PublishedRelation } from '../db/sql.js';

/** What other contexts' SQL may read of an end customer: whose it is, its name and its segment. */
export const CUSTOMERS = new PublishedRelation('customers', 'customer', {
  id: 'id',
  reseller_id: 'reseller_id',
  company_name: 'company_name',
  segment: 'segment',
});

/** How the audit trail names a customer. */
export const CUSTOMER_NAMES = new PublishedRelation('customer names', 'customer', {
  id: 'id',
  name: 'company_name',
  search: 'LOWER(company_name)',
});
