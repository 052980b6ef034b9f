import { describe, expect, it } from 'vitest';
import { customerAuthorisationUrl } from './links.js';
import { CUSTOMER_SEGMENTS } from './segments.js';
import { canCreateNewTenant, canUseExistingTenant, tenantOptions, type ExistingTenant } from './tenant-choice.js';

const DISTRIBUTOR = 'a27ac673-9a4c-446c-bd28-280c0bf7cf71';
const RESELLER = '6543210';
const commercialTenant: ExistingTenant = {
  domain: 'fabrikam.onmicrosoft.com',
  government: false,
  relationshipAccepted: true,
  indirectResellers: [RESELLER],
};

describe('tenant choice', () => {
  it.each([
    ['COMMERCIAL', true],
    ['GOVERNMENT', true],
    ['EDUCATION', false],
    ['NONPROFIT', false],
  ] as const)('R11/R12: a %s customer may get a new tenant: %s', (segment, allowed) => {
    expect(canCreateNewTenant(segment).allowed).toBe(allowed);
  });

  it('R12: Education and Nonprofit are pointed to Microsoft’s own sign-up', () => {
    expect(canCreateNewTenant('EDUCATION')).toMatchObject({
      code: 'NEW_TENANT_NOT_ALLOWED_FOR_SEGMENT',
      fix: { kind: 'link', href: expect.stringMatching(/academic/) },
    });
    expect(canCreateNewTenant('NONPROFIT')).toMatchObject({
      fix: { kind: 'link', href: expect.stringMatching(/nonprofit/) },
    });
  });

  it('R15/R21: an existing tenant without the accepted relationship is refused with the universal authorisation link', () => {
    const verdict = canUseExistingTenant(
      'EDUCATION',
      { ...commercialTenant, relationshipAccepted: false },
      DISTRIBUTOR,
      RESELLER,
    );
    expect(verdict).toMatchObject({
      allowed: false,
      code: 'TENANT_RELATIONSHIP_NOT_ACCEPTED',
      fix: { kind: 'link', href: customerAuthorisationUrl(DISTRIBUTOR, RESELLER) },
    });
    expect(customerAuthorisationUrl(DISTRIBUTOR)).toContain(`partnerId=${DISTRIBUTOR}`);
    expect(customerAuthorisationUrl(DISTRIBUTOR, RESELLER)).toMatch(
      new RegExp(`invType=IndirectResellerRelationship&partnerId=${DISTRIBUTOR}.*indirectCSPId=${RESELLER}`),
    );
  });

  it('R15/R21: an accepted tenant is refused to a reseller its acceptance does not name, with that reseller’s own link', () => {
    const other = canUseExistingTenant('COMMERCIAL', commercialTenant, DISTRIBUTOR, '7777777');
    expect(other).toMatchObject({
      allowed: false,
      code: 'TENANT_RELATIONSHIP_NOT_FOR_RESELLER',
      fix: { kind: 'link', href: customerAuthorisationUrl(DISTRIBUTOR, '7777777') },
    });
    expect(canUseExistingTenant('COMMERCIAL', commercialTenant, DISTRIBUTOR, null)).toMatchObject({
      code: 'TENANT_RELATIONSHIP_NOT_FOR_RESELLER',
    });
    expect(
      canUseExistingTenant(
        'COMMERCIAL',
        { ...commercialTenant, indirectResellers: ['7777777', RESELLER] },
        DISTRIBUTOR,
        RESELLER,
      ).allowed,
    ).toBe(true);
  });

  it('R21: once accepted, the existing tenant works for every segment but Government', () => {
    for (const segment of CUSTOMER_SEGMENTS) {
      expect(canUseExistingTenant(segment, commercialTenant, DISTRIBUTOR, RESELLER).allowed).toBe(
        segment !== 'GOVERNMENT',
      );
    }
  });

  it('R20: Government is refused an existing government tenant and must create a new one', () => {
    expect(
      canUseExistingTenant('GOVERNMENT', { ...commercialTenant, government: true }, DISTRIBUTOR, RESELLER),
    ).toMatchObject({ code: 'GOVERNMENT_TENANT_NOT_ALLOWED' });
    expect(canUseExistingTenant('GOVERNMENT', null, DISTRIBUTOR, RESELLER)).toMatchObject({
      code: 'GOVERNMENT_NEEDS_NEW_TENANT',
    });
    expect(
      canUseExistingTenant('COMMERCIAL', { ...commercialTenant, government: true }, DISTRIBUTOR, RESELLER),
    ).toMatchObject({ code: 'GOVERNMENT_TENANT_NOT_ALLOWED' });
  });

  it('refuses an existing tenant Microsoft does not know', () => {
    expect(canUseExistingTenant('COMMERCIAL', null, DISTRIBUTOR, RESELLER)).toMatchObject({
      code: 'EXISTING_TENANT_NOT_FOUND',
      fix: { field: 'tenantDomain' },
    });
  });

  it('explains both options in words and recommends one', () => {
    expect(tenantOptions('COMMERCIAL', null, DISTRIBUTOR, RESELLER)).toMatchObject({
      recommended: 'NEW',
      createNew: { allowed: true },
    });
    expect(tenantOptions('NONPROFIT', commercialTenant, DISTRIBUTOR, RESELLER)).toMatchObject({
      recommended: 'EXISTING',
    });
    const stuck = tenantOptions('EDUCATION', null, DISTRIBUTOR, RESELLER);
    expect(stuck.recommended).toBeNull();
    expect(stuck.explanation).toMatch(/Microsoft must verify the institution/);
  });
});
