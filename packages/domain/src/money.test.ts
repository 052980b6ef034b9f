import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addMoney,
  formatMoney,
  formatMoneyAmount,
  money,
  multiplyMoney,
  parseMoney,
  prorateDown,
  subtractMoney,
  sumMoney,
} from './money.js';

describe('money in minor units', () => {
  it.each([
    ['12.5', 'USD', 1250],
    ['12.50', 'USD', 1250],
    ['0', 'EUR', 0],
    ['1234.00', 'GBP', 123400],
    ['1500', 'JPY', 1500],
    ['1500.0', 'JPY', 1500],
    ['1.234', 'KWD', 1234],
  ])('parses %s %s to %d minor units without a float', (text, currency, minor) => {
    expect(parseMoney(text, currency)).toEqual({ ok: true, value: { amountMinor: minor, currency } });
  });

  it.each([
    ['abc', 'USD', 'MONEY_NOT_A_NUMBER'],
    ['1.2.3', 'USD', 'MONEY_NOT_A_NUMBER'],
    ['1.005', 'USD', 'MONEY_TOO_PRECISE'],
    ['1.5', 'JPY', 'MONEY_TOO_PRECISE'],
    ['-1', 'USD', 'MONEY_NEGATIVE'],
    ['99999999999999999999', 'USD', 'MONEY_TOO_LARGE'],
    ['1', 'usd', 'CURRENCY_INVALID'],
  ])('refuses %s %s with %s', (text, currency, code) => {
    expect(parseMoney(text, currency)).toMatchObject({ ok: false, code });
  });

  it('formats back to the exact decimal text', () => {
    expect(formatMoneyAmount(money(5, 'USD'))).toBe('0.05');
    expect(formatMoneyAmount(money(-1250, 'USD'))).toBe('-12.50');
  });

  it('writes money as people read it: the currency’s symbol, thousands separators, its own decimals', () => {
    expect(formatMoney(money(123450, 'USD'))).toBe('$1,234.50');
    expect(formatMoney(money(1500, 'JPY'))).toBe('¥1,500');
    expect(formatMoney(money(9900, 'EUR'))).toBe('€99.00');
    expect(formatMoney(money(2_500_000_00, 'USD'))).toBe('$2,500,000.00');
  });

  it('reads amounts typed with thousands separators: "25,000" and "25000" are one amount', () => {
    expect(parseMoney('25,000', 'USD')).toEqual(parseMoney('25000', 'USD'));
    expect(parseMoney('25,000.50', 'USD')).toMatchObject({ ok: true, value: { amountMinor: 2_500_050 } });
    expect(parseMoney('1,234,567', 'USD')).toMatchObject({ ok: true, value: { amountMinor: 123_456_700 } });
    expect(parseMoney('25,00', 'USD')).toMatchObject({ ok: false, code: 'MONEY_NOT_A_NUMBER' });
  });

  it('round-trips every amount through text', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
        fc.constantFrom('USD', 'JPY', 'KWD'),
        (minor, currency) => {
          const parsed = parseMoney(formatMoneyAmount(money(minor, currency)), currency);
          expect(parsed).toEqual({ ok: true, value: { amountMinor: minor, currency } });
        },
      ),
    );
  });

  it('adds, subtracts and multiplies within one currency only', () => {
    expect(addMoney(money(100, 'USD'), money(250, 'USD'))).toEqual(money(350, 'USD'));
    expect(subtractMoney(money(100, 'USD'), money(250, 'USD'))).toEqual(money(-150, 'USD'));
    expect(multiplyMoney(money(1999, 'USD'), 3)).toEqual(money(5997, 'USD'));
    expect(sumMoney([money(1, 'EUR'), money(2, 'EUR')], 'EUR')).toEqual(money(3, 'EUR'));
    expect(() => addMoney(money(1, 'USD'), money(1, 'EUR'))).toThrow(/currency mismatch/);
    expect(() => multiplyMoney(money(1, 'USD'), 1.5)).toThrow(/integer/);
  });

  it('prorates down: never more than the whole, never negative', () => {
    expect(prorateDown(money(1000, 'USD'), 1, 3)).toEqual(money(333, 'USD'));
    expect(prorateDown(money(1000, 'USD'), 5, 3)).toEqual(money(1000, 'USD'));
    expect(prorateDown(money(1000, 'USD'), -1, 3)).toEqual(money(0, 'USD'));
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10 ** 12 }),
        fc.double({ min: 0, max: 1000, noNaN: true }),
        fc.double({ min: 0.001, max: 1000, noNaN: true }),
        (paid, used, whole) => {
          const share = prorateDown(money(paid, 'USD'), used, whole).amountMinor;
          expect(Number.isSafeInteger(share)).toBe(true);
          expect(share).toBeGreaterThanOrEqual(0);
          expect(share).toBeLessThanOrEqual(paid);
        },
      ),
    );
  });
});
