import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_TENANT_DOMAIN_RULES,
  parseExistingTenantDomain,
  parseNewTenantDomain,
  parseResellerDomain,
  suggestTenantDomains,
} from './tenant-domains.js';

describe('R14: new tenant domains', () => {
  it.each([
    ['Contoso', 'contoso'],
    ['  contoso2026 ', 'contoso2026'],
    ['CONTOSO.onmicrosoft.com', 'contoso'],
  ])('accepts %j as prefix %s, compared case-insensitively', (input, prefix) => {
    expect(parseNewTenantDomain(input)).toEqual({ ok: true, value: { prefix, domain: `${prefix}.onmicrosoft.com` } });
  });

  it.each([
    ['', 'TENANT_DOMAIN_EMPTY'],
    ['contoso ltd', 'TENANT_DOMAIN_INVALID_CHARACTERS'],
    ['contoso-ltd', 'TENANT_DOMAIN_INVALID_CHARACTERS'],
    ['contosö', 'TENANT_DOMAIN_INVALID_CHARACTERS'],
    ['a'.repeat(28), 'TENANT_DOMAIN_TOO_LONG'],
    ['a', 'TENANT_DOMAIN_TOO_SHORT'],
    ['contoso.com', 'TENANT_DOMAIN_NOT_ONMICROSOFT'],
  ])('refuses %j with %s and a fix on the field', (input, code) => {
    const result = parseNewTenantDomain(input);
    expect(result).toMatchObject({ ok: false, code, fix: { kind: 'field', field: 'tenantDomain' } });
  });

  it('names the offending characters and proposes the cleaned prefix', () => {
    expect(parseNewTenantDomain('my company!')).toMatchObject({
      message: expect.stringMatching(/space, "!"/),
      fix: { label: 'Try "mycompany"' },
    });
  });

  it('takes its maximum length from configuration (default 27)', () => {
    expect(DEFAULT_TENANT_DOMAIN_RULES.maxLength).toBe(27);
    expect(parseNewTenantDomain('a'.repeat(27)).ok).toBe(true);
    expect(parseNewTenantDomain('a'.repeat(12), { maxLength: 10, minLength: 2 })).toMatchObject({
      ok: false,
      code: 'TENANT_DOMAIN_TOO_LONG',
    });
  });

  it('accepts exactly the letters-and-digits prefixes within the limits', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (input) => {
        const result = parseNewTenantDomain(input);
        if (result.ok) {
          expect(result.value.prefix).toMatch(/^[a-z0-9]{2,27}$/);
          expect(parseNewTenantDomain(result.value.domain)).toEqual(result);
        }
      }),
    );
  });
});

describe('existing tenant and reseller domains (R9)', () => {
  it('requires the full .onmicrosoft.com domain of an existing tenant', () => {
    expect(parseExistingTenantDomain('Fabrikam.onmicrosoft.com')).toMatchObject({
      ok: true,
      value: { prefix: 'fabrikam' },
    });
    expect(parseExistingTenantDomain('fabrikam')).toMatchObject({ ok: false, code: 'TENANT_DOMAIN_NOT_ONMICROSOFT' });
    expect(parseExistingTenantDomain('fabrikam.com')).toMatchObject({
      ok: false,
      code: 'TENANT_DOMAIN_NOT_ONMICROSOFT',
    });
  });

  it('R9: the indirect reseller domain always ends in .onmicrosoft.com, with a fix on its own field', () => {
    expect(parseResellerDomain('resellerco.onmicrosoft.com')).toMatchObject({ ok: true });
    expect(parseResellerDomain('resellerco.com')).toMatchObject({
      ok: false,
      fix: { kind: 'field', field: 'resellerDomain' },
    });
    expect(parseResellerDomain('')).toMatchObject({ ok: false, code: 'TENANT_DOMAIN_EMPTY' });
  });
});

describe('R14: alternatives to a taken domain', () => {
  it('derives valid candidates from the company name, never the taken one', () => {
    const candidates = suggestTenantDomains('Contoso Pharmacy Ltd.', 'contoso');
    expect(candidates).not.toContain('contoso');
    expect(candidates).toContain('contosopharmacy');
    expect(candidates.length).toBeGreaterThanOrEqual(5);
    expect(new Set(candidates).size).toBe(candidates.length);
    for (const candidate of candidates) expect(parseNewTenantDomain(candidate).ok).toBe(true);
  });

  it('always yields valid, distinct candidates whatever the names', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), fc.string({ maxLength: 30 }), (company, requested) => {
        const candidates = suggestTenantDomains(company, requested, 10);
        expect(candidates.length).toBeLessThanOrEqual(10);
        expect(new Set(candidates).size).toBe(candidates.length);
        for (const candidate of candidates) expect(parseNewTenantDomain(candidate).ok).toBe(true);
      }),
    );
  });

  it('R9: asks for a missing reseller domain as the reseller’s own, and a missing tenant domain as the customer’s', () => {
    expect(parseResellerDomain('')).toMatchObject({
      ok: false,
      message: 'Enter your indirect reseller domain; it ends in .onmicrosoft.com.',
      fix: { field: 'resellerDomain', label: 'Enter your indirect reseller domain' },
    });
    expect(parseExistingTenantDomain('  ')).toMatchObject({
      ok: false,
      code: 'TENANT_DOMAIN_EMPTY',
      message: expect.stringMatching(/customer’s tenant domain/),
    });
    expect(parseNewTenantDomain('')).toMatchObject({ ok: false, message: expect.not.stringMatching(/to create/) });
  });
});
