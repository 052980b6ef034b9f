import { describe, expect, it } from 'vitest';
import { money } from './money.js';
import {
  canPayWith,
  checkQuantity,
  defaultPaymentMethod,
  formatSalesOrderNumber,
  parseSalesOrderNumber,
} from './orders.js';

const terms = { approved: true, limit: money(100_000, 'USD'), used: money(60_000, 'USD') };

describe('R18: sales order numbers', () => {
  it('read SO-YYYYMMDD-NNNNNN and parse back', () => {
    const so = formatSalesOrderNumber(new Date('2026-11-24T23:59:00Z'), 42);
    expect(so).toBe('SO-20261124-000042');
    expect(parseSalesOrderNumber(so)).toEqual({ ok: true, value: { day: '2026-11-24', sequence: 42 } });
  });

  it('refuse malformed numbers and impossible days', () => {
    expect(parseSalesOrderNumber('SO-2026112-000042')).toMatchObject({ ok: false, code: 'SO_NUMBER_FORMAT' });
    expect(parseSalesOrderNumber('SO-20260231-000001')).toMatchObject({ ok: false });
    expect(() => formatSalesOrderNumber(new Date(), 0)).toThrow(RangeError);
  });
});

describe('R2/R17: payment', () => {
  it('R17: defaults to credit card on a first purchase, even with terms', () => {
    expect(defaultPaymentMethod(true, terms)).toBe('CREDIT_CARD');
    expect(defaultPaymentMethod(false, null)).toBe('CREDIT_CARD');
    expect(defaultPaymentMethod(false, terms)).toBe('TERMS');
  });

  it('R2: credit card is always possible; terms only when approved', () => {
    expect(canPayWith('CREDIT_CARD', money(1, 'USD'), null)).toEqual({ allowed: true });
    expect(canPayWith('TERMS', money(1, 'USD'), null)).toMatchObject({ allowed: false, code: 'TERMS_NOT_APPROVED' });
    expect(canPayWith('TERMS', money(1, 'USD'), { ...terms, approved: false })).toMatchObject({
      code: 'TERMS_NOT_APPROVED',
    });
  });

  it('R2: terms only within the remaining credit, with the figures', () => {
    expect(canPayWith('TERMS', money(40_000, 'USD'), terms)).toEqual({ allowed: true });
    expect(canPayWith('TERMS', money(40_001, 'USD'), terms)).toMatchObject({
      allowed: false,
      code: 'CREDIT_LIMIT_EXCEEDED',
      message: expect.stringMatching(/\$400\.01.*\$400\.00 available of \$1,000\.00/),
    });
    expect(canPayWith('TERMS', money(1, 'EUR'), terms)).toMatchObject({ code: 'CURRENCY_MISMATCH' });
  });
});

describe('R4: quantities', () => {
  it('are whole numbers within the SKU’s seat limits', () => {
    expect(checkQuantity(1)).toEqual({ allowed: true });
    expect(checkQuantity(0)).toMatchObject({ code: 'QUANTITY_BELOW_LIMIT' });
    expect(checkQuantity(2.5)).toMatchObject({ code: 'QUANTITY_INVALID' });
    expect(checkQuantity(301, { max: 300 })).toMatchObject({
      code: 'QUANTITY_ABOVE_LIMIT',
      fix: { field: 'quantity' },
    });
  });
});
