import {
  DomainTakenError,
  ProvisioningError,
  SubscriptionBusy,
  SubscriptionChangeRefused,
  SubscriptionEtagStale,
  type AllowedTermEnd,
  type CancellationRequest,
  type CreatedTenant,
  type CustomerTenant,
  type NewTenantRequest,
  type PartnerCenter,
  type PartnerLookup,
  type PartnerSubscription,
  type ProvisionLineRequest,
  type SubscriptionPatch,
  type SubscriptionTransition,
  type TransitionEligibility,
  type TransitionEligibilityRequest,
} from '../partner-center.js';
import {
  PartnerCenterUnavailable,
  stableRequestId,
  type PartnerCenterAnswer,
  type PartnerCenterHttp,
} from './partner-center-http.js';

/** Partner Center's subscription resource, the fields read and sent back (its reference: subscription resources). */
interface SubscriptionResource {
  id: string;
  offerId?: string;
  quantity: number;
  status: string;
  autoRenewEnabled?: boolean;
  commitmentEndDate?: string | null;
  termDuration?: string;
  billingCycle?: string;
  scheduledNextTermInstructions?: {
    product?: {
      productId?: string;
      skuId?: string;
      availabilityId?: string;
      billingCycle?: string;
      termDuration?: string;
    };
    quantity?: number;
    customTermEndDate?: string | null;
  } | null;
  attributes?: { etag?: string; objectType?: string };
  [field: string]: unknown;
}

interface Collection<T> {
  totalCount?: number;
  items?: T[];
}

/** Our billing plans as Partner Center's `billingCycle`. */
const BILLING_CYCLES: Record<string, string> = {
  MONTHLY: 'monthly',
  ANNUAL: 'annual',
  TRIENNIAL: 'triennial',
  ONE_TIME: 'one_time',
};

const enc = encodeURIComponent;

/** Microsoft's description of a refusal (`{ code, description }`), or the status when it gave none. */
function describe(answer: PartnerCenterAnswer): string {
  const body = answer.body as { description?: unknown; code?: unknown } | null;
  const text = typeof body?.description === 'string' ? body.description : `HTTP ${answer.status}`;
  return typeof body?.code === 'number' || typeof body?.code === 'string' ? `${text} (code ${body.code})` : text;
}

const subscriptionOf = (r: SubscriptionResource): PartnerSubscription => ({
  id: r.id,
  etag: r.attributes?.etag ?? '',
  quantity: Number(r.quantity),
  status: String(r.status).toLowerCase(),
  autoRenewEnabled: r.autoRenewEnabled === true,
  commitmentEndDate: r.commitmentEndDate ?? null,
});

/**
 * The Partner Center port over Microsoft's REST API (`https://api.partnercenter.microsoft.com/v1/…`), as its reference
 * documents each call. Requests go through PartnerCenterHttp (tokens, retries, deadline, circuit breaker); what a
 * purchase or a change must never do twice is sent with a request id derived from its reference, so a retry — by
 * the client, or by a job run again after a crash — is answered, not executed, a second time.
 */
export class LivePartnerCenter implements PartnerCenter {
  constructor(private readonly http: PartnerCenterHttp) {}

  async lookupPartner(mpnId: string): Promise<PartnerLookup> {
    const profile = await this.http.request('GET', `/v1/profiles/mpn?mpnId=${enc(mpnId)}`);
    if (profile.status === 404 || profile.status === 400) return { exists: false };
    this.expect(profile, 'reading the partner profile');
    const name = (profile.body as { partnerName?: unknown } | null)?.partnerName;
    // A signed Microsoft Partner Agreement is what lets an indirect reseller transact in CSP.
    const agreement = await this.http.request('GET', `/v1/compliance/csp/agreementstatus?mpnId=${enc(mpnId)}`);
    const signed =
      agreement.status === 200 && (agreement.body as { isAgreementSigned?: unknown })?.isAgreementSigned === true;
    return {
      exists: true,
      cspIndirectReseller: signed,
      ...(typeof name === 'string' ? { companyName: name } : {}),
    };
  }

  async hasRelationshipWithDistributor(mpnId: string): Promise<boolean> {
    return (await this.indirectReseller(mpnId)) !== null;
  }

  async domainExists(domain: string): Promise<boolean> {
    const answer = await this.http.request('HEAD', `/v1/domains/${enc(domain.toLowerCase())}`);
    if (answer.status === 200) return true;
    if (answer.status === 404) return false;
    throw new Error(`Partner Center answered ${answer.status} to a domain check`);
  }

