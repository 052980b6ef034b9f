import type { AllowedTermEnd } from '@nce/domain';

/**
 * Everything the marketplace asks Microsoft, shaped after the Partner Center REST API so that an HTTP
 * adapter can replace the simulator without touching the services.
 */
export interface PartnerLookup {
  exists: boolean;
  kind?: 'LOCATION' | 'GLOBAL';
  cspIndirectReseller?: boolean;
  companyName?: string;
}

export interface CustomerTenant {
  tenantId: string;
  domain: string;
  companyName: string;
  government: boolean;
  /** Accepted the distributor as indirect provider (reseller relationship, R15/R21). */
  relationshipAccepted: boolean;
  /** The indirect resellers (MPN location IDs) that relationship covers: only they may sell into the tenant. */
  indirectResellers: string[];
}

export interface PartnerCenter {
  /**
   * Validate an MPN ID (`GET /v1/profiles/mpn?mpnId=`): whether it exists, its kind, CSP indirect-reseller enrolment.
   */
  lookupPartner(mpnId: string): Promise<PartnerLookup>;
  /**
   * Whether the indirect reseller has a relationship with the distributor (`GET
   * /v1/relationships?relationship_type=IsIndirectCloudSolutionProviderOf`).
   */
  hasRelationshipWithDistributor(mpnId: string): Promise<boolean>;
  /** Domain availability (`HEAD /v1/domains/{domain}`): true when the domain exists (200), false when free (404). */
  domainExists(domain: string): Promise<boolean>;
  /** An existing customer tenant by its `.onmicrosoft.com` domain, or null. */
  findCustomerTenant(domain: string): Promise<CustomerTenant | null>;
  /**
   * Create a customer with a new tenant (`POST /v1/customers`), its relationship accepted for the distributor and
   * the indirect reseller it is created for; Microsoft answers with the tenant ID and the first admin user and its
   * temporary password (R22). Throws DomainTakenError when it exists.
   */
  createCustomerTenant(request: NewTenantRequest): Promise<CreatedTenant>;
  /**
   * Place a cart with the customer and provision one line (`POST /v1/customers/{id}/carts`, then
   * checkout); idempotent on `reference`, answering the subscription ID and its etag. Throws ProvisioningError.
   */
  provisionLine(request: ProvisionLineRequest): Promise<{ subscriptionId: string; etag: string }>;
  /**
   * Whether Microsoft has finished setting up a subscription it was asked for
   * (`GET /v1/customers/{tenant}/subscriptions/{id}/provisioningstatus`): an order can take up to 15 minutes.
   */
  provisioningStatus(request: { tenantId: string; subscriptionId: string }): Promise<'pending' | 'success' | 'failed'>;
  /**
   * R24: cancel a subscription or reduce its seats within Microsoft's window (`PATCH
   * /v1/customers/{id}/subscriptions/{id}`).
   */
  cancelSeats(request: CancellationRequest): Promise<void>;
  /**
   * Change a subscription (`PATCH /v1/customers/{tenant}/subscriptions/{id}` with `If-Match: etag`). The body is
   * the whole resource: one without `autoRenewEnabled` turns auto-renew off and one without the next term's
   * instructions drops them, so every field is always sent. Answers the new etag; throws SubscriptionChangeRefused.
   */
  patchSubscription(request: SubscriptionPatch): Promise<{ etag: string }>;
  /**
   * Upgrade a subscription (`POST /v1/customers/{tenant}/subscriptions/{id}/transitions` with `toCatalogItemId`,
   * `quantity` and `transitionType`); a full upgrade keeps the subscription. Answers its new etag.
   */
  transitionSubscription(request: SubscriptionTransition): Promise<{ etag: string; toSubscriptionId: string }>;
  /**
   * Whether Microsoft allows a subscription to move to a catalog item, now (`immediate`) or at its renewal
   * (`scheduled`): `GET /v1/customers/{tenant}/subscriptions/{id}/transitionEligibilities?eligibilityType=`, whose
   * items are the eligible catalog items with their errors; answered here for the one item asked about. Throws
   * SubscriptionBusy.
   */
  transitionEligibility(request: TransitionEligibilityRequest): Promise<TransitionEligibility>;
  /**
   * The subscription as Partner Center has it now (`GET /v1/customers/{tenant}/subscriptions/{id}`), with the etag
   * the next change must name; null when Partner Center does not know it.
   */
  getSubscription(request: { tenantId: string | null; subscriptionId: string }): Promise<PartnerSubscription | null>;
  /**
   * A customer's subscriptions as Partner Center has them (`GET /v1/customers/{tenant}/subscriptions`): what the
   * daily drift check compares ours with, a tenant a call.
   */
  listSubscriptions(request: { tenantId: string }): Promise<PartnerSubscription[]>;
  /**
   * The end dates Microsoft allows a new subscription's first term in a customer's tenant, bought today
   * (`GET /v1/customers/{tenant}/subscriptions/customTermEndDates?term_duration=`): the calendar-month-aligned end
   * and the ends of the subscriptions it may co-term with, each with their ids (`cotermSubscriptionIds`).
   */
  customTermEndDates(request: { tenantId: string; termDuration: 'P1M' | 'P1Y' | 'P3Y' }): Promise<AllowedTermEnd[]>;
}

