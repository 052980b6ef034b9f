import { addMonths, daysBetween } from './calendar.js';
import { BILLING_PLAN_MONTHS, TERM_MONTHS, type BillingPlan, type Term } from './catalog.js';
import { money, prorateDown, type Money } from './money.js';
import type { SubscriptionState } from './subscriptions.js';
import { allow, deny, fail, ok, type Outcome, type Verdict } from './verdict.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The end of a term that starts at `start`: its length in calendar months later (UTC), see `addMonths`. */
export function termEndOf(start: Date, term: Exclude<Term, 'NONE'>): Date {
  return addMonths(start, TERM_MONTHS[term]!);
}

/**
 * The billing period of a term that contains `at`: monthly, annual or the whole term (upfront), never past the
 * term end. What one seat's price pays for, and what added seats are prorated over (S4).
 */
export function billingPeriodAt(
  term: { start: Date; end: Date; billingPlan: BillingPlan },
  at: Date,
): { start: Date; end: Date; days: number } {
  const months = BILLING_PLAN_MONTHS[term.billingPlan];
  let start = term.start;
  let end = term.end;
  if (months) {
    for (let k = 1; ; k += 1) {
      const next = addMonths(term.start, k * months);
      if (next.getTime() > at.getTime() || next.getTime() >= term.end.getTime()) {
        end = next.getTime() < term.end.getTime() ? next : term.end;
        break;
      }
      start = next;
    }
  }
  return { start, end, days: Math.max(1, daysBetween(start, end)) };
}

// S8: a renewal runs the day after the term end date, from 00:00 UTC.
export function renewalDay(termEnd: Date): Date {
  return new Date(Date.UTC(termEnd.getUTCFullYear(), termEnd.getUTCMonth(), termEnd.getUTCDate() + 1));
}

// S11: scheduled changes close this long before the term end, so what renews is what the reseller saw.
export const SCHEDULE_CUTOFF_HOURS = 24;

export interface RenewingSubscription {
  state: SubscriptionState;
  autoRenew: boolean;
  termEnd: Date;
  trial?: boolean;
}

export type ScheduleCode = 'SUBSCRIPTION_NOT_ACTIVE' | 'AUTO_RENEW_OFF' | 'SCHEDULE_CLOSED';

/** S10, S11: may changes for the next term be scheduled (or changed) at `now`? */
export function canScheduleChanges(subscription: RenewingSubscription, now: Date): Verdict<ScheduleCode> {
  if (subscription.state !== 'ACTIVE')
    return deny('SUBSCRIPTION_NOT_ACTIVE', 'Only an active subscription renews; changes for its next term need one.');
  if (!subscription.autoRenew)
    return deny('AUTO_RENEW_OFF', 'The subscription ends at its term end: turn auto-renew on to schedule changes.', {
      kind: 'action',
      label: 'Turn auto-renew on',
    });
  const closesAt = new Date(subscription.termEnd.getTime() - SCHEDULE_CUTOFF_HOURS * HOUR);
  if (now.getTime() >= closesAt.getTime())
    return deny(
      'SCHEDULE_CLOSED',
      `Changes for the next term closed on ${closesAt.toISOString()}, a day before the term ends; the subscription renews as it is.`,
    );
  return allow();
}

/** S10: what wipes the changes scheduled for the next term. */
export const WIPES_SCHEDULED_CHANGES = [
  'CANCEL',
  'AUTO_RENEW_OFF',
  'QUANTITY_CHANGE',
  'UPGRADE',
  'TRIAL_CONVERSION',
  'SUSPEND',
] as const;
export type ScheduleWiper = (typeof WIPES_SCHEDULED_CHANGES)[number];

/** The warning to show before an action that drops the next term's scheduled changes; null when it keeps them. */
export function scheduledChangesWarning(action: string, hasScheduledChanges: boolean): string | null {
  if (!hasScheduledChanges || !(WIPES_SCHEDULED_CHANGES as readonly string[]).includes(action)) return null;
  return 'This removes the changes scheduled for the next term; schedule them again afterwards if they still apply.';
}

export type TermChangeCode = 'TERM_NOT_LONGER' | 'BILLING_CHANGE_NOT_ALLOWED';

const TERM_RANK: Record<Exclude<Term, 'NONE'>, number> = { P1M: 1, P1Y: 2, P3Y: 3 };

/** S12: a term changes mid-term only to a longer one. */
export function canChangeTerm(from: Exclude<Term, 'NONE'>, to: Exclude<Term, 'NONE'>): Verdict<TermChangeCode> {
  return TERM_RANK[to] > TERM_RANK[from]
    ? allow()
    : deny('TERM_NOT_LONGER', `A term changes mid-term only to a longer one; ${to} is not longer than ${from}.`);
}

