import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reconcile, type ReconcilableCharge } from './reconciliation.js';

const charge = (ref: string, extra: Partial<ReconcilableCharge> = {}): ReconcilableCharge => ({
  ref,
  subscriptionId: 'A1B2C3D4-0000-0000-0000-000000000001',
  chargeType: 'new',
  chargeStart: '2026-11-03',
  chargeEnd: '2026-12-02',
  quantity: 5,
  unitPriceMinor: 600,
  totalMinor: 3_000,
  currency: 'USD',
  ...extra,
});

describe('S19: our charges against Microsoft’s reconciliation file', () => {
  it('pairs lines by subscription, charge type and days, whatever their order or the case of the id', () => {
    const ours = [charge('o1'), charge('o2', { chargeType: 'addQuantity', quantity: 2, totalMinor: 1_120 })];
    const microsoft = [
      charge('m2', { chargeType: 'addQuantity', quantity: 2, totalMinor: 1_120 }),
      charge('m1', { subscriptionId: 'a1b2c3d4-0000-0000-0000-000000000001' }),
    ];
    expect(reconcile(ours, microsoft)).toEqual({ matched: 2, mismatches: [] });
  });

  it('names what differs, and what is missing on either side', () => {
    const ours = [
      charge('seats'),
      charge('price', { chargeType: 'renew' }),
      charge('total', { chargeType: 'cycleCharge', totalMinor: 2_999 }),
      charge('only-ours', { chargeType: 'addQuantity' }),
    ];
    const microsoft = [
      charge('seats', { quantity: 6, totalMinor: 3_600 }),
      charge('price', { chargeType: 'renew', unitPriceMinor: 650, totalMinor: 3_250 }),
      charge('total', { chargeType: 'cycleCharge' }),
      charge('only-theirs', { chargeType: 'removeQuantity' }),
    ];
    const { matched, mismatches } = reconcile(ours, microsoft);
    expect(matched).toBe(0);
    expect(mismatches.map((m) => [m.kind, m.ours?.ref ?? null, m.microsoft?.ref ?? null])).toEqual([
      ['QUANTITY', 'seats', 'seats'],
      ['UNIT_PRICE', 'price', 'price'],
      ['TOTAL', 'total', 'total'],
      ['MISSING_AT_MICROSOFT', 'only-ours', null],
      ['MISSING_HERE', null, 'only-theirs'],
    ]);
  });

  it('pairs identical charges of one key first: two seat additions on a day, one of them billed differently', () => {
    const ours = [charge('a', { quantity: 1, totalMinor: 600 }), charge('b', { quantity: 3, totalMinor: 1_800 })];
    const microsoft = [charge('x', { quantity: 3, totalMinor: 1_900 }), charge('y', { quantity: 1, totalMinor: 600 })];
    const { matched, mismatches } = reconcile(ours, microsoft);
    expect(matched).toBe(1);
    expect(mismatches).toEqual([{ kind: 'TOTAL', ours: ours[1], microsoft: microsoft[0] }]);
  });

  const arbitraryCharge = fc.record({
    ref: fc.uuid(),
    subscriptionId: fc.constantFrom('s1', 's2', 's3'),
    chargeType: fc.constantFrom('new', 'renew', 'addQuantity', 'removeQuantity'),
    chargeStart: fc.constantFrom('2026-11-01', '2026-11-15'),
    chargeEnd: fc.constant('2026-11-30'),
    quantity: fc.integer({ min: -5, max: 50 }),
    unitPriceMinor: fc.integer({ min: 0, max: 10_000 }),
    totalMinor: fc.integer({ min: -50_000, max: 500_000 }),
    currency: fc.constant('USD'),
  });

  it('property: a file that says what we charged matches it all, in any order', () => {
    fc.assert(
      fc.property(fc.array(arbitraryCharge, { maxLength: 40 }), fc.integer(), (ours, seed) => {
        const shuffled = [...ours].sort(
          (a, b) => ((a.ref.charCodeAt(0) * seed) % 11) - ((b.ref.charCodeAt(0) * seed) % 11),
        );
        expect(reconcile(ours, shuffled)).toEqual({ matched: ours.length, mismatches: [] });
      }),
    );
  });

  it('property: every charge of either side is in one pair or one mismatch, never two', () => {
    fc.assert(
      fc.property(
        fc.array(arbitraryCharge, { maxLength: 30 }),
        fc.array(arbitraryCharge, { maxLength: 30 }),
        (ours, theirs) => {
          const { matched, mismatches } = reconcile(ours, theirs);
          const oursSeen = mismatches.flatMap((m) => (m.ours ? [m.ours] : []));
          const theirsSeen = mismatches.flatMap((m) => (m.microsoft ? [m.microsoft] : []));
          expect(matched + oursSeen.length).toBe(ours.length);
          expect(matched + theirsSeen.length).toBe(theirs.length);
          expect(new Set(oursSeen).size).toBe(oursSeen.length);
          expect(new Set(theirsSeen).size).toBe(theirsSeen.length);
        },
      ),
    );
  });

  it('property: planting k differences in a copy of our charges reports exactly those k', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(arbitraryCharge, {
          selector: (c) => `${c.subscriptionId}|${c.chargeType}|${c.chargeStart}`,
          maxLength: 12,
        }),
        fc.array(fc.nat(), { maxLength: 4 }),
        (ours, picks) => {
          const planted = new Set(ours.length ? picks.map((p) => p % ours.length) : []);
          const microsoft = ours.map((c, i) => (planted.has(i) ? { ...c, quantity: c.quantity + 1 } : c));
          const { matched, mismatches } = reconcile(ours, microsoft);
          expect(matched).toBe(ours.length - planted.size);
          expect(mismatches.map((m) => m.kind)).toEqual([...planted].map(() => 'QUANTITY'));
          expect(new Set(mismatches.map((m) => m.ours!.ref))).toEqual(new Set([...planted].map((i) => ours[i]!.ref)));
        },
      ),
    );
  });
});