export type { AllowedTermEnd };

export interface NewTenantRequest {
  /** Ours for this request (the customer's id): asked again with it, Microsoft answers the tenant it created. */
  reference?: string;
  domain: string;
  companyName: string;
  /** The indirect reseller's MPN location ID, or null for the distributor's own customer. */
  indirectReseller: string | null;
  /** Microsoft's billing profile of the customer: its administrative contact and address. */
  billing?: {
    email: string;
    firstName: string;
    lastName: string;
    phone: string | null;
    address: {
      line1: string;
      line2: string | null;
      city: string;
      region: string | null;
      postalCode: string;
      country: string;
    };
  };
}

export interface ProvisionLineRequest {
  tenantId: string;
  productId: string;
  skuId: string;
  term: string;
  billingPlan: string;
  quantity: number;
  /** S15, S16: the first term's end when it is not a full term (`customTermEndDate` of the cart line). */
  customTermEndDate?: string | null;
  /** The indirect reseller's MPN location ID, the cart line's `transaction_reseller` participant. */
  transactionReseller?: string | null;
  reference: string;
}

export interface PartnerSubscription {
  id: string;
  etag: string;
  quantity: number;
  status: string;
  autoRenewEnabled: boolean;
  /** The current term's end (Microsoft's `commitmentEndDate`); null when it did not say. */
  commitmentEndDate: string | null;
}

/**
 * The etag sent is not the subscription's current one (412): it was changed elsewhere since (in Partner Center
 * itself). Read it again and send the change with the new etag.
 */
export class SubscriptionEtagStale extends Error {}

export interface TransitionEligibilityRequest {
  tenantId: string | null;
  subscriptionId: string;
  toCatalogItemId: string;
  eligibilityType: 'immediate' | 'scheduled';
}

export interface TransitionEligibility {
  eligible: boolean;
  /** Microsoft's descriptions of why not (its `errors`), empty when eligible. */
  reasons: string[];
}

export interface SubscriptionTransition {
  tenantId: string | null;
  subscriptionId: string;
  /** `<productId>:<skuId>:<availability>` in Partner Center; the product and SKU here. */
  toCatalogItemId: string;
  quantity: number;
  transitionType: 'transition_only';
  /** The term and billing after the transition (a trial's conversion chooses them). */
  termDuration?: string;
  billingCycle?: string;
}

/** The whole subscription resource as a change sends it. */
export interface SubscriptionPatch {
  tenantId: string | null;
  subscriptionId: string;
  etag: string;
  quantity: number;
  status: 'active' | 'suspended' | 'deleted';
  autoRenewEnabled: boolean;
  scheduledNextTermInstructions: {
    quantity: number;
    termDuration: string;
    billingCycle: string;
  } | null;
}

/** Partner Center refused a subscription change (a 400 with its description). */
export class SubscriptionChangeRefused extends Error {}

/** Partner Center is busy with the subscription (409, e.g. renewing): the same change may be sent again later. */
export class SubscriptionBusy extends Error {}

export class ProvisioningError extends Error {}

export interface CancellationRequest {
  /** The customer's tenant (Partner Center addresses subscriptions through it). */
  tenantId?: string | null;
  subscriptionId: string;
  /** Seats to remove; all of them cancels the subscription. */
  quantity: number;
  /** Idempotency: the same reference never cancels twice. */
  reference: string;
}

export interface CreatedTenant {
  tenantId: string;
  domain: string;
  adminUser: string;
  temporaryPassword: string;
}

export class DomainTakenError extends Error {
  constructor(readonly domain: string) {
    super(`the domain ${domain} exists already`);
  }
}
