import { addSeatsCharge, billingPeriodAt, money, termEndOf } from '@nce/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { portable } from '../db/sql.js';
import { SimSubscriptionEntity } from '../partner-center/sim-subscription.entity.js';
import { SimTenantEntity } from '../partner-center/sim-tenant.entity.js';
import { LedgerRepository } from '../terms/ledger.repository.js';
import { systemContext } from '../platform/request-context.js';
import {
  buyProvisioned,
  demoResellerCaller,
  priceIdFor,
  priceIdOfSku,
  type Caller,
} from '../test-support/purchases.js';
import { startSmtpSink } from '../test-support/smtp-sink.js';
import { createTestApp, importPriceList, staff, TestClient, type TestApp } from '../test-support/test-app.js';
import { demo, seedUsers } from '../test-support/users.js';
import { SubscriptionChargeEntity, SubscriptionEntity, SubscriptionEventEntity } from './entities.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const SUBSCRIPTION = `id partnerSubscriptionId skuTitle renewing status autoRenew quantity term billingPlan termStart termEnd renewsOn windowClosesAt version
  unitPrice { amountMinor currency } scheduledChange { quantity term billingPlan }
  batches { kind quantity removed startedAt windowClosesAt windowOpen current unitPaid { amountMinor } }
  history { kind message actorEmail } charges { chargeType quantity amount { amountMinor } }
  nextTerm { renewsOn skuTitle quantity term billingPlan unitPrice { amountMinor } firstCharge { amountMinor } changesCloseAt }`;
const RESULT = `__typename
  ... on SubscriptionChanged { replayed amount { amountMinor } subscription { id quantity status autoRenew windowClosesAt scheduledChange { quantity } } }
  ... on SubscriptionChangeRefused { code message fix { kind label } }
  ... on NotFound { code }`;

describe('subscriptions after Buy: seats, windows, cancellation, auto-renew, scheduled changes, renewal', () => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let client: TestClient;
  /** The demo reseller's user, named on each request: the test's clock runs past any session's life. */
  let reseller: Caller;
  let resellerId: string;
  let annualMonthly: number;
  let monthly: number;

  beforeAll(async () => {
    smtp = await startSmtpSink();
    t = await createTestApp({ SMTP_URL: smtp.url });
    await importPriceList(t.app);
    await seedUsers(t.app);
    client = await TestClient.start(t.app);
    ({ reseller, resellerId } = await demoResellerCaller(client));
    annualMonthly = await priceIdFor(reseller, 'P1Y', 'MONTHLY');
    monthly = await priceIdFor(reseller, 'P1M', 'MONTHLY');
  });
  afterAll(async () => {
    await client.stop();
    await t.close();
    await smtp.stop();
  });

  /** How the simulated Partner Center answers changes in the customer's tenant (staff's simulator page). */
  const tenantAnswers = async (companyName: string, subscriptionChanges: string) => {
    const { domain } = await t.app.db.read.findOneByOrFail(SimTenantEntity, { companyName });
    return (
      await client.gql(
        `mutation($i: SimTenantInput!) { saveSimTenant(input: $i) { __typename } }`,
        { i: { domain, companyName, government: false, relationshipAccepted: true, subscriptionChanges } },
        staff('staff'),
      )
    ).data?.saveSimTenant.__typename;
  };
  const detail = async (id: string, client = reseller) =>
    (await client.gql(`query($id: ID!) { subscription(id: $id) { ${SUBSCRIPTION} } }`, { id })).data?.subscription;
  const subscriptionOf = async (orderId: string) =>
    (await t.app.db.read.findOneByOrFail(SubscriptionEntity, { orderId })).id;
  const change = async (mutation: string, args: string, variables: Record<string, unknown>, client = reseller) =>
    (await client.gql(`mutation(${args}) { ${mutation} { ${RESULT} } }`, variables)).data;
  const addSeats = async (id: string, quantity: number, key: string) =>
    (
      await change(
        'addSubscriptionSeats(id: $id, quantity: $q, input: { idempotencyKey: $k })',
        '$id: ID!, $q: Int!, $k: Code!',
        {
          id,
          q: quantity,
          k: key,
        },
      )
    )?.addSubscriptionSeats;
  const removeSeats = async (id: string, quantity: number, key: string) =>
    (
      await change(
        'removeSubscriptionSeats(id: $id, quantity: $q, input: { idempotencyKey: $k })',
        '$id: ID!, $q: Int!, $k: Code!',
        { id, q: quantity, k: key },
      )
    )?.removeSubscriptionSeats;
  const cancel = async (id: string, key: string) =>
    (await change('cancelSubscription(id: $id, input: { idempotencyKey: $k })', '$id: ID!, $k: Code!', { id, k: key }))
      ?.cancelSubscription;
  const autoRenew = async (id: string, on: boolean, key: string) =>
    (
      await change(
        'setSubscriptionAutoRenew(id: $id, autoRenew: $on, input: { idempotencyKey: $k })',
        '$id: ID!, $on: Boolean!, $k: Code!',
        { id, on, k: key },
      )
    )?.setSubscriptionAutoRenew;
  const schedule = async (id: string, changeInput: Record<string, unknown> | null, key: string) =>
    (
      await change(
        'scheduleSubscriptionChange(id: $id, change: $c, input: { idempotencyKey: $k })',
        '$id: ID!, $c: ScheduledChangeInput, $k: Code!',
        { id, c: changeInput, k: key },
      )
    )?.scheduleSubscriptionChange;
  const renewalsRun = async () => {
    await t.app.renewals.scan();
    await t.app.jobs.runDue();
  };

  let tailspin: string;
  it('S1: a provisioned line becomes an active, auto-renewing subscription with its purchase batch and a new charge', async () => {
    const start = t.clock.now();
    const { orderId } = await buyProvisioned(t, reseller, resellerId, {
      customer: 'Tailspin Toys',
      priceId: annualMonthly,
      quantity: 10,
    });
    tailspin = await subscriptionOf(orderId);
    const s = await detail(tailspin);
    const provisionedAt = new Date(s.termStart);
    expect(provisionedAt.getTime()).toBeGreaterThanOrEqual(start.getTime());
    expect(s).toMatchObject({
      status: 'ACTIVE',
      autoRenew: true,
      quantity: 10,
      term: 'P1Y',
      billingPlan: 'MONTHLY',
      termEnd: termEndOf(provisionedAt, 'P1Y').toISOString(),
      batches: [{ kind: 'PURCHASE', quantity: 10, removed: 0, windowOpen: true, current: true }],
      history: [{ kind: 'PROVISIONED' }, { kind: 'ACTIVATED' }],
      charges: [{ chargeType: 'new', quantity: 10, amount: { amountMinor: s.unitPrice.amountMinor * 10 } }],
    });
    expect(s.nextTerm).toMatchObject({ quantity: 10, term: 'P1Y', billingPlan: 'MONTHLY' });
    expect(s.nextTerm.unitPrice.amountMinor).toBe(s.unitPrice.amountMinor);
    expect(new Date(s.renewsOn).toISOString()).toMatch(/T00:00:00.000Z$/);
  });

  it('S2: pending while Microsoft sets it up (asked at the order’s completion, again later), then active', async () => {
    const asked: string[] = [];
    const status = t.app.partnerCenter.provisioningStatus.bind(t.app.partnerCenter);
    t.app.partnerCenter.provisioningStatus = async (request) => (asked.push(request.subscriptionId), 'pending');
    let orderId: string;
    try {
      ({ orderId } = await buyProvisioned(t, reseller, resellerId, {
        customer: 'Wingtip Setup',
        priceId: annualMonthly,
        quantity: 3,
      }));
    } finally {
      t.app.partnerCenter.provisioningStatus = status;
    }
    const id = await subscriptionOf(orderId);
    const pending = await detail(id);
    expect(asked).toEqual([pending.partnerSubscriptionId]);
    expect(pending).toMatchObject({ status: 'PENDING', history: [{ kind: 'PROVISIONED' }] });
    expect(await addSeats(id, 1, 'wingtip-add-0001')).toMatchObject({
      code: 'SUBSCRIPTION_NOT_ACTIVE',
      message: expect.stringMatching(/pending/),
    });
    const order = async () =>
      (await reseller.gql(`query($id: ID!) { order(id: $id) { status events { message } } }`, { id: orderId })).data
        ?.order;
    expect(await order()).toMatchObject({
      status: 'PROVISIONING',
      events: expect.arrayContaining([
        { message: expect.stringMatching(/Microsoft is still setting up subscription/) },
      ]),
    });
    // The completion job asks again after its retry delay; Microsoft has finished by then.
    t.clock.advance(10_000);
    await t.app.jobs.runDue();
    expect(await detail(id)).toMatchObject({
      status: 'ACTIVE',
      history: [{ kind: 'PROVISIONED' }, { kind: 'ACTIVATED' }],
    });
    expect((await order()).status).toBe('PROVISIONED');
    expect(await addSeats(id, 1, 'wingtip-add-0001')).toMatchObject({ subscription: { quantity: 4 } });
  });

  it('S2: the simulated Partner Center sets a subscription up in the provisioning delay, answering the same one again', async () => {
    const tenantId = (await t.app.db.read.findOneByOrFail(SimTenantEntity, { companyName: 'Wingtip Setup' })).tenantId;
    const ask = () =>
      t.app.partnerCenter.provisionLine({
        tenantId,
        productId: 'CFQ7TTC0LH18',
        skuId: '0001',
        term: 'P1Y',
        billingPlan: 'MONTHLY',
        quantity: 2,
        reference: 'simulator-setup:1',
      });
    const first = await ask();
    expect(await t.app.partnerCenter.provisioningStatus({ tenantId, subscriptionId: first.subscriptionId })).toBe(
      'pending',
    );
    t.clock.advance(t.app.config.provisioningDelayMs);
    expect(await ask()).toEqual(first);
    expect(await t.app.partnerCenter.provisioningStatus({ tenantId, subscriptionId: first.subscriptionId })).toBe(
      'success',
    );
    expect(await t.app.partnerCenter.getSubscription({ tenantId, subscriptionId: first.subscriptionId })).toEqual({
      id: first.subscriptionId,
      etag: first.etag,
      quantity: 2,
      status: 'active',
      autoRenewEnabled: true,
      commitmentEndDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
    });
  });

  it('S4: added seats are charged for the days left in the billing period and get a window of their own', async () => {
    t.clock.advance(2 * DAY);
    const before = await detail(tailspin);
    const now = t.clock.now();
    const period = billingPeriodAt(
      { start: new Date(before.termStart), end: new Date(before.termEnd), billingPlan: 'MONTHLY' },
      now,
    );
    const expected = addSeatsCharge(money(before.unitPrice.amountMinor, 'USD'), period.start, period.end, now);
    const quoted = (
      await reseller.gql(
        `query($id: ID!) { subscriptionQuote(id: $id, action: ADD_SEATS, quantity: 5) { allowed amount { amountMinor } wipesScheduledChanges } }`,
        { id: tailspin },
      )
    ).data?.subscriptionQuote;
    const added = await addSeats(tailspin, 5, 'tailspin-add-0001');
    expect(quoted).toEqual({ allowed: true, amount: added.amount, wipesScheduledChanges: false });
    expect(added).toMatchObject({
      __typename: 'SubscriptionChanged',
      replayed: false,
      amount: { amountMinor: expected.unitCharge.amountMinor * 5 },
      subscription: { quantity: 15 },
    });
    expect(added.amount.amountMinor).toBeLessThan(before.unitPrice.amountMinor * 5);
    const again = await addSeats(tailspin, 5, 'tailspin-add-0001');
    expect(again).toMatchObject({ replayed: true, subscription: { quantity: 15 }, amount: added.amount });
    const reused = await addSeats(tailspin, 6, 'tailspin-add-0001');
    expect(reused).toMatchObject({ __typename: 'SubscriptionChangeRefused', code: 'IDEMPOTENCY_KEY_REUSED' });
    const after = await detail(tailspin);
    expect(after.batches.map((b: any) => [b.kind, b.quantity])).toEqual([
      ['PURCHASE', 10],
      ['ADD', 5],
    ]);
    expect(after.charges.map((c: any) => c.chargeType)).toEqual(['new', 'addQuantity']);
    expect(after.history.at(-1)).toMatchObject({ kind: 'SEATS_ADDED', actorEmail: demo('reseller').email });
  });

  it('S5: removes seats newest batch first, refunded what they paid less the days begun; never more', async () => {
    t.clock.advance(HOUR);
    const removed = await removeSeats(tailspin, 7, 'tailspin-remove-0001');
    expect(removed).toMatchObject({ __typename: 'SubscriptionChanged', subscription: { quantity: 8 } });
    const s = await detail(tailspin);
    expect(s.batches.map((b: any) => [b.kind, b.removed])).toEqual([
      ['PURCHASE', 2],
      ['ADD', 5],
    ]);
    const paid = s.charges
      .filter((c: any) => c.amount.amountMinor > 0)
      .reduce((a: number, c: any) => a + c.amount.amountMinor, 0);
    expect(-removed.amount.amountMinor).toBeGreaterThan(0);
    expect(-removed.amount.amountMinor).toBeLessThan(paid);
    expect(s.charges.filter((c: any) => c.chargeType === 'removeQuantity')).toHaveLength(2);
    expect(await removeSeats(tailspin, 8, 'tailspin-remove-0002')).toMatchObject({ code: 'SEAT_QUANTITY_INVALID' });
  });

  it('S5, S6: after the window seats are owed for the term; cancelling is refused with "turn auto-renew off" as the fix', async () => {
    t.clock.advance(8 * DAY);
    const quote = (
      await reseller.gql(
        `query($id: ID!) { subscriptionQuote(id: $id, action: REMOVE_SEATS, quantity: 1) { allowed refusal { code fix { label } } } }`,
        { id: tailspin },
      )
    ).data?.subscriptionQuote;
    expect(quote).toMatchObject({ allowed: false, refusal: { code: 'SEAT_WINDOW_CLOSED' } });
    const late = await removeSeats(tailspin, 1, 'tailspin-remove-0003');
    expect(late).toMatchObject({
      code: 'SEAT_WINDOW_CLOSED',
      fix: { kind: 'ACTION', label: expect.stringMatching(/auto-renew off/) },
    });
    expect(await cancel(tailspin, 'tailspin-cancel-0001')).toMatchObject({ code: 'SEAT_WINDOW_CLOSED' });
    expect((await detail(tailspin)).windowClosesAt).toBeNull();
    const events = await t.app.db.read.countBy(SubscriptionEventEntity, { subscriptionId: tailspin });
    expect(events).toBe(4);
  });

  it('S6: cancelling inside the window deletes the subscription with a prorated refund of every seat', async () => {
    const { orderId } = await buyProvisioned(t, reseller, resellerId, {
      customer: 'Fourth Coffee',
      priceId: annualMonthly,
      quantity: 4,
    });
    const id = await subscriptionOf(orderId);
    t.clock.advance(DAY + HOUR);
    const cancelled = await cancel(id, 'fourth-cancel-0001');
    const s = await detail(id);
    expect(cancelled).toMatchObject({ subscription: { status: 'DELETED', autoRenew: false } });
    // One day begun of the month's period: the refund is the rest of it.
    const unit = s.unitPrice.amountMinor;
    expect(-cancelled.amount.amountMinor).toBeLessThan(unit * 4);
    expect(-cancelled.amount.amountMinor).toBeGreaterThan(unit * 4 * 0.9);
    expect(s.charges.at(-1)).toMatchObject({ chargeType: 'cancelImmediate', quantity: -4 });
    expect(s.nextTerm).toBeNull();
    expect(await addSeats(id, 1, 'fourth-add-0001')).toMatchObject({ code: 'SUBSCRIPTION_NOT_ACTIVE' });
  });

  let contoso: string;
  it('S10, S11: schedules the next term, shows its price, and closes a day before the term end', async () => {
    const { orderId } = await buyProvisioned(t, reseller, resellerId, {
      customer: 'Contoso Monthly',
      priceId: monthly,
      quantity: 3,
    });
    contoso = await subscriptionOf(orderId);
    const scheduled = await schedule(contoso, { quantity: 5 }, 'contoso-schedule-0001');
    expect(scheduled).toMatchObject({ subscription: { scheduledChange: { quantity: 5 } } });
    const s = await detail(contoso);
    expect(s.nextTerm).toMatchObject({ quantity: 5, term: 'P1M' });
    expect(s.nextTerm.firstCharge.amountMinor).toBe(s.nextTerm.unitPrice.amountMinor * 5);
    expect(await schedule(contoso, { quantity: 3 }, 'contoso-schedule-0002')).toMatchObject({
      code: 'NOTHING_TO_CHANGE',
    });
    expect(await schedule(contoso, { term: 'NONE' }, 'contoso-schedule-0003')).toMatchObject({ code: 'TERM_INVALID' });
    const late = new Date(new Date(s.termEnd).getTime() - 12 * HOUR);
    const saved = t.clock.now();
    t.clock.set(late);
    expect(await schedule(contoso, { quantity: 6 }, 'contoso-schedule-0004')).toMatchObject({
      code: 'SCHEDULE_CLOSED',
    });
    t.clock.set(saved);
  });

  it('S10: turning auto-renew off drops the scheduled changes, and on again keeps none', async () => {
    const off = await autoRenew(contoso, false, 'contoso-renew-off-0001');
    expect(off).toMatchObject({ subscription: { autoRenew: false, scheduledChange: null } });
    expect(await autoRenew(contoso, false, 'contoso-renew-off-0002')).toMatchObject({ code: 'NOTHING_TO_CHANGE' });
    expect(await schedule(contoso, { quantity: 4 }, 'contoso-schedule-0005')).toMatchObject({ code: 'AUTO_RENEW_OFF' });
    expect(await autoRenew(contoso, true, 'contoso-renew-on-0001')).toMatchObject({
      subscription: { autoRenew: true },
    });
    expect(await schedule(contoso, { quantity: 4 }, 'contoso-schedule-0006')).toMatchObject({
      subscription: { scheduledChange: { quantity: 4 } },
    });
  });

  it('S8, S9: renews from 00:00 UTC the day after the term end, with the scheduled changes, a new window and a renew charge', async () => {
    const s = await detail(contoso);
    t.clock.set(new Date(new Date(s.renewsOn).getTime() + HOUR));
    // Renewing: changes wait (S9).
    expect((await detail(contoso)).renewing).toBe(true);
    expect(await addSeats(contoso, 1, 'contoso-add-0001')).toMatchObject({
      code: 'RENEWAL_IN_PROGRESS',
      fix: { label: expect.stringMatching(/few minutes/) },
    });
    await renewalsRun();
    await renewalsRun(); // a second scan and run renew nothing twice
    const renewed = await detail(contoso);
    expect(renewed).toMatchObject({
      status: 'ACTIVE',
      renewing: false,
      quantity: 4,
      termStart: s.termEnd,
      termEnd: termEndOf(new Date(s.termEnd), 'P1M').toISOString(),
      scheduledChange: null,
    });
    expect(renewed.batches.filter((b: any) => b.current)).toEqual([
      expect.objectContaining({ kind: 'RENEWAL', quantity: 4, windowOpen: true }),
    ]);
    expect(renewed.charges.filter((c: any) => c.chargeType === 'renew')).toEqual([
      expect.objectContaining({ quantity: 4, amount: { amountMinor: renewed.unitPrice.amountMinor * 4 } }),
    ]);
    expect(renewed.history.at(-1)).toMatchObject({ kind: 'RENEWED', actorEmail: null });
    // One email a reseller for each ten minutes of renewals, sent when the ten minutes are over.
    t.clock.advance(11 * 60_000);
    await t.app.jobs.runDue();
    // Quoted-printable: soft line breaks joined, so the text reads as it was written.
    const told = smtp.received.map((m) => m.raw.replace(/=\r?\n/g, '')).filter((raw) => raw.includes('renewed on'));
    expect(told).toHaveLength(1);
    expect(told[0]).toContain('scheduled changes applied (4 seat(s)');
    // The renewal's window: seats can be removed again, from the renewal batch.
    expect(await removeSeats(contoso, 1, 'contoso-remove-0001')).toMatchObject({ subscription: { quantity: 3 } });
  });

  it('S2: without auto-renew a subscription expires at its term end, is disabled 30 days later and deleted 90 after that', async () => {
    await autoRenew(contoso, false, 'contoso-renew-off-0003');
    const s = await detail(contoso);
    t.clock.set(new Date(new Date(s.termEnd).getTime() + DAY + HOUR));
    await renewalsRun();
    expect((await detail(contoso)).status).toBe('EXPIRED');
    t.clock.advance(31 * DAY);
    await renewalsRun();
    expect((await detail(contoso)).status).toBe('DISABLED');
    t.clock.advance(91 * DAY);
    await renewalsRun();
    const gone = await detail(contoso);
    expect(gone.status).toBe('DELETED');
    expect(gone.history.slice(-3).map((e: any) => e.kind)).toEqual(['EXPIRED', 'DISABLED', 'DELETED']);
    expect(gone.charges.filter((c: any) => c.chargeType === 'renew')).toHaveLength(1);
  });

  it('S14: suspending turns auto-renew off and drops scheduled changes; reactivating restores access', async () => {
    const { orderId } = await buyProvisioned(t, reseller, resellerId, {
      customer: 'Litware Inc',
      priceId: annualMonthly,
      quantity: 2,
    });
    const id = await subscriptionOf(orderId);
    await schedule(id, { quantity: 3 }, 'litware-schedule-0001');
    const suspended = (
      await change('suspendSubscription(id: $id, input: { idempotencyKey: $k })', '$id: ID!, $k: Code!', {
        id,
        k: 'litware-suspend-0001',
      })
    )?.suspendSubscription;
    expect(suspended).toMatchObject({ subscription: { status: 'SUSPENDED', autoRenew: false, scheduledChange: null } });
    expect(await addSeats(id, 1, 'litware-add-0001')).toMatchObject({ code: 'SUBSCRIPTION_NOT_ACTIVE' });
    const back = (
      await change('reactivateSubscription(id: $id, input: { idempotencyKey: $k })', '$id: ID!, $k: Code!', {
        id,
        k: 'litware-reactivate-0001',
      })
    )?.reactivateSubscription;
    expect(back).toMatchObject({ subscription: { status: 'ACTIVE', autoRenew: false } });
  });

  it('S12: lengthens the term mid-term (never shortens it), crediting the unused paid days; billing alone only on three years', async () => {
    const { orderId } = await buyProvisioned(t, reseller, resellerId, {
      customer: 'Proseware Monthly',
      priceId: monthly,
      quantity: 2,
    });
    const id = await subscriptionOf(orderId);
    t.clock.advance(5 * DAY);
    const longer = async (term: string, key: string) =>
      (
        await change(
          'changeSubscriptionTerm(id: $id, term: $term, input: { idempotencyKey: $k })',
          '$id: ID!, $term: Term!, $k: Code!',
          { id, term, k: key },
        )
      )?.changeSubscriptionTerm;
    const changed = await longer('P1Y', 'proseware-term-0001');
    expect(changed.__typename).toBe('SubscriptionChanged');
    const s = await detail(id);
    expect(s).toMatchObject({ term: 'P1Y', termEnd: termEndOf(t.clock.now(), 'P1Y').toISOString() });
    const credit = s.charges.find((c: any) => c.chargeType === 'customerCredit');
    const extend = s.charges.find((c: any) => c.chargeType === 'extendTerm');
    expect(credit.amount.amountMinor).toBeLessThan(0);
    expect(extend).toMatchObject({ chargeType: 'extendTerm', quantity: 2 });
    expect(changed.amount.amountMinor).toBe(extend.amount.amountMinor + credit.amount.amountMinor);
    expect(await longer('P1M', 'proseware-term-0002')).toMatchObject({ code: 'TERM_NOT_LONGER' });
    const billing = (
      await change(
        'changeSubscriptionBilling(id: $id, billingPlan: ANNUAL, input: { idempotencyKey: $k })',
        '$id: ID!, $k: Code!',
        { id, k: 'proseware-billing-0001' },
      )
    )?.changeSubscriptionBilling;
    expect(billing).toMatchObject({ code: 'BILLING_CHANGE_NOT_ALLOWED' });
    const triennial = await subscriptionOf(
      (
        await buyProvisioned(t, reseller, resellerId, {
          customer: 'Proseware Triennial',
          priceId: await priceIdFor(reseller, 'P3Y', 'MONTHLY'),
          quantity: 3,
        })
      ).orderId,
    );
    const annual = (
      await change(
        'changeSubscriptionBilling(id: $id, billingPlan: ANNUAL, input: { idempotencyKey: $k })',
        '$id: ID!, $k: Code!',
        { id: triennial, k: 'proseware-billing-0002' },
      )
    )?.changeSubscriptionBilling;
    expect(annual).toMatchObject({ __typename: 'SubscriptionChanged', amount: { amountMinor: 0 } });
    expect(await detail(triennial)).toMatchObject({ term: 'P3Y', billingPlan: 'ANNUAL' });
  });

  it('S13: upgrades along Microsoft’s paths only, now (the rest of the period at the new price) or at renewal', async () => {
    const plan1 = await priceIdOfSku(reseller, 'Exchange Online (Plan 1)', 'P1Y', 'MONTHLY');
    const bought = async (customer: string) =>
      subscriptionOf(
        (await buyProvisioned(t, reseller, resellerId, { customer, priceId: plan1, quantity: 4 })).orderId,
      );
    const id = await bought('Fabrikam Mail');
    const options = (
      await reseller.gql(
        `{ subscription(id: "${id}") { upgradeOptions { productId skuId skuTitle unitPrice { amountMinor } } } }`,
      )
    ).data?.subscription.upgradeOptions;
    expect(options.map((o: any) => o.skuTitle)).toEqual(['Exchange Online (Plan 2)']);
    const upgrade = async (target: { productId: string; skuId: string }, when: string, key: string, sub = id) =>
      (
        await change(
          'upgradeSubscription(id: $id, productId: $p, skuId: $s, when: $w, input: { idempotencyKey: $k })',
          '$id: ID!, $p: Code!, $s: Code!, $w: UpgradeTiming!, $k: Code!',
          { id: sub, p: target.productId, s: target.skuId, w: when, k: key },
        )
      )?.upgradeSubscription;
    t.clock.advance(3 * DAY);
    const before = await detail(id);
    const now = await upgrade(options[0], 'NOW', 'fabrikam-upgrade-0001');
    expect(now).toMatchObject({ __typename: 'SubscriptionChanged', subscription: { quantity: 4 } });
    const after = await detail(id);
    expect(after).toMatchObject({ term: 'P1Y', termEnd: before.termEnd, unitPrice: options[0].unitPrice });
    expect(now.amount.amountMinor).toBeGreaterThan(0);
    expect(after.charges.map((c: any) => c.chargeType).sort()).toEqual(['convert', 'customerCredit', 'new']);
    expect(after.history.at(-1).kind).toBe('UPGRADED');
    // No way back down.
    const downgrade = await upgrade({ productId: options[0].productId, skuId: '0001' }, 'NOW', 'fabrikam-upgrade-0002');
    expect(downgrade).toMatchObject({ code: 'UPGRADE_PATH_MISSING' });

    const later = await bought('Fabrikam Later');
    const scheduled = await upgrade(options[0], 'AT_RENEWAL', 'fabrikam-upgrade-0003', later);
    expect(scheduled.__typename).toBe('SubscriptionChanged');
    const pending = await detail(later);
    expect(pending.nextTerm).toMatchObject({ skuTitle: 'Exchange Online (Plan 2)', quantity: 4 });
    t.clock.set(new Date(Date.parse(pending.renewsOn) + HOUR));
    await renewalsRun();
    const renewed = await detail(later);
    expect(renewed).toMatchObject({
      skuTitle: 'Exchange Online (Plan 2)',
      unitPrice: options[0].unitPrice,
      quantity: 4,
    });
  });

  it('S13: asks Microsoft whether the upgrade is eligible, now or at renewal, and changes nothing when it is not', async () => {
    const plan1 = await priceIdOfSku(reseller, 'Exchange Online (Plan 1)', 'P1Y', 'MONTHLY');
    const { orderId } = await buyProvisioned(t, reseller, resellerId, {
      customer: 'Northwind Mail',
      priceId: plan1,
      quantity: 4,
    });
    const id = await subscriptionOf(orderId);
    const scenario = (subscriptionChanges: string) => tenantAnswers('Northwind Mail', subscriptionChanges);
    const target = (await reseller.gql(`{ subscription(id: "${id}") { upgradeOptions { productId skuId skuTitle } } }`))
      .data?.subscription.upgradeOptions[0];
    const upgrade = async (when: string, key: string, quantity: number | null = null) =>
      (
        await change(
          'upgradeSubscription(id: $id, productId: $p, skuId: $s, when: $w, quantity: $q, input: { idempotencyKey: $k })',
          '$id: ID!, $p: Code!, $s: Code!, $w: UpgradeTiming!, $q: Int, $k: Code!',
          { id, p: target.productId, s: target.skuId, w: when, q: quantity, k: key },
        )
      )?.upgradeSubscription;
    expect(await scenario('NO_UPGRADES')).toBe('SimTenantSaved');
    const before = await detail(id);
    expect(await upgrade('NOW', 'northwind-upgrade-0001')).toMatchObject({
      code: 'UPGRADE_NOT_ELIGIBLE',
      message: expect.stringMatching(/does not allow this upgrade now: .*not eligible/),
    });
    expect(await upgrade('NOW', 'northwind-upgrade-0002', 1)).toMatchObject({ code: 'UPGRADE_NOT_ELIGIBLE' });
    expect(await upgrade('AT_RENEWAL', 'northwind-upgrade-0003')).toMatchObject({
      code: 'UPGRADE_NOT_ELIGIBLE',
      message: expect.stringMatching(/at the renewal/),
    });
    const refused = await detail(id);
    expect(refused).toMatchObject({ skuTitle: before.skuTitle, quantity: 4, nextTerm: before.nextTerm });
    expect(refused.charges).toEqual(before.charges);
    expect(refused.history).toEqual(before.history);
    // Seat changes are not transitions: Microsoft still takes them.
    expect(await addSeats(id, 1, 'northwind-add-0001')).toMatchObject({ subscription: { quantity: 5 } });
    expect(await scenario('ACCEPT')).toBe('SimTenantSaved');
    // The refused key was not spent: the same request now goes through.
    expect(await upgrade('NOW', 'northwind-upgrade-0001')).toMatchObject({ __typename: 'SubscriptionChanged' });
    expect(await detail(id)).toMatchObject({ skuTitle: target.skuTitle, quantity: 5 });
  });

  it('S13: a partial upgrade moves some seats now into a new subscription ending with the first, in its window', async () => {
    const plan1 = await priceIdOfSku(reseller, 'Exchange Online (Plan 1)', 'P1Y', 'MONTHLY');
    const { orderId } = await buyProvisioned(t, reseller, resellerId, {
      customer: 'Fabrikam Split',
      priceId: plan1,
      quantity: 4,
    });
    const id = await subscriptionOf(orderId);
    const target = (
      await reseller.gql(
        `{ subscription(id: "${id}") { upgradeOptions { productId skuId unitPrice { amountMinor } } } }`,
      )
    ).data?.subscription.upgradeOptions[0];
    const upgrade = async (quantity: number, when: string, key: string) =>
      (
        await reseller.gql(
          `mutation($id: ID!, $p: Code!, $s: Code!, $w: UpgradeTiming!, $q: Int, $k: Code!) {
            upgradeSubscription(id: $id, productId: $p, skuId: $s, when: $w, quantity: $q, input: { idempotencyKey: $k }) {
              ${RESULT} ... on SubscriptionChanged { createdSubscriptionId } } }`,
          { id, p: target.productId, s: target.skuId, w: when, q: quantity, k: key },
        )
      ).data?.upgradeSubscription;
    expect(await upgrade(9, 'NOW', 'split-upgrade-0001')).toMatchObject({ code: 'UPGRADE_QUANTITY_INVALID' });
    expect(await upgrade(2, 'AT_RENEWAL', 'split-upgrade-0002')).toMatchObject({
      code: 'PARTIAL_UPGRADE_NOW_ONLY',
      fix: { kind: 'ACTION' },
    });
    t.clock.advance(2 * DAY);
    const before = await detail(id);
    const split = await upgrade(1, 'NOW', 'split-upgrade-0003');
    expect(split).toMatchObject({ __typename: 'SubscriptionChanged', subscription: { quantity: 3 } });
    const createdId = split.createdSubscriptionId as string;
    expect(createdId).toBeTruthy();
    const created = await detail(createdId);
    const period = billingPeriodAt(
      { start: new Date(before.termStart), end: new Date(before.termEnd), billingPlan: 'MONTHLY' },
      t.clock.now(),
    );
    const leftDays = Math.floor((period.end.getTime() - t.clock.now().getTime()) / DAY);
    const charge = Math.floor((target.unitPrice.amountMinor * leftDays) / period.days);
    const credit = Math.floor((before.unitPrice.amountMinor * leftDays) / period.days);
    expect(created).toMatchObject({
      status: 'ACTIVE',
      skuTitle: 'Exchange Online (Plan 2)',
      quantity: 1,
      termEnd: before.termEnd,
      autoRenew: true,
      unitPrice: target.unitPrice,
      charges: [{ chargeType: 'new', quantity: 1, amount: { amountMinor: charge } }],
    });
    // It keeps the window of the seats it came from: it closes when theirs does.
    expect(created.batches).toEqual([
      expect.objectContaining({
        kind: 'PURCHASE',
        quantity: 1,
        windowOpen: true,
        startedAt: before.batches[0].startedAt,
      }),
    ]);
    expect(split.amount.amountMinor).toBe(charge - credit);
    const parent = await detail(id);
    expect(parent.charges.at(-1)).toMatchObject({ chargeType: 'customerCredit', amount: { amountMinor: -credit } });
    expect(parent.history.at(-1)).toMatchObject({ kind: 'UPGRADED_PARTIALLY' });
    // A retry answers the same change, naming the same new subscription; nothing is written twice.
    expect(await upgrade(1, 'NOW', 'split-upgrade-0003')).toMatchObject({
      replayed: true,
      createdSubscriptionId: createdId,
      amount: { amountMinor: charge - credit },
    });
    expect(await t.app.db.read.countBy(SubscriptionEntity, { orderId })).toBe(2);
  });

  it('S3, S7: the price holds for the term and the next term takes the new price list’s; past 1,200 changes, none more', async () => {
    const { orderId } = await buyProvisioned(t, reseller, resellerId, {
      customer: 'Margie Travel',
      priceId: monthly,
      quantity: 2,
    });
    const id = await subscriptionOf(orderId);
    const s = await t.app.db.read.findOneByOrFail(SubscriptionEntity, { id });
    // A new price list raises the price of this SKU (the price row the catalog has now).
    await t.app.db.read.query(
      portable(t.app.db.kind, 'UPDATE catalog_price SET unit_price_minor = unit_price_minor + 100 WHERE id = ?'),
      [s.priceId],
    );
    const now = await detail(id);
    expect(now.unitPrice.amountMinor).toBe(s.unitPriceMinor);
    expect(now.nextTerm.unitPrice.amountMinor).toBe(s.unitPriceMinor + 100);
    t.clock.set(new Date(Date.parse(now.renewsOn) + HOUR));
    await renewalsRun();
    const renewed = await detail(id);
    expect(renewed.unitPrice.amountMinor).toBe(s.unitPriceMinor + 100);
    expect(renewed.charges.find((c: any) => c.chargeType === 'renew').amount.amountMinor).toBe(
      (s.unitPriceMinor + 100) * 2,
    );
    await t.app.db.read.query(portable(t.app.db.kind, 'UPDATE subscription SET change_count = 1200 WHERE id = ?'), [
      id,
    ]);
    const limited = await addSeats(id, 1, 'margie-add-0001');
    expect(limited).toMatchObject({ code: 'CHANGE_LIMIT_REACHED', message: expect.stringMatching(/1200 changes/) });
    expect((await detail(id)).quantity).toBe(2);
  });

  it('answers what Microsoft answers: a refused change or a busy subscription writes nothing and says what to do', async () => {
    const { orderId } = await buyProvisioned(t, reseller, resellerId, {
      customer: 'Lucerne Publishing',
      priceId: annualMonthly,
      quantity: 2,
    });
    const id = await subscriptionOf(orderId);
    const scenario = (subscriptionChanges: string) => tenantAnswers('Lucerne Publishing', subscriptionChanges);
    expect(await scenario('SOMETIMES')).toBe('ValidationFailed');
    expect(await scenario('REFUSE')).toBe('SimTenantSaved');
    const charges = await t.app.db.read.countBy(SubscriptionChargeEntity, { subscriptionId: id });
    expect(await addSeats(id, 1, 'lucerne-add-0001')).toMatchObject({ code: 'PARTNER_CENTER_REFUSED' });
    expect(await scenario('BUSY')).toBe('SimTenantSaved');
    expect(await addSeats(id, 1, 'lucerne-add-0002')).toMatchObject({
      code: 'PARTNER_CENTER_BUSY',
      fix: { label: 'Try again in a few minutes' },
    });
    expect(await t.app.db.read.countBy(SubscriptionChargeEntity, { subscriptionId: id })).toBe(charges);
    expect((await detail(id)).quantity).toBe(2);
    expect(await scenario('ACCEPT')).toBe('SimTenantSaved');
    expect(await addSeats(id, 1, 'lucerne-add-0003')).toMatchObject({ subscription: { quantity: 3 } });
  });

  it('sends the whole resource with its etag; changed in Partner Center since (412), it reads the etag again and resends', async () => {
    const { orderId } = await buyProvisioned(t, reseller, resellerId, {
      customer: 'Contoso Etag',
      priceId: annualMonthly,
      quantity: 2,
    });
    const id = await subscriptionOf(orderId);
    expect(await addSeats(id, 1, 'contoso-etag-0001')).toMatchObject({ subscription: { quantity: 3 } });
    const ours = async () => (await t.app.db.read.findOneByOrFail(SubscriptionEntity, { id })).etag;
    const theirs = async () =>
      (await t.app.db.read.findOneByOrFail(SimSubscriptionEntity, {
        subscriptionId: (await t.app.db.read.findOneByOrFail(SubscriptionEntity, { id })).partnerSubscriptionId,
      }))!;
    expect(await theirs()).toMatchObject({ etag: await ours(), quantity: 3, status: 'active', autoRenew: true });
    // Someone changes it in Partner Center itself: our etag is stale.
    await t.app.db.read.query(
      portable(t.app.db.kind, 'UPDATE sim_subscription SET etag = ? WHERE subscription_id = ?'),
      ['changed-in-partner-center', (await theirs()).subscriptionId],
    );
    const stale = await t.app.partnerCenter
      .patchSubscription({
        ...t.app.subscriptions.patchOf(await t.app.db.read.findOneByOrFail(SubscriptionEntity, { id })),
      })
      .catch((error: Error) => error.constructor.name);
    expect(stale).toBe('SubscriptionEtagStale');
    const off = await change(
      'setSubscriptionAutoRenew(id: $id, autoRenew: false, input: { idempotencyKey: $k })',
      '$id: ID!, $k: Code!',
      { id, k: 'contoso-etag-0002' },
    );
    expect(off?.setSubscriptionAutoRenew).toMatchObject({ subscription: { autoRenew: false } });
    // The whole resource went again with the current etag: seats kept, auto-renew off, and both sides agree.
    expect(await theirs()).toMatchObject({ etag: await ours(), quantity: 3, autoRenew: false });
    expect(await ours()).not.toBe('changed-in-partner-center');
  });

  it('R2: on terms, added seats draw on the credit line in the same transaction, refused beyond it, and removals release it', async () => {
    const ledger = new LedgerRepository(t.app.db);
    await t.app.db.transaction(systemContext(t.clock, 'test'), async (tx) => {
      await ledger.append(tx, {
        resellerId,
        at: t.clock.now().toISOString(),
        kind: 'LIMIT_SET',
        amountMinor: 500_000,
        currency: 'USD',
        reference: null,
        note: 'test limit',
      });
      await t.app.resellers.payOnTerms(tx, resellerId);
    });
    const { orderId } = await buyProvisioned(t, reseller, resellerId, {
      customer: 'Adventure Works',
      priceId: annualMonthly,
      quantity: 2,
      paymentMethod: 'TERMS',
    });
    const id = await subscriptionOf(orderId);
    const used = async () =>
      (await t.app.terms.creditInUse(systemContext(t.clock, 'test'), resellerId))!.used.amountMinor;
    const before = await used();
    const added = await addSeats(id, 3, 'adventure-add-0001');
    expect(await used()).toBe(before + added.amount.amountMinor);
    const charges = await t.app.db.read.countBy(SubscriptionChargeEntity, { subscriptionId: id });
    const tooMany = await addSeats(id, 1900, 'adventure-add-0002');
    expect(tooMany).toMatchObject({ code: 'CREDIT_LIMIT_EXCEEDED' });
    expect(await t.app.db.read.countBy(SubscriptionChargeEntity, { subscriptionId: id })).toBe(charges);
    expect((await detail(id)).quantity).toBe(5);
    const removed = await removeSeats(id, 3, 'adventure-remove-0001');
    expect(await used()).toBe(before + added.amount.amountMinor + removed.amount.amountMinor);
  });

  it('R24, S5: a support return takes the seats off the subscription, so no seat is ever refunded twice', async () => {
    const { orderId } = await buyProvisioned(t, reseller, resellerId, {
      customer: 'Northwind Traders',
      priceId: annualMonthly,
      quantity: 4,
    });
    const id = await subscriptionOf(orderId);
    t.clock.advance(HOUR);
    const removed = await removeSeats(id, 2, 'northwind-remove-0001');
    expect(removed.subscription.quantity).toBe(2);
    const support = staff('support');
    const options = await client.gql(`{ returnOptions(orderId: "${orderId}") { orderLineId } }`, {}, support);
    const lineId = options.data?.returnOptions[0].orderLineId;
    const giveBack = async (quantity: number, key: string) =>
      (
        await client.gql(
          `mutation($l: ID!, $q: Int!, $k: Code!) { returnOrderLine(orderLineId: $l, quantity: $q, idempotencyKey: $k) {
            __typename ... on ReturnDone { creditNote { amount { amountMinor } } } ... on ReturnRefused { code message } } }`,
          { l: lineId, q: quantity, k: key },
          support,
        )
      ).data?.returnOrderLine;
    const tooMany = await giveBack(3, 'northwind-return-0001');
    expect(tooMany).toMatchObject({ code: 'RETURN_QUANTITY_INVALID' });
    const returned = await giveBack(2, 'northwind-return-0002');
    expect(returned.__typename).toBe('ReturnDone');
    const s = await detail(id);
    expect(s).toMatchObject({ status: 'DELETED', quantity: 2 });
    const cancelled = s.charges.find((c: any) => c.chargeType === 'cancelImmediate');
    expect(-cancelled.amount.amountMinor).toBe(returned.creditNote.amount.amountMinor);
    const refunded = s.charges
      .filter((c: any) => c.amount.amountMinor < 0)
      .reduce((a: number, c: any) => a - c.amount.amountMinor, 0);
    expect(refunded).toBeLessThanOrEqual(s.charges[0].amount.amountMinor);
    expect(await giveBack(1, 'northwind-return-0003')).toMatchObject({ __typename: 'ReturnRefused' });
  });

  it('keeps each reseller to its own subscriptions; the credit team reads but does not change them', async () => {
    const other = client.fork();
    const asOtherReseller = {
      kind: 'reseller' as const,
      userId: 'u-other',
      email: 'o@other.example',
      resellerId: 'another',
    };
    const hidden = await other.gql(
      `query($id: ID!) { subscription(id: $id) { id } }`,
      { id: tailspin },
      asOtherReseller,
    );
    expect(hidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const mine = await other.gql('{ subscriptions(first: 50) { nodes { id } } }', {}, asOtherReseller);
    expect(mine.data?.subscriptions.nodes).toEqual([]);
    const credit = await other.gql(
      `query($id: ID!) { subscription(id: $id) { id } }`,
      { id: tailspin },
      staff('credit'),
    );
    expect(credit.data?.subscription.id).toBe(tailspin);
    const refused = await other.gql(
      `mutation($id: ID!) { addSubscriptionSeats(id: $id, quantity: 1, input: { idempotencyKey: "credit-add-0001" }) { __typename } }`,
      { id: tailspin },
      staff('credit'),
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('S8: the renewal calendar counts each day what renews and what ends, and lists them by their term end', async () => {
    const s = await detail(tailspin);
    const renews = s.renewsOn.slice(0, 10);
    const calendar = async (month: string) =>
      (
        await reseller.gql(
          `query($m: Code!) { renewalCalendar(month: $m) { __typename
            ... on RenewalCalendar { days { day autoRenew subscriptions seats amount { amountMinor } } }
            ... on ValidationFailed { fields { field } } } }`,
          { m: month },
        )
      ).data?.renewalCalendar;
    const month = await calendar(renews.slice(0, 7));
    const day = month.days.find((d: any) => d.day === renews && d.autoRenew);
    expect(day.subscriptions).toBeGreaterThanOrEqual(1);
    expect(day.seats).toBeGreaterThanOrEqual(s.quantity);
    expect(day.amount.amountMinor).toBeGreaterThanOrEqual(s.quantity * s.unitPrice.amountMinor);
    expect(await calendar('2026-13')).toMatchObject({ __typename: 'ValidationFailed', fields: [{ field: 'month' }] });
    const endDay = s.termEnd.slice(0, 10);
    const listed = await reseller.gql(
      'query($f: Code, $b: Code) { subscriptions(termEndFrom: $f, termEndBefore: $b, first: 50) { nodes { id } } }',
      { f: `${endDay}T00:00:00Z`, b: new Date(Date.parse(`${endDay}T00:00:00Z`) + DAY).toISOString() },
    );
    expect(listed.data?.subscriptions.nodes.map((n: any) => n.id)).toContain(tailspin);
  });

  it('lists with filters and keyset pages, in the same number of statements for a page of 2 and of 50', async () => {
    const all = await reseller.gql(
      '{ subscriptions(first: 50) { nodes { id status termEnd autoRenew windowClosesAt } } }',
    );
    const nodes = all.data?.subscriptions.nodes;
    expect(nodes.length).toBeGreaterThanOrEqual(5);
    const ends = nodes.map((n: any) => n.termEnd);
    expect([...ends].sort()).toEqual(ends);
    const off = await reseller.gql('{ subscriptions(autoRenew: false, first: 50) { nodes { autoRenew } } }');
    expect(off.data?.subscriptions.nodes.length).toBeGreaterThan(0);
    expect(off.data?.subscriptions.nodes.every((n: any) => !n.autoRenew)).toBe(true);
    const deleted = await reseller.gql('{ subscriptions(status: DELETED, first: 50) { nodes { status } } }');
    expect(deleted.data?.subscriptions.nodes.map((n: any) => n.status)).toEqual(['DELETED', 'DELETED', 'DELETED']);
    const partnerId = (await t.app.db.read.findOneByOrFail(SubscriptionEntity, { id: tailspin })).partnerSubscriptionId;
    const found = await reseller.gql(
      'query($p: ShortText) { subscriptions(product: $p, first: 50) { nodes { id } } }',
      {
        p: partnerId.slice(0, 13),
      },
    );
    expect(found.data?.subscriptions.nodes).toEqual([{ id: tailspin }]);
    const open = await reseller.gql('{ subscriptions(windowOpen: true, first: 50) { nodes { windowClosesAt } } }');
    expect(open.data?.subscriptions.nodes.every((n: any) => n.windowClosesAt)).toBe(true);
    const paged: string[] = [];
    let after: string | null = null;
    do {
      const page: any = await reseller.gql(
        'query($a: Cursor) { subscriptions(first: 2, after: $a) { nodes { id } pageInfo { hasNextPage endCursor } } }',
        { a: after },
      );
      paged.push(...page.data.subscriptions.nodes.map((n: any) => n.id));
      after = page.data.subscriptions.pageInfo.hasNextPage ? page.data.subscriptions.pageInfo.endCursor : null;
    } while (after);
    expect(paged).toEqual(nodes.map((n: any) => n.id));
    if (t.app.db.kind === 'sqlite') {
      // Whatever statistics SQLite holds, the subscriptions are the outer loop (a reseller-first plan sorted a
      // million rows a page in the bench).
      await t.app.db.read.query('ANALYZE');
      const seen: string[] = [];
      const select = t.app.db.select.bind(t.app.db);
      t.app.db.select = (async (sql: string, params?: readonly unknown[]) => (
        seen.push(sql),
        select(sql, params)
      )) as never;
      await t.app.subscriptions.list(systemContext(t.clock, 'test'), {}, 25);
      t.app.db.select = select;
      const plan = (await t.app.db.read.query(
        `EXPLAIN QUERY PLAN ${seen.find((q) => q.includes('FROM subscription s'))}`,
        [26],
      )) as { detail: string }[];
      expect(plan[0]!.detail).toMatch(/^SCAN s\b/);
    }
    const statementsFor = async (first: number) => {
      t.app.db.statements.reset();
      await t.app.subscriptions.list(systemContext(t.clock, 'test'), {}, first);
      return t.app.db.statements.count;
    };
    expect(await statementsFor(50)).toBe(await statementsFor(2));
  });
});
