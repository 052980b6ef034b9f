import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { money } from './money.js';
import { decideReturn, periodDays, returnWindowClosesAt, type ReturnableLine } from './returns.js';

const purchased = new Date('2026-11-01T10:00:00Z');
const hoursLater = (h: number) => new Date(purchased.getTime() + h * 3_600_000);
const subscription: ReturnableLine = {
  kind: 'SUBSCRIPTION',
  termStartedAt: purchased,
  paidPeriodDays: 30,
  unitPaid: money(3000, 'USD'),
  quantity: 10,
  returnedQuantity: 0,
};
const perpetual: ReturnableLine = {
  kind: 'PERPETUAL',
  termStartedAt: purchased,
  paidPeriodDays: 0,
  unitPaid: money(45000, 'USD'),
  quantity: 2,
  returnedQuantity: 0,
};

describe('R24: returns of NCE subscriptions (7 days / 168 hours, prorated)', () => {
  it('closes the window 168 hours after purchase or renewal', () => {
    expect(returnWindowClosesAt(subscription)).toEqual(hoursLater(168));
    expect(decideReturn(subscription, 1, hoursLater(167.9)).allowed).toBe(true);
    expect(decideReturn(subscription, 1, hoursLater(168))).toMatchObject({
      allowed: false,
      code: 'RETURN_WINDOW_CLOSED',
      message: expect.stringMatching(/2026-11-08T10:00:00.000Z/),
    });
  });

  it('refunds the paid period minus the days begun', () => {
    // 3 seats × 30.00 for a 30-day period, returned during day 3: 27/30 of 90.00.
    expect(decideReturn(subscription, 3, hoursLater(50))).toMatchObject({
      allowed: true,
      refund: money(8100, 'USD'),
      daysCharged: 3,
    });
  });

  it('reduces seats: only the returned seats are refunded, and never more seats than are left', () => {
    const partly = { ...subscription, returnedQuantity: 8 };
    expect(decideReturn(partly, 2, hoursLater(1)).allowed).toBe(true);
    expect(decideReturn(partly, 3, hoursLater(1))).toMatchObject({ code: 'RETURN_QUANTITY_INVALID' });
    expect(decideReturn({ ...subscription, returnedQuantity: 10 }, 1, hoursLater(1))).toMatchObject({
      code: 'NOTHING_LEFT_TO_RETURN',
    });
  });

  it('never refunds more than was paid, nor less than nothing', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 1, max: 500 }),
        fc.integer({ min: 1, max: 1100 }),
        fc.double({ min: 0, max: 200, noNaN: true }),
        (unit, quantity, periodLength, hours) => {
          const line = { ...subscription, unitPaid: money(unit, 'USD'), quantity, paidPeriodDays: periodLength };
          const decision = decideReturn(line, quantity, hoursLater(hours));
          if (decision.allowed) {
            expect(decision.refund.amountMinor).toBeGreaterThanOrEqual(0);
            expect(decision.refund.amountMinor).toBeLessThanOrEqual(unit * quantity);
          } else expect(hours).toBeGreaterThanOrEqual(168);
        },
      ),
    );
  });
});

describe('R24: returns of perpetual software (30 days, full refund, whole lines)', () => {
  it('refunds in full within 30 days and refuses after', () => {
    expect(decideReturn(perpetual, 2, hoursLater(29 * 24))).toMatchObject({
      allowed: true,
      refund: money(90000, 'USD'),
    });
    expect(decideReturn(perpetual, 2, hoursLater(30 * 24))).toMatchObject({
      allowed: false,
      code: 'RETURN_WINDOW_CLOSED',
    });
  });

  it('refuses a partial return', () => {
    expect(decideReturn(perpetual, 1, hoursLater(1))).toMatchObject({
      allowed: false,
      code: 'PERPETUAL_PARTIAL_RETURN',
    });
  });
});

describe('billing periods', () => {
  it('counts the days of calendar months', () => {
    expect(periodDays(new Date('2026-02-01T00:00:00Z'), 1)).toBe(28);
    expect(periodDays(new Date('2026-01-15T00:00:00Z'), 12)).toBe(365);
    expect(periodDays(new Date('2027-03-01T00:00:00Z'), 12)).toBe(366);
  });
});
