import { describe, expect, it } from 'vitest';
import {
  BILLING_PLANS,
  billingPlanFitsTerm,
  parseBillingPlan,
  parsePriceSegment,
  parseTerm,
  priceUnit,
} from './catalog.js';

describe('price-list vocabulary', () => {
  it.each([
    ['P1M', 'P1M'],
    ['p1y', 'P1Y'],
    ['P3Y', 'P3Y'],
    ['', 'NONE'],
    ['None', 'NONE'],
  ])('reads term %j as %s', (text, term) => {
    expect(parseTerm(text)).toEqual({ ok: true, value: term });
  });

  it('refuses an unknown term', () => {
    expect(parseTerm('P2Y')).toMatchObject({ ok: false, code: 'TERM_UNKNOWN' });
  });

  it.each([
    ['Monthly', 'MONTHLY'],
    ['annual', 'ANNUAL'],
    ['Triennial', 'TRIENNIAL'],
    ['OneTime', 'ONE_TIME'],
    ['one-time', 'ONE_TIME'],
  ])('reads billing plan %j as %s', (text, plan) => {
    expect(parseBillingPlan(text)).toEqual({ ok: true, value: plan });
  });

  it('R3: reads Microsoft’s segments, with Charity as Nonprofit; Government is not a price segment (R20)', () => {
    expect(parsePriceSegment('Commercial')).toEqual({ ok: true, value: 'COMMERCIAL' });
    expect(parsePriceSegment('Education')).toEqual({ ok: true, value: 'EDUCATION' });
    expect(parsePriceSegment('Charity')).toEqual({ ok: true, value: 'NONPROFIT' });
    expect(parsePriceSegment('Government')).toMatchObject({ ok: false, code: 'SEGMENT_UNKNOWN' });
  });

  it('refuses a billing period longer than the term, and recurring billing of perpetual software', () => {
    expect(billingPlanFitsTerm('P1Y', 'MONTHLY')).toEqual({ ok: true, value: true });
    expect(billingPlanFitsTerm('P3Y', 'TRIENNIAL')).toEqual({ ok: true, value: true });
    expect(billingPlanFitsTerm('P1M', 'ANNUAL')).toMatchObject({ ok: false, code: 'BILLING_PLAN_LONGER_THAN_TERM' });
    expect(billingPlanFitsTerm('P1Y', 'TRIENNIAL')).toMatchObject({ ok: false });
    expect(billingPlanFitsTerm('NONE', 'ONE_TIME')).toEqual({ ok: true, value: true });
    expect(billingPlanFitsTerm('NONE', 'MONTHLY')).toMatchObject({ ok: false });
    expect(billingPlanFitsTerm('P1Y', 'ONE_TIME')).toEqual({ ok: true, value: true });
  });
});

describe('the unit a price is quoted in', () => {
  it.each([
    ['MONTHLY', 'per user / month'],
    ['ANNUAL', 'per user / year'],
    ['TRIENNIAL', 'per user / 3 years'],
    ['ONE_TIME', 'per licence'],
  ] as const)('a %s price is %s', (plan, unit) => {
    expect(priceUnit(plan)).toBe(unit);
  });

  it('names a unit for every billing plan', () => {
    expect(BILLING_PLANS.every((plan) => priceUnit(plan).startsWith('per '))).toBe(true);
  });
});