  async findCustomerTenant(domain: string): Promise<CustomerTenant | null> {
    const wanted = domain.toLowerCase();
    const filter = JSON.stringify({ Field: 'Domain', Value: wanted, Operator: 'starts_with' });
    const found = await this.http.request('GET', `/v1/customers?size=20&filter=${enc(filter)}`);
    this.expect(found, 'searching customers');
    const customer = ((found.body as Collection<CustomerResource>)?.items ?? []).find(
      (c) => c.companyProfile?.domain?.toLowerCase() === wanted,
    );
    if (!customer) return null;
    const tenantId = customer.companyProfile?.tenantId ?? customer.id;
    const [relationships, qualification] = await Promise.all([
      this.http.request('GET', `/v1/customers/${enc(tenantId)}/relationships`),
      this.http.request('GET', `/v1/customers/${enc(tenantId)}/qualification`),
    ]);
    this.expect(relationships, "reading the customer's resellers");
    const resellers = ((relationships.body as Collection<{ mpnId?: string }>)?.items ?? [])
      .map((r) => r.mpnId)
      .filter((id): id is string => typeof id === 'string');
    return {
      tenantId,
      domain: wanted,
      companyName: customer.companyProfile?.companyName ?? '',
      government: qualification.status === 200 && /government/i.test(String(qualification.body)),
      // A customer listed under the partner is one the distributor resells to (relationshipToPartner "reseller").
      relationshipAccepted: (customer.relationshipToPartner ?? 'reseller').toLowerCase() === 'reseller',
      indirectResellers: resellers,
    };
  }

  async createCustomerTenant(request: NewTenantRequest): Promise<CreatedTenant> {
    const domain = request.domain.toLowerCase();
    const reseller = request.indirectReseller ? await this.indirectReseller(request.indirectReseller) : null;
    const billing = request.billing;
    const answer = await this.http.request('POST', '/v1/customers', {
      ...(request.reference ? { requestId: stableRequestId(`customer:${request.reference}:${domain}`) } : {}),
      body: {
        companyProfile: { domain },
        billingProfile: {
          email: billing?.email,
          culture: 'en-US',
          language: 'en',
          companyName: request.companyName,
          defaultAddress: billing && {
            country: billing.address.country,
            region: billing.address.region,
            city: billing.address.city,
            state: billing.address.region,
            addressLine1: billing.address.line1,
            addressLine2: billing.address.line2,
            postalCode: billing.address.postalCode,
            firstName: billing.firstName,
            lastName: billing.lastName,
            phoneNumber: billing.phone,
          },
        },
        // The indirect reseller the customer is created for: its relationship's id, as Microsoft lists it.
        ...(reseller ? { associatedPartnerId: reseller.id } : {}),
      },
    });
    if (answer.status >= 400) {
      // Microsoft's refusal codes for a taken domain are not documented: ask again whether the domain exists.
      if (await this.domainExists(domain)) throw new DomainTakenError(domain);
      throw new ProvisioningError(`Microsoft refused to create the customer ${domain}: ${describe(answer)}`);
    }
    const created = answer.body as CustomerResource & { userCredentials?: { userName?: string; password?: string } };
    return {
      tenantId: created.companyProfile?.tenantId ?? created.id,
      domain: created.companyProfile?.domain?.toLowerCase() ?? domain,
      adminUser: created.userCredentials?.userName ?? `admin@${domain}`,
      temporaryPassword: created.userCredentials?.password ?? '',
    };
  }

