import { PublishedRelation } from '../db/sql.js';

/** How the audit trail names a terms request: by the company asking. */
export const TERMS_REQUEST_NAMES = new PublishedRelation('terms request names', 'terms_request', {
  id: 'id',
  name: 'company_name',
  search: 'LOWER(company_name)',
});

/** Terms requests as the dashboard counts them: when each began waiting and when it was answered. */
export const TERMS_REQUESTS = new PublishedRelation('terms requests', 'terms_request', {
  id: 'id',
  status: 'status',
  reseller_id: 'reseller_id',
  waiting_since: 'waiting_since',
  decided_at: 'decided_at',
});
