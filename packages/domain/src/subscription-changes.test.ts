import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { money } from './money.js';
import {
  allowedTermEnds,
  canChangeBilling,
  canChangeTerm,
  canScheduleChanges,
  coTermFirstTerm,
  decideTrialConversion,
  isTrialOffer,
  monthAlignedEnd,
  paidSkuOfTrial,
  trialEndOf,
  decideUpgrade,
  monthEndOf,
  promotionCarriesInto,
  renewalDay,
  scheduledChangesWarning,
  termEndOf,
  billingPeriodAt,
} from './subscription-changes.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const termEnd = new Date('2027-03-01T10:00:00Z');

describe('S8, S10, S11: the next term', () => {
  it('renews the day after the term end, from midnight UTC', () => {
    expect(renewalDay(termEnd).toISOString()).toBe('2027-03-02T00:00:00.000Z');
  });

  it('takes scheduled changes on an active, auto-renewing subscription until a day before its term ends', () => {
    const sub = { state: 'ACTIVE' as const, autoRenew: true, termEnd };
    expect(canScheduleChanges(sub, new Date(termEnd.getTime() - 25 * HOUR))).toEqual({ allowed: true });
    expect(canScheduleChanges(sub, new Date(termEnd.getTime() - 24 * HOUR))).toMatchObject({ code: 'SCHEDULE_CLOSED' });
    expect(canScheduleChanges({ ...sub, autoRenew: false }, new Date(0))).toMatchObject({
      code: 'AUTO_RENEW_OFF',
      fix: { kind: 'action' },
    });
    expect(canScheduleChanges({ ...sub, state: 'SUSPENDED' }, new Date(0))).toMatchObject({
      code: 'SUBSCRIPTION_NOT_ACTIVE',
    });
  });

  it('warns before an action that wipes the scheduled changes, and only then', () => {
    for (const action of ['CANCEL', 'AUTO_RENEW_OFF', 'QUANTITY_CHANGE', 'UPGRADE', 'TRIAL_CONVERSION', 'SUSPEND'])
      expect(scheduledChangesWarning(action, true)).toMatch(/removes the changes scheduled/);
    expect(scheduledChangesWarning('CANCEL', false)).toBeNull();
    expect(scheduledChangesWarning('RENAME', true)).toBeNull();
  });
});

describe('S12: term and billing changes mid-term', () => {
  it('lets a term only grow, and the billing alone change only on three years, between monthly and annual', () => {
    expect(canChangeTerm('P1M', 'P1Y').allowed).toBe(true);
    expect(canChangeTerm('P1Y', 'P3Y').allowed).toBe(true);
    expect(canChangeTerm('P3Y', 'P1Y')).toMatchObject({ allowed: false, code: 'TERM_NOT_LONGER' });
    expect(canChangeTerm('P1Y', 'P1Y').allowed).toBe(false);
    expect(canChangeBilling('P3Y', 'MONTHLY', 'ANNUAL').allowed).toBe(true);
    expect(canChangeBilling('P1Y', 'MONTHLY', 'ANNUAL')).toMatchObject({ code: 'BILLING_CHANGE_NOT_ALLOWED' });
    expect(canChangeBilling('P3Y', 'MONTHLY', 'TRIENNIAL').allowed).toBe(false);
  });
});

describe('S13: upgrades', () => {
  const paths = [{ fromSku: 'E3', toSku: 'E5' }];
  it('follows the catalog’s paths only, full when every seat moves and partial otherwise', () => {
    expect(decideUpgrade('E3', 'E5', paths, 10, 10)).toEqual({ ok: true, value: { kind: 'FULL' } });
    expect(decideUpgrade('E3', 'E5', paths, 4, 10)).toEqual({ ok: true, value: { kind: 'PARTIAL' } });
    expect(decideUpgrade('E5', 'E3', paths, 1, 10)).toMatchObject({ ok: false, code: 'UPGRADE_PATH_MISSING' });
    expect(decideUpgrade('E3', 'E5', paths, 11, 10)).toMatchObject({ ok: false, code: 'UPGRADE_QUANTITY_INVALID' });
  });
});

