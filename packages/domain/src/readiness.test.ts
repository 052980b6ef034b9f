import { describe, expect, it } from 'vitest';
import { money } from './money.js';
import { prePurchaseChecks } from './partner-identifiers.js';
import { purchaseReadiness, type PurchaseContext } from './readiness.js';
import { canUseExistingTenant } from './tenant-choice.js';
import { allow } from './verdict.js';

const DISTRIBUTOR = 'a27ac673-9a4c-446c-bd28-280c0bf7cf71';
const ready: PurchaseContext = {
  reseller: { status: 'ACTIVE' },
  identifierChecks: prePurchaseChecks(
    {
      mpnLocationId: '6543210',
      resellerDomain: 'resellerco.onmicrosoft.com',
      mpn: { exists: true, kind: 'LOCATION', cspIndirectReseller: true },
      resellerDomainExists: true,
      relationshipWithDistributor: true,
    },
    DISTRIBUTOR,
  ),
  cart: {
    priceSegment: 'COMMERCIAL',
    lines: [{ title: 'Microsoft 365 E3', quantity: 10 }],
    total: money(36_000, 'USD'),
  },
  customer: { name: 'Contoso', segment: 'COMMERCIAL', missingFields: [] },
  tenant: { choice: 'NEW', domain: 'contoso.onmicrosoft.com', verdict: allow(), available: true },
  attestation: { signedAt: new Date('2026-11-24T10:00:00Z'), signedBy: 'user-1' },
  payment: { method: 'CREDIT_CARD', terms: null },
};
const codes = (ctx: PurchaseContext) => purchaseReadiness(ctx).unmet.map((p) => p.code);

describe('purchase readiness', () => {
  it('is ready when every prerequisite is met, with every checklist step done', () => {
    const readiness = purchaseReadiness(ready);
    expect(readiness).toMatchObject({ ready: true, unmet: [] });
    expect(readiness.checklist.every((s) => s.done)).toBe(true);
  });

  it('R1: an account still activating cannot buy', () => {
    expect(codes({ ...ready, reseller: { status: 'PENDING_ACTIVATION' } })).toEqual(['ACCOUNT_NOT_ACTIVE']);
  });

  it('lists every unmet prerequisite at once, in the order of the flow, each with a fix', () => {
    const readiness = purchaseReadiness({
      reseller: { status: 'PENDING_ACTIVATION' },
      identifierChecks: prePurchaseChecks({ mpnLocationId: '', resellerDomain: '' }, DISTRIBUTOR),
      cart: { priceSegment: null, lines: [], total: null },
      customer: null,
      tenant: null,
      attestation: null,
      payment: { method: 'CREDIT_CARD', terms: null },
    });
    expect(readiness.ready).toBe(false);
    expect(readiness.unmet.map((p) => p.code)).toEqual([
      'ACCOUNT_NOT_ACTIVE',
      'CART_EMPTY',
      'CUSTOMER_NOT_CHOSEN',
      'MPN_ID_VALID_FAILED',
      'CSP_INDIRECT_RESELLER_UNVERIFIED',
      'RESELLER_DOMAIN_VALID_FAILED',
      'DISTRIBUTOR_RELATIONSHIP_UNVERIFIED',
      'TENANT_NOT_CHOSEN',
      'ATTESTATION_NOT_SIGNED',
    ]);
    expect(
      readiness.unmet.filter((p) => p.code.endsWith('_FAILED') || !p.code.includes('_UNVERIFIED')).every((p) => p.fix),
    ).toBe(true);
    expect(readiness.checklist.filter((s) => !s.done).map((s) => s.step)).toEqual([
      'ACCOUNT',
      'CART',
      'CUSTOMER',
      'IDENTIFIERS',
      'TENANT',
      'ATTESTATION',
    ]);
  });

  it('R3/R20: refuses a cart priced for another segment than the customer’s', () => {
    expect(codes({ ...ready, customer: { name: 'School', segment: 'EDUCATION', missingFields: [] } })).toEqual([
      'CART_SEGMENT_MISMATCH',
    ]);
    expect(codes({ ...ready, customer: { name: 'City', segment: 'GOVERNMENT', missingFields: [] } })).toEqual([]);
  });

  it('R15: carries the tenant refusal and its authorisation link', () => {
    const verdict = canUseExistingTenant(
      'COMMERCIAL',
      { domain: 'f.onmicrosoft.com', government: false, relationshipAccepted: false, indirectResellers: [] },
      DISTRIBUTOR,
      '6543210',
    );
    const readiness = purchaseReadiness({
      ...ready,
      tenant: { choice: 'EXISTING', domain: 'f.onmicrosoft.com', verdict },
    });
    expect(readiness.unmet).toEqual([
      expect.objectContaining({
        step: 'TENANT',
        code: 'TENANT_RELATIONSHIP_NOT_ACCEPTED',
        fix: expect.objectContaining({ kind: 'link' }),
      }),
    ]);
  });

  it('R14: a taken new-tenant domain blocks the purchase', () => {
    expect(codes({ ...ready, tenant: { ...ready.tenant!, available: false } })).toEqual(['TENANT_DOMAIN_TAKEN']);
  });

  it('R13: the attestation must be signed', () => {
    expect(codes({ ...ready, attestation: null })).toEqual(['ATTESTATION_NOT_SIGNED']);
  });

  it('R2: terms beyond the remaining credit, and seat limits, are reported with the rest', () => {
    expect(
      codes({
        ...ready,
        cart: { ...ready.cart, lines: [{ title: 'E3', quantity: 5000 }] },
        payment: { method: 'TERMS', terms: { approved: true, limit: money(10_000, 'USD'), used: money(0, 'USD') } },
      }),
    ).toEqual(['QUANTITY_ABOVE_LIMIT', 'CREDIT_LIMIT_EXCEEDED']);
  });

  it('S15, S16: a line whose end date no longer holds, and a trial of other than 25 seats, block the purchase', () => {
    const lines = [
      { title: 'E3', quantity: 10, endDateProblem: 'The subscription it was to end with has renewed.' },
      { title: 'Business Basic Trial', quantity: 30, minQuantity: 25, maxQuantity: 25 },
    ];
    const readiness = purchaseReadiness({ ...ready, cart: { ...ready.cart, lines } });
    expect(readiness.unmet.map((p) => p.code)).toEqual(['CART_LINE_END_DATE', 'QUANTITY_ABOVE_LIMIT']);
    expect(readiness.unmet[0]).toMatchObject({
      step: 'CART',
      message: 'E3: The subscription it was to end with has renewed.',
      fix: { kind: 'action' },
    });
  });

  it('names what an incomplete customer lacks', () => {
    const readiness = purchaseReadiness({
      ...ready,
      customer: { name: 'Contoso', segment: 'COMMERCIAL', missingFields: ['adminContact.email'] },
    });
    expect(readiness.unmet[0]).toMatchObject({
      code: 'CUSTOMER_INCOMPLETE',
      message: expect.stringMatching(/adminContact.email/),
      fix: { field: 'adminContact.email' },
    });
  });
});
