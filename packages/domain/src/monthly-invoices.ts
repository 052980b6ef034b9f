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
