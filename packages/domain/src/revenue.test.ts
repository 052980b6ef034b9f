import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { costOfCharge, lastTwelveMonths, revenueKindOf, weekStartOf } from './revenue.js';

describe('revenue as the dashboard splits it', () => {
  it('S18: new business, renewals and the changes of running terms', () => {
    expect(['new', 'convert', 'renew', 'addQuantity', 'removeQuantity', 'cycleCharge'].map(revenueKindOf)).toEqual([
      'NEW',
      'NEW',
      'RENEWAL',
      'CHANGE',
      'CHANGE',
      'CHANGE',
    ]);
  });

  it('costs a charge at the partner price, prorated as the charge is; a refund’s cost is negative too', () => {
    expect(costOfCharge(11_000, 1_100, 1_000)).toBe(10_000);
    expect(costOfCharge(-550, 1_100, 1_000)).toBe(-500);
    expect(costOfCharge(0, 0, 1_000)).toBe(0);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 1, max: 500 }), (unit, seats) => {
        // Sold at cost: the cost is the amount.
        expect(costOfCharge(unit * seats, unit, unit)).toBe(unit * seats);
      }),
    );
  });

  it('sums renewals by the week’s Monday, and names the twelve months to now', () => {
    expect(weekStartOf(new Date('2026-11-28T10:00:00Z'))).toBe('2026-11-23');
    expect(weekStartOf(new Date('2026-11-23T00:00:00Z'))).toBe('2026-11-23');
    expect(weekStartOf(new Date('2026-11-22T23:59:59Z'))).toBe('2026-11-16');
    expect(lastTwelveMonths(new Date('2026-11-28T00:00:00Z'))).toEqual([
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-11',
    ]);
  });
});
