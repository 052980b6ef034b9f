import { PublishedRelation } from '../db/sql.js';

/** How the audit trail names a support case: its number and subject. */
export const CASE_NAMES = new PublishedRelation('case names', 'support_case', {
  id: 'id',
  name: "number || ' ' || subject",
  search: "LOWER(number || ' ' || subject)",
});
