import {
  billingMonth,
  csvRow,
  currencyExponent,
  reconcile,
  type Mismatch,
  MISMATCH_KINDS,
  type MismatchKind,
  type ReconcilableCharge,
} from '@nce/domain';
import type { Readable } from 'node:stream';
import { MICROSOFT_FILE_COLUMNS, readMicrosoftFile } from './microsoft-file.js';
import type { ModulePermission } from '../platform/permissions.js';
import { requirePermission, type RequestContext } from '../platform/request-context.js';
import { CHARGE, type ChargeRow, type ReconciliationRepository } from './reconciliation.repository.js';

export const BillingPermission = {
  /** Finance's month-end work: the reconciliation export. */
  Reconcile: 'billing:reconcile',
  /** Closing a month: its invoices issued (S18). */
  Close: 'billing:close',
  /** The dashboard: the distributor's business for staff, a reseller's own for its users. */
  Reports: 'reports:read',
} as const satisfies Record<string, ModulePermission>;

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
  'PriceRule',
  'ChargeId',
] as const;

export type ReconciliationLine = Record<(typeof RECONCILIATION_COLUMNS)[number], string | number | null>;

/** The most mismatches a report lists (all are counted): more means the wrong file or month. */
export const MISMATCHES_LISTED = 1_000;

/** Microsoft's file matched against a month of our charges. */
export interface MatchReport {
  ourCharges: number;
  microsoftLines: number;
  matched: number;
  /** Every mismatch, by kind. */
  counts: Record<MismatchKind, number>;
  /** The first MISMATCHES_LISTED, in our charges' time order, then Microsoft's lines' order. */
  mismatches: Mismatch[];
}

/** The differences a sample of Microsoft's file plants, in turn, one a line from its first. */
export const PLANTED_KINDS: readonly MismatchKind[] = [
  'QUANTITY',
  'MISSING_AT_MICROSOFT',
  'UNIT_PRICE',
  'MISSING_HERE',
];

