import { describe, expect, it } from 'vitest';
import { parseMpnId, prePurchaseChecks, type PartnerFacts } from './partner-identifiers.js';

const DISTRIBUTOR = 'a27ac673-9a4c-446c-bd28-280c0bf7cf71';
const good: PartnerFacts = {
  mpnLocationId: '6543210',
  resellerDomain: 'resellerco.onmicrosoft.com',
  mpn: { exists: true, kind: 'LOCATION', cspIndirectReseller: true },
  resellerDomainExists: true,
  relationshipWithDistributor: true,
};
const statuses = (facts: PartnerFacts) =>
  Object.fromEntries(prePurchaseChecks(facts, DISTRIBUTOR).map((c) => [c.code, c.status]));

describe('R9/R25: MPN IDs', () => {
  it('accepts 6–10 digits and refuses the rest with a fix', () => {
    expect(parseMpnId(' 6543210 ')).toEqual({ ok: true, value: '6543210' });
    expect(parseMpnId('')).toMatchObject({ ok: false, code: 'MPN_ID_EMPTY', fix: { field: 'mpnLocationId' } });
    expect(parseMpnId('12345')).toMatchObject({ ok: false, code: 'MPN_ID_FORMAT' });
    expect(parseMpnId('65432I0')).toMatchObject({ ok: false, code: 'MPN_ID_FORMAT', fix: { kind: 'link' } });
  });
});

describe('R10: the four pre-purchase checks', () => {
  it('all pass for a valid, enrolled, related reseller', () => {
    expect(statuses(good)).toEqual({
      MPN_ID_VALID: 'PASS',
      CSP_INDIRECT_RESELLER: 'PASS',
      RESELLER_DOMAIN_VALID: 'PASS',
      DISTRIBUTOR_RELATIONSHIP: 'PASS',
    });
  });

  it('are unknown until Microsoft has been asked, and always four, in order', () => {
    const checks = prePurchaseChecks(
      { mpnLocationId: '6543210', resellerDomain: 'resellerco.onmicrosoft.com' },
      DISTRIBUTOR,
    );
    expect(checks.map((c) => c.code)).toEqual([
      'MPN_ID_VALID',
      'CSP_INDIRECT_RESELLER',
      'RESELLER_DOMAIN_VALID',
      'DISTRIBUTOR_RELATIONSHIP',
    ]);
    expect(checks.every((c) => c.status === 'UNKNOWN')).toBe(true);
  });

  it('R25: a global MPN ID where the location ID is needed fails with that specific reason', () => {
    const [mpn] = prePurchaseChecks(
      { ...good, mpn: { exists: true, kind: 'GLOBAL', cspIndirectReseller: true } },
      DISTRIBUTOR,
    );
    expect(mpn).toMatchObject({
      status: 'FAIL',
      reason: expect.stringMatching(/global MPN ID.*location MPN ID/),
      fix: { kind: 'field', field: 'mpnLocationId' },
    });
  });

  it('R25: a partner not enrolled in CSP fails enrolment with the enrolment link', () => {
    const checks = prePurchaseChecks(
      { ...good, mpn: { exists: true, kind: 'LOCATION', cspIndirectReseller: false } },
      DISTRIBUTOR,
    );
    expect(checks[1]).toMatchObject({
      status: 'FAIL',
      fix: { kind: 'link', href: expect.stringMatching(/valueaddedreseller/) },
    });
  });

  it('reports every failure at once, each with its fix', () => {
    const checks = prePurchaseChecks(
      {
        mpnLocationId: '1111111',
        resellerDomain: 'nope.com',
        mpn: { exists: false },
        relationshipWithDistributor: false,
      },
      DISTRIBUTOR,
    );
    expect(checks.map((c) => c.status)).toEqual(['FAIL', 'UNKNOWN', 'FAIL', 'FAIL']);
    expect(checks.filter((c) => c.status === 'FAIL').every((c) => c.fix)).toBe(true);
  });

  it('R10 d: a missing relationship links to the request carrying the distributor’s partner ID', () => {
    const checks = prePurchaseChecks({ ...good, relationshipWithDistributor: false }, DISTRIBUTOR);
    expect(checks[3]?.fix).toMatchObject({
      kind: 'link',
      href: `https://partnercenter.microsoft.com/pcv/valueaddedresellers/relationshiprequest/${DISTRIBUTOR}`,
    });
  });

  it('R9: a reseller domain Microsoft does not know fails', () => {
    expect(statuses({ ...good, resellerDomainExists: false }).RESELLER_DOMAIN_VALID).toBe('FAIL');
  });
});