/** S12: the billing frequency alone changes mid-term only on a three-year term, between monthly and annual. */
export function canChangeBilling(term: Term, from: BillingPlan, to: BillingPlan): Verdict<TermChangeCode> {
  const monthlyOrAnnual = (plan: BillingPlan) => plan === 'MONTHLY' || plan === 'ANNUAL';
  return term === 'P3Y' && from !== to && monthlyOrAnnual(from) && monthlyOrAnnual(to)
    ? allow()
    : deny(
        'BILLING_CHANGE_NOT_ALLOWED',
        'Only a three-year term changes its billing mid-term, between monthly and annual; schedule it for the next term otherwise.',
      );
}

/** An upgrade path from the catalog: a SKU may become another, higher-priced SKU. */
export interface UpgradePath {
  fromSku: string;
  toSku: string;
}

export type UpgradeCode = 'UPGRADE_PATH_MISSING' | 'UPGRADE_QUANTITY_INVALID';

/**
 * S13: an upgrade follows a path the catalog lists (there are no downgrades). A full upgrade moves every seat
 * and keeps the subscription; a partial one moves some seats into a new subscription ending with it.
 */
export function decideUpgrade(
  fromSku: string,
  toSku: string,
  paths: readonly UpgradePath[],
  seats: number,
  held: number,
): Outcome<{ kind: 'FULL' | 'PARTIAL' }, UpgradeCode> {
  if (!paths.some((p) => p.fromSku === fromSku && p.toSku === toSku))
    return fail('UPGRADE_PATH_MISSING', `Microsoft has no upgrade from ${fromSku} to ${toSku}.`);
  if (!Number.isSafeInteger(seats) || seats < 1 || seats > held)
    return fail('UPGRADE_QUANTITY_INVALID', `Upgrade 1 to ${held} seat(s).`);
  return ok({ kind: seats === held ? 'FULL' : 'PARTIAL' });
}

export type CoTermCode = 'COTERM_MONTHLY_TARGET' | 'COTERM_TRIAL' | 'COTERM_DATE_INVALID';

/**
 * S15: a new subscription may end with an existing one of the customer, or at a month end: its first term is
 * shortened to that date. Its first billing period is charged for exactly the days it covers: the whole first term
 * when the seat's price pays for the term (no `billingPlan`, or an upfront plan), else the first month or year, cut
 * short when the term ends inside it. Annual and three-year terms do not co-term with a monthly subscription; trials
 * do not co-term.
 */
export function coTermFirstTerm(request: {
  start: Date;
  term: Exclude<Term, 'NONE'>;
  unitPrice: Money;
  endWith: { date: Date; term?: Exclude<Term, 'NONE'> };
  billingPlan?: BillingPlan;
  trial?: boolean;
}): Outcome<{ end: Date; firstPeriodEnd: Date; days: number; fullDays: number; unitCharge: Money }, CoTermCode> {
  if (request.trial) return fail('COTERM_TRIAL', 'A trial cannot end with another subscription.');
  if (request.term !== 'P1M' && request.endWith.term === 'P1M')
    return fail('COTERM_MONTHLY_TARGET', 'An annual or three-year subscription cannot end with a monthly one.');
  const fullEnd = termEndOf(request.start, request.term);
  const end = request.endWith.date;
  if (end.getTime() <= request.start.getTime() || end.getTime() > fullEnd.getTime())
    return fail(
      'COTERM_DATE_INVALID',
      `The end date must fall after the start and by ${fullEnd.toISOString().slice(0, 10)}, the end of a full term.`,
    );
  const months = request.billingPlan ? BILLING_PLAN_MONTHS[request.billingPlan] : null;
  const periodEnd = months ? addMonths(request.start, months) : fullEnd;
  const fullPeriodEnd = periodEnd.getTime() < fullEnd.getTime() ? periodEnd : fullEnd;
  const firstPeriodEnd = end.getTime() < fullPeriodEnd.getTime() ? end : fullPeriodEnd;
  const fullDays = daysBetween(request.start, fullPeriodEnd);
  const days = Math.ceil((firstPeriodEnd.getTime() - request.start.getTime()) / DAY);
  return ok({ end, firstPeriodEnd, days, fullDays, unitCharge: prorateDown(request.unitPrice, days, fullDays) });
}

/** The last instant of the calendar month `date` falls in (UTC), a co-term choice (S15). */
export const monthEndOf = (date: Date): Date =>
  new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1) - 1);

