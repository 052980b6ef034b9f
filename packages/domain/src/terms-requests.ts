import { requireEmail, requirePhone, requireText, type FieldError, fieldErrorsMessage } from './contact.js';
import { compareMoney, formatMoney, parseMoney, type Money } from './money.js';
import { transition, type Transitions } from './state-machine.js';
import { fail, ok, type Outcome } from './verdict.js';

/** R23: what a reseller sends to ask for marketplace terms (a credit line). */
export interface TermsRequestInput {
  resellerMarketplaceId: string;
  bcn: string;
  companyName: string;
  address: {
    line1: string;
    line2?: string | null;
    city: string;
    region?: string | null;
    postalCode: string;
    country: string;
  };
  contact: { name: string; email: string; phone: string };
  /** The credit line asked for, as typed ("25,000" or "25000.00"). */
  requestedLimit: string;
  /** ISO 4217; USD unless given. */
  currency?: string | null;
}

/** A request that passed validation: the amount asked for is money, not text. */
export type ValidTermsRequest = Omit<TermsRequestInput, 'requestedLimit' | 'currency'> & { requestedLimit: Money };

/** The largest credit line a request may ask for; above it the credit team talks to the reseller directly. */
export const TERMS_REQUEST_LIMIT_MAX_MINOR = 100_000_000_00;

/** R23: every field is required; the result is the normalised request, or every field at fault. */
export function validateTermsRequest(
  input: TermsRequestInput,
): Outcome<ValidTermsRequest, 'TERMS_REQUEST_INVALID'> & { errors?: FieldError[] } {
  const errors: FieldError[] = [];
  const resellerMarketplaceId = requireText(
    errors,
    'resellerMarketplaceId',
    input.resellerMarketplaceId,
    'Reseller (marketplace) ID',
    40,
  );
  const bcn = requireText(errors, 'bcn', input.bcn, 'BCN', 20);
  if (bcn && !/^[A-Za-z0-9-]{4,20}$/.test(bcn))
    errors.push({ field: 'bcn', code: 'BCN_FORMAT', message: 'BCN is 4 to 20 letters, digits or dashes.' });
  const companyName = requireText(errors, 'companyName', input.companyName, 'Company name');
  const address = {
    line1: requireText(errors, 'address.line1', input.address?.line1, 'Street address'),
    line2: (input.address?.line2 ?? '').trim() || null,
    city: requireText(errors, 'address.city', input.address?.city, 'City', 100),
    region: (input.address?.region ?? '').trim() || null,
    postalCode: requireText(errors, 'address.postalCode', input.address?.postalCode, 'Postal code', 20),
    country: requireText(errors, 'address.country', input.address?.country, 'Country', 60).toUpperCase(),
  };
  if (address.country && !/^[A-Z]{2}$/.test(address.country))
    errors.push({
      field: 'address.country',
      code: 'COUNTRY_FORMAT',
      message: 'Country is a two-letter code, e.g. US.',
    });
  const contact = {
    name: requireText(errors, 'contact.name', input.contact?.name, 'Contact name'),
    email: requireEmail(errors, 'contact.email', input.contact?.email, 'Contact email'),
    phone: requirePhone(errors, 'contact.phone', input.contact?.phone, 'Contact phone'),
  };
  const requestedLimit = requestedAmount(
    errors,
    input.requestedLimit,
    (input.currency ?? '').trim().toUpperCase() || 'USD',
  );
  if (errors.length > 0 || !requestedLimit)
    return { ...fail('TERMS_REQUEST_INVALID', fieldErrorsMessage(errors)), errors };
  return ok({ resellerMarketplaceId, bcn: bcn.toUpperCase(), companyName, address, contact, requestedLimit });
}

