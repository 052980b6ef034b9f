import { PublishedRelation } from '../db/sql.js';

/** What other contexts' SQL may read of a reseller: its name, activation status and identifier checks. */
export const RESELLERS = new PublishedRelation('resellers', 'reseller', {
  id: 'id',
  company_name: 'company_name',
  status: 'status',
  checks: 'checks',
  checks_at: 'checks_at',
  mpn_location_id: 'mpn_location_id',
  reseller_domain: 'reseller_domain',
  /** Who is written to about the reseller's account (its monthly invoices). */
  contact_name: 'contact_name',
  contact_email: 'contact_email',
});

/** How the audit trail names a reseller. */
export const RESELLER_NAMES = new PublishedRelation('reseller names', 'reseller', {
  id: 'id',
  name: 'company_name',
  search: 'LOWER(company_name)',
});
