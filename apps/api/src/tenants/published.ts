import { PublishedRelation } from '../db/sql.js';

/** What other contexts' SQL may read of a customer's tenant choice: never its admin password. */
export const CUSTOMER_TENANTS = new PublishedRelation('customer tenants', 'customer_tenant', {
  customer_id: 'customer_id',
  choice: 'choice',
  domain: 'domain',
  state: 'state',
  tenant_id: 'tenant_id',
  attested_at: 'attested_at',
  attested_by_email: 'attested_by_email',
});
