import { costOfCharge, productFamilyOf, revenueKindOf } from '@nce/domain';
import type { EntityManager } from 'typeorm';
import { CATALOG_PRICES } from '../catalog/published.js';
import type { Database } from '../db/database.js';
import { kindOf, portable } from '../db/sql.js';
import type { RequestContext } from '../platform/request-context.js';
import { ORDER_LINES } from '../orders/published.js';
import { RESELLERS } from '../resellers/published.js';
import { TERMS_REQUESTS } from '../terms/published.js';
import { SUBSCRIPTION_CHARGES, SUBSCRIPTIONS } from '../subscriptions/published.js';

/** One group of charges summed: by day (or month) and reseller, segment, family, kind and currency. */
interface RevenueSum {
  day: string;
  resellerId: string;
  segment: string;
  family: string;
  kind: string;
  currency: string;
  charges: number;
  amountMinor: number;
  costMinor: number;
}

const SUMS = ['charges', 'amount_minor', 'cost_minor'] as const;

/** The charges' columns the sums are made of, with the partner price of the price row each was priced from. */
const chargeSql = (where: string) =>
  `SELECT c.id, c.at, c.reseller_id, c.segment, c.product_title, c.charge_type, c.currency, c.amount_minor,
     c.unit_price_minor, p.unit_price_minor AS partner_unit
   FROM ${SUBSCRIPTION_CHARGES} c LEFT JOIN ${CATALOG_PRICES} p ON p.price_id = c.price_id WHERE ${where}`;

/**
 * The dashboard's sums (revenue_day, revenue_reseller_month): kept current by the charge writer, read by the
 * dashboard in a few rows a month instead of the month's charges.
 */
export class RevenueRepository {
  constructor(private readonly db: Database) {}

  /** Adds charges just written (their ids) to the sums, in the writer's transaction. */
  async add(m: EntityManager, chargeIds: readonly string[]): Promise<void> {
    if (chargeIds.length === 0) return;
    const kind = kindOf(m);
    const rows: Record<string, unknown>[] = await m.query(
      portable(kind, chargeSql(`c.id IN (${chargeIds.map(() => '?').join(', ')})`)),
      [...chargeIds],
    );
    await RevenueRepository.write(m, rows);
  }

  /** Sums charge rows (as `chargeSql` reads them) and adds them to both tables. */
  static async write(m: EntityManager, rows: readonly Record<string, unknown>[]): Promise<void> {
    const byDay = new Map<string, RevenueSum>();
    const byResellerMonth = new Map<string, RevenueSum>();
    for (const row of rows) {
      const amount = Number(row.amount_minor);
      const charge: RevenueSum = {
        day: String(row.at).slice(0, 10),
        resellerId: String(row.reseller_id),
        segment: String(row.segment ?? 'COMMERCIAL'),
        family: productFamilyOf(String(row.product_title ?? '')).slice(0, 100),
        kind: revenueKindOf(String(row.charge_type)),
        currency: String(row.currency),
        charges: 1,
        amountMinor: amount,
        costMinor:
          row.partner_unit == null
            ? amount
            : costOfCharge(amount, Number(row.unit_price_minor), Number(row.partner_unit)),
      };
      addTo(byDay, [charge.day, charge.segment, charge.family, charge.kind, charge.currency], charge);
      addTo(
        byResellerMonth,
        [charge.day.slice(0, 7), charge.resellerId, charge.segment, charge.family, charge.kind, charge.currency],
        charge,
      );
    }
    const sums = (s: RevenueSum) => [s.charges, s.amountMinor, s.costMinor];
    await upsertSums(
      m,
      'revenue_day',
      ['day', 'segment', 'family', 'kind', 'currency'],
      [...byDay.values()].map((s) => [s.day, s.segment, s.family, s.kind, s.currency, ...sums(s)]),
    );
    await upsertSums(
      m,
      'revenue_reseller_month',
      ['month', 'reseller_id', 'segment', 'family', 'kind', 'currency'],
      [...byResellerMonth.values()].map((s) => [
        s.day.slice(0, 7),
        s.resellerId,
        s.segment,
        s.family,
        s.kind,
        s.currency,
        ...sums(s),
      ]),
    );
  }

