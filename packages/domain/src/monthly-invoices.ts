import { parseMoney } from './money.js';
import { fail, ok, type Outcome } from './verdict.js';

/**
 * S18, S20: the month closes into one invoice per reseller and currency, summing the month's charges (new
 * subscriptions, seat changes, cycle charges, renewals, conversions, cancellations and credits). Card-paid charges
 * were paid when made and show as paid; charges on terms are due the reseller's net days after the invoice. An
 * issued invoice is never edited: a correction is a credit note and a new invoice.
 */

/** The charges of one reseller's month in one currency and payment method, summed. */
export interface ChargeSum {
  paymentMethod: 'CREDIT_CARD' | 'TERMS';
  /** Sum of the charges in minor units; refunds and credits are negative. */
  amountMinor: number;
  charges: number;
}

export interface MonthlyInvoiceTotals {
  charges: number;
  subtotalMinor: number;
  taxMinor: number;
  totalMinor: number;
  /** Card-paid charges with their tax: paid when made. */
  paidMinor: number;
  /** Terms charges with their tax: what the reseller owes by the due date (negative: a credit to it). */
  dueMinor: number;
}

/** Tax on an amount, rounded half away from zero to the minor unit (a credit's tax is a negative amount). */
export const taxOf = (amountMinor: number, rateBasisPoints: number): number =>
  Math.sign(amountMinor) * Math.floor((Math.abs(amountMinor) * rateBasisPoints + 5_000) / 10_000);

/** One reseller's month in one currency: what was paid by card and what is due on terms, each with its tax. */
export function monthlyInvoiceTotals(sums: readonly ChargeSum[], taxRateBasisPoints: number): MonthlyInvoiceTotals {
  const part = (method: ChargeSum['paymentMethod']) =>
    sums.filter((s) => s.paymentMethod === method).reduce((sum, s) => sum + s.amountMinor, 0);
  const card = part('CREDIT_CARD');
  const terms = part('TERMS');
  const cardTax = taxOf(card, taxRateBasisPoints);
  const termsTax = taxOf(terms, taxRateBasisPoints);
  return {
    charges: sums.reduce((n, s) => n + s.charges, 0),
    subtotalMinor: card + terms,
    taxMinor: cardTax + termsTax,
    totalMinor: card + terms + cardTax + termsTax,
    paidMinor: card + cardTax,
    dueMinor: terms + termsTax,
  };
}

/** A month as finance names it, YYYY-MM, and its first and next month's first instants. */
export function billingMonth(month: string): Outcome<{ month: string; from: Date; to: Date }, 'MONTH_INVALID'> {
  const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month);
  const year = Number(match?.[1]);
  if (!match || year < 2000 || year > 2100) return fail('MONTH_INVALID', 'Name the month as YYYY-MM, e.g. 2026-11.');
  const index = Number(match[2]) - 1;
  return ok({ month, from: new Date(Date.UTC(year, index, 1)), to: new Date(Date.UTC(year, index + 1, 1)) });
}

/** S18: a month closes once it has ended; its charges are all written by then. */
export function canCloseMonth(
  month: string,
  now: Date,
): Outcome<{ from: Date; to: Date }, 'MONTH_INVALID' | 'MONTH_NOT_ENDED'> {
  const parsed = billingMonth(month);
  if (!parsed.ok) return parsed;
  if (now.getTime() < parsed.value.to.getTime())
    return fail(
      'MONTH_NOT_ENDED',
      `${month} has not ended; it closes from ${parsed.value.to.toISOString().slice(0, 10)}.`,
    );
  return ok({ from: parsed.value.from, to: parsed.value.to });
}

/** An invoice's number: the month and its place among the month's invoices, e.g. MI-202611-00042. */
export const monthlyInvoiceNumber = (month: string, ordinal: number): string =>
  `MI-${month.replace('-', '')}-${String(ordinal).padStart(5, '0')}`;

/** When terms charges are due: `netDays` after the invoice's day. */
export const dueDateOf = (issuedAt: Date, netDays: number): string =>
  new Date(Date.UTC(issuedAt.getUTCFullYear(), issuedAt.getUTCMonth(), issuedAt.getUTCDate() + netDays))
    .toISOString()
    .slice(0, 10);

/** A credit note's number: the same month's sequence as its invoices, e.g. CN-202611-00043. */
export const creditNoteNumber = (month: string, ordinal: number): string =>
  `CN-${month.replace('-', '')}-${String(ordinal).padStart(5, '0')}`;

/** A line a correction adds to an invoice (a goodwill credit, a price put right), settled on the reseller's account. */
export interface InvoiceAdjustment {
  description: string;
  /** Negative: a credit to the reseller. */
  amountMinor: number;
}

export const MAX_ADJUSTMENTS = 20;
/** Ten million in a currency's major unit: no adjustment is larger, whatever the currency. */
const MAX_ADJUSTMENT_MINOR = 1_000_000_000;

export type CorrectionCode = 'REASON_REQUIRED' | 'ADJUSTMENT_INVALID';

/**
 * S20: what a correction must say: why (shown on the credit note) and at least one adjustment, each described and
 * non-zero. Whitespace around texts is dropped.
 */
