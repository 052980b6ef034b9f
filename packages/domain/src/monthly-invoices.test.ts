import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  billingMonth,
  canCloseMonth,
  correctedInvoiceTotals,
  correctionFromInput,
  creditNoteNumber,
  creditNoteTotals,
  dueDateOf,
  statementPeriod,
  statementTotals,
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

  describe('S20: a correction is a credit note and a new invoice', () => {
    const sums: ChargeSum[] = [
      { paymentMethod: 'CREDIT_CARD', amountMinor: 10_000, charges: 2 },
      { paymentMethod: 'TERMS', amountMinor: 40_000, charges: 4 },
    ];

    it('S20: the credit note cancels the invoice in full, so the two sum to nothing', () => {
      const invoice = monthlyInvoiceTotals(sums, 825);
      const credit = creditNoteTotals(invoice);
      for (const key of ['subtotalMinor', 'taxMinor', 'totalMinor', 'paidMinor', 'dueMinor'] as const)
        expect(invoice[key] + credit[key]).toBe(0);
      expect(credit.charges).toBe(invoice.charges);
    });

    it('S20: the new invoice is the month’s charges plus the adjustments, settled on account (what is due moves)', () => {
      const before = monthlyInvoiceTotals(sums, 1_000);
      const after = correctedInvoiceTotals(sums, [{ description: 'Goodwill', amountMinor: -5_000 }], 1_000);
      expect(after.paidMinor).toBe(before.paidMinor);
      expect(after.dueMinor).toBe(before.dueMinor - 5_500);
      expect(after.charges).toBe(before.charges);
      expect(correctedInvoiceTotals(sums, [], 1_000)).toEqual(before);
    });

    it('property: correcting twice with a and then b is correcting once with a and b', () => {
      const line = fc.record({ description: fc.constant('x'), amountMinor: fc.integer({ min: -99_999, max: 99_999 }) });
      fc.assert(
        fc.property(fc.array(line), fc.array(line), fc.integer({ min: 0, max: 2_500 }), (a, b, rate) => {
          const once = correctedInvoiceTotals(sums, [...a, ...b], rate);
          const total = once.paidMinor + once.dueMinor;
          expect(once.totalMinor).toBe(total);
          expect(correctedInvoiceTotals(sums, [...b, ...a], rate)).toEqual(once);
        }),
      );
    });

    it('S20: asks for a reason and described, non-zero adjustment lines in the invoice’s currency; trims texts', () => {
      const line = (description: string, amount: string) => ({ description, amount });
      expect(correctionFromInput(' ', [line('x', '1')], 'EUR')).toMatchObject({ code: 'REASON_REQUIRED' });
      expect(correctionFromInput('r', [], 'EUR')).toMatchObject({ code: 'ADJUSTMENT_INVALID' });
      expect(correctionFromInput('r', [line(' ', '1')], 'EUR')).toMatchObject({
        code: 'ADJUSTMENT_INVALID',
        message: expect.stringMatching(/^Line 1/),
      });
      expect(correctionFromInput('r', [line('a', '1'), line('b', '-0.00')], 'EUR')).toMatchObject({
        code: 'ADJUSTMENT_INVALID',
        message: expect.stringMatching(/^Line 2/),
      });
      expect(correctionFromInput('r', [line('a', '1.005')], 'EUR')).toMatchObject({ ok: false });
      expect(correctionFromInput('r', [line('a', 'ten')], 'EUR')).toMatchObject({ ok: false });
      expect(correctionFromInput('r', [line('a', '20000000')], 'EUR')).toMatchObject({ ok: false });
      expect(
        correctionFromInput(
          'r',
          Array.from({ length: 21 }, () => line('a', '1')),
          'EUR',
        ),
      ).toMatchObject({
        ok: false,
      });
      expect(correctionFromInput(' Price error ', [line(' Seats ', '-12.50'), line('Fee', '+3')], 'EUR')).toEqual({
        ok: true,
        value: {
          reason: 'Price error',
          adjustments: [
            { description: 'Seats', amountMinor: -1_250 },
            { description: 'Fee', amountMinor: 300 },
          ],
        },
      });
      expect(correctionFromInput('r', [line('a', '-1500')], 'JPY')).toMatchObject({
        value: { adjustments: [{ amountMinor: -1_500 }] },
      });
    });

    it('numbers credit notes in the month’s sequence, apart from invoices', () => {
      expect(creditNoteNumber('2026-10', 43)).toBe('CN-202610-00043');
      expect(creditNoteNumber('2026-10', 43).slice(3)).toBe(monthlyInvoiceNumber('2026-10', 43).slice(3));
    });
  });

  describe('statements', () => {
    const now = new Date('2026-11-24T12:00:00Z');

    it('covers the twelve months before this one unless told, at most 24, never past this month', () => {
      expect(statementPeriod(null, null, now)).toEqual({ ok: true, value: { from: '2025-11', to: '2026-10' } });
      expect(statementPeriod(null, '2026-01', now)).toEqual({ ok: true, value: { from: '2025-02', to: '2026-01' } });
      expect(statementPeriod('2026-11', '2026-11', now)).toMatchObject({ ok: true });
      expect(statementPeriod('2024-11', '2026-10', now)).toMatchObject({ ok: true });
      expect(statementPeriod('2024-10', '2026-10', now)).toMatchObject({ code: 'PERIOD_INVALID' });
      expect(statementPeriod('2026-10', '2026-09', now)).toMatchObject({ code: 'PERIOD_INVALID' });
      expect(statementPeriod('2026-10', '2026-12', now)).toMatchObject({ code: 'PERIOD_INVALID' });
      expect(statementPeriod('2026-1', null, now)).toMatchObject({ code: 'MONTH_INVALID' });
    });

    it('sums its documents per currency, a credit note taking back what its invoice asked', () => {
      const invoice = { currency: 'USD', totalMinor: 10_825, paidMinor: 0, dueMinor: 10_825 };
      const credit = { currency: 'USD', totalMinor: -10_825, paidMinor: 0, dueMinor: -10_825 };
      const replacement = { currency: 'USD', totalMinor: 8_118, paidMinor: 0, dueMinor: 8_118 };
      const euros = { currency: 'EUR', totalMinor: 500, paidMinor: 500, dueMinor: 0 };
      expect(statementTotals([invoice, credit, replacement, euros])).toEqual([
        { currency: 'EUR', totalMinor: 500, paidMinor: 500, dueMinor: 0, documents: 1 },
        { currency: 'USD', totalMinor: 8_118, paidMinor: 0, dueMinor: 8_118, documents: 3 },
      ]);
    });
  });
});
