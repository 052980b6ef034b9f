/**
 * The links a reseller or customer is sent to put a failed check right (reseller guide, "Useful links").
 * Links that carry the distributor's Microsoft partner ID are built from it (R21: one universal link).
 */
export const CSP_INDIRECT_RESELLER_ENROLMENT_URL =
  'https://partner.microsoft.com/en-us/dashboard/account/exp/enrollment/welcome?cloudInstance=Global&accountProgram=valueaddedreseller';

export const ACADEMIC_TENANT_SIGNUP_URL =
  'https://www.microsoft.com/en-us/microsoft-365/academic/compare-office-365-education-plans?activetab=tab%3aprimaryr1';

export const NONPROFIT_TENANT_SIGNUP_URL = 'https://signup.nonprofit.microsoft.com/en-us/welcome-policies';

export const PARTNER_CENTER_IDENTIFIERS_URL =
  'https://partner.microsoft.com/dashboard/account/v3/organization/identity';

const PARTNER_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isPartnerId = (value: string): boolean => PARTNER_ID.test(value);

/** The reseller asks the distributor (indirect provider) for a relationship (R10 d). */
export function relationshipRequestUrl(distributorPartnerId: string): string {
  return `https://partnercenter.microsoft.com/pcv/valueaddedresellers/relationshiprequest/${distributorPartnerId}`;
}

/**
 * R21: the link a customer's global admin accepts to make the distributor its indirect provider; with the
 * indirect reseller named (Microsoft's IndirectResellerRelationship invitation), the acceptance covers it.
 */
export function customerAuthorisationUrl(
  distributorPartnerId: string,
  indirectResellerId: string | null = null,
): string {
  if (!indirectResellerId)
    return `https://admin.microsoft.com/Adminportal/Home?invType=ResellerRelationship&partnerId=${distributorPartnerId}&msppId=0&DAP=true#/BillingAccounts/partner-invitation`;
  return `https://admin.microsoft.com/Adminportal/Home?invType=IndirectResellerRelationship&partnerId=${distributorPartnerId}&msppId=0&indirectCSPId=${encodeURIComponent(indirectResellerId)}&DAP=true#/BillingAccounts/partner-invitation`;
}