  async provisionLine(request: ProvisionLineRequest): Promise<{ subscriptionId: string; etag: string }> {
    const tenant = enc(request.tenantId);
    const catalogItemId = await this.catalogItem(request.tenantId, request.productId, request.skuId, request.term);
    const cart = await this.http.request('POST', `/v1/customers/${tenant}/carts`, {
      requestId: stableRequestId(`cart:${request.reference}`),
      body: {
        PartnerOnRecordAttestationAccepted: true,
        lineItems: [
          {
            id: 0,
            catalogItemId,
            quantity: request.quantity,
            billingCycle: BILLING_CYCLES[request.billingPlan] ?? request.billingPlan.toLowerCase(),
            termDuration: request.term,
            ...(request.customTermEndDate ? { customTermEndDate: request.customTermEndDate.slice(0, 10) } : {}),
            ...(request.transactionReseller
              ? { participants: [{ key: 'transaction_reseller', value: request.transactionReseller }] }
              : {}),
          },
        ],
      },
    });
    if (cart.status >= 400) throw new ProvisioningError(`Microsoft refused the cart: ${describe(cart)}`);
    const cartId = (cart.body as { id?: string })?.id;
    if (!cartId) throw new ProvisioningError('Microsoft answered a cart without an id');
    // The checkout buys: its request id is the line's reference, so however often it is sent it buys once.
    const checkout = await this.http.request('POST', `/v1/customers/${tenant}/carts/${enc(cartId)}/checkout`, {
      requestId: stableRequestId(`checkout:${request.reference}`),
    });
    if (checkout.status >= 400) throw new ProvisioningError(`Microsoft refused the checkout: ${describe(checkout)}`);
    const result = checkout.body as {
      orders?: { lineItems?: { subscriptionId?: string | null }[] }[];
      orderErrors?: { errorCode?: string; errorDescription?: string }[];
    };
    const subscriptionId = result?.orders
      ?.flatMap((o) => o.lineItems ?? [])
      .find((l) => l.subscriptionId)?.subscriptionId;
    if (!subscriptionId) {
      const why = result?.orderErrors?.map((e) => e.errorDescription ?? e.errorCode).join('; ');
      throw new ProvisioningError(`Microsoft placed no subscription${why ? `: ${why}` : ''}`);
    }
    const current = await this.getSubscription({ tenantId: request.tenantId, subscriptionId });
    return { subscriptionId, etag: current?.etag ?? '' };
  }

  async provisioningStatus(request: {
    tenantId: string;
    subscriptionId: string;
  }): Promise<'pending' | 'success' | 'failed'> {
    const answer = await this.http.request(
      'GET',
      `/v1/customers/${enc(request.tenantId)}/subscriptions/${enc(request.subscriptionId)}/provisioningstatus`,
    );
    if (answer.status === 404) return 'pending';
    this.expect(answer, 'reading the provisioning status');
    const status = String((answer.body as { status?: unknown })?.status ?? '').toLowerCase();
    return status === 'success' ? 'success' : status === 'failed' ? 'failed' : 'pending';
  }

  async cancelSeats(request: CancellationRequest): Promise<void> {
    if (!request.subscriptionId || request.quantity < 1) throw new ProvisioningError('nothing to cancel');
    const current = await this.resource(request.tenantId ?? null, request.subscriptionId);
    if (!current) throw new ProvisioningError(`Partner Center does not know subscription ${request.subscriptionId}`);
    const quantity = Math.max(0, current.quantity - request.quantity);
    const answer = await this.patch(
      request.tenantId ?? null,
      current,
      quantity === 0 ? { status: 'deleted' } : { quantity },
      stableRequestId(`cancel:${request.reference}`),
    );
    if (answer.status >= 400) throw new ProvisioningError(`Microsoft refused the cancellation: ${describe(answer)}`);
  }

  async patchSubscription(request: SubscriptionPatch): Promise<{ etag: string }> {
    const current = await this.resource(request.tenantId, request.subscriptionId);
    if (!current)
      throw new SubscriptionChangeRefused(`Partner Center does not know subscription ${request.subscriptionId}`);
    const next = request.scheduledNextTermInstructions;
    const [productId, skuId] = (current.offerId ?? '').split(':');
    const answer = await this.patch(
      request.tenantId,
      { ...current, attributes: { ...current.attributes, etag: request.etag } },
      {
        quantity: request.quantity,
        status: request.status,
        autoRenewEnabled: request.autoRenewEnabled,
        scheduledNextTermInstructions: next && {
          ...current.scheduledNextTermInstructions,
          product: {
            ...current.scheduledNextTermInstructions?.product,
            ...(productId ? { productId } : {}),
            ...(skuId ? { skuId } : {}),
            billingCycle: BILLING_CYCLES[next.billingCycle] ?? next.billingCycle,
            termDuration: next.termDuration,
          },
          quantity: next.quantity,
        },
      },
    );
    if (answer.status >= 400) throw new SubscriptionChangeRefused(describe(answer));
    return { etag: (answer.body as SubscriptionResource | null)?.attributes?.etag ?? '' };
  }

