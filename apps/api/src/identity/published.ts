import { PublishedRelation } from '../db/sql.js';

/** How the audit trail names a user, and finds one by name or email. */
export const USER_NAMES = new PublishedRelation('user names', 'app_user', {
  id: 'id',
  name: 'display_name',
  search: "LOWER(display_name) || ' ' || email_key",
});
