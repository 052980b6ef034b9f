import { coTermFirstTerm, money, monthAlignedEnd, termEndOf, TRIAL_DAYS } from '@nce/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buyProvisioned,
  demoResellerCaller,
  priceIdFor,
  priceIdOfSku,
  type Caller,
} from '../test-support/purchases.js';
import { createTestApp, importPriceList, TestClient, type TestApp } from '../test-support/test-app.js';
import { seedUsers } from '../test-support/users.js';
import { portable } from '../db/sql.js';
import { SubscriptionChargeEntity, SubscriptionEntity } from './entities.js';

const DAY = 86_400_000;

const LINE = `id priceId quantity trial endWith endWithSubscriptionId termEnd endDateProblem lineTotal { amountMinor }
  unitPrice { amountMinor }`;
const CART_RESULT = `__typename ... on Cart { version total { amountMinor } lines { ${LINE} } }
  ... on CartRefused { code message fix { kind field } }`;
const CHANGE = `__typename
  ... on SubscriptionChanged { amount { amountMinor } subscription { id quantity status trial skuTitle term billingPlan termEnd } }
  ... on SubscriptionChangeRefused { code message fix { kind label } }`;
const DETAIL = `id trial status autoRenew quantity skuTitle term billingPlan termStart termEnd
  scheduledChange { quantity term billingPlan } nextTerm { skuTitle quantity term billingPlan unitPrice { amountMinor } }
  batches { kind quantity current windowOpen unitPaid { amountMinor } }
  charges { chargeType quantity amount { amountMinor } } history { kind message }`;

