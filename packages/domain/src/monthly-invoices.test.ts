import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  billingMonth,
  canCloseMonth,
  dueDateOf,
  monthlyInvoiceNumber,
  monthlyInvoiceTotals,
  taxOf,
  type ChargeSum,
} from './monthly-invoices.js';

describe('monthly invoices (S18, S20)', () => {
  it('S18: sums a reseller’s month: card-paid charges as paid, terms charges due, each with its tax', () => {
    const sums: ChargeSum[] = [
      { paymentMethod: 'CREDIT_CARD', amountMinor: 10_000, charges: 3 },
      { paymentMethod: 'TERMS', amountMinor: 25_000, charges: 5 },
      { paymentMethod: 'TERMS', amountMinor: -1_000, charges: 1 },
    ];
    expect(monthlyInvoiceTotals(sums, 825)).toEqual({
      charges: 9,
      subtotalMinor: 34_000,
      taxMinor: 825 + 1_980,
      totalMinor: 34_000 + 2_805,
      paidMinor: 10_825,
      dueMinor: 25_980,
    });
  });

  it('a month of refunds leaves a credit due to the reseller, its tax negative too', () => {
    expect(monthlyInvoiceTotals([{ paymentMethod: 'TERMS', amountMinor: -999, charges: 1 }], 1_000)).toMatchObject({
      taxMinor: -100,
      dueMinor: -1_099,
    });
    expect(taxOf(-999, 1_000)).toBe(-taxOf(999, 1_000));
  });

  it('property: total is what was paid plus what is due, and tax is the rate of each part to the minor unit', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            paymentMethod: fc.constantFrom('CREDIT_CARD' as const, 'TERMS' as const),
            amountMinor: fc.integer({ min: -10_000_000, max: 10_000_000 }),
            charges: fc.integer({ min: 1, max: 100 }),
          }),
        ),
        fc.integer({ min: 0, max: 9_999 }),
        (sums, rate) => {
          const t = monthlyInvoiceTotals(sums, rate);
          expect(t.totalMinor).toBe(t.paidMinor + t.dueMinor);
          expect(t.totalMinor).toBe(t.subtotalMinor + t.taxMinor);
          expect(Math.abs(t.taxMinor - (t.subtotalMinor * rate) / 10_000)).toBeLessThanOrEqual(1);
        },
      ),
    );
  });

  it('S18: closes a month only once it has ended', () => {
    expect(canCloseMonth('2026-11', new Date('2026-11-30T23:59:59Z'))).toMatchObject({
      ok: false,
      code: 'MONTH_NOT_ENDED',
    });
    expect(canCloseMonth('2026-11', new Date('2026-12-01T00:00:00Z'))).toEqual({
      ok: true,
      value: { from: new Date('2026-11-01T00:00:00Z'), to: new Date('2026-12-01T00:00:00Z') },
    });
    expect(canCloseMonth('2026-13', new Date())).toMatchObject({ ok: false, code: 'MONTH_INVALID' });
    expect(billingMonth('1999-12').ok).toBe(false);
    expect(billingMonth('2026-12').ok && billingMonth('2026-12')).toMatchObject({
      value: { to: new Date('2027-01-01T00:00:00Z') },
    });
  });

  it('numbers invoices by month and place, and dates terms charges net days after the invoice', () => {
    expect(monthlyInvoiceNumber('2026-11', 42)).toBe('MI-202611-00042');
    expect(dueDateOf(new Date('2026-12-01T03:00:00Z'), 30)).toBe('2026-12-31');
    expect(dueDateOf(new Date('2026-12-15T03:00:00Z'), 30)).toBe('2027-01-14');
  });
});
