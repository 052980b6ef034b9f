import { validateAddress, type Address } from './address.js';
import { requireEmail, requirePhone, requireText, type FieldError, fieldErrorsMessage } from './contact.js';
import { fail, ok, type Outcome } from './verdict.js';

export const RESELLER_STATUSES = ['PENDING_ACTIVATION', 'ACTIVE', 'SUSPENDED'] as const;
export type ResellerStatus = (typeof RESELLER_STATUSES)[number];

export interface ResellerInput {
  companyName: string;
  marketplaceId: string;
  bcn: string;
  address: Address;
  contact: { name: string; email: string; phone: string };
}

/** What staff enter for a reseller account: every field checked, every fault reported at once. */
export function validateReseller(
  input: ResellerInput,
): Outcome<ResellerInput, 'VALIDATION_FAILED'> & { errors?: FieldError[] } {
  const errors: FieldError[] = [];
  const companyName = requireText(errors, 'companyName', input.companyName, 'Company name');
  const marketplaceId = requireText(errors, 'marketplaceId', input.marketplaceId, 'Marketplace ID', 40).toUpperCase();
  if (marketplaceId && !/^[A-Z0-9][A-Z0-9-]{3,39}$/.test(marketplaceId)) {
    errors.push({
      field: 'marketplaceId',
      code: 'MARKETPLACE_ID_FORMAT',
      message: 'The marketplace ID is 4 to 40 letters, digits or dashes, e.g. MP-100042.',
    });
  }
  const bcn = requireText(errors, 'bcn', input.bcn, 'BCN', 20).toUpperCase();
  if (bcn && !/^[A-Z0-9-]{4,20}$/.test(bcn))
    errors.push({ field: 'bcn', code: 'BCN_FORMAT', message: 'The BCN is 4 to 20 letters, digits or dashes.' });
  const { address, errors: addressErrors } = validateAddress(input.address);
  errors.push(...addressErrors);
  const contact = {
    name: requireText(errors, 'contact.name', input.contact?.name, 'Contact name'),
    email: requireEmail(errors, 'contact.email', input.contact?.email, 'Contact email'),
    phone: requirePhone(errors, 'contact.phone', input.contact?.phone, 'Contact phone'),
  };
  if (errors.length) return { ...fail('VALIDATION_FAILED', fieldErrorsMessage(errors)), errors };
  return ok({ companyName, marketplaceId, bcn, address, contact });
}

/** R1: only an active account may buy; the reason otherwise. */
export function resellerCanBuy(status: ResellerStatus): Outcome<true, 'ACCOUNT_NOT_ACTIVE' | 'ACCOUNT_SUSPENDED'> {
  if (status === 'ACTIVE') return ok(true);
  if (status === 'SUSPENDED')
    return fail('ACCOUNT_SUSPENDED', 'The reseller account is suspended and cannot buy.', {
      kind: 'action',
      label: 'Contact marketplace support',
    });
  return fail(
    'ACCOUNT_NOT_ACTIVE',
    'The reseller account is not active yet: activation completes within an hour of the first sign-in.',
    {
      kind: 'action',
      label: 'Wait for the activation order to complete',
    },
  );
}

/**
 * R1: an account activates by itself when its activation order completes; staff suspend an account (even
 * one still activating) and reinstate a suspended one — but never make active an account whose activation
 * has not completed.
 */
export const RESELLER_STATUS_TRANSITIONS: Record<ResellerStatus, readonly ResellerStatus[]> = {
  PENDING_ACTIVATION: ['ACTIVE', 'SUSPENDED'],
  ACTIVE: ['SUSPENDED'],
  SUSPENDED: ['ACTIVE'],
};

/**
 * R1: may staff set the account to `to`? `activationPending`: the account's activation order has not
 * completed (an account made active outside that flow, e.g. migrated, has none). Staying put is no change.
 */
export function moveReseller(
  from: ResellerStatus,
  to: 'ACTIVE' | 'SUSPENDED',
  activationPending: boolean,
): Outcome<ResellerStatus, 'ACTIVATION_PENDING' | 'ILLEGAL_TRANSITION'> {
  if (from === to) return ok(to);
  if (to === 'ACTIVE' && (from === 'PENDING_ACTIVATION' || activationPending)) {
    return fail(
      'ACTIVATION_PENDING',
      'The account activates by itself once its activation order completes; it cannot be made active before.',
    );
  }
  if (!RESELLER_STATUS_TRANSITIONS[from].includes(to))
    return fail(
      'ILLEGAL_TRANSITION',
      `An account that is ${from.toLowerCase().replace('_', ' ')} cannot be set to ${to.toLowerCase()}.`,
    );
  return ok(to);
}

/**
 * R1: the activation order completed. An account still pending activation becomes active; one suspended
 * meanwhile stays suspended (staff reinstate it, now that its activation is done); an active one is unchanged.
 * The activation job applies this through the same writer as staff changes.
 */
export function completeActivation(from: ResellerStatus): ResellerStatus {
  return from === 'PENDING_ACTIVATION' ? 'ACTIVE' : from;
}

/** How old the four pre-purchase checks may be before they are asked again (R10). */
export const CHECKS_STALE_AFTER_MS = 24 * 60 * 60 * 1000;

export const checksAreStale = (checkedAt: Date | null, now: Date): boolean =>
  !checkedAt || now.getTime() - checkedAt.getTime() >= CHECKS_STALE_AFTER_MS;