function requestedAmount(errors: FieldError[], text: string | null | undefined, currency: string): Money | null {
  if (!(text ?? '').trim()) {
    errors.push({ field: 'requestedLimit', code: 'REQUIRED', message: 'Enter the credit line you are asking for.' });
    return null;
  }
  const parsed = parseMoney(text ?? '', currency);
  if (!parsed.ok) {
    if (parsed.code === 'CURRENCY_INVALID')
      errors.push({
        field: 'currency',
        code: 'CURRENCY_INVALID',
        message: `The currency is a three-letter code such as USD, not "${currency}".`,
      });
    else if (parsed.code === 'MONEY_NEGATIVE')
      errors.push({
        field: 'requestedLimit',
        code: 'AMOUNT_NOT_POSITIVE',
        message: 'The credit line asked for must be more than zero.',
      });
    else
      errors.push({
        field: 'requestedLimit',
        code: 'AMOUNT_FORMAT',
        message: `Enter the credit line as an amount such as 25,000 or 25000.00 (${parsed.message}).`,
      });
    return null;
  }
  if (parsed.value.amountMinor <= 0)
    errors.push({
      field: 'requestedLimit',
      code: 'AMOUNT_NOT_POSITIVE',
      message: 'The credit line asked for must be more than zero.',
    });
  else if (parsed.value.amountMinor > TERMS_REQUEST_LIMIT_MAX_MINOR) {
    errors.push({
      field: 'requestedLimit',
      code: 'AMOUNT_TOO_LARGE',
      message: `Ask for a credit line of at most ${formatMoney({ amountMinor: TERMS_REQUEST_LIMIT_MAX_MINOR, currency: parsed.value.currency })}; for more, talk to the credit team.`,
    });
  }
  return parsed.value;
}

export const TERMS_REQUEST_STATES = [
  'SUBMITTED',
  'IN_REVIEW',
  'MORE_INFO_REQUESTED',
  'APPROVED',
  'REJECTED',
  'WITHDRAWN',
] as const;
export type TermsRequestState = (typeof TERMS_REQUEST_STATES)[number];

export const TERMS_REQUEST_EVENTS = [
  'CLAIM',
  'RELEASE',
  'REQUEST_INFO',
  'PROVIDE_INFO',
  'APPROVE',
  'REJECT',
  'WITHDRAW',
  'RESUBMIT',
] as const;
export type TermsRequestEvent = (typeof TERMS_REQUEST_EVENTS)[number];

/**
 * R23: submitted → in review (claimed by one analyst) → approved | rejected | more info requested;
 * the reseller may withdraw an open request and resubmit after a rejection.
 */
export const TERMS_REQUEST_TRANSITIONS: Transitions<TermsRequestState, TermsRequestEvent> = {
  SUBMITTED: { CLAIM: 'IN_REVIEW', WITHDRAW: 'WITHDRAWN' },
  IN_REVIEW: {
    RELEASE: 'SUBMITTED',
    REQUEST_INFO: 'MORE_INFO_REQUESTED',
    APPROVE: 'APPROVED',
    REJECT: 'REJECTED',
    WITHDRAW: 'WITHDRAWN',
  },
  MORE_INFO_REQUESTED: { PROVIDE_INFO: 'SUBMITTED', WITHDRAW: 'WITHDRAWN' },
  REJECTED: { RESUBMIT: 'SUBMITTED' },
  APPROVED: {},
  WITHDRAWN: {},
};

const STATE_WORDS: Record<TermsRequestState, string> = {
  SUBMITTED: 'the request is waiting for an analyst',
  IN_REVIEW: 'the request is in review',
  MORE_INFO_REQUESTED: 'the request waits for more information from the reseller',
  APPROVED: 'the request is approved',
  REJECTED: 'the request is rejected',
  WITHDRAWN: 'the request is withdrawn',
};

export const nextTermsRequestState = (from: TermsRequestState, event: TermsRequestEvent) =>
  transition(TERMS_REQUEST_TRANSITIONS, from, event, (state) => STATE_WORDS[state]);

/** Open requests block a second one for the same reseller. */
export const isOpenTermsRequest = (state: TermsRequestState): boolean =>
  state === 'SUBMITTED' || state === 'IN_REVIEW' || state === 'MORE_INFO_REQUESTED';

/** R23: the credit team answers within 24–48 hours. */
export const TERMS_ANSWER_DUE_SOON_HOURS = 24;
export const TERMS_ANSWER_OVERDUE_HOURS = 48;

