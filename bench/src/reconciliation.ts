import type { App } from '@nce/api/dist/app.js';
import { portable } from '@nce/api/dist/db/sql.js';
import { bulkInsert } from './generate.js';

const CHARGE_COLUMNS = [
  'id',
  'subscription_id',
  'reseller_id',
  'charge_type',
  'quantity',
  'unit_price_minor',
  'amount_minor',
  'currency',
  'charge_start',
  'charge_end',
  'at',
  'payment_method',
  'reference',
];
const TYPES = ['cycleCharge', 'cycleCharge', 'cycleCharge', 'renew', 'new', 'addQuantity', 'removeQuantity'];

/** Deterministic ids, distinct from the other generators' prefixes. */
const idOf = (n: number) => `0000000d-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

/**
 * `count` charges of the subscriptions already generated, spread over the month starting at `month` (a month's
 * cycle charges, renewals, purchases and seat changes), inserted in chunks.
 */
export async function generateCharges(
  app: App,
  count: number,
  month: Date,
  log: (line: string) => void,
): Promise<void> {
  const { db } = app;
  const subscriptions: { id: string; reseller_id: string; unit_price_minor: number }[] = await db.read.query(
    'SELECT id, reseller_id, unit_price_minor FROM subscription ORDER BY id',
  );
  if (subscriptions.length === 0) throw new Error('generate subscriptions before their charges');
  const start = month.getTime();
  const span = Date.UTC(month.getUTCFullYear(), month.getUTCMonth() + 1, 1) - start;
  const CHUNK = 20_000;
  for (let from = 0; from < count; from += CHUNK) {
    const rows: unknown[][] = [];
    for (let n = from; n < Math.min(count, from + CHUNK); n += 1) {
      const s = subscriptions[n % subscriptions.length]!;
      const at = new Date(start + Math.floor((n / count) * span)).toISOString();
      const type = TYPES[n % TYPES.length]!;
      const quantity = 1 + (n % 25);
      const unit = Number(s.unit_price_minor);
      const amount = (type === 'removeQuantity' ? -1 : 1) * unit * quantity;
      rows.push([
        idOf(n + 1),
        s.id,
        s.reseller_id,
        type,
        quantity,
        unit,
        amount,
        'USD',
        at,
        at,
        at,
        'CREDIT_CARD',
        'bench',
      ]);
    }
    await db.transaction((m) => bulkInsert(m, db.kind, 'subscription_charge', CHARGE_COLUMNS, rows));
    if ((from / CHUNK) % 10 === 9) log(`charges: ${Math.min(count, from + CHUNK)} of ${count}`);
  }
  if (db.kind === 'postgres') await db.read.query(portable(db.kind, 'ANALYZE subscription_charge'));
  log(`charges: ${count}`);
}

/** Downloads a URL with a cookie, counting its lines as they arrive; answers the lines and the seconds it took. */
export async function streamLines(
  url: string,
  cookie: string,
): Promise<{ lines: number; seconds: number; bytes: number }> {
  const started = performance.now();
  const response = await fetch(url, { headers: { cookie } });
  if (!response.ok || !response.body) throw new Error(`${url}: ${response.status} ${await response.text()}`);
  let lines = 0;
  let bytes = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    bytes += chunk.length;
    for (let i = 0; i < chunk.length; i += 1) if (chunk[i] === 10) lines += 1;
  }
  return { lines, seconds: (performance.now() - started) / 1000, bytes };
}
