import {
  CSP_INDIRECT_RESELLER_ENROLMENT_URL,
  PARTNER_CENTER_IDENTIFIERS_URL,
  relationshipRequestUrl,
} from './links.js';
import { parseResellerDomain } from './tenant-domains.js';
import { fail, ok, type Fix, type Outcome } from './verdict.js';

/** MPN (partner) IDs are numeric; Partner Center shows a global ID and a location ID (R25). */
export function parseMpnId(input: string): Outcome<string, 'MPN_ID_EMPTY' | 'MPN_ID_FORMAT'> {
  const value = input.trim();
  if (value === '') {
    return fail(
      'MPN_ID_EMPTY',
      'Enter your MPN location ID; the marketplace shows it as optional, but Microsoft requires it.',
      {
        kind: 'field',
        field: 'mpnLocationId',
        label: 'Enter the MPN location ID',
      },
    );
  }
  if (!/^\d{6,10}$/.test(value)) {
    return fail('MPN_ID_FORMAT', `"${value}" is not an MPN ID: it is 6 to 10 digits, e.g. 6543210.`, {
      kind: 'link',
      label: 'Find your location MPN ID in Partner Center → Account settings → Identifiers',
      href: PARTNER_CENTER_IDENTIFIERS_URL,
    });
  }
  return ok(value);
}

/** What Partner Center says of an MPN ID (R25). */
export type MpnLookup = { exists: false } | { exists: true; kind: 'LOCATION' | 'GLOBAL'; cspIndirectReseller: boolean };

/** Everything known about the reseller's identifiers; undefined means "not asked yet". */
export interface PartnerFacts {
  mpnLocationId?: string | null;
  resellerDomain?: string | null;
  mpn?: MpnLookup;
  resellerDomainExists?: boolean;
  relationshipWithDistributor?: boolean;
}

export type CheckStatus = 'PASS' | 'FAIL' | 'UNKNOWN';

export const PRE_PURCHASE_CHECKS = [
  'MPN_ID_VALID',
  'CSP_INDIRECT_RESELLER',
  'RESELLER_DOMAIN_VALID',
  'DISTRIBUTOR_RELATIONSHIP',
] as const;
export type PrePurchaseCheckCode = (typeof PRE_PURCHASE_CHECKS)[number];

export interface PrePurchaseCheck {
  code: PrePurchaseCheckCode;
  label: string;
  status: CheckStatus;
  /** Why it failed or is unknown; empty when it passed. */
  reason: string;
  fix?: Fix;
}

const LABELS: Record<PrePurchaseCheckCode, string> = {
  MPN_ID_VALID: 'Valid MPN location ID',
  CSP_INDIRECT_RESELLER: 'Enrolled in CSP as an indirect reseller',
  RESELLER_DOMAIN_VALID: 'Valid .onmicrosoft.com indirect reseller domain',
  DISTRIBUTOR_RELATIONSHIP: 'Relationship with the distributor (indirect provider)',
};

const check = (code: PrePurchaseCheckCode, status: CheckStatus, reason = '', fix?: Fix): PrePurchaseCheck =>
  fix ? { code, label: LABELS[code], status, reason, fix } : { code, label: LABELS[code], status, reason };

/**
 * R10: the four checks the marketplace runs before a purchase continues, each pass / fail / unknown
 * with its reason and fix. Never stops at the first failure: the reseller sees everything at once.
 */
export function prePurchaseChecks(facts: PartnerFacts, distributorPartnerId: string): PrePurchaseCheck[] {
  return [mpnCheck(facts), enrolmentCheck(facts), domainCheck(facts), relationshipCheck(facts, distributorPartnerId)];
}

function mpnCheck(facts: PartnerFacts): PrePurchaseCheck {
  const format = parseMpnId(facts.mpnLocationId ?? '');
  if (!format.ok) return check('MPN_ID_VALID', 'FAIL', format.message, format.fix);
  if (!facts.mpn) return check('MPN_ID_VALID', 'UNKNOWN', 'Not checked with Microsoft yet.');
  if (!facts.mpn.exists) {
    return check('MPN_ID_VALID', 'FAIL', `Microsoft does not know MPN ID ${format.value}.`, {
      kind: 'link',
      label: 'Copy the location MPN ID from Partner Center → Identifiers',
      href: PARTNER_CENTER_IDENTIFIERS_URL,
    });
  }
  if (facts.mpn.kind === 'GLOBAL') {
    return check(
      'MPN_ID_VALID',
      'FAIL',
      `${format.value} is your global MPN ID; every marketplace purchase uses the location MPN ID.`,
      {
        kind: 'field',
        field: 'mpnLocationId',
        label: 'Enter the location MPN ID shown beside the global one in Partner Center',
      },
    );
  }
  return check('MPN_ID_VALID', 'PASS');
}

function enrolmentCheck(facts: PartnerFacts): PrePurchaseCheck {
  if (!facts.mpn || !facts.mpn.exists)
    return check('CSP_INDIRECT_RESELLER', 'UNKNOWN', 'Known once the MPN ID is valid.');
  if (!facts.mpn.cspIndirectReseller) {
    return check(
      'CSP_INDIRECT_RESELLER',
      'FAIL',
      'This partner is not enrolled in CSP as an indirect reseller (no CSP label in Partner Center) and cannot buy.',
      {
        kind: 'link',
        label: 'Enrol as a CSP indirect reseller (a global admin must do it)',
        href: CSP_INDIRECT_RESELLER_ENROLMENT_URL,
      },
    );
  }
  return check('CSP_INDIRECT_RESELLER', 'PASS');
}

function domainCheck(facts: PartnerFacts): PrePurchaseCheck {
  const parsed = parseResellerDomain(facts.resellerDomain ?? '');
  if (!parsed.ok) return check('RESELLER_DOMAIN_VALID', 'FAIL', parsed.message, parsed.fix);
  if (facts.resellerDomainExists === undefined)
    return check('RESELLER_DOMAIN_VALID', 'UNKNOWN', 'Not checked with Microsoft yet.');
  if (!facts.resellerDomainExists) {
    return check('RESELLER_DOMAIN_VALID', 'FAIL', `No Microsoft tenant has the domain ${parsed.value.domain}.`, {
      kind: 'field',
      field: 'resellerDomain',
      label: 'Copy your .onmicrosoft.com domain from Partner Center or the Microsoft 365 admin center',
    });
  }
  return check('RESELLER_DOMAIN_VALID', 'PASS');
}

function relationshipCheck(facts: PartnerFacts, distributorPartnerId: string): PrePurchaseCheck {
  if (facts.relationshipWithDistributor === undefined)
    return check('DISTRIBUTOR_RELATIONSHIP', 'UNKNOWN', 'Not checked with Microsoft yet.');
  if (!facts.relationshipWithDistributor) {
    return check(
      'DISTRIBUTOR_RELATIONSHIP',
      'FAIL',
      'You have no established relationship with the distributor as your indirect provider.',
      {
        kind: 'link',
        label: 'Request the relationship in Partner Center (a global admin must accept it)',
        href: relationshipRequestUrl(distributorPartnerId),
      },
    );
  }
  return check('DISTRIBUTOR_RELATIONSHIP', 'PASS');
}
