import type { Database } from '../db/database.js';
import { ORDERS } from '../orders/published.js';
import { RESELLERS } from '../resellers/published.js';
import { SUBSCRIPTION_CHARGES } from '../subscriptions/published.js';

/**
 * One charge as the reconciliation file has it (S19), with our SO number, reseller and price-book rule: the page
 * statement's columns in order, read as an array (a month is millions of rows; an object each cost more than the
 * statement).
 */
export const CHARGE = {
  id: 0,
  at: 1,
  chargeType: 2,
  quantity: 3,
  unitPriceMinor: 4,
  amountMinor: 5,
  currency: 6,
  chargeStart: 7,
  chargeEnd: 8,
  paymentMethod: 9,
  partnerSubscriptionId: 10,
  tenantId: 11,
  productId: 12,
  skuId: 13,
  skuTitle: 14,
  term: 15,
  billingPlan: 16,
  soNumber: 17,
  resellerName: 18,
  mpnId: 19,
  priceRule: 20,
} as const;

export type ChargeRow = readonly unknown[];

/**
 * A page of a period's charges in time order. The charges drive the join (`CROSS JOIN` keeps them first on SQLite,
 * where statistics made it start from the resellers and sort the whole month for every page: 150 ms a page of a
 * 100,000-charge month), so each page starts where the last ended on the charges' time index.
 */
export const reconciliationPageSql = (after: boolean, limit: number): string =>
  `SELECT c.id, c.at, c.charge_type, c.quantity, c.unit_price_minor, c.amount_minor, c.currency, c.charge_start,
     c.charge_end, c.payment_method, c.partner_subscription_id, c.tenant_id, c.product_id, c.sku_id, c.sku_title,
     c.term, c.billing_plan, o.so_number, r.company_name, r.mpn_location_id, c.price_rule
   FROM ${SUBSCRIPTION_CHARGES} c
   CROSS JOIN ${RESELLERS} r
   LEFT JOIN ${ORDERS} o ON o.id = c.order_id
   WHERE r.id = c.reseller_id AND c.at >= ? AND c.at < ?${after ? ' AND (c.at, c.id) > (?, ?)' : ''}
   ORDER BY c.at, c.id LIMIT ${Number(limit)}`;

/** Charges of a period in time order, a page at a time (the month's file streams whatever its size). */
export class ReconciliationRepository {
  /**
   * Charges read a page at a time, so memory stays flat whatever the month holds. On PostgreSQL each page is a
   * statement and a round trip (5,000 a page: 85k lines/s against 47k at 1,000); on SQLite a page is an in-process
   * call, and larger pages only raised the peak memory (1,000: 290 MB at 1M charges, 5,000: 395 MB).
   */
  readonly pageSize: number;

  constructor(private readonly db: Database) {
    this.pageSize = db.kind === 'postgres' ? 5_000 : 1_000;
  }

  async page(from: string, to: string, after: { at: string; id: string } | null, limit: number): Promise<ChargeRow[]> {
    // The range starts at the last page's end, not the month's: SQLite seeks the time index to the range's lower
    // bound and would otherwise step over every earlier charge again on each page (the file quadratic in the month).
    return this.db.selectRows(reconciliationPageSql(after !== null, limit), [
      after ? after.at : from,
      to,
      ...(after ? [after.at, after.id] : []),
    ]);
  }
}
