import { formatMoney, subtractMoney, type Money } from './money.js';
import { transition, type Transitions } from './state-machine.js';
import { describeCredit, fitsCredit } from './terms-requests.js';
import { allow, deny, fail, ok, type Outcome, type Verdict } from './verdict.js';

export const ORDER_STATES = [
  'PLACED',
  'PROVISIONING',
  'PROVISIONED',
  'FAILED',
  'CANCELLED',
  'PARTIALLY_RETURNED',
  'RETURNED',
] as const;
export type OrderState = (typeof ORDER_STATES)[number];

export const ORDER_EVENTS = [
  'START_PROVISIONING',
  'PROVISIONING_SUCCEEDED',
  'PROVISIONING_FAILED',
  'RETRY',
  'CANCEL',
  'RETURN_PART',
  'RETURN_ALL',
] as const;
export type OrderEvent = (typeof ORDER_EVENTS)[number];

/**
 * R18, R19: an order is placed (SO number), then provisioned asynchronously; provisioning that fails
 * is retried or cancelled; provisioned lines can be returned (R24) in part or in full.
 */
export const ORDER_TRANSITIONS: Transitions<OrderState, OrderEvent> = {
  PLACED: { START_PROVISIONING: 'PROVISIONING', CANCEL: 'CANCELLED' },
  PROVISIONING: { PROVISIONING_SUCCEEDED: 'PROVISIONED', PROVISIONING_FAILED: 'FAILED' },
  FAILED: { RETRY: 'PROVISIONING', CANCEL: 'CANCELLED' },
  PROVISIONED: { RETURN_PART: 'PARTIALLY_RETURNED', RETURN_ALL: 'RETURNED' },
  PARTIALLY_RETURNED: { RETURN_PART: 'PARTIALLY_RETURNED', RETURN_ALL: 'RETURNED' },
  CANCELLED: {},
  RETURNED: {},
};

const ORDER_WORDS: Record<OrderState, string> = {
  PLACED: 'the order is placed',
  PROVISIONING: 'the order is being provisioned',
  PROVISIONED: 'the order is provisioned',
  FAILED: 'provisioning failed',
  CANCELLED: 'the order is cancelled',
  PARTIALLY_RETURNED: 'part of the order is returned',
  RETURNED: 'the order is returned',
};

export const nextOrderState = (from: OrderState, event: OrderEvent) =>
  transition(ORDER_TRANSITIONS, from, event, (state) => ORDER_WORDS[state]);

/** R18: sales order numbers read SO-YYYYMMDD-NNNNNN: the day placed (UTC) and a sequence. */
export function formatSalesOrderNumber(placedAt: Date, sequence: number): string {
  if (!Number.isSafeInteger(sequence) || sequence < 1 || sequence > 999_999)
    throw new RangeError('sequence must be 1…999999');
  const day = placedAt.toISOString().slice(0, 10).replace(/-/g, '');
  return `SO-${day}-${String(sequence).padStart(6, '0')}`;
}

export function parseSalesOrderNumber(text: string): Outcome<{ day: string; sequence: number }, 'SO_NUMBER_FORMAT'> {
  const match = /^SO-(\d{4})(\d{2})(\d{2})-(\d{6})$/.exec(text.trim().toUpperCase());
  if (!match) return fail('SO_NUMBER_FORMAT', `"${text}" is not a sales order number (SO-YYYYMMDD-NNNNNN).`);
  const day = `${match[1]}-${match[2]}-${match[3]}`;
  if (Number.isNaN(Date.parse(`${day}T00:00:00Z`)) || new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10) !== day) {
    return fail('SO_NUMBER_FORMAT', `"${text}" names no real day.`);
  }
  return ok({ day, sequence: Number(match[4]) });
}

export type PaymentMethod = 'CREDIT_CARD' | 'TERMS';

export interface TermsStanding {
  approved: boolean;
  limit: Money;
  used: Money;
}

export type PaymentCode = 'TERMS_NOT_APPROVED' | 'CREDIT_LIMIT_EXCEEDED' | 'CURRENCY_MISMATCH';

/**
 * R2, R17: credit card by default (always on a first purchase); terms once approved, and only within the remaining
 * credit.
 */
export function defaultPaymentMethod(isFirstPurchase: boolean, terms: TermsStanding | null): PaymentMethod {
  return !isFirstPurchase && terms?.approved ? 'TERMS' : 'CREDIT_CARD';
}

export function canPayWith(
  method: PaymentMethod,
  orderTotal: Money,
  terms: TermsStanding | null,
): Verdict<PaymentCode> {
  if (method === 'CREDIT_CARD') return allow();
  if (!terms?.approved) {
    return deny(
      'TERMS_NOT_APPROVED',
      'Payment on terms needs an approved terms request; pay by credit card or ask the credit team for terms.',
      {
        kind: 'action',
        label: 'Submit a terms request',
      },
    );
  }
  if (terms.limit.currency !== orderTotal.currency) {
    return deny(
      'CURRENCY_MISMATCH',
      `The credit line is in ${terms.limit.currency}; this order is in ${orderTotal.currency}. Pay by credit card.`,
    );
  }
  const available = subtractMoney(terms.limit, terms.used);
  if (!fitsCredit(orderTotal, available)) {
    return deny(
      'CREDIT_LIMIT_EXCEEDED',
      `This order (${formatMoney(orderTotal)}) exceeds the remaining credit: ${describeCredit({ ...available, amountMinor: Math.max(0, available.amountMinor) }, terms.limit)}.`,
      { kind: 'action', label: 'Pay by credit card, reduce the order, or ask the credit team to raise the limit' },
    );
  }
  return allow();
}

/** R4: quantity changes happen in the cart, within Microsoft's seat limits for the SKU. */
export const DEFAULT_SEAT_LIMIT = 2000;

export function checkQuantity(
  quantity: number,
  limits: { min?: number; max?: number } = {},
): Verdict<'QUANTITY_INVALID' | 'QUANTITY_ABOVE_LIMIT' | 'QUANTITY_BELOW_LIMIT'> {
  const min = limits.min ?? 1;
  const max = limits.max ?? DEFAULT_SEAT_LIMIT;
  if (!Number.isSafeInteger(quantity))
    return deny('QUANTITY_INVALID', 'A quantity is a whole number.', {
      kind: 'field',
      field: 'quantity',
      label: 'Enter a whole number',
    });
  if (quantity < min)
    return deny('QUANTITY_BELOW_LIMIT', `At least ${min} of this SKU must be bought.`, {
      kind: 'field',
      field: 'quantity',
      label: `Set ${min} or more`,
    });
  if (quantity > max)
    return deny('QUANTITY_ABOVE_LIMIT', `Microsoft sells at most ${max} of this SKU in one subscription.`, {
      kind: 'field',
      field: 'quantity',
      label: `Set ${max} or fewer`,
    });
  return allow();
}
