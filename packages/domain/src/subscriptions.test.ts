import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { money, type Money } from './money.js';
import {
  addSeatsCharge,
  batchWindowClosesAt,
  cancelSubscription,
  nextSubscriptionState,
  removeSeats,
  type SeatBatch,
} from './subscriptions.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const START = new Date('2026-03-01T10:00:00Z');
const END = new Date('2027-03-01T10:00:00Z');
const TERM_DAYS = 365;

const purchase = (quantity: number, unitPaid: Money = money(36_000, 'USD')): SeatBatch => ({
  id: 'purchase',
  kind: 'PURCHASE',
  quantity,
  removed: 0,
  startedAt: START,
  unitPaid,
  paidDays: TERM_DAYS,
});

describe('S2: the subscription lifecycle', () => {
  it('expires, then disables, then deletes a subscription not renewed; a suspended one is disabled at term end', () => {
    expect(nextSubscriptionState('ACTIVE', 'TERM_ENDED')).toEqual({ ok: true, to: 'EXPIRED' });
    expect(nextSubscriptionState('EXPIRED', 'GRACE_ENDED')).toEqual({ ok: true, to: 'DISABLED' });
    expect(nextSubscriptionState('DISABLED', 'DELETE')).toEqual({ ok: true, to: 'DELETED' });
    expect(nextSubscriptionState('SUSPENDED', 'TERM_ENDED')).toEqual({ ok: true, to: 'DISABLED' });
    expect(nextSubscriptionState('DELETED', 'REACTIVATE')).toMatchObject({ ok: false, code: 'ILLEGAL_TRANSITION' });
  });
});

describe('S5: seats are removed only from batches inside their 168-hour window, newest first', () => {
  const added: SeatBatch = {
    id: 'added',
    kind: 'ADD',
    quantity: 3,
    removed: 0,
    startedAt: new Date(START.getTime() + 30 * DAY),
    unitPaid: money(33_041, 'USD'),
    paidDays: 335,
  };

  it('takes the newest open batch first and refunds what its seats paid less the days begun', () => {
    const now = new Date(added.startedAt.getTime() + 2 * DAY - HOUR);
    const removed = removeSeats([purchase(10), added], 2, now);
    expect(removed).toEqual({
      ok: true,
      value: [{ batchId: 'added', quantity: 2, refund: money(Math.floor((2 * 33_041 * 333) / 335), 'USD') }],
    });
  });

  it('refuses seats whose window has closed, offering to turn auto-renew off, and never removes every seat', () => {
    const late = new Date(START.getTime() + 8 * DAY);
    expect(removeSeats([purchase(10)], 1, late)).toMatchObject({
      ok: false,
      code: 'SEAT_WINDOW_CLOSED',
      fix: { kind: 'action', label: expect.stringMatching(/auto-renew off/) },
    });
    const inAddedWindow = new Date(added.startedAt.getTime() + DAY);
    expect(removeSeats([purchase(10), added], 4, inAddedWindow)).toMatchObject({
      ok: false,
      code: 'SEAT_WINDOW_CLOSED',
      message: expect.stringMatching(/Only 3 seat/),
    });
    expect(removeSeats([purchase(10)], 10, START)).toMatchObject({ ok: false, code: 'SEAT_QUANTITY_INVALID' });
    expect(removeSeats([purchase(10)], 0, START)).toMatchObject({ ok: false, code: 'SEAT_QUANTITY_INVALID' });
  });

  it('closes each window 168 hours after its batch began', () => {
    expect(batchWindowClosesAt(purchase(1)).toISOString()).toBe('2026-03-08T10:00:00.000Z');
    expect(removeSeats([purchase(10)], 1, new Date(START.getTime() + 168 * HOUR - 1)).ok).toBe(true);
    expect(removeSeats([purchase(10)], 1, new Date(START.getTime() + 168 * HOUR)).ok).toBe(false);
  });
});

describe('S6: cancelling', () => {
  it('is allowed inside the window of the purchase or the last renewal, refunding each seat as its batch allows', () => {
    const now = new Date(START.getTime() + 3 * DAY);
    const cancelled = cancelSubscription('ACTIVE', [purchase(4)], now);
    expect(cancelled).toEqual({
      ok: true,
      value: [{ batchId: 'purchase', quantity: 4, refund: money(Math.floor((4 * 36_000 * 362) / 365), 'USD') }],
    });
  });

  it('is refused outside the window with the fix of turning auto-renew off, and is final', () => {
    expect(cancelSubscription('ACTIVE', [purchase(4)], new Date(START.getTime() + 10 * DAY))).toMatchObject({
      ok: false,
      code: 'SEAT_WINDOW_CLOSED',
      fix: { kind: 'action' },
    });
    expect(cancelSubscription('DELETED', [purchase(4)], START)).toMatchObject({
      ok: false,
      code: 'ILLEGAL_TRANSITION',
    });
  });
});

describe('S4: added seats are charged to the term end', () => {
  it('charges the whole price at the term start, a share of it later, and nothing at the end', () => {
    const price = money(36_500, 'USD');
    expect(addSeatsCharge(price, START, END, START)).toEqual({ unitCharge: price, paidDays: TERM_DAYS });
    expect(addSeatsCharge(price, START, END, new Date(START.getTime() + 100 * DAY))).toEqual({
      unitCharge: money(26_500, 'USD'),
      paidDays: 265,
    });
    expect(addSeatsCharge(price, START, END, END).unitCharge.amountMinor).toBe(0);
  });
});

describe('property: no sequence of seat changes refunds more than was paid (S4, S5, R24)', () => {
  it('holds for any adds and removals at any times within the term', () => {
    const step = fc.record({
      afterHours: fc.integer({ min: 0, max: 24 * 40 }),
      add: fc.boolean(),
      seats: fc.integer({ min: 1, max: 12 }),
    });
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.array(step, { maxLength: 25 }),
        (initial, priceMinor, steps) => {
          const price = money(priceMinor, 'USD');
          const batches: SeatBatch[] = [purchase(initial, price)];
          let paid = priceMinor * initial;
          let refunded = 0;
          let now = START;
          for (const [i, s] of steps.entries()) {
            now = new Date(Math.min(END.getTime(), now.getTime() + s.afterHours * HOUR));
            if (s.add) {
              const { unitCharge, paidDays } = addSeatsCharge(price, START, END, now);
              if (paidDays === 0) continue;
              batches.push({
                id: `b${i}`,
                kind: 'ADD',
                quantity: s.seats,
                removed: 0,
                startedAt: now,
                unitPaid: unitCharge,
                paidDays,
              });
              paid += unitCharge.amountMinor * s.seats;
              expect(unitCharge.amountMinor).toBeLessThanOrEqual(priceMinor);
            } else {
              const removed = removeSeats(batches, s.seats, now);
              if (!removed.ok) continue;
              for (const r of removed.value) {
                const batch = batches.find((b) => b.id === r.batchId)!;
                batch.removed += r.quantity;
                expect(batch.removed).toBeLessThanOrEqual(batch.quantity);
                refunded += r.refund.amountMinor;
              }
            }
            expect(refunded).toBeLessThanOrEqual(paid);
          }
          // Each batch on its own gets back at most what it paid.
          for (const b of batches) expect(b.removed).toBeLessThanOrEqual(b.quantity);
        },
      ),
      { numRuns: 300 },
    );
  });
});