  async transitionSubscription(request: SubscriptionTransition): Promise<{ etag: string; toSubscriptionId: string }> {
    const tenantId = this.tenantOf(request.tenantId);
    const [productId = '', skuId = ''] = request.toCatalogItemId.split(':');
    const toCatalogItemId =
      request.toCatalogItemId.split(':').length >= 3
        ? request.toCatalogItemId
        : await this.catalogItem(tenantId, productId, skuId, request.termDuration ?? null);
    const answer = await this.busyAware(() =>
      this.http.request(
        'POST',
        `/v1/customers/${enc(tenantId)}/subscriptions/${enc(request.subscriptionId)}/transitions`,
        {
          requestId: stableRequestId(`transition:${JSON.stringify(request)}`),
          body: {
            toCatalogItemId,
            quantity: request.quantity,
            transitionType: request.transitionType,
            ...(request.termDuration ? { termDuration: request.termDuration } : {}),
            ...(request.billingCycle
              ? { billingCycle: BILLING_CYCLES[request.billingCycle] ?? request.billingCycle }
              : {}),
          },
        },
      ),
    );
    if (answer.status >= 400) throw new SubscriptionChangeRefused(describe(answer));
    const toSubscriptionId = String(
      (answer.body as { toSubscriptionId?: unknown })?.toSubscriptionId ?? request.subscriptionId,
    );
    const after = await this.getSubscription({ tenantId, subscriptionId: request.subscriptionId });
    return { etag: after?.etag ?? '', toSubscriptionId };
  }

  async transitionEligibility(request: TransitionEligibilityRequest): Promise<TransitionEligibility> {
    const tenantId = this.tenantOf(request.tenantId);
    const answer = await this.busyAware(() =>
      this.http.request(
        'GET',
        `/v1/customers/${enc(tenantId)}/subscriptions/${enc(request.subscriptionId)}/transitionEligibilities?eligibilityType=${enc(request.eligibilityType)}`,
      ),
    );
    this.expect(answer, 'reading transition eligibilities');
    const items =
      (
        answer.body as Collection<{
          catalogItemId?: string;
          eligibilities?: { isEligible?: boolean; errors?: { description?: string }[] }[];
        }>
      )?.items ?? [];
    // Ours names product and SKU; Microsoft's adds the availability.
    const item = items.find(
      (i) => i.catalogItemId === request.toCatalogItemId || i.catalogItemId?.startsWith(`${request.toCatalogItemId}:`),
    );
    if (!item)
      return { eligible: false, reasons: ['Microsoft lists no transition from this subscription to that product'] };
    const eligibilities = item.eligibilities ?? [];
    if (eligibilities.some((e) => e.isEligible)) return { eligible: true, reasons: [] };
    return {
      eligible: false,
      reasons: eligibilities.flatMap((e) => (e.errors ?? []).map((x) => x.description ?? 'not eligible')),
    };
  }

  async getSubscription(request: {
    tenantId: string | null;
    subscriptionId: string;
  }): Promise<PartnerSubscription | null> {
    const found = await this.resource(request.tenantId, request.subscriptionId);
    return found && subscriptionOf(found);
  }

  async listSubscriptions(request: { tenantId: string }): Promise<PartnerSubscription[]> {
    const answer = await this.http.request('GET', `/v1/customers/${enc(request.tenantId)}/subscriptions`);
    this.expect(answer, "listing the customer's subscriptions");
    return ((answer.body as Collection<SubscriptionResource>)?.items ?? []).map(subscriptionOf);
  }

  async customTermEndDates(request: {
    tenantId: string;
    termDuration: 'P1M' | 'P1Y' | 'P3Y';
  }): Promise<AllowedTermEnd[]> {
    const answer = await this.http.request(
      'GET',
      `/v1/customers/${enc(request.tenantId)}/subscriptions/customTermEndDates?term_duration=${enc(request.termDuration)}`,
    );
    this.expect(answer, 'reading the allowed term end dates');
    const items =
      (
        answer.body as Collection<{
          allowedCustomTermEndDateType?: string;
          allowedCustomTermEndDate?: string;
          cotermSubscriptionIds?: string[];
        }>
      )?.items ?? [];
    return items
      .filter((i) => typeof i.allowedCustomTermEndDate === 'string')
      .map((i) => ({
        kind: i.allowedCustomTermEndDateType === 'subscriptionAligned' ? 'SUBSCRIPTION' : 'CALENDAR_MONTH',
        date: i.allowedCustomTermEndDate!.slice(0, 10),
        subscriptionIds: i.cotermSubscriptionIds ?? [],
      }));
  }