describe('on Buy: co-terming with a subscription or a month end, and trials with their conversion', () => {
  let t: TestApp;
  let client: TestClient;
  let reseller: Caller;
  let resellerId: string;
  let annualMonthly: number;
  let annualUpfront: number;
  let monthly: number;
  let trialPrice: number;

  beforeAll(async () => {
    t = await createTestApp();
    await importPriceList(t.app);
    await seedUsers(t.app);
    client = await TestClient.start(t.app);
    ({ reseller, resellerId } = await demoResellerCaller(client));
    annualMonthly = await priceIdFor(reseller, 'P1Y', 'MONTHLY');
    annualUpfront = await priceIdFor(reseller, 'P1Y', 'ANNUAL');
    monthly = await priceIdFor(reseller, 'P1M', 'MONTHLY');
    trialPrice = await priceIdOfSku(reseller, 'Microsoft 365 Business Basic Trial', 'P1M', 'MONTHLY');
  });
  afterAll(async () => {
    await client.stop();
    await t.close();
  });

  const cart = async () =>
    (
      await reseller.gql(
        `query($r: ID!) { cart(resellerId: $r) { version total { amountMinor } lines { ${LINE} } } }`,
        {
          r: resellerId,
        },
      )
    ).data?.cart;
  const add = async (priceId: number) =>
    (
      await reseller.gql(`mutation($r: ID!, $p: Int!) { addToCart(resellerId: $r, priceId: $p) { ${CART_RESULT} } }`, {
        r: resellerId,
        p: priceId,
      })
    ).data?.addToCart;
  const setQuantity = async (lineId: string, quantity: number) =>
    (
      await reseller.gql(
        `mutation($r: ID!, $l: ID!, $q: Int!) { setCartQuantity(resellerId: $r, lineId: $l, quantity: $q) { ${CART_RESULT} } }`,
        { r: resellerId, l: lineId, q: quantity },
      )
    ).data?.setCartQuantity;
  const bind = (customerId: string) =>
    reseller.gql(`mutation($r: ID!, $c: ID!) { bindCartCustomer(resellerId: $r, customerId: $c) { __typename } }`, {
      r: resellerId,
      c: customerId,
    });
  const options = async (lineId: string) =>
    (
      await reseller.gql(
        `query($r: ID!, $l: ID!) { cartLineEndOptions(resellerId: $r, lineId: $l) {
          kind subscriptionId label termEnd problem lineTotal { amountMinor } } }`,
        { r: resellerId, l: lineId },
      )
    ).data?.cartLineEndOptions;
  const endWith = async (lineId: string, kind: string, subscriptionId: string | null = null) =>
    (
      await reseller.gql(
        `mutation($r: ID!, $l: ID!, $e: LineEnd!, $s: ID) { setCartLineEnd(resellerId: $r, lineId: $l, endWith: $e, subscriptionId: $s) { ${CART_RESULT} } }`,
        { r: resellerId, l: lineId, e: kind, s: subscriptionId },
      )
    ).data?.setCartLineEnd;
  const readiness = async () =>
    (
      await reseller.gql(
        `query($r: ID!) { purchaseReadiness(resellerId: $r) { ready total { amountMinor } unmet { step code message } } }`,
        { r: resellerId },
      )
    ).data?.purchaseReadiness;
  const buy = async (key: string) => {
    const bought = await reseller.gql(
      `mutation($r: ID!, $k: Code!) { buy(resellerId: $r, input: { idempotencyKey: $k }) {
        __typename ... on OrderPlaced { order { id total { amountMinor } } } ... on BusinessError { code message } } }`,
      { r: resellerId, k: key },
    );
    const order = bought.data?.buy.order;
    if (!order) throw new Error(`Buy refused: ${JSON.stringify(bought)}`);
    await t.app.jobs.runDue();
    t.clock.advance(t.app.config.provisioningDelayMs + 1000);
    await t.app.jobs.runDue();
    return order as { id: string; total: { amountMinor: number } };
  };
  const subscriptionOf = (orderId: string) => t.app.db.read.findOneByOrFail(SubscriptionEntity, { orderId });
  const detail = async (id: string) =>
    (await reseller.gql(`query($id: ID!) { subscription(id: $id) { ${DETAIL} } }`, { id })).data?.subscription;
  const change = async (mutation: string, args: string, variables: Record<string, unknown>) =>
    Object.values(
      (await reseller.gql(`mutation(${args}) { ${mutation} { ${CHANGE} } }`, variables)).data ?? {},
    )[0] as any;
  const renewalsRun = async () => {
    await t.app.renewals.scan();
    await t.app.jobs.runDue();
  };

  let northwind: { customerId: string; annual: SubscriptionEntity };
  it('S15: a new line ends with an existing subscription of the customer, its first period charged for the days it covers', async () => {
    const first = await buyProvisioned(t, reseller, resellerId, {
      customer: 'Northwind Traders',
      priceId: annualMonthly,
      quantity: 10,
    });
    northwind = { customerId: first.customerId, annual: await subscriptionOf(first.orderId) };
    t.clock.advance(200 * DAY);

    const added = await add(annualUpfront);
    const line = added.lines.at(-1);
    expect(await setQuantity(line.id, 4)).toMatchObject({ __typename: 'Cart' });
    // Without a customer the line can end at a month end but with no subscription.
    expect((await options(line.id)).map((o: any) => o.kind)).toEqual(['FULL_TERM', 'MONTH_END']);
    expect(await endWith(line.id, 'SUBSCRIPTION', northwind.annual.id)).toMatchObject({
      code: 'END_DATE_NOT_OFFERED',
      fix: { field: 'endWith' },
    });
    await bind(northwind.customerId);

    const now = t.clock.now();
    const offered = await options(line.id);
    const unit = line.unitPrice.amountMinor;
    const expected = coTermFirstTerm({
      start: now,
      term: 'P1Y',
      billingPlan: 'ANNUAL',
      unitPrice: money(unit, 'USD'),
      endWith: { date: new Date(northwind.annual.termEnd) },
    });
    if (!expected.ok) throw new Error(expected.message);
    expect(offered).toEqual([
      expect.objectContaining({
        kind: 'FULL_TERM',
        termEnd: termEndOf(now, 'P1Y').toISOString(),
        lineTotal: { amountMinor: unit * 4 },
      }),
      expect.objectContaining({ kind: 'MONTH_END', termEnd: monthAlignedEnd(now, 'P1Y').toISOString(), problem: null }),
      expect.objectContaining({
        kind: 'SUBSCRIPTION',
        subscriptionId: northwind.annual.id,
        termEnd: northwind.annual.termEnd,
        problem: null,
        lineTotal: { amountMinor: expected.value.unitCharge.amountMinor * 4 },
      }),
    ]);
    // About 165 of 365 days: well under a full year's price.
    expect(expected.value.days).toBe(Math.ceil((Date.parse(northwind.annual.termEnd) - now.getTime()) / DAY));
    expect(expected.value.unitCharge.amountMinor).toBeLessThan(unit / 2);

    const chosen = await endWith(line.id, 'SUBSCRIPTION', northwind.annual.id);
    expect(chosen.lines.at(-1)).toMatchObject({
      endWith: 'SUBSCRIPTION',
      endWithSubscriptionId: northwind.annual.id,
      termEnd: northwind.annual.termEnd,
      endDateProblem: null,
      lineTotal: { amountMinor: expected.value.unitCharge.amountMinor * 4 },
    });
    expect(chosen.total.amountMinor).toBe(expected.value.unitCharge.amountMinor * 4);
    const ready = await readiness();
    expect(ready).toMatchObject({ ready: true, total: { amountMinor: expected.value.unitCharge.amountMinor * 4 } });

    const order = await buy('coterm-northwind-0001');
    expect(order.total.amountMinor).toBe(expected.value.unitCharge.amountMinor * 4);
    const coTermed = await subscriptionOf(order.id);
    expect(coTermed).toMatchObject({
      termEnd: northwind.annual.termEnd,
      quantity: 4,
      unitPriceMinor: unit,
      trial: false,
    });
    const charges = await t.app.db.read.findBy(SubscriptionChargeEntity, { subscriptionId: coTermed.id });
    expect(charges).toEqual([
      expect.objectContaining({ chargeType: 'new', amountMinor: expected.value.unitCharge.amountMinor * 4 }),
    ]);
    // S5 on a co-termed batch: what it paid is what a removal refunds from, never the full year's price.
    const s = await detail(coTermed.id);
    expect(s.batches).toEqual([
      expect.objectContaining({
        kind: 'PURCHASE',
        quantity: 4,
        unitPaid: { amountMinor: expected.value.unitCharge.amountMinor },
      }),
    ]);
    const removed = await change(
      'removeSubscriptionSeats(id: $id, quantity: 3, input: { idempotencyKey: $k })',
      '$id: ID!, $k: Code!',
      { id: coTermed.id, k: 'coterm-remove-0001' },
    );
    expect(-removed.amount.amountMinor).toBeLessThanOrEqual(expected.value.unitCharge.amountMinor * 3);
    expect(-removed.amount.amountMinor).toBeGreaterThan(0);
  });

  it("S15: Microsoft's custom end dates decide: an end it does not offer today is refused, in the cart and at Buy", async () => {
    const added = await add(annualUpfront);
    const line = added.lines.at(-1);
    await bind(northwind.customerId);
    const day = (iso: string) => iso.slice(0, 10);
    // Partner Center offers the month end and the subscription's end, with its id, as the marketplace does.
    const allowed = await t.app.partnerCenter.customTermEndDates({
      tenantId: northwind.annual.tenantId!,
      termDuration: 'P1Y',
    });
    expect(allowed).toEqual([
      { kind: 'CALENDAR_MONTH', date: day(monthAlignedEnd(t.clock.now(), 'P1Y').toISOString()), subscriptionIds: [] },
      expect.objectContaining({
        kind: 'SUBSCRIPTION',
        date: day(northwind.annual.termEnd),
        subscriptionIds: expect.arrayContaining([northwind.annual.partnerSubscriptionId]),
      }),
    ]);

    // Suspended in Partner Center itself (the marketplace has not heard), with the subscription that co-termed with
    // it: no subscription of the tenant ends that day, so Microsoft no longer offers the date.
    const suspend = (status: string) =>
      t.app.db.read.query(portable(t.app.db.kind, 'UPDATE sim_subscription SET status = ? WHERE tenant_id = ?'), [
        status,
        northwind.annual.tenantId,
      ]);
    await suspend('suspended');
    const offered = await options(line.id);
    expect(offered.find((o: any) => o.subscriptionId === northwind.annual.id)).toMatchObject({
      problem: 'Microsoft does not offer this end date for this customer today: choose another end.',
    });
    expect(offered.find((o: any) => o.kind === 'MONTH_END')).toMatchObject({ problem: null });
    const before = (await cart()).version;
    expect(await endWith(line.id, 'SUBSCRIPTION', northwind.annual.id)).toMatchObject({
      code: 'END_DATE_NOT_ALLOWED',
      fix: { field: 'endWith' },
    });
    expect((await cart()).version).toBe(before);

    // Partner Center itself refuses a purchase naming an end it does not offer, and keeps nothing.
    const reference = 'coterm-refused:1';
    await expect(
      t.app.partnerCenter.provisionLine({
        tenantId: northwind.annual.tenantId!,
        productId: northwind.annual.productId,
        skuId: northwind.annual.skuId,
        term: 'P1Y',
        billingPlan: 'ANNUAL',
        quantity: 1,
        customTermEndDate: northwind.annual.termEnd,
        reference,
      }),
    ).rejects.toThrow(/customTermEndDate .* is not allowed/);
    const [kept] = await t.app.db.read.query(
      portable(t.app.db.kind, 'SELECT COUNT(*) AS n FROM sim_subscription WHERE tenant_id = ?'),
      [northwind.annual.tenantId],
    );
    await suspend('active');
    expect(Number(kept.n)).toBe(2);
    // Active again, its end is offered again; the month end was never in doubt.
    expect((await options(line.id)).find((o: any) => o.subscriptionId === northwind.annual.id)).toMatchObject({
      problem: null,
    });
    await reseller.gql(`mutation($r: ID!, $l: ID!) { removeCartLine(resellerId: $r, lineId: $l) { __typename } }`, {
      r: resellerId,
      l: line.id,
    });
  });

  it('S15: an annual line cannot end with a monthly subscription, and a target that went away blocks Buy', async () => {
    const monthlyOrder = await buyProvisioned(t, reseller, resellerId, {
      customer: 'Fabrikam Monthly',
      priceId: monthly,
      quantity: 2,
    });
    const target = await subscriptionOf(monthlyOrder.orderId);
    const added = await add(annualMonthly);
    const line = added.lines.find((l: any) => l.priceId === annualMonthly);
    await bind(monthlyOrder.customerId);
    const offered = await options(line.id);
    expect(offered.find((o: any) => o.subscriptionId === target.id)).toMatchObject({
      problem: 'An annual or three-year subscription cannot end with a monthly one.',
    });
    const before = (await cart()).version;
    expect(await endWith(line.id, 'SUBSCRIPTION', target.id)).toMatchObject({
      code: 'END_DATE_NOT_ALLOWED',
      message: 'An annual or three-year subscription cannot end with a monthly one.',
    });
    expect(await endWith(line.id, 'SUBSCRIPTION', 'not-a-subscription')).toMatchObject({
      code: 'END_DATE_NOT_OFFERED',
    });
    // Refusals change nothing: the cart's version and the line's end stay.
    expect(await cart()).toMatchObject({ version: before, lines: [expect.objectContaining({ endWith: 'FULL_TERM' })] });

    // A monthly line may end with it; then the subscription is cancelled in its window before Buy.
    const monthlyLine = (await add(monthly)).lines.find((l: any) => l.priceId === monthly);
    expect(await endWith(monthlyLine.id, 'SUBSCRIPTION', target.id)).toMatchObject({ __typename: 'Cart' });
    await change('cancelSubscription(id: $id, input: { idempotencyKey: $k })', '$id: ID!, $k: Code!', {
      id: target.id,
      k: 'coterm-cancel-target-01',
    });
    const blocked = await readiness();
    expect(blocked.ready).toBe(false);
    expect(blocked.unmet).toEqual([
      expect.objectContaining({
        step: 'CART',
        code: 'CART_LINE_END_DATE',
        message: expect.stringMatching(/no longer active/),
      }),
    ]);
    // Back to a full term, the purchase can go on.
    expect(await endWith(monthlyLine.id, 'MONTH_END')).toMatchObject({
      lines: expect.arrayContaining([expect.objectContaining({ endWith: 'MONTH_END', endDateProblem: null })]),
    });
    expect((await readiness()).ready).toBe(true);
    for (const l of (await cart()).lines)
      await reseller.gql(`mutation($r: ID!, $l: ID!) { removeCartLine(resellerId: $r, lineId: $l) { __typename } }`, {
        r: resellerId,
        l: l.id,
      });
  });

  let trial: string;
  it('S16: a trial is 25 seats for 30 days, free, locked, and scheduled to convert to the paid SKU', async () => {
    const added = await add(trialPrice);
    const line = added.lines.at(-1);
    expect(line).toMatchObject({ trial: true, quantity: 25, lineTotal: { amountMinor: 0 } });
    expect(await add(trialPrice)).toMatchObject({ code: 'TRIAL_SEATS_FIXED' });
    expect(await setQuantity(line.id, 10)).toMatchObject({ code: 'TRIAL_SEATS_FIXED', fix: { field: 'quantity' } });
    // S15: trials do not co-term.
    expect(await options(line.id)).toEqual([]);
    for (const l of (await cart()).lines)
      await reseller.gql(`mutation($r: ID!, $l: ID!) { removeCartLine(resellerId: $r, lineId: $l) { __typename } }`, {
        r: resellerId,
        l: l.id,
      });

    const start = t.clock.now();
    const { orderId } = await buyProvisioned(t, reseller, resellerId, {
      customer: 'Trey Research',
      priceId: trialPrice,
      quantity: 25,
    });
    const opened = await subscriptionOf(orderId);
    trial = opened.id;
    const s = await detail(trial);
    expect(s).toMatchObject({
      trial: true,
      status: 'ACTIVE',
      autoRenew: true,
      quantity: 25,
      skuTitle: 'Microsoft 365 Business Basic Trial',
      scheduledChange: { quantity: 25, term: 'P1Y', billingPlan: 'MONTHLY' },
      nextTerm: { skuTitle: 'Microsoft 365 Business Basic', quantity: 25, term: 'P1Y', billingPlan: 'MONTHLY' },
      charges: [{ chargeType: 'new', quantity: 25, amount: { amountMinor: 0 } }],
    });
    const days = (Date.parse(s.termEnd) - Date.parse(s.termStart)) / DAY;
    expect(days).toBe(TRIAL_DAYS);
    expect(Date.parse(s.termStart)).toBeGreaterThanOrEqual(start.getTime());
    expect(s.nextTerm.unitPrice.amountMinor).toBeGreaterThan(0);
    // During the trial seats and status do not change.
    expect(
      await change('addSubscriptionSeats(id: $id, quantity: 1, input: { idempotencyKey: $k })', '$id: ID!, $k: Code!', {
        id: trial,
        k: 'trial-add-00001',
      }),
    ).toMatchObject({ code: 'TRIAL_LOCKED' });
    expect(
      await change('suspendSubscription(id: $id, input: { idempotencyKey: $k })', '$id: ID!, $k: Code!', {
        id: trial,
        k: 'trial-suspend-01',
      }),
    ).toMatchObject({ code: 'TRIAL_LOCKED' });
  });

  it('S16: converting early needs 25 seats; fewer are scheduled for the end, where the renewal converts it', async () => {
    const convert = (quantity: number, key: string) =>
      change('convertTrial(id: $id, quantity: $q, input: { idempotencyKey: $k })', '$id: ID!, $q: Int!, $k: Code!', {
        id: trial,
        q: quantity,
        k: key,
      });
    expect(await convert(10, 'trial-convert-001')).toMatchObject({
      code: 'TRIAL_CONVERSION_TOO_FEW',
      fix: { kind: 'ACTION', label: expect.stringMatching(/trial’s end/) },
    });
    const scheduled = await change(
      'scheduleSubscriptionChange(id: $id, change: { quantity: 10 }, input: { idempotencyKey: $k })',
      '$id: ID!, $k: Code!',
      { id: trial, k: 'trial-schedule-01' },
    );
    expect(scheduled).toMatchObject({ __typename: 'SubscriptionChanged' });
    expect(
      await change(
        'scheduleSubscriptionChange(id: $id, change: null, input: { idempotencyKey: $k })',
        '$id: ID!, $k: Code!',
        {
          id: trial,
          k: 'trial-unschedule1',
        },
      ),
    ).toMatchObject({ code: 'TRIAL_CONVERTS', fix: { kind: 'ACTION' } });
    // Auto-renew off and on again keeps what it converts to.
    for (const [on, key] of [
      [false, 'trial-renew-off01'],
      [true, 'trial-renew-on001'],
    ] as const)
      await change(
        'setSubscriptionAutoRenew(id: $id, autoRenew: $on, input: { idempotencyKey: $k })',
        '$id: ID!, $on: Boolean!, $k: Code!',
        { id: trial, on, k: key },
      );
    expect((await detail(trial)).scheduledChange).toMatchObject({ quantity: 10, term: 'P1Y' });

    const before = await detail(trial);
    t.clock.set(new Date(Date.parse(before.termEnd) + DAY));
    await renewalsRun();
    await renewalsRun();
    const converted = await detail(trial);
    expect(converted).toMatchObject({
      trial: false,
      quantity: 10,
      skuTitle: 'Microsoft 365 Business Basic',
      term: 'P1Y',
      billingPlan: 'MONTHLY',
      termStart: before.termEnd,
      termEnd: termEndOf(new Date(before.termEnd), 'P1Y').toISOString(),
      scheduledChange: null,
    });
    expect(converted.charges.filter((c: any) => c.chargeType === 'convert')).toEqual([
      { chargeType: 'convert', quantity: 10, amount: { amountMinor: before.nextTerm.unitPrice.amountMinor * 10 } },
    ]);
    expect(converted.history.at(-1)).toMatchObject({ kind: 'TRIAL_CONVERTED' });
    // A paid subscription now: a new window for its seats.
    expect(converted.batches.filter((b: any) => b.current)).toEqual([
      expect.objectContaining({ kind: 'RENEWAL', quantity: 10, windowOpen: true }),
    ]);
  });

  it('S16: converting now with 25 seats or more starts the paid term at once, charged as a conversion', async () => {
    const { orderId } = await buyProvisioned(t, reseller, resellerId, {
      customer: 'Wide World Importers',
      priceId: trialPrice,
      quantity: 25,
    });
    const id = (await subscriptionOf(orderId)).id;
    const price = (await detail(id)).nextTerm.unitPrice.amountMinor;
    t.clock.advance(5 * DAY);
    const now = t.clock.now();
    const converted = await change(
      'convertTrial(id: $id, quantity: 30, input: { idempotencyKey: $k })',
      '$id: ID!, $k: Code!',
      { id, k: 'trial-convert-now1' },
    );
    expect(converted).toMatchObject({
      amount: { amountMinor: price * 30 },
      subscription: {
        trial: false,
        quantity: 30,
        skuTitle: 'Microsoft 365 Business Basic',
        term: 'P1Y',
        termEnd: termEndOf(now, 'P1Y').toISOString(),
      },
    });
    const s = await detail(id);
    expect(s.charges.map((c: any) => c.chargeType)).toEqual(['new', 'convert']);
    expect(s.batches.filter((b: any) => b.current)).toEqual([
      expect.objectContaining({ kind: 'PURCHASE', quantity: 30, windowOpen: true }),
    ]);
    // Paid now: no longer a trial to convert.
    expect(
      await change('convertTrial(id: $id, quantity: 30, input: { idempotencyKey: $k })', '$id: ID!, $k: Code!', {
        id,
        k: 'trial-convert-now2',
      }),
    ).toMatchObject({ code: 'NOT_A_TRIAL' });
  });

  it('S16, S2: a trial with auto-renew off ends at its end and is not converted', async () => {
    const { orderId } = await buyProvisioned(t, reseller, resellerId, {
      customer: 'Lucerne Publishing',
      priceId: trialPrice,
      quantity: 25,
    });
    const id = (await subscriptionOf(orderId)).id;
    await change(
      'setSubscriptionAutoRenew(id: $id, autoRenew: false, input: { idempotencyKey: $k })',
      '$id: ID!, $k: Code!',
      { id, k: 'trial-end-off-001' },
    );
    const s = await detail(id);
    t.clock.set(new Date(Date.parse(s.termEnd) + DAY));
    await renewalsRun();
    const ended = await detail(id);
    expect(ended).toMatchObject({ status: 'EXPIRED', trial: true, quantity: 25 });
    expect(ended.charges.map((c: any) => c.chargeType)).toEqual(['new']);
  });
});