export type TermsSla = 'ON_TRACK' | 'DUE_SOON' | 'OVERDUE' | 'ANSWERED';

/** Where a request stands against the 24–48 h answer window; time waiting on the reseller does not count. */
export function termsRequestSla(
  state: TermsRequestState,
  waitingSince: Date,
  now: Date,
): { sla: TermsSla; ageHours: number; dueAt: Date } {
  const ageHours = Math.max(0, (now.getTime() - waitingSince.getTime()) / 3_600_000);
  const dueAt = new Date(waitingSince.getTime() + TERMS_ANSWER_OVERDUE_HOURS * 3_600_000);
  if (!isOpenTermsRequest(state) || state === 'MORE_INFO_REQUESTED') return { sla: 'ANSWERED', ageHours, dueAt };
  const sla =
    ageHours >= TERMS_ANSWER_OVERDUE_HOURS
      ? 'OVERDUE'
      : ageHours >= TERMS_ANSWER_DUE_SOON_HOURS
        ? 'DUE_SOON'
        : 'ON_TRACK';
  return { sla, ageHours, dueAt };
}

export const PAYMENT_TERMS = ['NET_15', 'NET_30', 'NET_45', 'NET_60'] as const;
export type PaymentTerms = (typeof PAYMENT_TERMS)[number];

export interface TermsApproval {
  creditLimit: Money;
  paymentTerms: PaymentTerms;
  effectiveFrom: string;
}

/** An approval needs a positive credit limit, known payment terms and a valid effective date. */
export function validateApproval(
  approval: TermsApproval,
): Outcome<TermsApproval, 'APPROVAL_INVALID'> & { errors?: FieldError[] } {
  const errors: FieldError[] = [];
  if (!Number.isSafeInteger(approval.creditLimit.amountMinor) || approval.creditLimit.amountMinor <= 0) {
    errors.push({
      field: 'creditLimit',
      code: 'CREDIT_LIMIT_POSITIVE',
      message: 'The credit limit must be more than zero.',
    });
  }
  if (!(PAYMENT_TERMS as readonly string[]).includes(approval.paymentTerms)) {
    errors.push({
      field: 'paymentTerms',
      code: 'PAYMENT_TERMS_UNKNOWN',
      message: `Payment terms are one of ${PAYMENT_TERMS.join(', ')}.`,
    });
  }
  if (
    !/^\d{4}-\d{2}-\d{2}$/.test(approval.effectiveFrom) ||
    Number.isNaN(Date.parse(`${approval.effectiveFrom}T00:00:00Z`))
  ) {
    errors.push({ field: 'effectiveFrom', code: 'DATE_FORMAT', message: 'The effective date is a date (YYYY-MM-DD).' });
  }
  return errors.length ? { ...fail('APPROVAL_INVALID', fieldErrorsMessage(errors)), errors } : ok(approval);
}

/** A rejection states its reason, so the reseller knows what to change before resubmitting. */
export function validateRejection(reason: string): Outcome<string, 'REJECTION_REASON_REQUIRED'> {
  const text = reason.trim();
  return text.length >= 10
    ? ok(text)
    : fail('REJECTION_REASON_REQUIRED', 'Give the reseller the reason (at least 10 characters).', {
        kind: 'field',
        field: 'reason',
        label: 'Explain the rejection',
      });
}

/** R2: what the reseller's approved terms leave for new orders, from the credit ledger. */
export function availableCredit(limit: Money, used: Money): Money {
  return { amountMinor: Math.max(0, limit.amountMinor - used.amountMinor), currency: limit.currency };
}

export const fitsCredit = (orderTotal: Money, available: Money): boolean => compareMoney(orderTotal, available) <= 0;

export const describeCredit = (available: Money, limit: Money): string =>
  `${formatMoney(available)} available of ${formatMoney(limit)}`;

/** Whether a request was answered inside its SLA: within the overdue hours of when it began waiting. */
export const answeredWithinSla = (waitingSince: Date, decidedAt: Date): boolean =>
  decidedAt.getTime() - waitingSince.getTime() <= TERMS_ANSWER_OVERDUE_HOURS * 3_600_000;
