import type { Money } from './money.js';
import { canPayWith, checkQuantity, type PaymentMethod, type TermsStanding } from './orders.js';
import type { PrePurchaseCheck } from './partner-identifiers.js';
import { cartSegmentFits, type CustomerSegment, type PriceSegment } from './segments.js';
import type { Fix, Verdict } from './verdict.js';

/** The steps of the reseller guide's purchase flow, in order. */
export const PURCHASE_STEPS = [
  'ACCOUNT',
  'CART',
  'CUSTOMER',
  'IDENTIFIERS',
  'TENANT',
  'ATTESTATION',
  'PAYMENT',
] as const;
export type PurchaseStep = (typeof PURCHASE_STEPS)[number];

export const PURCHASE_STEP_LABELS: Record<PurchaseStep, string> = {
  ACCOUNT: 'Reseller account active',
  CART: 'Cart with products',
  CUSTOMER: 'End customer chosen and complete',
  IDENTIFIERS: 'MPN location ID and reseller domain verified',
  TENANT: 'Microsoft tenant chosen and allowed',
  ATTESTATION: 'Partner-of-Record attestation signed',
  PAYMENT: 'Payment method possible',
};

/** Everything a purchase depends on, as the API knows it when it is asked. */
export interface PurchaseContext {
  reseller: { status: 'PENDING_ACTIVATION' | 'ACTIVE' | 'SUSPENDED' };
  /** R10: the four pre-purchase checks (prePurchaseChecks). */
  identifierChecks: PrePurchaseCheck[];
  cart: {
    priceSegment: PriceSegment | null;
    lines: {
      title: string;
      quantity: number;
      minQuantity?: number;
      maxQuantity?: number;
      /** S15: why the end date chosen for the line no longer holds (the subscription it ends with moved on). */
      endDateProblem?: string | null;
    }[];
    total: Money | null;
  };
  customer: null | { name: string; segment: CustomerSegment; missingFields: string[] };
  tenant: null | { choice: 'NEW' | 'EXISTING'; domain: string | null; verdict: Verdict; available?: boolean };
  attestation: null | { signedAt: Date; signedBy: string };
  payment: { method: PaymentMethod; terms: TermsStanding | null };
}

export interface Prerequisite {
  step: PurchaseStep;
  code: string;
  message: string;
  fix?: Fix;
}

export interface Readiness {
  ready: boolean;
  /** Every unmet prerequisite, in the order of the flow. */
  unmet: Prerequisite[];
  /** One line per step, done or not: what the SPA shows as the checklist. */
  checklist: { step: PurchaseStep; label: string; done: boolean }[];
}

const need = (step: PurchaseStep, code: string, message: string, fix?: Fix): Prerequisite =>
  fix ? { step, code, message, fix } : { step, code, message };

/**
 * Every unmet prerequisite of a purchase at once — never only the first — each with a stable code,
 * a plain reason and the fix. The API's pre-flight query and the SPA's checklist both use it.
 */
export function purchaseReadiness(ctx: PurchaseContext): Readiness {
  const unmet: Prerequisite[] = [];

  if (ctx.reseller.status === 'PENDING_ACTIVATION') {
    unmet.push(
      need(
        'ACCOUNT',
        'ACCOUNT_NOT_ACTIVE',
        'The reseller account is still being activated; purchases open when activation completes, within an hour.',
        { kind: 'action', label: 'Wait for the activation order to complete' },
      ),
    );
  } else if (ctx.reseller.status === 'SUSPENDED') {
    unmet.push(
      need('ACCOUNT', 'ACCOUNT_SUSPENDED', 'The reseller account is suspended and cannot buy.', {
        kind: 'action',
        label: 'Contact marketplace support',
      }),
    );
  }

  if (ctx.cart.lines.length === 0) {
    unmet.push(
      need('CART', 'CART_EMPTY', 'The cart is empty.', { kind: 'action', label: 'Add products from the catalog' }),
    );
  }
  for (const line of ctx.cart.lines) {
    const verdict = checkQuantity(line.quantity, { min: line.minQuantity, max: line.maxQuantity });
    if (!verdict.allowed) unmet.push(need('CART', verdict.code, `${line.title}: ${verdict.message}`, verdict.fix));
    if (line.endDateProblem)
      unmet.push(
        need('CART', 'CART_LINE_END_DATE', `${line.title}: ${line.endDateProblem}`, {
          kind: 'action',
          label: 'Choose another end date',
        }),
      );
  }

  if (!ctx.customer) {
    unmet.push(
      need('CUSTOMER', 'CUSTOMER_NOT_CHOSEN', 'Choose an existing end customer or create a new one.', {
        kind: 'action',
        label: 'Choose the customer',
      }),
    );
  } else {
    if (ctx.customer.missingFields.length > 0) {
      unmet.push(
        need(
          'CUSTOMER',
          'CUSTOMER_INCOMPLETE',
          `${ctx.customer.name} lacks: ${ctx.customer.missingFields.join(', ')}.`,
          { kind: 'field', field: ctx.customer.missingFields[0]!, label: 'Complete the customer' },
        ),
      );
    }
    if (ctx.cart.priceSegment && ctx.cart.lines.length > 0) {
      const fits = cartSegmentFits(ctx.cart.priceSegment, ctx.customer.segment);
      if (!fits.allowed) unmet.push(need('CART', fits.code, fits.message, fits.fix));
    }
  }

  for (const check of ctx.identifierChecks) {
    if (check.status === 'PASS') continue;
    const code = check.status === 'FAIL' ? `${check.code}_FAILED` : `${check.code}_UNVERIFIED`;
    unmet.push(need('IDENTIFIERS', code, `${check.label}: ${check.reason}`, check.fix));
  }

  if (!ctx.tenant) {
    unmet.push(
      need(
        'TENANT',
        'TENANT_NOT_CHOSEN',
        'Choose where the licences go: a new tenant or the customer’s existing one.',
        { kind: 'action', label: 'Choose the tenant' },
      ),
    );
  } else {
    if (!ctx.tenant.verdict.allowed)
      unmet.push(need('TENANT', ctx.tenant.verdict.code, ctx.tenant.verdict.message, ctx.tenant.verdict.fix));
    if (ctx.tenant.choice === 'NEW' && ctx.tenant.available === false) {
      unmet.push(
        need('TENANT', 'TENANT_DOMAIN_TAKEN', `${ctx.tenant.domain} is taken.`, {
          kind: 'field',
          field: 'tenantDomain',
          label: 'Pick another domain',
        }),
      );
    }
  }

  if (!ctx.attestation) {
    unmet.push(
      need('ATTESTATION', 'ATTESTATION_NOT_SIGNED', 'Sign the Partner-of-Record attestation.', {
        kind: 'action',
        label: 'Sign the attestation',
      }),
    );
  }

  if (ctx.cart.total) {
    const payment = canPayWith(ctx.payment.method, ctx.cart.total, ctx.payment.terms);
    if (!payment.allowed) unmet.push(need('PAYMENT', payment.code, payment.message, payment.fix));
  }

  const failedSteps = new Set(unmet.map((p) => p.step));
  return {
    ready: unmet.length === 0,
    unmet,
    checklist: PURCHASE_STEPS.map((step) => ({
      step,
      label: PURCHASE_STEP_LABELS[step],
      done: !failedSteps.has(step),
    })),
  };
}
