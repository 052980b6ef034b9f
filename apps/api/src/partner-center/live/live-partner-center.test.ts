import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FakePartnerCenter } from '../../test-support/fake-partner-center.js';
import { SubscriptionBusy, SubscriptionEtagStale } from '../partner-center.js';
import { liveAgainst } from './live-test-support.js';
import { PartnerCenterUnavailable } from './partner-center-http.js';

const MPN = '5357564';
const PRODUCT = { productId: 'CFQ7TTC0LH18', skuId: '0001' };
const billing = {
  email: 'admin@fabrikam.example',
  firstName: 'Pat',
  lastName: 'Lee',
  phone: null,
  address: { line1: '1 Main St', line2: null, city: 'Dublin', region: null, postalCode: 'D02', country: 'IE' },
};

describe('the live Partner Center adapter, against a fake Partner Center', () => {
  let fake: FakePartnerCenter;
  let n = 0;

  beforeAll(async () => {
    fake = await new FakePartnerCenter().start();
  });
  afterAll(async () => {
    await fake.stop();
  });
  afterEach(() => fake.clearFaults());
  beforeEach(() => {
    fake.partners.set(MPN, { partnerName: 'Fabrikam Reseller', agreementSigned: true });
    fake.indirectResellers.set(MPN, {
      id: '484e548c-f5f3-4528-93a9-c16c6373cb59',
      name: 'Fabrikam Reseller',
      state: 'Active',
    });
    fake.availabilities.set(`${PRODUCT.productId}:${PRODUCT.skuId}`, {
      availabilityId: 'CFQ7TTC0K5DM',
      terms: ['P1M', 'P1Y'],
    });
  });

  async function customer(live = liveAgainst(fake)) {
    n += 1;
    return live.partnerCenter.createCustomerTenant({
      domain: `fabrikam${n}${Date.now()}.onmicrosoft.com`,
      companyName: 'Fabrikam',
      indirectReseller: MPN,
      billing,
    });
  }

  /** A customer with one subscription of PRODUCT bought through `live`. */
  async function subscribed(live: ReturnType<typeof liveAgainst>, term: string, reference: string) {
    const tenant = await customer(live);
    const bought = await live.partnerCenter.provisionLine({
      tenantId: tenant.tenantId,
      ...PRODUCT,
      term,
      billingPlan: 'MONTHLY',
      quantity: 3,
      reference: `${reference}-${n}`,
    });
    return { tenant, bought };
  }

  it('buys exactly one order through throttling (429) and a connection dropped mid-checkout, however often the line is sent', async () => {
    const live = liveAgainst(fake);
    const tenant = await customer(live);
    const ordersBefore = fake.orders.length;
    fake.inject({ method: 'POST', path: /\/carts$/, times: 2, status: 429, retryAfterSeconds: 3 });
    fake.inject({ method: 'POST', path: /\/checkout$/, times: 1, status: 429, retryAfterSeconds: 1 });
    // Microsoft takes the order, then the connection drops before its answer reaches us.
    fake.inject({ method: 'POST', path: /\/checkout$/, times: 1, dropAfterWork: true });
    const line = {
      tenantId: tenant.tenantId,
      ...PRODUCT,
      term: 'P1M',
      billingPlan: 'MONTHLY',
      quantity: 4,
      transactionReseller: MPN,
      reference: `order-${n}:1`,
    };
    const bought = await live.partnerCenter.provisionLine(line);
    // The provisioning job runs again (a crash before it recorded the subscription): still the same order.
    const again = await liveAgainst(fake).partnerCenter.provisionLine(line);
    expect(again.subscriptionId).toBe(bought.subscriptionId);
    const placed = fake.orders.slice(ordersBefore);
    expect(placed).toHaveLength(1);
    expect(placed[0]).toMatchObject({
      tenantId: tenant.tenantId,
      quantity: 4,
      catalogItemId: 'CFQ7TTC0LH18:0001:CFQ7TTC0K5DM',
    });
    // Retry-After was honoured, and every checkout attempt carried one request id.
    expect(live.waits.slice(0, 3)).toEqual([3000, 3000, 1000]);
    const checkouts = fake.requests.filter(
      (r) => r.method === 'POST' && r.path.endsWith('/checkout') && r.path.includes(tenant.tenantId),
    );
    expect(checkouts.length).toBeGreaterThanOrEqual(3);
    expect(new Set(checkouts.map((r) => r.requestId)).size).toBe(1);
    const cart = fake.requests.find((r) => r.method === 'POST' && r.path.endsWith(`${tenant.tenantId}/carts`));
    expect(cart?.body).toMatchObject({
      PartnerOnRecordAttestationAccepted: true,
      lineItems: [
        {
          quantity: 4,
          billingCycle: 'monthly',
          termDuration: 'P1M',
          participants: [{ key: 'transaction_reseller', value: MPN }],
        },
      ],
    });
  });

  it('sends the whole subscription on a change, so auto-renew and the next term’s instructions are never dropped', async () => {
    const live = liveAgainst(fake);
    const { tenant, bought } = await subscribed(live, 'P1Y', 'keep');
    await live.partnerCenter.patchSubscription({
      tenantId: tenant.tenantId,
      subscriptionId: bought.subscriptionId,
      etag: bought.etag,
      quantity: 5,
      status: 'active',
      autoRenewEnabled: true,
      scheduledNextTermInstructions: { quantity: 2, termDuration: 'P1Y', billingCycle: 'ANNUAL' },
    });
    const patch = fake.requests.filter((r) => r.method === 'PATCH').at(-1)!;
    expect(patch.body).toMatchObject({
      id: bought.subscriptionId,
      quantity: 5,
      status: 'active',
      autoRenewEnabled: true,
      offerId: 'CFQ7TTC0LH18:0001',
      termDuration: 'P1Y',
      scheduledNextTermInstructions: {
        quantity: 2,
        product: { productId: 'CFQ7TTC0LH18', skuId: '0001', termDuration: 'P1Y', billingCycle: 'annual' },
      },
    });
    expect(fake.subscriptions.get(bought.subscriptionId)).toMatchObject({ autoRenewEnabled: true, quantity: 5 });
  });

  it('answers a stale etag (changed in Partner Center meanwhile) as such', async () => {
    const live = liveAgainst(fake);
    const { tenant, bought } = await subscribed(live, 'P1M', 'stale');
    fake.touch(bought.subscriptionId);
    await expect(
      live.partnerCenter.patchSubscription({
        tenantId: tenant.tenantId,
        subscriptionId: bought.subscriptionId,
        etag: bought.etag,
        quantity: 4,
        status: 'active',
        autoRenewEnabled: true,
        scheduledNextTermInstructions: null,
      }),
    ).rejects.toBeInstanceOf(SubscriptionEtagStale);
  });

  it('waits out a 409 while Microsoft renews, and says "busy" when it lasts past the deadline', async () => {
    let now = 1_000_000;
    const live = liveAgainst(fake, { now: () => now, sleep: async (ms) => void (now += ms), deadlineMs: 60_000 });
    const { tenant, bought } = await subscribed(live, 'P1M', 'busy');
    const change = {
      tenantId: tenant.tenantId,
      subscriptionId: bought.subscriptionId,
      quantity: 4,
      status: 'active' as const,
      autoRenewEnabled: true,
      scheduledNextTermInstructions: null,
    };
    fake.inject({ method: 'PATCH', path: /subscriptions\//, times: 2, status: 409 });
    const before = now;
    const changed = await live.partnerCenter.patchSubscription({ ...change, etag: bought.etag });
    expect(now - before).toBe(10_000);
    fake.inject({ method: 'PATCH', path: /subscriptions\//, times: 100, status: 409 });
    await expect(
      live.partnerCenter.patchSubscription({ ...change, quantity: 5, etag: changed.etag }),
    ).rejects.toBeInstanceOf(SubscriptionBusy);
  });

  it('retries 5xx and slow answers with backoff, then opens the circuit on an outage: "nothing was bought"', async () => {
    const live = liveAgainst(fake, { attemptTimeoutMs: 200, breakerThreshold: 3 });
    fake.inject({ method: 'HEAD', path: /\/domains\//, times: 1, status: 503 });
    fake.inject({ method: 'HEAD', path: /\/domains\//, times: 1, delayMs: 600 });
    expect(await live.partnerCenter.domainExists('nobody-here.onmicrosoft.com')).toBe(false);
    expect(live.waits).toHaveLength(2);
    fake.inject({ method: 'HEAD', path: /\/domains\//, times: 50, status: 500 });
    const outage = await live.partnerCenter.domainExists('still-nobody.onmicrosoft.com').catch((e: unknown) => e);
    expect(outage).toBeInstanceOf(PartnerCenterUnavailable);
    expect(String((outage as Error).message)).toMatch(/nothing was bought or changed/);
    const attempts = fake.requests.filter((r) => r.path.includes('still-nobody')).length;
    // Open: the next call fails at once, without asking Microsoft.
    await expect(live.partnerCenter.domainExists('still-nobody.onmicrosoft.com')).rejects.toBeInstanceOf(
      PartnerCenterUnavailable,
    );
    expect(fake.requests.filter((r) => r.path.includes('still-nobody')).length).toBe(attempts);
  });

  it('gets a new access token when Microsoft says the old one expired, and keeps the rotated refresh token', async () => {
    const live = liveAgainst(fake);
    await customer(live);
    const exchanges = fake.tokenExchanges;
    fake.expireTokens();
    expect(await live.partnerCenter.domainExists('nobody-either.onmicrosoft.com')).toBe(false);
    expect(fake.tokenExchanges).toBe(exchanges + 1);
    expect(live.store.token).toBe(fake.refreshToken);
  });
});