/** A month as finance names it: YYYY-MM; null when it is not one. */
export function monthRange(month: string): { from: string; to: string } | null {
  const parsed = billingMonth(month);
  return parsed.ok ? { from: parsed.value.from.toISOString(), to: parsed.value.to.toISOString() } : null;
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
    for await (const rows of this.pagesOf(range)) {
      let chunk = '';
      for (const row of rows) {
        const line = lineOf(row);
        chunk +=
          format === 'csv' ? csvRow(RECONCILIATION_COLUMNS.map((column) => line[column])) : `${JSON.stringify(line)}\n`;
      }
      yield chunk;
    }
  }

  /**
   * A sample of Microsoft's reconciliation file for a month, as Microsoft would send it for our charges (its columns,
   * S19), with `differences` planted in its first lines, the kinds of PLANTED_KINDS in turn: a seat more, a line
   * missing, a unit price a cent higher, a line for a subscription we never sold. For trying the match and for tests;
   * deterministic. The first chunk is the header; `planted` counts what was planted once the file is read.
   */
  async *microsoftSample(
    ctx: RequestContext,
    range: { from: string; to: string },
    differences: number,
    planted: MismatchKind[] = [],
  ): AsyncGenerator<string> {
    requirePermission(ctx, BillingPermission.Reconcile);
    yield csvRow(MICROSOFT_FILE_COLUMNS);
    const cells = (c: ReconcilableCharge) => {
      const major = 10 ** currencyExponent(c.currency);
      return [
        c.subscriptionId,
        c.chargeType,
        c.chargeStart,
        c.chargeEnd,
        c.quantity,
        c.unitPriceMinor / major,
        c.totalMinor / major,
        c.currency,
      ];
    };
    let index = 0;
    for await (const rows of this.pagesOf(range)) {
      let chunk = '';
      for (const row of rows) {
        const charge = reconcilableOf(row);
        const kind = index < differences ? PLANTED_KINDS[index % PLANTED_KINDS.length]! : null;
        index += 1;
        if (kind) planted.push(kind);
        if (kind === 'MISSING_AT_MICROSOFT') continue;
        if (kind === 'QUANTITY')
          chunk += csvRow(
            cells({ ...charge, quantity: charge.quantity + 1, totalMinor: charge.totalMinor + charge.unitPriceMinor }),
          );
        else if (kind === 'UNIT_PRICE')
          chunk += csvRow(
            cells({
              ...charge,
              unitPriceMinor: charge.unitPriceMinor + 1,
              totalMinor: charge.totalMinor + charge.quantity,
            }),
          );
        else chunk += csvRow(cells(charge));
        if (kind === 'MISSING_HERE')
          chunk += csvRow(
            cells({ ...charge, subscriptionId: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}` }),
          );
      }
      yield chunk;
    }
  }

  /**
   * S19, month end: Microsoft's reconciliation file for a month against our charges of that month, every line paired
   * or named as a mismatch (missing on either side, seats, unit price, total or currency differing). A file that
   * cannot be read stops with its line and column (`MicrosoftFileError`) before anything is matched.
   */
  async matchMicrosoftFile(
    ctx: RequestContext,
    range: { from: string; to: string },
    file: Readable,
  ): Promise<MatchReport> {
    requirePermission(ctx, BillingPermission.Reconcile);
    const microsoft = await readMicrosoftFile(file);
    const ours: ReconcilableCharge[] = [];
    for await (const rows of this.pagesOf(range)) for (const row of rows) ours.push(reconcilableOf(row));
    const outcome = reconcile(ours, microsoft);
    const counts = Object.fromEntries(MISMATCH_KINDS.map((kind) => [kind, 0])) as Record<MismatchKind, number>;
    for (const mismatch of outcome.mismatches) counts[mismatch.kind] += 1;
    return {
      ourCharges: ours.length,
      microsoftLines: microsoft.length,
      matched: outcome.matched,
      counts,
      mismatches: outcome.mismatches.slice(0, MISMATCHES_LISTED),
    };
  }

  /** A month's charges in time order, a page at a time (keyset: each page starts after the last one's time and id). */
  private async *pagesOf(range: { from: string; to: string }): AsyncGenerator<ChargeRow[]> {
    for (let after: { at: string; id: string } | null = null; ;) {
      const rows = await this.charges.page(range.from, range.to, after, this.charges.pageSize);
      if (rows.length > 0) yield rows;
      if (rows.length < this.charges.pageSize) return;
      const last = rows[rows.length - 1]!;
      after = { at: String(last[CHARGE.at]), id: String(last[CHARGE.id]) };
    }
  }
}

const text = (value: unknown): string => String(value);
const optionalText = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));

/** A charge as a line of the file. */
/** A charge as the match pairs it with Microsoft's line: their subscription id, the file's days and amounts. */
const reconcilableOf = (row: ChargeRow): ReconcilableCharge => ({
  ref: text(row[CHARGE.id]),
  subscriptionId: text(row[CHARGE.partnerSubscriptionId]),
  chargeType: text(row[CHARGE.chargeType]),
  chargeStart: text(row[CHARGE.chargeStart]).slice(0, 10),
  chargeEnd: text(row[CHARGE.chargeEnd]).slice(0, 10),
  quantity: Number(row[CHARGE.quantity]),
  unitPriceMinor: Number(row[CHARGE.unitPriceMinor]),
  totalMinor: Number(row[CHARGE.amountMinor]),
  currency: text(row[CHARGE.currency]),
});

function lineOf(row: ChargeRow): ReconciliationLine {
  const currency = text(row[CHARGE.currency]);
  const quantity = Number(row[CHARGE.quantity]);
  const amountMinor = Number(row[CHARGE.amountMinor]);
  const term = text(row[CHARGE.term]);
  // Amounts are numbers (a refund's minus sign must not read as a formula), in the currency's major unit.
  const major = 10 ** currencyExponent(currency);
  // What one seat cost in this charge: a prorated charge's total over its seats, to four decimals.
  const effective = quantity === 0 ? 0 : Number((amountMinor / quantity / major).toFixed(4));
  return {
    CustomerTenantId: optionalText(row[CHARGE.tenantId]),
    ResellerMpnId: optionalText(row[CHARGE.mpnId]),
    SubscriptionId: text(row[CHARGE.partnerSubscriptionId]),
    OrderId: optionalText(row[CHARGE.soNumber]),
    ProductId: text(row[CHARGE.productId]),
    SkuId: text(row[CHARGE.skuId]),
    SkuName: text(row[CHARGE.skuTitle]),
    ChargeStartDate: text(row[CHARGE.chargeStart]).slice(0, 10),
    ChargeEndDate: text(row[CHARGE.chargeEnd]).slice(0, 10),
    TermAndBillingCycle: `${term === 'NONE' ? 'None' : term} ${text(row[CHARGE.billingPlan]).toLowerCase()}`,
    UnitPrice: Number(row[CHARGE.unitPriceMinor]) / major,
    EffectiveUnitPrice: effective,
    BillableQuantity: quantity,
    ChargeType: text(row[CHARGE.chargeType]),
    Total: amountMinor / major,
    Currency: currency,
    ChargedAt: text(row[CHARGE.at]),
    PaymentMethod: text(row[CHARGE.paymentMethod]),
    Reseller: text(row[CHARGE.resellerName]),
    PriceRule: optionalText(row[CHARGE.priceRule]),
    ChargeId: text(row[CHARGE.id]),
  };
}