export function correctionFromInput(
  reason: string,
  lines: readonly { description: string; amount: string }[],
  currency: string,
): Outcome<{ reason: string; adjustments: InvoiceAdjustment[] }, CorrectionCode> {
  const why = reason.trim();
  if (why.length === 0 || why.length > 500)
    return fail(
      'REASON_REQUIRED',
      'Say why the invoice is corrected (up to 500 characters): the credit note shows it.',
    );
  if (lines.length === 0 || lines.length > MAX_ADJUSTMENTS)
    return fail('ADJUSTMENT_INVALID', `Add between 1 and ${MAX_ADJUSTMENTS} adjustment lines.`);
  const adjustments: InvoiceAdjustment[] = [];
  for (const [i, line] of lines.entries()) {
    const description = line.description.trim();
    if (description.length === 0 || description.length > 200)
      return fail('ADJUSTMENT_INVALID', `Line ${i + 1}: describe the adjustment (up to 200 characters).`);
    const text = line.amount.trim();
    const parsed = parseMoney(text.replace(/^[-+]/, ''), currency);
    if (!parsed.ok) return fail('ADJUSTMENT_INVALID', `Line ${i + 1}: the amount: ${parsed.message}.`);
    const amountMinor = text.startsWith('-') ? -parsed.value.amountMinor : parsed.value.amountMinor;
    if (amountMinor === 0)
      return fail('ADJUSTMENT_INVALID', `Line ${i + 1}: give an amount other than zero (negative for a credit).`);
    if (Math.abs(amountMinor) > MAX_ADJUSTMENT_MINOR)
      return fail('ADJUSTMENT_INVALID', `Line ${i + 1}: the amount is larger than any adjustment can be.`);
    adjustments.push({ description, amountMinor });
  }
  return ok({ reason: why, adjustments });
}

/** A credit note cancels an invoice in full: every amount of it, negated. */
export const creditNoteTotals = (invoice: MonthlyInvoiceTotals): MonthlyInvoiceTotals => ({
  charges: invoice.charges,
  subtotalMinor: -invoice.subtotalMinor,
  taxMinor: -invoice.taxMinor,
  totalMinor: -invoice.totalMinor,
  paidMinor: -invoice.paidMinor,
  dueMinor: -invoice.dueMinor,
});

/**
 * S20: the invoice that replaces a corrected one: the month's charges as the close summed them, plus every
 * adjustment (the earlier corrections' and this one's), which are settled on account, so they move what is due.
 */
export function correctedInvoiceTotals(
  sums: readonly ChargeSum[],
  adjustments: readonly InvoiceAdjustment[],
  taxRateBasisPoints: number,
): MonthlyInvoiceTotals {
  const adjusted = adjustments.reduce((sum, a) => sum + a.amountMinor, 0);
  return monthlyInvoiceTotals(
    [...sums, { paymentMethod: 'TERMS', amountMinor: adjusted, charges: 0 }],
    taxRateBasisPoints,
  );
}

/** The longest period one statement covers, in months. */
export const MAX_STATEMENT_MONTHS = 24;

const monthIndex = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
const monthOfIndex = (index: number) =>
  `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;

/**
 * A statement's months, first to last (YYYY-MM, inclusive): as asked, or by default the twelve months before the
 * current one. Never more than MAX_STATEMENT_MONTHS, never ending after the current month.
 */
export function statementPeriod(
  from: string | null | undefined,
  to: string | null | undefined,
  now: Date,
): Outcome<{ from: string; to: string }, 'MONTH_INVALID' | 'PERIOD_INVALID'> {
  const current = now.getUTCFullYear() * 12 + now.getUTCMonth();
  const last = to ? billingMonth(to) : ok({ month: monthOfIndex(current - 1) });
  if (!last.ok) return last;
  const first = from ? billingMonth(from) : ok({ month: monthOfIndex(monthIndex(last.value.month) - 11) });
  if (!first.ok) return first;
  const span = monthIndex(last.value.month) - monthIndex(first.value.month) + 1;
  if (span < 1) return fail('PERIOD_INVALID', 'The first month comes after the last.');
  if (span > MAX_STATEMENT_MONTHS)
    return fail('PERIOD_INVALID', `A statement covers at most ${MAX_STATEMENT_MONTHS} months.`);
  if (monthIndex(last.value.month) > current)
    return fail('PERIOD_INVALID', 'A statement ends this month at the latest.');
  return ok({ from: first.value.month, to: last.value.month });
}

/** A statement's sums per currency: what its documents total, what was paid by card and what they ask on terms. */
export function statementTotals(
  documents: readonly { currency: string; totalMinor: number; paidMinor: number; dueMinor: number }[],
): { currency: string; totalMinor: number; paidMinor: number; dueMinor: number; documents: number }[] {
  const sums = new Map<
    string,
    { currency: string; totalMinor: number; paidMinor: number; dueMinor: number; documents: number }
  >();
  for (const d of documents) {
    const sum = sums.get(d.currency) ?? {
      currency: d.currency,
      totalMinor: 0,
      paidMinor: 0,
      dueMinor: 0,
      documents: 0,
    };
    sum.totalMinor += d.totalMinor;
    sum.paidMinor += d.paidMinor;
    sum.dueMinor += d.dueMinor;
    sum.documents += 1;
    sums.set(d.currency, sum);
  }
  return [...sums.values()].sort((a, b) => a.currency.localeCompare(b.currency));
}
