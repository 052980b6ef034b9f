import { fail, ok, type Outcome } from './verdict.js';
import type { PriceSegment } from './segments.js';

/** NCE term durations (ISO 8601 as Microsoft writes them); NONE for perpetual software. */
export const TERMS = ['P1M', 'P1Y', 'P3Y', 'NONE'] as const;
export type Term = (typeof TERMS)[number];

export const BILLING_PLANS = ['MONTHLY', 'ANNUAL', 'TRIENNIAL', 'ONE_TIME'] as const;
export type BillingPlan = (typeof BILLING_PLANS)[number];

export const TERM_LABELS: Record<Term, string> = {
  P1M: 'Monthly term',
  P1Y: 'Annual term',
  P3Y: 'Triennial term',
  NONE: 'Perpetual',
};
export const BILLING_PLAN_LABELS: Record<BillingPlan, string> = {
  MONTHLY: 'Billed monthly',
  ANNUAL: 'Billed annually',
  TRIENNIAL: 'Billed every three years',
  ONE_TIME: 'One-time payment',
};

/** Months a term lasts; perpetual software has no end. */
export const TERM_MONTHS: Record<Term, number | null> = { P1M: 1, P1Y: 12, P3Y: 36, NONE: null };

export const BILLING_PLAN_MONTHS: Record<BillingPlan, number | null> = {
  MONTHLY: 1,
  ANNUAL: 12,
  TRIENNIAL: 36,
  ONE_TIME: null,
};

export type PriceListValueError =
  'TERM_UNKNOWN' | 'BILLING_PLAN_UNKNOWN' | 'SEGMENT_UNKNOWN' | 'BILLING_PLAN_LONGER_THAN_TERM';

/** TermDuration of Microsoft's price list: P1M, P1Y, P3Y; blank or "None" for perpetual software. */
export function parseTerm(text: string): Outcome<Term, PriceListValueError> {
  const value = text.trim().toUpperCase();
  if (value === '' || value === 'NONE') return ok('NONE');
  if (value === 'P1M' || value === 'P1Y' || value === 'P3Y') return ok(value);
  return fail('TERM_UNKNOWN', `"${text}" is not a term duration (P1M, P1Y, P3Y, or blank for perpetual)`);
}

export function parseBillingPlan(text: string): Outcome<BillingPlan, PriceListValueError> {
  const value = text
    .trim()
    .toLowerCase()
    .replace(/[\s_-]/g, '');
  const plans: Record<string, BillingPlan> = {
    monthly: 'MONTHLY',
    annual: 'ANNUAL',
    triennial: 'TRIENNIAL',
    onetime: 'ONE_TIME',
  };
  const plan = plans[value];
  return plan
    ? ok(plan)
    : fail('BILLING_PLAN_UNKNOWN', `"${text}" is not a billing plan (Monthly, Annual, Triennial, OneTime)`);
}

/** Microsoft writes the nonprofit segment as "Charity" in its price lists. */
export function parsePriceSegment(text: string): Outcome<PriceSegment, PriceListValueError> {
  const value = text.trim().toLowerCase();
  if (value === 'commercial') return ok('COMMERCIAL');
  if (value === 'education' || value === 'academic') return ok('EDUCATION');
  if (value === 'charity' || value === 'nonprofit') return ok('NONPROFIT');
  return fail(
    'SEGMENT_UNKNOWN',
    `"${text}" is not a price segment (Commercial, Education, Charity/Nonprofit); Government buys at the Commercial price`,
  );
}

/** A billing plan cannot bill less often than the term lasts (no triennial billing of a monthly term). */
export function billingPlanFitsTerm(term: Term, plan: BillingPlan): Outcome<true, PriceListValueError> {
  const termMonths = TERM_MONTHS[term];
  const planMonths = BILLING_PLAN_MONTHS[plan];
  if (termMonths === null) {
    return plan === 'ONE_TIME'
      ? ok(true)
      : fail('BILLING_PLAN_LONGER_THAN_TERM', 'Perpetual software is paid once (OneTime billing plan)');
  }
  if (planMonths === null || planMonths <= termMonths) return ok(true);
  return fail(
    'BILLING_PLAN_LONGER_THAN_TERM',
    `A ${TERM_LABELS[term].toLowerCase()} cannot be ${BILLING_PLAN_LABELS[plan].toLowerCase()}`,
  );
}

export const isPerpetual = (term: Term): boolean => term === 'NONE';

const PER_PERIOD: Record<BillingPlan, string> = {
  MONTHLY: 'per user / month',
  ANNUAL: 'per user / year',
  TRIENNIAL: 'per user / 3 years',
  ONE_TIME: 'per licence',
};

/** What a price list's unit price buys: one seat for one billing period, or one perpetual licence. */
export const priceUnit = (billingPlan: BillingPlan): string => PER_PERIOD[billingPlan];
