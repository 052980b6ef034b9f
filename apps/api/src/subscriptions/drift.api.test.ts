import { termEndOf } from '@nce/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buyProvisioned, demoResellerCaller, priceIdOfSku, type Caller } from '../test-support/purchases.js';
import { createTestApp, importPriceList, staff, TestClient, type TestApp } from '../test-support/test-app.js';
import { seedUsers } from '../test-support/users.js';
import { SubscriptionEntity } from './entities.js';

const DRIFT = `{ partnerCenterDrift { status checked differences items { partnerSubscriptionId skuTitle customerName field ours theirs fix } } }`;
const CHECK = 'mutation { checkPartnerCenterDrift { id status } }';
const PLANT = `mutation($s: Code!, $k: DriftKind!) { plantSimulatorDrift(subscriptionId: $s, kind: $k) { __typename
  ... on DriftPlanted { kind } ... on BusinessError { code } } }`;

describe('the drift check: our subscriptions compared with Partner Center, differences listed, nothing changed', () => {
  let t: TestApp;
  let client: TestClient;
  let reseller: Caller;
  let resellerId: string;
  const admin: Caller = { gql: (query, variables = {}) => client.gql(query, variables, staff('staff')) };
  let subscriptions: SubscriptionEntity[];

  beforeAll(async () => {
    t = await createTestApp();
    await importPriceList(t.app);
    await seedUsers(t.app);
    client = await TestClient.start(t.app);
    ({ reseller, resellerId } = await demoResellerCaller(client));
    const monthly = await priceIdOfSku(reseller, 'Microsoft 365 Business Basic', 'P1M', 'MONTHLY');
    await buyProvisioned(t, reseller, resellerId, { customer: 'Drift One', priceId: monthly, quantity: 4 });
    await buyProvisioned(t, reseller, resellerId, { customer: 'Drift Two', priceId: monthly, quantity: 2 });
    subscriptions = await t.app.db.read.find(SubscriptionEntity, {
      where: { resellerId },
      order: { quantity: 'DESC' },
    });
  });
  afterAll(async () => {
    await client.stop();
    await t.close();
  });

  it('finds nothing when Partner Center agrees, and is staff’s only', async () => {
    expect((await admin.gql(DRIFT)).data?.partnerCenterDrift).toBeNull();
    expect((await admin.gql(CHECK)).data?.checkPartnerCenterDrift).toMatchObject({ status: 'RUNNING' });
    await t.app.jobs.runDue();
    expect((await admin.gql(DRIFT)).data?.partnerCenterDrift).toEqual({
      status: 'DONE',
      checked: subscriptions.length,
      differences: 0,
      items: [],
    });
    expect((await reseller.gql(DRIFT)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await reseller.gql(CHECK)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('runs daily, but not again within 20 hours of the last check (a restarted worker asks at once)', async () => {
    expect(await t.app.drift.daily()).toBeNull();
    t.clock.advance(21 * 3_600_000);
    const queued = await t.app.drift.daily();
    expect(queued).toMatchObject({ status: 'RUNNING', startedBy: 'daily check' });
    await t.app.jobs.runDue();
  });

  it('lists each difference planted in Partner Center with a fix, and changes none of ours', async () => {
    const [four, two] = subscriptions as [SubscriptionEntity, SubscriptionEntity];
    for (const [s, kind] of [
      [four, 'QUANTITY'],
      [four, 'AUTO_RENEW'],
      [two, 'MISSING'],
    ] as const)
      expect((await admin.gql(PLANT, { s: s.partnerSubscriptionId, k: kind })).data?.plantSimulatorDrift).toEqual({
        __typename: 'DriftPlanted',
        kind,
      });
    expect((await admin.gql(PLANT, { s: 'no-such-subscription', k: 'QUANTITY' })).data?.plantSimulatorDrift).toEqual({
      __typename: 'NotFound',
      code: 'NOT_FOUND',
    });
    const started = (await admin.gql(CHECK)).data?.checkPartnerCenterDrift;
    // Asked again while it runs: the same check.
    expect((await admin.gql(CHECK)).data?.checkPartnerCenterDrift).toEqual(started);
    await t.app.jobs.runDue();
    const drift = (await admin.gql(DRIFT)).data?.partnerCenterDrift;
    expect(drift).toMatchObject({ status: 'DONE', checked: subscriptions.length, differences: 3 });
    expect(
      drift.items.map((i: { customerName: string; field: string; ours: string; theirs: string }) => [
        i.customerName,
        i.field,
        i.ours,
        i.theirs,
      ]),
    ).toEqual([
      ['Drift One', 'AUTO_RENEW', 'on', 'off'],
      ['Drift One', 'QUANTITY', '4', '5'],
      ['Drift Two', 'MISSING', 'active', 'not found'],
    ]);
    expect(drift.items[1].fix).toMatch(/Microsoft bills 5 seats/);
    expect(
      await t.app.db.read.find(SubscriptionEntity, { where: { resellerId }, order: { quantity: 'DESC' } }),
    ).toEqual(subscriptions);
  });

  it('sees seats returned and terms renewed as Partner Center does them: no difference after a return or a renewal', async () => {
    const sim = t.app.partnerCenter;
    const [four] = subscriptions as [SubscriptionEntity];
    const before = (await sim.getSubscription({
      tenantId: four.tenantId,
      subscriptionId: four.partnerSubscriptionId,
    }))!;
    // A return (R24) removes seats at Microsoft, once per reference however often it is sent.
    for (let i = 0; i < 2; i += 1)
      await sim.cancelSeats({ subscriptionId: four.partnerSubscriptionId, quantity: 2, reference: 'return-1' });
    expect(
      (await sim.getSubscription({ tenantId: four.tenantId, subscriptionId: four.partnerSubscriptionId }))!.quantity,
    ).toBe(before.quantity - 2);
    // Microsoft renews by itself: past the term end, its term end is a term later, as ours is once renewed; one not
    // renewing keeps its end. (Auto-renew was turned off there above: turned on again first.)
    await admin.gql(PLANT, { s: four.partnerSubscriptionId, k: 'AUTO_RENEW' });
    const end = new Date(four.termEnd);
    t.clock.set(new Date(end.getTime() + 2 * 86_400_000));
    const after = (await sim.getSubscription({ tenantId: four.tenantId, subscriptionId: four.partnerSubscriptionId }))!;
    expect(after.autoRenewEnabled).toBe(true);
    expect(after.commitmentEndDate!.slice(0, 10)).toBe(termEndOf(end, four.term).toISOString().slice(0, 10));
    await admin.gql(PLANT, { s: four.partnerSubscriptionId, k: 'AUTO_RENEW' });
    const kept = (await sim.getSubscription({ tenantId: four.tenantId, subscriptionId: four.partnerSubscriptionId }))!;
    expect(kept.commitmentEndDate!.slice(0, 10)).toBe(four.termEnd.slice(0, 10));
  });
});
