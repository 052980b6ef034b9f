import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMonths, daysBetween, isIsoDay } from './calendar.js';

describe('calendar months', () => {
  it('keeps the day of the month and the time of day', () => {
    expect(addMonths(new Date('2026-11-24T12:34:56.789Z'), 1).toISOString()).toBe('2026-12-24T12:34:56.789Z');
    expect(addMonths(new Date('2026-11-24T12:00:00Z'), 12).toISOString()).toBe('2027-11-24T12:00:00.000Z');
    expect(addMonths(new Date('2026-11-24T12:00:00Z'), 36).toISOString()).toBe('2029-11-24T12:00:00.000Z');
  });

  it('ends on the last day of a shorter month instead of spilling into the next', () => {
    expect(addMonths(new Date('2027-01-31T08:00:00Z'), 1).toISOString()).toBe('2027-02-28T08:00:00.000Z');
    expect(addMonths(new Date('2028-01-31T08:00:00Z'), 1).toISOString()).toBe('2028-02-29T08:00:00.000Z');
    expect(addMonths(new Date('2027-03-31T08:00:00Z'), 1).toISOString()).toBe('2027-04-30T08:00:00.000Z');
    expect(addMonths(new Date('2028-02-29T08:00:00Z'), 12).toISOString()).toBe('2029-02-28T08:00:00.000Z');
  });

  it('always lands in the month asked for, 28 to 31 days a month later', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2040-01-01T00:00:00Z'), noInvalidDate: true }),
        fc.integer({ min: 1, max: 36 }),
        (start, months) => {
          const end = addMonths(start, months);
          const monthIndex = (d: Date) => d.getUTCFullYear() * 12 + d.getUTCMonth();
          expect(monthIndex(end) - monthIndex(start)).toBe(months);
          expect(end.getUTCDate()).toBeLessThanOrEqual(start.getUTCDate());
          expect(daysBetween(start, end)).toBeGreaterThanOrEqual(28 * months);
          expect(daysBetween(start, end)).toBeLessThanOrEqual(31 * months);
        },
      ),
    );
  });
});

describe('days as staff type them', () => {
  it('takes a real calendar day written YYYY-MM-DD, and nothing else', () => {
    expect(['2026-11-28', '2028-02-29'].map(isIsoDay)).toEqual([true, true]);
    expect(['2026-02-30', '2026-02-29', '2026-13-01', '2026-1-01', '28/11/2026', ''].map(isIsoDay)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});
