import { fail, ok, type Outcome } from './verdict.js';

/** Every Microsoft customer tenant's initial domain ends with this (R9, R14). */
export const ONMICROSOFT_SUFFIX = '.onmicrosoft.com';

export interface TenantDomainRules {
  /** Longest prefix accepted; configurable, default 27 (R14 [product]). */
  maxLength: number;
  /** Shortest prefix accepted. [product] 2, so a typo of one letter is not taken for a name. */
  minLength: number;
}

export const DEFAULT_TENANT_DOMAIN_RULES: TenantDomainRules = { maxLength: 27, minLength: 2 };

export type TenantDomainError =
  | 'TENANT_DOMAIN_EMPTY'
  | 'TENANT_DOMAIN_INVALID_CHARACTERS'
  | 'TENANT_DOMAIN_TOO_LONG'
  | 'TENANT_DOMAIN_TOO_SHORT'
  | 'TENANT_DOMAIN_NOT_ONMICROSOFT';

export interface TenantDomain {
  /** Lower-cased prefix: also the key that makes a domain globally unique (case-insensitive, R14). */
  prefix: string;
  /** `<prefix>.onmicrosoft.com` */
  domain: string;
}

const field = { kind: 'field' as const, field: 'tenantDomain' };

/**
 * R14: a new tenant's domain. Accepts "Contoso" or "contoso.onmicrosoft.com"; the prefix must be
 * letters and digits only (no spaces or special characters), within the length limits.
 */
export function parseNewTenantDomain(
  input: string,
  rules: TenantDomainRules = DEFAULT_TENANT_DOMAIN_RULES,
): Outcome<TenantDomain, TenantDomainError> {
  const trimmed = input.trim().toLowerCase();
  if (trimmed === '')
    return fail('TENANT_DOMAIN_EMPTY', 'Enter the domain for the new tenant, e.g. contoso.', {
      ...field,
      label: 'Enter a domain prefix',
    });
  let prefix = trimmed;
  if (prefix.endsWith(ONMICROSOFT_SUFFIX)) prefix = prefix.slice(0, -ONMICROSOFT_SUFFIX.length);
  else if (prefix.includes('.')) {
    return fail(
      'TENANT_DOMAIN_NOT_ONMICROSOFT',
      `"${input.trim()}" is not an .onmicrosoft.com domain; enter only the part before .onmicrosoft.com.`,
      {
        ...field,
        label: 'Enter only the prefix, e.g. contoso',
      },
    );
  }
  const invalid = [...new Set(prefix.replace(/[a-z0-9]/g, ''))];
  if (invalid.length > 0) {
    const shown = invalid.map((c) => (c === ' ' ? 'space' : `"${c}"`)).join(', ');
    return fail(
      'TENANT_DOMAIN_INVALID_CHARACTERS',
      `A tenant domain may contain only letters and digits; remove ${shown}.`,
      {
        ...field,
        label: `Try "${prefix.replace(/[^a-z0-9]/g, '') || 'a name of letters and digits'}"`,
      },
    );
  }
  if (prefix.length > rules.maxLength) {
    return fail(
      'TENANT_DOMAIN_TOO_LONG',
      `"${prefix}" is ${prefix.length} characters; a tenant domain may have at most ${rules.maxLength}.`,
      {
        ...field,
        label: `Shorten it to ${rules.maxLength} characters or fewer`,
      },
    );
  }
  if (prefix.length < rules.minLength) {
    return fail('TENANT_DOMAIN_TOO_SHORT', `A tenant domain needs at least ${rules.minLength} characters.`, {
      ...field,
      label: 'Use a longer name',
    });
  }
  return ok({ prefix, domain: `${prefix}${ONMICROSOFT_SUFFIX}` });
}

/** An existing tenant's domain, as the customer gives it: must be a full `<prefix>.onmicrosoft.com`. */
export function parseExistingTenantDomain(
  input: string,
  rules: TenantDomainRules = DEFAULT_TENANT_DOMAIN_RULES,
): Outcome<TenantDomain, TenantDomainError> {
  const trimmed = input.trim().toLowerCase();
  if (trimmed === '')
    return fail('TENANT_DOMAIN_EMPTY', 'Enter the customer’s tenant domain; it ends in .onmicrosoft.com.', {
      ...field,
      label: 'Enter the full domain, e.g. contoso.onmicrosoft.com',
    });
  if (!trimmed.endsWith(ONMICROSOFT_SUFFIX)) {
    return fail(
      'TENANT_DOMAIN_NOT_ONMICROSOFT',
      `"${input.trim()}" does not end in .onmicrosoft.com; ask the customer for its initial tenant domain (Microsoft 365 admin center → Settings → Domains).`,
      {
        ...field,
        label: 'Enter the full domain, e.g. contoso.onmicrosoft.com',
      },
    );
  }
  return parseNewTenantDomain(trimmed, { ...rules, minLength: 1 });
}

/** R9: the reseller's own indirect-reseller domain: always ends in .onmicrosoft.com. */
export function parseResellerDomain(input: string): Outcome<TenantDomain, TenantDomainError> {
  const result = parseExistingTenantDomain(input);
  if (result.ok) return result;
  const fix = {
    kind: 'field' as const,
    field: 'resellerDomain',
    label: 'Find it in Partner Center or the Microsoft 365 admin center',
  };
  if (result.code === 'TENANT_DOMAIN_EMPTY')
    return {
      ...result,
      message: 'Enter your indirect reseller domain; it ends in .onmicrosoft.com.',
      fix: { ...fix, label: 'Enter your indirect reseller domain' },
    };
  return { ...result, message: result.message.replace('tenant domain', 'indirect reseller domain'), fix };
}

/**
 * Candidate alternatives when a requested domain is taken: derived from the company name and the
 * requested prefix, valid under the rules, in order of preference, at most `limit`. The caller asks
 * Partner Center which are free and offers the first few of those.
 */
export function suggestTenantDomains(
  companyName: string,
  requested: string,
  limit = 20,
  rules: TenantDomainRules = DEFAULT_TENANT_DOMAIN_RULES,
): string[] {
  const clean = (text: string) =>
    text
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]/g, '');
  const words = companyName
    .toLowerCase()
    .normalize('NFKD')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  const legalForms = new Set(['inc', 'ltd', 'llc', 'gmbh', 'plc', 'corp', 'co', 'sa', 'ag', 'bv', 'srl', 'the']);
  const core = words.filter((w) => !legalForms.has(w));
  const bases = [clean(requested), core.join(''), words.join(''), core.map((w) => w[0]).join('') + (core.at(-1) ?? '')]
    .map((base) => base.slice(0, rules.maxLength))
    .filter((base) => base.length >= rules.minLength);
  const candidates: string[] = [];
  const add = (candidate: string) => {
    if (
      candidate.length <= rules.maxLength &&
      candidate.length >= rules.minLength &&
      !candidates.includes(candidate) &&
      candidate !== clean(requested)
    )
      candidates.push(candidate);
  };
  for (const base of bases) add(base);
  for (const suffix of ['tenant', 'online', 'cloud', 'hq', 'group'])
    for (const base of bases) add(`${base.slice(0, rules.maxLength - suffix.length)}${suffix}`);
  for (let n = 1; candidates.length < limit && n < 100; n += 1)
    for (const base of bases) add(`${base.slice(0, rules.maxLength - String(n).length)}${n}`);
  return candidates.slice(0, limit);
}
