import { PublishedRelation } from '../db/sql.js';

/** How the audit trail names a terms request: by the company asking. */
export const TERMS_REQUEST_NAMES = new PublishedRelation('terms request names', 'terms_request', {
  id: 'id',
  name: 'company_name',
  search: 'LOWER(company_name)',
});