  /** Every charge written before the sums existed, summed once (the migration creating them). */
  static async backfill(m: EntityManager): Promise<void> {
    const kind = kindOf(m);
    for (let after = ''; ;) {
      const rows: Record<string, unknown>[] = await m.query(
        portable(kind, `${chargeSql('c.id > ?')} ORDER BY c.id LIMIT 5000`),
        [after],
      );
      if (rows.length === 0) return;
      await RevenueRepository.write(m, rows);
      after = String(rows[rows.length - 1]!.id);
    }
  }

  /** Revenue and cost by month and a dimension, from `revenue_day` (staff) or a reseller's months. */
  async byMonth(
    ctx: RequestContext,
    dimension: 'segment' | 'family' | 'kind',
    range: { from: string; to: string },
    currency: string,
    resellerId: string | null,
  ): Promise<{ month: string; key: string; amountMinor: number; costMinor: number }[]> {
    const rows = resellerId
      ? await this.db.query<Record<string, unknown>>(
          ctx,
          `SELECT month, ${dimension} AS k, SUM(amount_minor) AS amount, SUM(cost_minor) AS cost
           FROM revenue_reseller_month WHERE reseller_id = ? AND currency = ? AND month >= ? AND month < ?
           GROUP BY month, ${dimension} ORDER BY month, ${dimension}`,
          [resellerId, currency, range.from.slice(0, 7), range.to.slice(0, 7)],
        )
      : await this.db.query<Record<string, unknown>>(
          ctx,
          `SELECT SUBSTR(day, 1, 7) AS month, ${dimension} AS k, SUM(amount_minor) AS amount, SUM(cost_minor) AS cost
           FROM revenue_day WHERE currency = ? AND day >= ? AND day < ?
           GROUP BY SUBSTR(day, 1, 7), ${dimension} ORDER BY 1, 2`,
          [currency, range.from, range.to],
        );
    return rows.map((r) => ({
      month: String(r.month),
      key: String(r.k),
      amountMinor: Number(r.amount),
      costMinor: Number(r.cost),
    }));
  }

  /**
   * One reseller's charges in the range summed by month, customer and product (the reseller's own dashboard prices
   * them at its markups): a reseller's year is a few thousand charges, read from the charges' reseller index.
   */
  async customerCharges(
    ctx: RequestContext,
    range: { from: string; to: string },
    currency: string,
    resellerId: string,
  ): Promise<{ month: string; customerId: string; productTitle: string; amountMinor: number }[]> {
    const rows = await this.db.query<Record<string, unknown>>(
      ctx,
      `SELECT SUBSTR(c.at, 1, 7) AS month, c.customer_id, c.product_title, SUM(c.amount_minor) AS amount
       FROM ${SUBSCRIPTION_CHARGES} c WHERE c.reseller_id = ? AND c.currency = ? AND c.at >= ? AND c.at < ?
       GROUP BY SUBSTR(c.at, 1, 7), c.customer_id, c.product_title ORDER BY 1, 2, 3`,
      [resellerId, currency, range.from, range.to],
    );
    return rows.map((r) => ({
      month: String(r.month),
      customerId: String(r.customer_id),
      productTitle: String(r.product_title),
      amountMinor: Number(r.amount),
    }));
  }

  /** The resellers that brought the most revenue in the range, with their cost. */
  async topResellers(
    ctx: RequestContext,
    range: { from: string; to: string },
    currency: string,
    limit: number,
  ): Promise<{ resellerId: string; name: string; amountMinor: number; costMinor: number }[]> {
    const rows = await this.db.query<Record<string, unknown>>(
      ctx,
      `SELECT t.reseller_id, r.company_name, t.amount, t.cost FROM (
         SELECT reseller_id, SUM(amount_minor) AS amount, SUM(cost_minor) AS cost FROM revenue_reseller_month
         WHERE currency = ? AND month >= ? AND month < ? GROUP BY reseller_id) t
       JOIN ${RESELLERS} r ON r.id = t.reseller_id ORDER BY t.amount DESC, t.reseller_id LIMIT ?`,
      [currency, range.from.slice(0, 7), range.to.slice(0, 7), limit],
    );
    return rows.map((r) => ({
      resellerId: String(r.reseller_id),
      name: String(r.company_name),
      amountMinor: Number(r.amount),
      costMinor: Number(r.cost),
    }));
  }

