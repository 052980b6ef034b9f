import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { money } from './money.js';
import {
  promotedPrice,
  promotionInEffect,
  promotionRenews,
  validatePromotion,
  type PromotionInput,
} from './promotions.js';

const input: PromotionInput = {
  id: '39NFJQT1Q5KV:0001:P1Y',
  name: 'Business Premium 15% off annual',
  productId: 'cfq7ttc0lch0',
  skuId: '0001',
  term: 'P1Y',
  billingPlan: 'MONTHLY',
  segment: 'COMMERCIAL',
  market: 'us',
  discountPercent: 15,
  startDate: '2026-11-01',
  endDate: '2027-01-31',
};

describe('S17: promotions', () => {
  it('takes a well-formed promotion, its discount in hundredths of a percent', () => {
    expect(validatePromotion(input)).toEqual({
      ok: true,
      value: expect.objectContaining({ productId: 'CFQ7TTC0LCH0', market: 'US', discountBasisPoints: 1500 }),
    });
    expect(validatePromotion({ ...input, discountPercent: 12.5 })).toMatchObject({
      value: { discountBasisPoints: 1250 },
    });
  });

  it('reports every fault at once, each on its field', () => {
    const result = validatePromotion({
      ...input,
      id: '',
      term: 'P1M',
      billingPlan: 'ANNUAL',
      market: 'USA',
      discountPercent: 100,
      startDate: '2027-02-30',
      endDate: '2026-01-01',
    });
    expect(result.ok).toBe(false);
    expect(result.errors?.map((e) => e.field)).toEqual(['id', 'billingPlan', 'market', 'discountPercent', 'startDate']);
    expect(validatePromotion({ ...input, endDate: '2026-10-31' }).errors).toEqual([
      expect.objectContaining({ field: 'endDate', code: 'DATES_REVERSED' }),
    ]);
    expect(validatePromotion({ ...input, discountPercent: 10.001 }).errors?.[0]).toMatchObject({
      code: 'DISCOUNT_INVALID',
    });
  });

  it('discounts the price, rounding the discount down, never below zero nor above the price (property)', () => {
    expect(promotedPrice(money(2_199, 'USD'), 1500)).toEqual(money(1_870, 'USD'));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000_000 }), fc.integer({ min: 1, max: 9999 }), (price, bp) => {
        const promoted = promotedPrice(money(price, 'USD'), bp).amountMinor;
        expect(promoted).toBeGreaterThanOrEqual(0);
        expect(promoted).toBeLessThanOrEqual(price);
        expect(price - promoted).toBe(Math.floor((price * bp) / 10_000));
      }),
    );
  });

  it('is in effect from its first to its last day', () => {
    expect(promotionInEffect(input, '2026-10-31')).toBe(false);
    expect(promotionInEffect(input, '2026-11-01')).toBe(true);
    expect(promotionInEffect(input, '2027-01-31')).toBe(true);
    expect(promotionInEffect(input, '2027-02-01')).toBe(false);
  });

  it('prices a renewal only for its offer and when the renewal falls within its dates', () => {
    const promotion = { ...input, productId: 'CFQ7TTC0LCH0' };
    const next = { productId: 'CFQ7TTC0LCH0', skuId: '0001', term: 'P1Y' as const, billingPlan: 'MONTHLY' as const };
    expect(promotionRenews(promotion, next, new Date('2027-01-31T00:00:00Z'))).toBe(true);
    expect(promotionRenews(promotion, next, new Date('2027-02-01T00:00:00Z'))).toBe(false);
    expect(promotionRenews(promotion, { ...next, billingPlan: 'ANNUAL' }, new Date('2027-01-15T00:00:00Z'))).toBe(
      false,
    );
    expect(promotionRenews(promotion, { ...next, skuId: '0002' }, new Date('2027-01-15T00:00:00Z'))).toBe(false);
  });
});
