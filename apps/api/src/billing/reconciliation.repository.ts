import type { Database } from '../db/database.js';
import { ORDERS } from '../orders/published.js';
import { RESELLERS } from '../resellers/published.js';
import { SUBSCRIPTION_CHARGES } from '../subscriptions/published.js';

/** One charge as the reconciliation file has it (S19), with our SO number and reseller. */
export interface ReconciliationRow {
  chargeId: string;
  chargedAt: string;
  chargeType: string;
  quantity: number;
  unitPriceMinor: number;
  amountMinor: number;
  currency: string;
  chargeStart: string;
  chargeEnd: string;
  paymentMethod: string;
  partnerSubscriptionId: string;
  tenantId: string | null;
  soNumber: string | null;
  resellerName: string;
  mpnId: string | null;
  productId: string;
  skuId: string;
  skuTitle: string;
  term: string;
  billingPlan: string;
}

/**
 * A page of a period's charges in time order. The charges drive the join (`CROSS JOIN` keeps them first on SQLite,
 * where statistics made it start from the resellers and sort the whole month for every page: 150 ms a page of a
 * 100,000-charge month), so each page starts where the last ended on the charges' time index.
 */
export const reconciliationPageSql = (after: boolean, limit: number): string =>
  `SELECT c.id, c.at, c.charge_type, c.quantity, c.unit_price_minor, c.amount_minor, c.currency, c.charge_start,
     c.charge_end, c.payment_method, c.partner_subscription_id, c.tenant_id, c.product_id, c.sku_id, c.sku_title,
     c.term, c.billing_plan, o.so_number, r.company_name, r.mpn_location_id
   FROM ${SUBSCRIPTION_CHARGES} c
   CROSS JOIN ${RESELLERS} r
   LEFT JOIN ${ORDERS} o ON o.id = c.order_id
   WHERE r.id = c.reseller_id AND c.at >= ? AND c.at < ?${after ? ' AND (c.at, c.id) > (?, ?)' : ''}
   ORDER BY c.at, c.id LIMIT ${Number(limit)}`;

/** Charges of a period in time order, a page at a time (the month's file streams whatever its size). */
export class ReconciliationRepository {
  constructor(private readonly db: Database) {}

  async page(
    from: string,
    to: string,
    after: { at: string; id: string } | null,
    limit: number,
  ): Promise<ReconciliationRow[]> {
    const rows = await this.db.select<Record<string, unknown>>(reconciliationPageSql(after !== null, limit), [
      from,
      to,
      ...(after ? [after.at, after.id] : []),
    ]);
    return rows.map((r) => ({
      chargeId: String(r.id),
      chargedAt: String(r.at),
      chargeType: String(r.charge_type),
      quantity: Number(r.quantity),
      unitPriceMinor: Number(r.unit_price_minor),
      amountMinor: Number(r.amount_minor),
      currency: String(r.currency),
      chargeStart: String(r.charge_start),
      chargeEnd: String(r.charge_end),
      paymentMethod: String(r.payment_method),
      partnerSubscriptionId: String(r.partner_subscription_id),
      tenantId: (r.tenant_id as string | null) ?? null,
      soNumber: (r.so_number as string | null) ?? null,
      resellerName: String(r.company_name),
      mpnId: (r.mpn_location_id as string | null) ?? null,
      productId: String(r.product_id),
      skuId: String(r.sku_id),
      skuTitle: String(r.sku_title),
      term: String(r.term),
      billingPlan: String(r.billing_plan),
    }));
  }
}