describe('S15: co-terming', () => {
  const start = new Date('2026-05-10T09:00:00Z');
  it('refuses a trial, an annual term ending with a monthly one, and a date past a full term', () => {
    const request = { start, term: 'P1Y' as const, unitPrice: money(36_500, 'USD') };
    expect(coTermFirstTerm({ ...request, endWith: { date: monthEndOf(start) }, trial: true })).toMatchObject({
      code: 'COTERM_TRIAL',
    });
    expect(coTermFirstTerm({ ...request, endWith: { date: monthEndOf(start), term: 'P1M' } })).toMatchObject({
      code: 'COTERM_MONTHLY_TARGET',
    });
    expect(coTermFirstTerm({ ...request, endWith: { date: new Date('2027-06-01T00:00:00Z') } })).toMatchObject({
      code: 'COTERM_DATE_INVALID',
    });
    expect(monthEndOf(start).toISOString()).toBe('2026-05-31T23:59:59.999Z');
  });

  it('charges a co-termed first term exactly the days it covers, never more than a full term (property)', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2026-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }),
        fc.constantFrom('P1M' as const, 'P1Y' as const, 'P3Y' as const),
        fc.double({ min: 0.0001, max: 1, noNaN: true }),
        fc.integer({ min: 0, max: 50_000_000 }),
        (from, term, share, priceMinor) => {
          const fullEnd = termEndOf(from, term);
          const end = new Date(from.getTime() + Math.max(1, Math.floor((fullEnd.getTime() - from.getTime()) * share)));
          const result = coTermFirstTerm({
            start: from,
            term,
            unitPrice: money(priceMinor, 'USD'),
            endWith: { date: end },
          });
          expect(result.ok).toBe(true);
          if (!result.ok) return;
          const { days, fullDays, unitCharge } = result.value;
          expect(days).toBe(Math.ceil((end.getTime() - from.getTime()) / DAY));
          expect(days).toBeLessThanOrEqual(fullDays);
          expect(unitCharge.amountMinor).toBe(Math.floor((priceMinor * days) / fullDays));
          expect(unitCharge.amountMinor).toBeLessThanOrEqual(priceMinor);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('S15: co-terming a billing plan', () => {
  const start = new Date('2026-11-28T10:00:00Z');

  it('aligns to the last month end on or before a full term', () => {
    expect(monthAlignedEnd(start, 'P1Y').toISOString()).toBe('2027-10-31T23:59:59.999Z');
    expect(monthAlignedEnd(start, 'P1M').toISOString()).toBe('2026-11-30T23:59:59.999Z');
    // A full term ending on a month's last day ends there: no month is lost.
    expect(monthAlignedEnd(new Date('2026-01-31T23:59:59.999Z'), 'P1Y').toISOString()).toBe('2027-01-31T23:59:59.999Z');
  });

  it('charges monthly billing a full first month unless the term ends inside it', () => {
    const unitPrice = money(3_000, 'USD');
    const long = coTermFirstTerm({
      start,
      term: 'P1Y',
      unitPrice,
      billingPlan: 'MONTHLY',
      endWith: { date: monthAlignedEnd(start, 'P1Y') },
    });
    expect(long).toMatchObject({ ok: true, value: { days: 30, fullDays: 30, unitCharge: unitPrice } });
    const short = coTermFirstTerm({
      start,
      term: 'P1M',
      unitPrice,
      billingPlan: 'MONTHLY',
      endWith: { date: monthAlignedEnd(start, 'P1M') },
    });
    // 28 Nov 10:00 → 30 Nov end of day: 3 days begun of the 30 a month from the 28th covers.
    expect(short).toMatchObject({ ok: true, value: { days: 3, fullDays: 30, unitCharge: money(300, 'USD') } });
  });

  it('charges an upfront plan the days of its shortened term', () => {
    const result = coTermFirstTerm({
      start,
      term: 'P1Y',
      unitPrice: money(36_500, 'USD'),
      billingPlan: 'ANNUAL',
      endWith: { date: new Date('2027-05-27T10:00:00Z') },
    });
    expect(result).toMatchObject({ ok: true, value: { days: 180, fullDays: 365, unitCharge: money(18_000, 'USD') } });
  });

  it('never charges a first period more than a full one, nor for days it does not cover (property)', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2026-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }),
        fc.constantFrom(
          ['P1M', 'MONTHLY'] as const,
          ['P1Y', 'MONTHLY'] as const,
          ['P1Y', 'ANNUAL'] as const,
          ['P3Y', 'ANNUAL'] as const,
          ['P3Y', 'TRIENNIAL'] as const,
        ),
        fc.double({ min: 0.0001, max: 1, noNaN: true }),
        fc.integer({ min: 0, max: 50_000_000 }),
        (from, [term, billingPlan], share, priceMinor) => {
          const fullEnd = termEndOf(from, term);
          const end = new Date(from.getTime() + Math.max(1, Math.floor((fullEnd.getTime() - from.getTime()) * share)));
          const result = coTermFirstTerm({
            start: from,
            term,
            billingPlan,
            unitPrice: money(priceMinor, 'USD'),
            endWith: { date: end },
          });
          expect(result.ok).toBe(true);
          if (!result.ok) return;
          const { days, fullDays, unitCharge, firstPeriodEnd } = result.value;
          expect(firstPeriodEnd.getTime()).toBeLessThanOrEqual(end.getTime());
          expect(days).toBe(Math.ceil((firstPeriodEnd.getTime() - from.getTime()) / DAY));
          expect(days).toBeLessThanOrEqual(fullDays);
          expect(unitCharge.amountMinor).toBe(Math.floor((priceMinor * days) / fullDays));
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('S16: trial offers', () => {
  it('knows a trial row by its tag and ends it 30 days after it starts', () => {
    expect(isTrialOffer('Trial')).toBe(true);
    expect(isTrialOffer('License;Trial')).toBe(true);
    expect(isTrialOffer('License')).toBe(false);
    expect(isTrialOffer('Trials and more')).toBe(false);
    expect(trialEndOf(new Date('2026-11-28T10:00:00Z')).toISOString()).toBe('2026-12-28T10:00:00.000Z');
  });

  it('converts to the SKU named as the trial without "Trial", else the first paid SKU', () => {
    const skus = [
      { title: 'Business Basic Trial', trial: true },
      { title: 'Business Premium', trial: false },
      { title: 'Business Basic', trial: false },
    ];
    expect(paidSkuOfTrial('Business Basic Trial', skus)?.title).toBe('Business Basic');
    expect(paidSkuOfTrial('Business Standard (Trial)', skus)?.title).toBe('Business Premium');
    expect(paidSkuOfTrial('X Trial', [{ title: 'X Trial', trial: true }])).toBeNull();
  });
});

describe('S16, S17: trials and promotions', () => {
  const trialEnd = new Date('2026-06-09T00:00:00Z');
  it('converts a trial early only with at least 25 seats, fewer at its end', () => {
    expect(decideTrialConversion(25, new Date('2026-05-20T00:00:00Z'), trialEnd)).toEqual({ ok: true, value: 'NOW' });
    expect(decideTrialConversion(10, new Date('2026-05-20T00:00:00Z'), trialEnd)).toMatchObject({
      ok: false,
      code: 'TRIAL_CONVERSION_TOO_FEW',
      fix: { kind: 'action' },
    });
    expect(decideTrialConversion(10, trialEnd, trialEnd)).toEqual({ ok: true, value: 'NOW' });
  });

  it('carries a promotion into a renewal only when the renewal falls within its dates', () => {
    const promotion = { start: new Date('2026-01-01T00:00:00Z'), end: new Date('2026-12-31T23:59:59Z') };
    expect(promotionCarriesInto(promotion, new Date('2026-12-31T00:00:00Z'))).toBe(true);
    expect(promotionCarriesInto(promotion, new Date('2027-01-01T00:00:00Z'))).toBe(false);
  });
});

describe('S4, S18: the billing period a moment falls in', () => {
  const start = new Date('2027-01-31T09:00:00Z');
  const end = termEndOf(start, 'P1Y');

  it('ends a year after the start on the same day, or the last day of a shorter month', () => {
    expect(end.toISOString()).toBe('2028-01-31T09:00:00.000Z');
    expect(termEndOf(start, 'P1M').toISOString()).toBe('2027-02-28T09:00:00.000Z');
  });

  it('is the month for monthly billing, the year for annual, the whole term upfront', () => {
    const at = new Date('2027-03-15T00:00:00Z');
    const monthly = billingPeriodAt({ start, end, billingPlan: 'MONTHLY' }, at);
    expect([monthly.start.toISOString(), monthly.end.toISOString(), monthly.days]).toEqual([
      '2027-02-28T09:00:00.000Z',
      '2027-03-31T09:00:00.000Z',
      31,
    ]);
    expect(billingPeriodAt({ start, end, billingPlan: 'ANNUAL' }, at)).toEqual({ start, end, days: 365 });
    const p3y = { start, end: termEndOf(start, 'P3Y'), billingPlan: 'TRIENNIAL' as const };
    expect(billingPeriodAt(p3y, at).end).toEqual(p3y.end);
  });

  it('never starts after the moment nor ends past the term', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 364 * DAY - 1 }),
        fc.constantFrom('MONTHLY', 'ANNUAL') as fc.Arbitrary<'MONTHLY' | 'ANNUAL'>,
        (offset, billingPlan) => {
          const at = new Date(start.getTime() + offset);
          const period = billingPeriodAt({ start, end, billingPlan }, at);
          expect(period.start.getTime()).toBeLessThanOrEqual(at.getTime());
          expect(period.end.getTime()).toBeGreaterThan(at.getTime());
          expect(period.end.getTime()).toBeLessThanOrEqual(end.getTime());
        },
      ),
    );
  });
});

