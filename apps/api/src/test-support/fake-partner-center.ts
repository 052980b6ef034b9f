import { createHash, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A Partner Center on loopback for the live adapter's tests, written from Microsoft's REST reference (request and
 * response shapes, status codes) and not from our simulator: profiles, relationships, domains, customers, carts and
 * checkout, subscriptions (etag in `attributes`, PATCH of the whole resource with If-Match), transitions,
 * eligibilities, provisioning status, custom term end dates, and the token endpoint of the secure application model
 * (a new refresh token with every exchange). It answers a request id it has seen with its first answer, as
 * Microsoft documents MS-RequestId, and can be told to misbehave: 429 with Retry-After, 409, 5xx, slow answers,
 * expired tokens, a connection dropped after the work was done.
 */
export interface FakeFault {
  method?: string;
  path: RegExp;
  /** How many matching requests it hits. */
  times: number;
  status?: number;
  retryAfterSeconds?: number;
  /** Do the work, then close the connection without answering. */
  dropAfterWork?: boolean;
  delayMs?: number;
}

interface FakeSubscription {
  id: string;
  tenantId: string;
  offerId: string;
  quantity: number;
  status: string;
  autoRenewEnabled: boolean;
  termDuration: string;
  billingCycle: string;
  commitmentEndDate: string;
  scheduledNextTermInstructions: unknown;
  etag: string;
  orderId: string;
}

interface FakeCustomer {
  id: string;
  domain: string;
  companyName: string;
  qualification: string;
  resellers: string[];
  billingProfile: unknown;
}

export class FakePartnerCenter {
  readonly requests: { method: string; path: string; requestId: string; correlationId: string; body: unknown }[] = [];
  readonly partners = new Map<string, { partnerName: string; agreementSigned: boolean }>();
  /** The distributor's indirect resellers (relationships), by MPN ID. */
  readonly indirectResellers = new Map<string, { id: string; name: string; state: string }>();
  readonly customers = new Map<string, FakeCustomer>();
  readonly subscriptions = new Map<string, FakeSubscription>();
  /** Catalog items by `product:sku`: availability id and the terms it sells. */
  readonly availabilities = new Map<string, { availabilityId: string; terms: string[] }>();
  readonly orders: { id: string; tenantId: string; catalogItemId: string; quantity: number }[] = [];
  readonly takenDomains = new Set<string>();
  private readonly carts = new Map<
    string,
    { tenantId: string; lineItems: Record<string, unknown>[]; ordered: boolean }
  >();
  private readonly answered = new Map<string, { status: number; body: unknown }>();
  private readonly faults: FakeFault[] = [];
  private validTokens = new Set<string>();
  refreshToken = 'refresh-0';
  tokenExchanges = 0;
  /** Seconds an issued access token lives (as `expires_in`). */
  accessTokenSeconds = 3600;
  private server: Server | null = null;
  url = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }

  inject(fault: FakeFault): void {
    this.faults.push({ ...fault });
  }

  clearFaults(): void {
    this.faults.length = 0;
  }

  /** Every access token issued so far stops working (401), as an expired or revoked one does. */
  expireTokens(): void {
    this.validTokens.clear();
  }

  /** A subscription changed in Partner Center itself: its etag moves on. */
  touch(subscriptionId: string): void {
    const s = this.subscriptions.get(subscriptionId);
    if (s) s.etag = randomUUID();
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://fake');
    const method = req.method ?? 'GET';
    const send = (status: number, body?: unknown, headers: Record<string, string> = {}) => {
      const payload = body === undefined ? '' : JSON.stringify(body);
      res.writeHead(status, {
        ...headers,
        ...(payload ? { 'content-type': 'application/json; charset=utf-8' } : {}),
        'content-length': String(Buffer.byteLength(payload)),
        'ms-requestid': String(req.headers['ms-requestid'] ?? ''),
        'ms-correlationid': String(req.headers['ms-correlationid'] ?? ''),
      });
      res.end(method === 'HEAD' ? undefined : payload);
    };

    if (url.pathname.endsWith('/oauth2/token')) return this.token(new URLSearchParams(text), send);

    const requestId = String(req.headers['ms-requestid'] ?? '');
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      return send(400, { code: 2000, description: 'The request body is not JSON.' });
    }
    this.requests.push({
      method,
      path: url.pathname + url.search,
      requestId,
      correlationId: String(req.headers['ms-correlationid'] ?? ''),
      body,
    });
    const token = String(req.headers.authorization ?? '').replace(/^Bearer /, '');
    if (!this.validTokens.has(token)) return send(401, { code: 900401, description: 'The access token is not valid.' });

    const fault = this.faults.find(
      (f) => f.times > 0 && f.path.test(url.pathname + url.search) && (!f.method || f.method === method),
    );
    if (fault) fault.times -= 1;
    if (fault?.delayMs) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
    if (fault?.status)
      return send(
        fault.status,
        { code: fault.status, description: `injected ${fault.status}` },
        fault.retryAfterSeconds === undefined ? {} : { 'retry-after': String(fault.retryAfterSeconds) },
      );

    // A request id seen before is answered as it was first: nothing is done twice.
    const replayable = method === 'POST' || method === 'PATCH';
    const key = `${method} ${url.pathname} ${requestId}`;
    const seen = replayable && requestId ? this.answered.get(key) : undefined;
    const answer = seen ?? this.route(method, url, body, String(req.headers['if-match'] ?? ''));
    if (replayable && requestId && answer.status < 500) this.answered.set(key, answer);
    if (fault?.dropAfterWork) {
      req.socket.destroy();
      return;
    }
    send(answer.status, answer.body);
  }

  private token(form: URLSearchParams, send: (status: number, body?: unknown) => void): void {
    if (form.get('grant_type') !== 'refresh_token' || form.get('refresh_token') !== this.refreshToken)
      return send(400, { error: 'invalid_grant', error_description: 'AADSTS70000: the refresh token is not valid.' });
    this.tokenExchanges += 1;
    const accessToken = `access-${randomUUID()}`;
    this.validTokens.add(accessToken);
    this.refreshToken = `refresh-${this.tokenExchanges}`;
    send(200, {
      token_type: 'Bearer',
      expires_in: String(this.accessTokenSeconds),
      access_token: accessToken,
      refresh_token: this.refreshToken,
    });
  }

  private route(method: string, url: URL, body: unknown, ifMatch: string): { status: number; body: unknown } {
    const path = url.pathname;
    const notFound = { status: 404, body: { code: 3000, description: `${path} was not found` } };
    let m: RegExpMatchArray | null;
    if (method === 'GET' && path === '/v1/profiles/mpn' && !url.searchParams.has('mpnId'))
      return {
        status: 200,
        body: { mpnId: '1234567', partnerName: 'Contoso Distribution', profileType: 'MpnProfile' },
      };
    if (method === 'GET' && path === '/v1/profiles/mpn') {
      const partner = this.partners.get(url.searchParams.get('mpnId') ?? '');
      return partner
        ? {
            status: 200,
            body: { mpnId: url.searchParams.get('mpnId'), partnerName: partner.partnerName, profileType: 'MpnProfile' },
          }
        : notFound;
    }
    if (method === 'GET' && path === '/v1/compliance/csp/agreementstatus') {
      const partner = this.partners.get(url.searchParams.get('mpnId') ?? '');
      return partner ? { status: 200, body: { isAgreementSigned: partner.agreementSigned } } : notFound;
    }
    if (method === 'GET' && path === '/v1/relationships')
      return {
        status: 200,
        body: this.collection(
          [...this.indirectResellers].map(([mpnId, r]) => ({
            id: r.id,
            name: r.name,
            relationshipType: 'is_indirect_cloud_solution_provider_of',
            state: r.state,
            mpnId,
          })),
        ),
      };
    if ((m = path.match(/^\/v1\/domains\/([^/]+)$/)) && method === 'HEAD') {
      const domain = decodeURIComponent(m[1]!).toLowerCase();
      const taken = this.takenDomains.has(domain) || [...this.customers.values()].some((c) => c.domain === domain);
      return { status: taken ? 200 : 404, body: undefined };
    }
    if (path === '/v1/customers' && method === 'GET') {
      const filter = JSON.parse(url.searchParams.get('filter') ?? '{}') as { Field?: string; Value?: string };
      const value = String(filter.Value ?? '').toLowerCase();
      const items = [...this.customers.values()]
        .filter((c) => filter.Field !== 'Domain' || c.domain.startsWith(value))
        .map((c) => this.customerResource(c));
      return { status: 200, body: this.collection(items) };
    }
    if (path === '/v1/customers' && method === 'POST') return this.createCustomer(body as Record<string, any>);
    if ((m = path.match(/^\/v1\/customers\/([^/]+)\/(.+)$/))) {
      const customer = this.customers.get(m[1]!);
      if (!customer) return notFound;
      return this.customerRoute(customer, method, m[2]!, url, body, ifMatch) ?? notFound;
    }
    return notFound;
  }

  private customerRoute(
    customer: FakeCustomer,
    method: string,
    rest: string,
    url: URL,
    body: unknown,
    ifMatch: string,
  ): { status: number; body: unknown } | null {
    let m: RegExpMatchArray | null;
    if (rest === 'relationships' && method === 'GET')
      return {
        status: 200,
        body: this.collection(
          customer.resellers.map((mpnId) => ({ id: this.indirectResellers.get(mpnId)?.id, mpnId })),
        ),
      };
    if (rest === 'qualification' && method === 'GET') return { status: 200, body: customer.qualification };
    if ((m = rest.match(/^products\/([^/]+)\/skus\/([^/]+)\/availabilities$/)) && method === 'GET') {
      const item = this.availabilities.get(`${m[1]}:${m[2]}`);
      if (!item) return { status: 404, body: { code: 400013, description: 'The parent product was not found.' } };
      return {
        status: 200,
        body: this.collection([
          {
            id: item.availabilityId,
            productId: m[1],
            skuId: m[2],
            catalogItemId: `${m[1]}:${m[2]}:${item.availabilityId}`,
            isPurchasable: true,
            terms: item.terms.map((duration) => ({ duration })),
          },
        ]),
      };
    }
    if (rest === 'carts' && method === 'POST') {
      const cart = body as { lineItems?: Record<string, unknown>[]; PartnerOnRecordAttestationAccepted?: boolean };
      if (!cart?.lineItems?.length)
        return { status: 400, body: { code: 2000, description: 'A cart needs line items.' } };
      for (const line of cart.lineItems) {
        const [product, sku, availability] = String(line.catalogItemId ?? '').split(':');
        if (this.availabilities.get(`${product}:${sku}`)?.availabilityId !== availability)
          return {
            status: 400,
            body: { code: 800002, description: `Catalog item ${String(line.catalogItemId)} is not valid.` },
          };
      }
      const id = randomUUID();
      this.carts.set(id, { tenantId: customer.id, lineItems: cart.lineItems, ordered: false });
      return { status: 201, body: { id, status: 'Active', lineItems: cart.lineItems } };
    }
    if ((m = rest.match(/^carts\/([^/]+)\/checkout$/)) && method === 'POST') {
      const cart = this.carts.get(m[1]!);
      if (!cart) return { status: 404, body: { code: 800001, description: 'The cart was not found.' } };
      if (cart.ordered)
        return { status: 400, body: { code: 800003, description: 'The cart was checked out already.' } };
      cart.ordered = true;
      const orderId = randomUUID();
      const lineItems = cart.lineItems.map((line, i) => {
        const subscription = this.newSubscription(customer.id, orderId, line);
        return {
          lineItemNumber: i,
          offerId: line.catalogItemId,
          subscriptionId: subscription.id,
          quantity: line.quantity,
        };
      });
      for (const line of cart.lineItems)
        this.orders.push({
          id: orderId,
          tenantId: customer.id,
          catalogItemId: String(line.catalogItemId),
          quantity: Number(line.quantity),
        });
      return {
        status: 201,
        body: { orders: [{ id: orderId, referenceCustomerId: customer.id, lineItems, status: 'completed' }] },
      };
    }
    if (rest === 'subscriptions' && method === 'GET')
      return {
        status: 200,
        body: this.collection(
          [...this.subscriptions.values()].filter((s) => s.tenantId === customer.id).map((s) => this.resource(s)),
        ),
      };
    if (rest === 'subscriptions/customTermEndDates' && method === 'GET') {
      const now = new Date();
      const monthEnd = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 0));
      const items: unknown[] = [
        {
          allowedCustomTermEndDateType: 'calendarMonthAligned',
          allowedCustomTermEndDate: `${monthEnd.toISOString().slice(0, 10)}T00:00:00`,
        },
      ];
      for (const s of this.subscriptions.values())
        if (s.tenantId === customer.id && s.status === 'active')
          items.push({
            allowedCustomTermEndDateType: 'subscriptionAligned',
            cotermSubscriptionIds: [s.id],
            allowedCustomTermEndDate: `${s.commitmentEndDate.slice(0, 10)}T00:00:00`,
          });
      return { status: 200, body: this.collection(items) };
    }
    if (!(m = rest.match(/^subscriptions\/([^/]+)(?:\/(.+))?$/))) return null;
    const subscription = this.subscriptions.get(m[1]!);
    if (!subscription || subscription.tenantId !== customer.id) return null;
    const action = m[2];
    if (!action && method === 'GET') return { status: 200, body: this.resource(subscription) };
    if (action === 'provisioningstatus' && method === 'GET')
      return { status: 200, body: { status: 'success', quantity: subscription.quantity } };
    if (!action && method === 'PATCH') return this.patch(subscription, body as Record<string, unknown>, ifMatch);
    if (action === 'transitionEligibilities' && method === 'GET') {
      const items = [...this.availabilities]
        .filter(([key]) => !subscription.offerId.startsWith(`${key}:`) && subscription.offerId !== key)
        .map(([key, a]) => ({
          catalogItemId: `${key}:${a.availabilityId}`,
          eligibilities: [{ isEligible: true, transitionType: 'transition_only', errors: [] }],
        }));
      return { status: 200, body: this.collection(items) };
    }
    if (action === 'transitions' && method === 'POST') {
      const request = body as { toCatalogItemId?: string; quantity?: number };
      const quantity = Number(request.quantity);
      if (!Number.isInteger(quantity) || quantity < 1 || quantity > subscription.quantity)
        return { status: 400, body: { code: 800050, description: `quantity ${quantity} is not allowed` } };
      const [product, sku] = String(request.toCatalogItemId).split(':');
      let toSubscriptionId = subscription.id;
      if (quantity === subscription.quantity) subscription.offerId = `${product}:${sku}`;
      else {
        subscription.quantity -= quantity;
        toSubscriptionId = this.newSubscription(customer.id, subscription.orderId, {
          catalogItemId: request.toCatalogItemId,
          quantity,
          termDuration: subscription.termDuration,
          billingCycle: subscription.billingCycle,
        }).id;
      }
      subscription.etag = randomUUID();
      return {
        status: 201,
        body: { fromSubscriptionId: subscription.id, toSubscriptionId, quantity, status: 'completed' },
      };
    }
    return null;
  }

  private createCustomer(body: Record<string, any>): { status: number; body: unknown } {
    const domain = String(body?.companyProfile?.domain ?? '').toLowerCase();
    if (!/^[a-z0-9-]+\.onmicrosoft\.com$/.test(domain))
      return { status: 400, body: { code: 2000, description: 'companyProfile.domain is not valid' } };
    if (!body?.billingProfile?.email || !body?.billingProfile?.defaultAddress?.country)
      return { status: 400, body: { code: 2000, description: 'billingProfile needs email and defaultAddress' } };
    if (this.takenDomains.has(domain) || [...this.customers.values()].some((c) => c.domain === domain))
      return { status: 400, body: { code: 1001, description: 'The domain is not available.' } };
    const reseller = body.associatedPartnerId
      ? [...this.indirectResellers].find(([, r]) => r.id === body.associatedPartnerId)?.[0]
      : null;
    if (body.associatedPartnerId && !reseller)
      return {
        status: 400,
        body: { code: 2000, description: 'associatedPartnerId has no relationship with the partner' },
      };
    const id = randomUUID();
    const customer: FakeCustomer = {
      id,
      domain,
      companyName: String(body.billingProfile.companyName ?? ''),
      qualification: 'none',
      resellers: reseller ? [reseller] : [],
      billingProfile: body.billingProfile,
    };
    this.customers.set(id, customer);
    return {
      status: 201,
      body: {
        ...this.customerResource(customer),
        userCredentials: { userName: `admin@${domain}`, password: `Temp-${id.slice(0, 8)}!` },
      },
    };
  }

  private patch(subscription: FakeSubscription, body: Record<string, unknown>, ifMatch: string) {
    if (!ifMatch || ifMatch !== subscription.etag)
      return { status: 412, body: { code: 412, description: 'The etag does not match the subscription.' } };
    // The whole resource is the change: what it leaves out is dropped (auto-renew off, no instructions).
    const quantity = Number(body.quantity);
    const status = String(body.status ?? subscription.status);
    if (status !== 'deleted' && (!Number.isInteger(quantity) || quantity < 1))
      return { status: 400, body: { code: 800050, description: `quantity ${String(body.quantity)} is not allowed` } };
    subscription.quantity = status === 'deleted' ? subscription.quantity : quantity;
    subscription.status = status;
    subscription.autoRenewEnabled = body.autoRenewEnabled === true;
    subscription.scheduledNextTermInstructions = body.scheduledNextTermInstructions ?? null;
    subscription.etag = randomUUID();
    return { status: 200, body: this.resource(subscription) };
  }

  private newSubscription(tenantId: string, orderId: string, line: Record<string, unknown>): FakeSubscription {
    const [product, sku] = String(line.catalogItemId).split(':');
    const term = String(line.termDuration ?? 'P1M');
    const end = line.customTermEndDate
      ? new Date(`${String(line.customTermEndDate).slice(0, 10)}T00:00:00Z`)
      : new Date(Date.now() + (term === 'P1M' ? 30 : term === 'P3Y' ? 3 * 365 : 365) * 86_400_000);
    const subscription: FakeSubscription = {
      id: randomUUID(),
      tenantId,
      offerId: `${product}:${sku}`,
      quantity: Number(line.quantity),
      status: 'active',
      autoRenewEnabled: true,
      termDuration: term,
      billingCycle: String(line.billingCycle ?? 'monthly'),
      commitmentEndDate: end.toISOString(),
      scheduledNextTermInstructions: null,
      etag: createHash('sha256').update(randomUUID()).digest('base64url'),
      orderId,
    };
    this.subscriptions.set(subscription.id, subscription);
    return subscription;
  }

  private resource(s: FakeSubscription) {
    return {
      id: s.id,
      offerId: s.offerId,
      quantity: s.quantity,
      status: s.status,
      autoRenewEnabled: s.autoRenewEnabled,
      commitmentEndDate: s.commitmentEndDate,
      termDuration: s.termDuration,
      billingCycle: s.billingCycle,
      scheduledNextTermInstructions: s.scheduledNextTermInstructions,
      orderId: s.orderId,
      attributes: { etag: s.etag, objectType: 'Subscription' },
    };
  }

  private customerResource(c: FakeCustomer) {
    return {
      id: c.id,
      companyProfile: { tenantId: c.id, domain: c.domain, companyName: c.companyName },
      relationshipToPartner: 'reseller',
      attributes: { objectType: 'Customer' },
    };
  }

  private collection(items: unknown[]) {
    return { totalCount: items.length, items, attributes: { objectType: 'Collection' } };
  }
}