  /** Active subscriptions renewing automatically between two instants: their term ends and current value. */
  async renewing(
    ctx: RequestContext,
    from: string,
    to: string,
    currency: string,
    resellerId: string | null,
  ): Promise<{ termEnd: string; valueMinor: number }[]> {
    const rows = await this.db.query<Record<string, unknown>>(
      ctx,
      `SELECT s.term_end, s.quantity * s.unit_price_minor AS value FROM ${SUBSCRIPTIONS} s
       WHERE s.status = 'ACTIVE' AND s.auto_renew = ? AND s.currency = ? AND s.term_end >= ? AND s.term_end < ?${resellerId ? ' AND s.reseller_id = ?' : ''}`,
      [this.db.kind === 'postgres' ? true : 1, currency, from, to, ...(resellerId ? [resellerId] : [])],
    );
    return rows.map((r) => ({ termEnd: String(r.term_end), valueMinor: Number(r.value) }));
  }

  /** Seats sold and returned (R24) by the month of their order. */
  async returnsByMonth(
    ctx: RequestContext,
    range: { from: string; to: string },
    resellerId: string | null,
  ): Promise<{ month: string; seats: number; returned: number }[]> {
    const rows = await this.db.query<Record<string, unknown>>(
      ctx,
      `SELECT SUBSTR(l.placed_at, 1, 7) AS month, SUM(l.quantity) AS seats, SUM(l.returned_quantity) AS returned
       FROM ${ORDER_LINES} l WHERE l.placed_at >= ? AND l.placed_at < ?${resellerId ? ' AND l.reseller_id = ?' : ''}
       GROUP BY SUBSTR(l.placed_at, 1, 7) ORDER BY 1`,
      [range.from, range.to, ...(resellerId ? [resellerId] : [])],
    );
    return rows.map((r) => ({ month: String(r.month), seats: Number(r.seats), returned: Number(r.returned) }));
  }

  /** Terms requests answered in the range (when they began waiting and when answered), and those still open. */
  async termsRequests(
    ctx: RequestContext,
    range: { from: string; to: string },
  ): Promise<{ status: string; waitingSince: string; decidedAt: string | null }[]> {
    const rows = await this.db.query<Record<string, unknown>>(
      ctx,
      `SELECT t.status, t.waiting_since, t.decided_at FROM ${TERMS_REQUESTS} t
       WHERE (t.decided_at >= ? AND t.decided_at < ?) OR t.decided_at IS NULL`,
      [range.from, range.to],
    );
    return rows.map((r) => ({
      status: String(r.status),
      waitingSince: String(r.waiting_since),
      decidedAt: r.decided_at == null ? null : String(r.decided_at),
    }));
  }
}

/** Adds a charge's figures to the sum of its group (`key`), starting the group with it. */
function addTo(groups: Map<string, RevenueSum>, key: readonly string[], charge: RevenueSum): void {
  const id = key.join('\u0000');
  const sum = groups.get(id);
  if (!sum) groups.set(id, { ...charge });
  else {
    sum.charges += charge.charges;
    sum.amountMinor += charge.amountMinor;
    sum.costMinor += charge.costMinor;
  }
}

/**
 * Adds sums to a table's rows by their keys (inserting the rows not there yet), a few hundred rows a statement: well
 * inside both engines' limits on bound values.
 */
async function upsertSums(
  m: EntityManager,
  table: string,
  keys: readonly string[],
  values: unknown[][],
): Promise<void> {
  const columns = [...keys, ...SUMS];
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  for (let start = 0; start < values.length; start += 200) {
    const chunk = values.slice(start, start + 200);
    await m.query(
      portable(
        kindOf(m),
        `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${chunk.map(() => tuple).join(', ')}
         ON CONFLICT (${keys.join(', ')}) DO UPDATE SET ${SUMS.map((c) => `${c} = ${table}.${c} + excluded.${c}`).join(', ')}`,
      ),
      chunk.flat(),
    );
  }
}