describe("S15: the end dates Microsoft offers a new subscription's first term", () => {
  const start = new Date('2026-11-28T10:00:00Z');
  const annual = (id: string, termEnd: string, extra: { trial?: boolean } = {}) => ({
    id,
    term: 'P1Y' as const,
    termEnd: new Date(termEnd),
    ...extra,
  });

  it('offers the month end and each subscription it may end with, grouped by day', () => {
    const ends = allowedTermEnds(start, 'P1Y', [
      annual('b', '2027-03-14T23:59:59.999Z'),
      annual('a', '2027-03-14T23:59:59.999Z'),
      annual('c', '2027-01-02T23:59:59.999Z'),
    ]);
    expect(ends).toEqual([
      { kind: 'CALENDAR_MONTH', date: '2027-10-31', subscriptionIds: [] },
      { kind: 'SUBSCRIPTION', date: '2027-01-02', subscriptionIds: ['c'] },
      { kind: 'SUBSCRIPTION', date: '2027-03-14', subscriptionIds: ['a', 'b'] },
    ]);
  });

  it('leaves out monthly targets of a longer term, trials, ends past a full term and ends already past', () => {
    const ends = allowedTermEnds(start, 'P1Y', [
      { id: 'monthly', term: 'P1M', termEnd: new Date('2026-12-27T23:59:59.999Z') },
      annual('trial', '2027-02-01T23:59:59.999Z', { trial: true }),
      { id: 'long', term: 'P3Y', termEnd: new Date('2028-06-01T23:59:59.999Z') },
      annual('past', '2026-11-27T23:59:59.999Z'),
    ]);
    expect(ends.map((e) => e.kind)).toEqual(['CALENDAR_MONTH']);
    // A monthly subscription may end with a monthly one.
    expect(
      allowedTermEnds(start, 'P1M', [{ id: 'monthly', term: 'P1M', termEnd: new Date('2026-12-27T23:59:59.999Z') }]),
    ).toContainEqual({ kind: 'SUBSCRIPTION', date: '2026-12-27', subscriptionIds: ['monthly'] });
  });

  it('offers exactly the ends coTermFirstTerm accepts', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('P1M' as const, 'P1Y' as const, 'P3Y' as const),
        fc.array(
          fc.record({
            term: fc.constantFrom('P1M' as const, 'P1Y' as const, 'P3Y' as const),
            days: fc.integer({ min: -30, max: 1200 }),
          }),
          { maxLength: 8 },
        ),
        (term, subs) => {
          const targets = subs.map((s, i) => ({
            id: `s${i}`,
            term: s.term,
            termEnd: new Date(start.getTime() + s.days * 86_400_000),
          }));
          const offered = new Set(allowedTermEnds(start, term, targets).flatMap((e) => e.subscriptionIds));
          for (const t of targets) {
            const fits = coTermFirstTerm({
              start,
              term,
              unitPrice: money(100, 'USD'),
              endWith: { date: t.termEnd, term: t.term },
            });
            expect(offered.has(t.id)).toBe(fits.ok);
          }
        },
      ),
    );
  });
});