/**
 * S15: the calendar-month-aligned end of a term starting at `start`: the last month end on or before the end of a
 * full term, so the first term is at most a full one.
 */
export function monthAlignedEnd(start: Date, term: Exclude<Term, 'NONE'>): Date {
  const fullEnd = termEndOf(start, term);
  const sameMonth = monthEndOf(fullEnd);
  return sameMonth.getTime() <= fullEnd.getTime()
    ? sameMonth
    : new Date(Date.UTC(fullEnd.getUTCFullYear(), fullEnd.getUTCMonth(), 1) - 1);
}

/** An end date Microsoft offers a new subscription's first term (`GET …/subscriptions/customTermEndDates`). */
export interface AllowedTermEnd {
  kind: 'CALENDAR_MONTH' | 'SUBSCRIPTION';
  /** The end's calendar day (UTC), as Microsoft names it. */
  date: string;
  /** The subscriptions that end that day (empty for a month end). */
  subscriptionIds: string[];
}

/**
 * S15: the custom end dates a new subscription of `term` bought at `start` may take: the calendar-month-aligned end,
 * and the term end of every active, non-trial subscription of the customer it may co-term with, grouped by day.
 */
export function allowedTermEnds(
  start: Date,
  term: Exclude<Term, 'NONE'>,
  subscriptions: readonly { id: string; term: Exclude<Term, 'NONE'>; termEnd: Date; trial?: boolean }[],
): AllowedTermEnd[] {
  const day = (d: Date) => d.toISOString().slice(0, 10);
  const byDay = new Map<string, string[]>();
  for (const s of subscriptions) {
    if (s.trial) continue;
    const fits = coTermFirstTerm({
      start,
      term,
      unitPrice: money(0, 'USD'),
      endWith: { date: s.termEnd, term: s.term },
    });
    if (!fits.ok) continue;
    byDay.set(day(s.termEnd), [...(byDay.get(day(s.termEnd)) ?? []), s.id]);
  }
  return [
    { kind: 'CALENDAR_MONTH', date: day(monthAlignedEnd(start, term)), subscriptionIds: [] },
    ...[...byDay.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([date, ids]) => ({ kind: 'SUBSCRIPTION' as const, date, subscriptionIds: [...ids].sort() })),
  ];
}

// S16: a trial has 25 seats for 30 days, then converts to paid (annual term, monthly billing by default).
export const TRIAL_SEATS = 25;
export const TRIAL_DAYS = 30;
export const TRIAL_CONVERTS_TO = { term: 'P1Y', billingPlan: 'MONTHLY' } as const;

/** The end of a trial started at `start` (S16). */
export const trialEndOf = (start: Date): Date => new Date(start.getTime() + TRIAL_DAYS * DAY);

/** Whether a price-list row is a trial offer: Microsoft tags those rows "Trial" (S16). */
export const isTrialOffer = (tags: string): boolean => /(^|[;,\s])trial($|[;,\s])/i.test(tags);

/**
 * S16: the paid SKU a trial converts to: the product's SKU titled as the trial without its "Trial" suffix, else
 * the product's first SKU that is not a trial; null when the product sells none.
 */
export function paidSkuOfTrial<T extends { title: string; trial: boolean }>(
  trialTitle: string,
  skus: readonly T[],
): T | null {
  const base = trialTitle
    .replace(/\s*\(?trial\)?\s*$/i, '')
    .trim()
    .toLowerCase();
  const paid = skus.filter((s) => !s.trial);
  return paid.find((s) => s.title.trim().toLowerCase() === base) ?? paid[0] ?? null;
}

export type TrialCode = 'TRIAL_CONVERSION_TOO_FEW';

/**
 * S16: during a trial its seats and status do not change; converting before its end needs at least 25 seats,
 * fewer are scheduled for the trial's end.
 */
export function decideTrialConversion(seats: number, now: Date, trialEnd: Date): Outcome<'NOW' | 'AT_END', TrialCode> {
  if (now.getTime() >= trialEnd.getTime()) return ok('NOW');
  return seats >= TRIAL_SEATS
    ? ok('NOW')
    : fail(
        'TRIAL_CONVERSION_TOO_FEW',
        `Converting before the trial ends needs at least ${TRIAL_SEATS} seats; ${seats} can be scheduled for its end.`,
        { kind: 'action', label: 'Schedule the conversion for the trial’s end' },
      );
}

/** S17: a promotion carries into a renewal only if the renewal date falls within its dates. */
export const promotionCarriesInto = (promotion: { start: Date; end: Date }, renewal: Date): boolean =>
  renewal.getTime() >= promotion.start.getTime() && renewal.getTime() <= promotion.end.getTime();
