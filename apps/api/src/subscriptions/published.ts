import { PublishedRelation } from '../db/sql.js';

/** How the audit trail names a subscription: its SKU and Partner Center's id. */
export const SUBSCRIPTION_NAMES = new PublishedRelation('subscription names', 'subscription', {
  id: 'id',
  name: "sku_title || ' · ' || partner_subscription_id",
  search: 'LOWER(sku_title)',
});
