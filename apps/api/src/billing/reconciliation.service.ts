import { csvRow, currencyExponent } from '@nce/domain';
import type { ModulePermission } from '../platform/permissions.js';
import { requirePermission, type RequestContext } from '../platform/request-context.js';
import type { ReconciliationRepository, ReconciliationRow } from './reconciliation.repository.js';

export const BillingPermission = {
  /** Finance's month-end work: the reconciliation export. */
  Reconcile: 'billing:reconcile',
} as const satisfies Record<string, ModulePermission>;

/** Charges read a page at a time: memory stays flat whatever the month holds. */
const PAGE = 1_000;

/** The reconciliation file's columns: Microsoft's (S19), then ours. */
export const RECONCILIATION_COLUMNS = [
  'CustomerTenantId',
  'ResellerMpnId',
  'SubscriptionId',
  'OrderId',
  'ProductId',
  'SkuId',
  'SkuName',
  'ChargeStartDate',
  'ChargeEndDate',
  'TermAndBillingCycle',
  'UnitPrice',
  'EffectiveUnitPrice',
  'BillableQuantity',
  'ChargeType',
  'Total',
  'Currency',
  'ChargedAt',
  'PaymentMethod',
  'Reseller',
  'ChargeId',
] as const;

export type ReconciliationLine = Record<(typeof RECONCILIATION_COLUMNS)[number], string | number | null>;

/** A month as finance names it: YYYY-MM; null when it is not one. */
export function monthRange(month: string): { from: string; to: string } | null {
  const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month);
  if (!match) return null;
  const year = Number(match[1]);
  const index = Number(match[2]) - 1;
  if (year < 2000 || year > 2100) return null;
  return {
    from: new Date(Date.UTC(year, index, 1)).toISOString(),
    to: new Date(Date.UTC(year, index + 1, 1)).toISOString(),
  };
}

/**
 * S18, S19: a month's charges as a reconciliation file, one line a charge, in time order; CSV (spreadsheet-safe
 * cells) or JSON lines. A generator: the caller writes each chunk as it comes.
 */
export class ReconciliationService {
  constructor(private readonly charges: ReconciliationRepository) {}

  async *export(
    ctx: RequestContext,
    range: { from: string; to: string },
    format: 'csv' | 'jsonl',
  ): AsyncGenerator<string> {
    requirePermission(ctx, BillingPermission.Reconcile);
    if (format === 'csv') yield csvRow(RECONCILIATION_COLUMNS);
    let after: { at: string; id: string } | null = null;
    for (;;) {
      const rows = await this.charges.page(range.from, range.to, after, PAGE);
      if (rows.length === 0) return;
      yield rows
        .map((row) => {
          const line = lineOf(row);
          return format === 'csv'
            ? csvRow(RECONCILIATION_COLUMNS.map((column) => line[column]))
            : `${JSON.stringify(line)}\n`;
        })
        .join('');
      const last = rows[rows.length - 1]!;
      after = { at: last.chargedAt, id: last.chargeId };
      if (rows.length < PAGE) return;
    }
  }
}

function lineOf(row: ReconciliationRow): ReconciliationLine {
  // Amounts are numbers (a refund's minus sign must not read as a formula), in the currency's major unit.
  const major = 10 ** currencyExponent(row.currency);
  const amount = (minor: number) => minor / major;
  // What one seat cost in this charge: a prorated charge's total over its seats, to four decimals.
  const effective = row.quantity === 0 ? 0 : Number((row.amountMinor / row.quantity / major).toFixed(4));
  return {
    CustomerTenantId: row.tenantId,
    ResellerMpnId: row.mpnId,
    SubscriptionId: row.partnerSubscriptionId,
    OrderId: row.soNumber,
    ProductId: row.productId,
    SkuId: row.skuId,
    SkuName: row.skuTitle,
    ChargeStartDate: row.chargeStart.slice(0, 10),
    ChargeEndDate: row.chargeEnd.slice(0, 10),
    TermAndBillingCycle: `${row.term === 'NONE' ? 'None' : row.term} ${row.billingPlan.toLowerCase()}`,
    UnitPrice: amount(row.unitPriceMinor),
    EffectiveUnitPrice: effective,
    BillableQuantity: row.quantity,
    ChargeType: row.chargeType,
    Total: amount(row.amountMinor),
    Currency: row.currency,
    ChargedAt: row.chargedAt,
    PaymentMethod: row.paymentMethod,
    Reseller: row.resellerName,
    ChargeId: row.chargeId,
  };
}
