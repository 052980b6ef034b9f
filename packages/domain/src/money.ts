import { fail, ok, type Outcome } from './verdict.js';

/** Money is an integer count of the currency's minor unit (cents, pence; yen have none). Never a float. */
export interface Money {
  readonly amountMinor: number;
  readonly currency: string;
}

/** ISO 4217 minor-unit exponents of the currencies Microsoft prices NCE in; others default to 2. */
const ZERO_DECIMAL = new Set(['JPY', 'KRW', 'CLP', 'ISK', 'VND']);
const THREE_DECIMAL = new Set(['BHD', 'KWD', 'OMR', 'JOD', 'TND']);

export const isCurrencyCode = (code: string): boolean => /^[A-Z]{3}$/.test(code);

export function currencyExponent(currency: string): number {
  if (ZERO_DECIMAL.has(currency)) return 0;
  if (THREE_DECIMAL.has(currency)) return 3;
  return 2;
}

export type MoneyParseError =
  'MONEY_NOT_A_NUMBER' | 'MONEY_TOO_PRECISE' | 'MONEY_NEGATIVE' | 'MONEY_TOO_LARGE' | 'CURRENCY_INVALID';

/**
 * Parses a decimal text such as "12.5" or "1234.00" into minor units without going through a float.
 * More decimals than the currency has is an error unless the extra digits are zeros.
 */
export function parseMoney(text: string, currency: string): Outcome<Money, MoneyParseError> {
  if (!isCurrencyCode(currency))
    return fail('CURRENCY_INVALID', `"${currency}" is not a three-letter ISO 4217 currency code`);
  // "25,000", "25 000" and "25000" are the same amount: group separators are dropped, "." marks decimals.
  const trimmed = text.trim().replace(/(?<=\d)[,\u00a0\u202f ](?=\d{3}(?:\D|$))/g, '');
  const match = /^(-)?(\d+)(?:\.(\d+))?$/.exec(trimmed);
  if (!match) return fail('MONEY_NOT_A_NUMBER', `"${text}" is not a decimal amount`);
  const [, minus, whole = '', fraction = ''] = match;
  if (minus && /[1-9]/.test(whole + fraction)) return fail('MONEY_NEGATIVE', `"${text}" is negative; prices cannot be`);
  const exponent = currencyExponent(currency);
  const significant = fraction.replace(/0+$/, '');
  if (significant.length > exponent) {
    return fail('MONEY_TOO_PRECISE', `"${text}" has more decimals than ${currency} allows (${exponent})`);
  }
  const minor = Number(whole + significant.padEnd(exponent, '0'));
  if (!Number.isSafeInteger(minor)) return fail('MONEY_TOO_LARGE', `"${text}" is too large`);
  return ok({ amountMinor: minor, currency });
}

export const money = (amountMinor: number, currency: string): Money => {
  if (!Number.isSafeInteger(amountMinor))
    throw new RangeError(`amountMinor must be a safe integer, got ${amountMinor}`);
  return { amountMinor, currency };
};

export const zero = (currency: string): Money => money(0, currency);

function sameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) throw new RangeError(`currency mismatch: ${a.currency} vs ${b.currency}`);
}

export const addMoney = (a: Money, b: Money): Money => {
  sameCurrency(a, b);
  return money(a.amountMinor + b.amountMinor, a.currency);
};

export const subtractMoney = (a: Money, b: Money): Money => {
  sameCurrency(a, b);
  return money(a.amountMinor - b.amountMinor, a.currency);
};

export const multiplyMoney = (a: Money, quantity: number): Money => {
  if (!Number.isSafeInteger(quantity)) throw new RangeError(`quantity must be an integer, got ${quantity}`);
  return money(a.amountMinor * quantity, a.currency);
};

export const sumMoney = (items: readonly Money[], currency: string): Money =>
  items.reduce((total, item) => addMoney(total, item), zero(currency));

export const compareMoney = (a: Money, b: Money): number => {
  sameCurrency(a, b);
  return a.amountMinor - b.amountMinor;
};

/**
 * The share `numerator / denominator` of an amount, rounded down to the minor unit, so that
 * a prorated refund can never exceed what was paid.
 */
export function prorateDown(amount: Money, numerator: number, denominator: number): Money {
  if (!(denominator > 0)) throw new RangeError('denominator must be positive');
  const share = Math.min(Math.max(numerator, 0), denominator);
  // BigInt keeps amount × share exact beyond 2^53.
  const minor =
    (BigInt(amount.amountMinor) * BigInt(Math.round(share * 1_000_000))) / BigInt(Math.round(denominator * 1_000_000));
  return money(Number(minor), amount.currency);
}

/** Plain decimal text of the amount ("12.50"), the inverse of parseMoney. */
export function formatMoneyAmount(amount: Money): string {
  const exponent = currencyExponent(amount.currency);
  const sign = amount.amountMinor < 0 ? '-' : '';
  const digits = Math.abs(amount.amountMinor)
    .toString()
    .padStart(exponent + 1, '0');
  return exponent === 0 ? `${sign}${digits}` : `${sign}${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}

const CURRENCY_FORMATS = new Map<string, Intl.NumberFormat>();

/**
 * The amount as people read it, with the currency's symbol and thousands separators: "$1,234.50",
 * "€99.00", "CA$12.00" (English, so every screen, invoice and email writes money the same way).
 */
export function formatMoney(amount: Money): string {
  let format = CURRENCY_FORMATS.get(amount.currency);
  if (!format) {
    const digits = currencyExponent(amount.currency);
    format = new Intl.NumberFormat('en-US', {
      style: 'currency',
      currency: amount.currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    CURRENCY_FORMATS.set(amount.currency, format);
  }
  return format.format(amount.amountMinor / 10 ** currencyExponent(amount.currency));
}
