import { ACADEMIC_TENANT_SIGNUP_URL, customerAuthorisationUrl, NONPROFIT_TENANT_SIGNUP_URL } from './links.js';
import { SEGMENT_LABELS, type CustomerSegment } from './segments.js';
import { allow, deny, type Verdict } from './verdict.js';

/** What is known of the customer's existing Microsoft tenant, if it has one (R11, R15, R20). */
export type ExistingTenant = {
  domain: string;
  /** Government cloud tenant (GCC); Microsoft provisions no commercial products to it (R20). */
  government: boolean;
  /** Whether the customer's global admin accepted the distributor as indirect provider (R15, R21). */
  relationshipAccepted: boolean;
  /** The indirect resellers (MPN location IDs) that acceptance covers: only they may sell into the tenant. */
  indirectResellers: readonly string[];
};

export type TenantChoiceCode =
  | 'NEW_TENANT_NOT_ALLOWED_FOR_SEGMENT'
  | 'EXISTING_TENANT_NOT_FOUND'
  | 'GOVERNMENT_NEEDS_NEW_TENANT'
  | 'GOVERNMENT_TENANT_NOT_ALLOWED'
  | 'TENANT_RELATIONSHIP_NOT_ACCEPTED'
  | 'TENANT_RELATIONSHIP_NOT_FOR_RESELLER';

/**
 * R11, R12, R20: may the marketplace create a new tenant for this customer? Education and Nonprofit
 * customers cannot: Microsoft verifies the institution first, through its own sign-up.
 */
export function canCreateNewTenant(segment: CustomerSegment): Verdict<TenantChoiceCode> {
  if (segment === 'EDUCATION') {
    return deny(
      'NEW_TENANT_NOT_ALLOWED_FOR_SEGMENT',
      'Education customers cannot get a new tenant from the marketplace: Microsoft must verify the institution first. The customer signs up with Microsoft, then you use its existing tenant.',
      { kind: 'link', label: 'Send the customer Microsoft’s academic sign-up', href: ACADEMIC_TENANT_SIGNUP_URL },
    );
  }
  if (segment === 'NONPROFIT') {
    return deny(
      'NEW_TENANT_NOT_ALLOWED_FOR_SEGMENT',
      'Nonprofit customers cannot get a new tenant from the marketplace: Microsoft must verify the organisation first. The customer signs up with Microsoft, then you use its existing tenant.',
      { kind: 'link', label: 'Send the customer Microsoft’s nonprofit sign-up', href: NONPROFIT_TENANT_SIGNUP_URL },
    );
  }
  return allow();
}

/**
 * R15, R20, R21: may licences go to this existing tenant? It must exist and have accepted the
 * distributor (the authorisation link) for this reseller — a tenant's acceptance names the indirect
 * resellers it covers, so one reseller cannot sell into another's customer's tenant; once it has, any
 * segment may use it — except Government, which follows the commercial flow with a new tenant.
 * `resellerMpnId`: the asking reseller's MPN location ID (null when it has entered none yet).
 */
export function canUseExistingTenant(
  segment: CustomerSegment,
  tenant: ExistingTenant | null,
  distributorPartnerId: string,
  resellerMpnId: string | null,
): Verdict<TenantChoiceCode> {
  if (segment === 'GOVERNMENT') {
    return tenant?.government
      ? deny(
          'GOVERNMENT_TENANT_NOT_ALLOWED',
          `${tenant.domain} is a government tenant; Microsoft does not provision commercial products to existing government tenants.`,
          { kind: 'action', label: 'Create a new tenant instead (the commercial flow)' },
        )
      : deny(
          'GOVERNMENT_NEEDS_NEW_TENANT',
          'Government customers follow the commercial flow as if they had no tenant: create a new tenant.',
          {
            kind: 'action',
            label: 'Create a new tenant instead',
          },
        );
  }
  if (!tenant) {
    return deny('EXISTING_TENANT_NOT_FOUND', 'No Microsoft tenant has that domain.', {
      kind: 'field',
      field: 'tenantDomain',
      label: 'Check the customer’s .onmicrosoft.com domain (Microsoft 365 admin center → Settings → Domains)',
    });
  }
  if (tenant.government) {
    return deny(
      'GOVERNMENT_TENANT_NOT_ALLOWED',
      `${tenant.domain} is a government tenant; Microsoft does not provision commercial products to it.`,
      {
        kind: 'action',
        label: 'Create a new tenant instead',
      },
    );
  }
  if (!tenant.relationshipAccepted) {
    return deny(
      'TENANT_RELATIONSHIP_NOT_ACCEPTED',
      `${tenant.domain} has not accepted the distributor as its indirect provider. Only the customer’s global admin can accept the authorisation link.`,
      {
        kind: 'link',
        label: 'Send the customer’s global admin the authorisation link',
        href: customerAuthorisationUrl(distributorPartnerId, resellerMpnId),
      },
    );
  }
  if (!resellerMpnId || !tenant.indirectResellers.includes(resellerMpnId)) {
    return deny(
      'TENANT_RELATIONSHIP_NOT_FOR_RESELLER',
      `${tenant.domain} has not authorised your company as its reseller. Only the customer’s global admin can accept the authorisation link, which names you.`,
      {
        kind: 'link',
        label: 'Send the customer’s global admin your authorisation link',
        href: customerAuthorisationUrl(distributorPartnerId, resellerMpnId),
      },
    );
  }
  return allow();
}

export interface TenantOptions {
  createNew: Verdict<TenantChoiceCode>;
  useExisting: Verdict<TenantChoiceCode>;
  /** What to suggest: a new tenant when allowed and the customer has none, else the existing one. */
  recommended: 'NEW' | 'EXISTING' | null;
  explanation: string;
}

/** Both tenant choices for a customer at once, explained in words for the tenant panel (R11). */
export function tenantOptions(
  segment: CustomerSegment,
  existing: ExistingTenant | null,
  distributorPartnerId: string,
  resellerMpnId: string | null,
): TenantOptions {
  const createNew = canCreateNewTenant(segment);
  const useExisting = canUseExistingTenant(segment, existing, distributorPartnerId, resellerMpnId);
  const recommended = useExisting.allowed ? 'EXISTING' : createNew.allowed ? 'NEW' : null;
  const label = SEGMENT_LABELS[segment];
  const explanation =
    recommended === 'EXISTING'
      ? `${label} customer with tenant ${existing?.domain}: licences go to the existing tenant.`
      : recommended === 'NEW'
        ? `${label} customer: the marketplace creates a new .onmicrosoft.com tenant.`
        : `${label} customer: ${!createNew.allowed ? createNew.message : ''} ${!useExisting.allowed ? useExisting.message : ''}`.trim();
  return { createNew, useExisting, recommended, explanation };
}