  /** The distributor's relationship with an indirect reseller (its `id` names the reseller in customer creation). */
  private async indirectReseller(mpnId: string): Promise<{ id: string } | null> {
    const answer = await this.http.request(
      'GET',
      '/v1/relationships?relationship_type=IsIndirectCloudSolutionProviderOf',
    );
    this.expect(answer, 'listing indirect resellers');
    const items = (answer.body as Collection<{ id?: string; mpnId?: string; state?: string }>)?.items ?? [];
    const found = items.find((r) => r.mpnId === mpnId && (r.state ?? 'Active').toLowerCase() === 'active');
    return found?.id ? { id: found.id } : null;
  }

  /**
   * The catalog item to buy: `<product>:<sku>:<availability>`. Microsoft asks for the availability to be read at
   * the time of purchase (its id changes over time), so it is not kept in our price list.
   */
  private async catalogItem(tenantId: string, productId: string, skuId: string, term: string | null): Promise<string> {
    const answer = await this.http.request(
      'GET',
      `/v1/customers/${enc(tenantId)}/products/${enc(productId)}/skus/${enc(skuId)}/availabilities`,
    );
    if (answer.status === 404)
      throw new ProvisioningError(`Microsoft does not sell ${productId}:${skuId} to this customer`);
    this.expect(answer, 'reading availabilities');
    const items =
      (answer.body as Collection<{ catalogItemId?: string; isPurchasable?: boolean; terms?: { duration?: string }[] }>)
        ?.items ?? [];
    const fits = items.find(
      (a) =>
        a.catalogItemId &&
        a.isPurchasable !== false &&
        (!term || !a.terms?.length || a.terms.some((t) => t.duration === term)),
    );
    if (!fits?.catalogItemId)
      throw new ProvisioningError(
        `Microsoft has no purchasable availability of ${productId}:${skuId}${term ? ` for ${term}` : ''}`,
      );
    return fits.catalogItemId;
  }

  private async resource(tenantId: string | null, subscriptionId: string): Promise<SubscriptionResource | null> {
    const answer = await this.http.request(
      'GET',
      `/v1/customers/${enc(this.tenantOf(tenantId))}/subscriptions/${enc(subscriptionId)}`,
    );
    if (answer.status === 404) return null;
    this.expect(answer, 'reading the subscription');
    return answer.body as SubscriptionResource;
  }

  /**
   * PATCH with the whole resource as read, the change laid over it: a body without `autoRenewEnabled` would turn
   * auto-renew off, one without the next term's instructions would drop them. `If-Match` is the etag it carries.
   */
  private async patch(
    tenantId: string | null,
    current: SubscriptionResource,
    change: Partial<SubscriptionResource>,
    requestId?: string,
  ): Promise<PartnerCenterAnswer> {
    const etag = current.attributes?.etag ?? '';
    const answer = await this.busyAware(() =>
      this.http.request('PATCH', `/v1/customers/${enc(this.tenantOf(tenantId))}/subscriptions/${enc(current.id)}`, {
        ifMatch: etag,
        body: { ...current, ...change },
        ...(requestId ? { requestId } : {}),
      }),
    );
    if (answer.status === 412) throw new SubscriptionEtagStale(`the subscription changed since etag ${etag} (412)`);
    return answer;
  }

  /** Microsoft answering 409 until the deadline: busy with the subscription (renewing), which the port names. */
  private async busyAware(call: () => Promise<PartnerCenterAnswer>): Promise<PartnerCenterAnswer> {
    try {
      return await call();
    } catch (error) {
      if (error instanceof PartnerCenterUnavailable && error.busy)
        throw new SubscriptionBusy('Microsoft is busy with this subscription (renewing it); retry in a few minutes');
      throw error;
    }
  }

  private tenantOf(tenantId: string | null): string {
    if (!tenantId)
      throw new Error('Partner Center addresses subscriptions through their customer tenant, unknown here');
    return tenantId;
  }

  private expect(answer: PartnerCenterAnswer, doing: string): void {
    if (answer.status >= 400) throw new Error(`Partner Center answered ${describe(answer)} ${doing}`);
  }
}

interface CustomerResource {
  id: string;
  companyProfile?: { tenantId?: string; domain?: string; companyName?: string };
  relationshipToPartner?: string;
}
