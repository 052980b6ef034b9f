import type { App } from '@nce/api/dist/app.js';
import { portable } from '@nce/api/dist/db/sql.js';
import { bulkInsert } from './generate.js';

const DAY = 86_400_000;

/** Deterministic ids, distinct from the generator's prefixes. */
const idOf = (prefix: number, n: number) =>
  `${prefix.toString(16).padStart(8, '0')}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

const SUBSCRIPTION_COLUMNS = [
  'id',
  'partner_subscription_id',
  'etag',
  'reseller_id',
  'customer_id',
  'tenant_id',
  'order_id',
  'order_line_id',
  'price_id',
  'product_id',
  'product_title',
  'sku_id',
  'sku_title',
  'segment',
  'currency',
  'term',
  'billing_plan',
  'quantity',
  'unit_price_minor',
  'payment_method',
  'status',
  'status_since',
  'auto_renew',
  'trial',
  'term_start',
  'term_end',
  'scheduled_changes',
  'change_count',
  'renewal_reminded_days',
  'created_at',
  'updated_at',
  'version',
];
const BATCH_COLUMNS = [
  'id',
  'subscription_id',
  'kind',
  'quantity',
  'removed',
  'started_at',
  'unit_paid_minor',
  'paid_days',
];

/**
 * `count` subscriptions of the generated customers, each with its purchase batch, on monthly-billed annual prices
 * of the catalog. `termEnd(n)` places each term's end: spread over a year for the list, all yesterday for a renewal
 * day. Inserted in chunks, as the generator inserts orders.
 */
export async function generateSubscriptions(
  app: App,
  count: number,
  termEnd: (n: number) => Date,
  log: (line: string) => void,
): Promise<void> {
  const { db } = app;
  const today = app.clock.now().toISOString().slice(0, 10);
  const prices: Record<string, unknown>[] = await db.read.query(
    portable(
      db.kind,
      `SELECT pr.id, pr.unit_price_minor, p.id AS product_id, p.title AS product_title, s.sku_id, s.title AS sku_title
       FROM catalog_price pr JOIN catalog_sku s ON s.id = pr.sku_ref JOIN catalog_product p ON p.id = s.product_id
       WHERE pr.segment = 'COMMERCIAL' AND pr.market = 'US' AND pr.currency = 'USD' AND pr.term = 'P1Y'
         AND pr.billing_plan = 'MONTHLY' AND pr.tier_min <= 1 AND (pr.tier_max IS NULL OR pr.tier_max >= 100)
         AND pr.effective_start <= ? AND (pr.effective_end IS NULL OR pr.effective_end >= ?)
       ORDER BY pr.id LIMIT 200`,
    ),
    [today, today],
  );
  if (prices.length === 0) throw new Error('the bench catalog has no annual, monthly-billed US prices');
  const customers: { id: string; reseller_id: string }[] = await db.read.query(
    'SELECT id, reseller_id FROM customer ORDER BY id',
  );
  const now = app.clock.now();
  const CHUNK = 20_000;
  for (let from = 0; from < count; from += CHUNK) {
    const subscriptions: unknown[][] = [];
    const batches: unknown[][] = [];
    for (let n = from; n < Math.min(count, from + CHUNK); n += 1) {
      const price = prices[n % prices.length]!;
      const customer = customers[n % customers.length]!;
      const end = termEnd(n);
      const start = new Date(end.getTime() - 365 * DAY).toISOString();
      const quantity = 1 + (n % 40);
      const id = idOf(9, n + 1);
      subscriptions.push([
        id,
        `bench-sub-${n + 1}`,
        'etag',
        customer.reseller_id,
        customer.id,
        null,
        idOf(10, n + 1),
        idOf(11, n + 1),
        Number(price.id),
        String(price.product_id),
        String(price.product_title),
        String(price.sku_id),
        String(price.sku_title),
        'COMMERCIAL',
        'USD',
        'P1Y',
        'MONTHLY',
        quantity,
        Number(price.unit_price_minor),
        'CREDIT_CARD',
        'ACTIVE',
        start,
        n % 10 !== 0,
        false,
        start,
        end.toISOString(),
        null,
        0,
        remindedBy(end, now),
        start,
        start,
        1,
      ]);
      batches.push([idOf(12, n + 1), id, 'PURCHASE', quantity, 0, start, Number(price.unit_price_minor), 31]);
    }
    await db.transaction(async (m) => {
      await bulkInsert(m, db.kind, 'subscription', SUBSCRIPTION_COLUMNS, subscriptions);
      await bulkInsert(m, db.kind, 'subscription_seat_batch', BATCH_COLUMNS, batches);
    });
    if ((from / CHUNK) % 10 === 9) log(`subscriptions: ${Math.min(count, from + CHUNK)} of ${count}`);
  }
  log(`subscriptions: ${count}`);
}

/**
 * The renewal reminder a running product would have sent already (60, 30 or 7 days before the term end), so that
 * the generated data is in the steady state the product keeps, not a backlog of reminders to send at start.
 */
function remindedBy(end: Date, now: Date): number | null {
  const days = (end.getTime() - now.getTime()) / DAY;
  if (days <= 0) return null;
  return days <= 7 ? 7 : days <= 30 ? 30 : days <= 60 ? 60 : null;
}

export const SUBSCRIPTIONS_QUERY = `query($first: Int!) { subscriptions(first: $first) {
  nodes { id skuTitle customerName resellerName quantity status autoRenew termEnd renewsOn windowClosesAt unitPrice { amountMinor currency } }
  pageInfo { hasNextPage endCursor } } }`;
