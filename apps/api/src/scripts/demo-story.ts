import { randomUUID } from 'node:crypto';
import { TRIAL_SEATS, type CustomerInput, type PaymentMethod } from '@nce/domain';
import { createApp, type App } from '../app.js';
import type { Config } from '../config.js';
import { emailKey } from '../identity/identity.service.js';
import { UserEntity } from '../identity/user.entity.js';
import { SalesOrderEntity, OrderLineEntity } from '../orders/entities.js';
import { SimTenantEntity } from '../partner-center/sim-tenant.entity.js';
import { systemContext, type RequestContext } from '../platform/request-context.js';
import { FixedClock } from '../platform/clock.js';
import { backoffMs } from '../platform/jobs/job-queue.js';
import { createLogger } from '../platform/logger.js';
import type { Principal } from '../platform/permissions.js';
import { ResellerEntity } from '../resellers/reseller.entity.js';
import { SubscriptionEntity } from '../subscriptions/entities.js';
import { DEMO_RESELLER } from './demo-data.js';

type Named = { id: string; name: string };

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The end customers the story's orders are for; each has a tenant that accepted the distributor. */
const STORY_CUSTOMERS: { input: Omit<CustomerInput, 'address' | 'segment'>; domain: string; failing?: boolean }[] = [
  {
    input: {
      companyName: 'Tailspin Toys',
      adminContact: { name: 'Tom Tailspin', email: 'it@tailspin.example', phone: '+14255550110' },
      portalLogin: 'tailspin.toys',
    },
    domain: 'tailspintoys.onmicrosoft.com',
  },
  {
    input: {
      companyName: 'Woodgrove Bank',
      adminContact: { name: 'Wanda Woodgrove', email: 'it@woodgrove.example', phone: '+14255550111' },
      portalLogin: 'woodgrove.bank',
    },
    domain: 'woodgrovebank.onmicrosoft.com',
  },
  {
    input: {
      companyName: 'Fourth Coffee',
      adminContact: { name: 'Finn Fourth', email: 'it@fourthcoffee.example', phone: '+14255550112' },
      portalLogin: 'fourth.coffee',
    },
    domain: 'fourthcoffee.onmicrosoft.com',
  },
  {
    input: {
      companyName: 'Adventure Works',
      adminContact: { name: 'Ava Adventure', email: 'it@adventureworks.example', phone: '+14255550113' },
      portalLogin: 'adventure.works',
    },
    domain: 'adventureworks.onmicrosoft.com',
  },
  // Microsoft refuses this tenant's orders, so one order ends FAILED for staff to retry.
  {
    input: {
      companyName: 'Litware Inc',
      adminContact: { name: 'Lia Litware', email: 'it@litware.example', phone: '+14255550114' },
      portalLogin: 'litware.inc',
    },
    domain: 'litwareinc.onmicrosoft.com',
    failing: true,
  },
];

const address = { line1: '1 Microsoft Way', city: 'Redmond', region: 'WA', postalCode: '98052', country: 'US' };

export const OTHER_RESELLERS = {
  pending: {
    companyName: 'Harbor Digital Services',
    marketplaceId: 'MP-100002',
    bcn: '20-100002',
    address: { line1: '200 Harbor Dr', city: 'San Diego', region: 'CA', postalCode: '92101', country: 'US' },
    contact: { name: 'Hal Harbor', email: 'hal@harbor.example', phone: '+16195550100' },
  },
  applying: {
    companyName: 'Northwind Solutions',
    marketplaceId: 'MP-100003',
    bcn: '20-100003',
    address: { line1: '12 Northwind Ave', city: 'Seattle', region: 'WA', postalCode: '98101', country: 'US' },
    contact: { name: 'Nora North', email: 'nora@northwind.example', phone: '+12065550100' },
  },
};

/** The credit line the demo reseller was given, and how much of it the story's orders on terms use. */
const CREDIT_LIMIT = '20000.00';
const CREDIT_USED_SHARE = 0.92;

/**
 * Four months of a distributor's life, written through the product's own services on a clock that starts
 * 120 days back and walks to now: orders in every state the product reaches, a reseller on terms near its
 * limit, one still activating, terms requests in the queue (one near its answer deadline), support cases
 * and returns. Runs once: a database with any order is left alone.
 */
export async function seedDemoStory(config: Config, now: Date): Promise<string[]> {
  const clock = new FixedClock(new Date(now.getTime() - 365 * DAY));
  // The story's own refusals (Litware's order) are part of the plot, not warnings for the person starting the demo.
  const app = await createApp(config, { clock, logger: createLogger('error') });
  try {
    if ((await app.db.read.count(SalesOrderEntity)) > 0) return [];
    return await tell(app, clock, now);
  } finally {
    await app.db.close();
  }
}

async function tell(app: App, clock: FixedClock, now: Date): Promise<string[]> {
  const reseller = await app.db.read.findOneByOrFail(ResellerEntity, { marketplaceId: DEMO_RESELLER.marketplaceId });
  const actorOf = async (email: string): Promise<RequestContext> => {
    const user = await app.db.read.findOneByOrFail(UserEntity, { emailKey: emailKey(email) });
    const principal: Principal =
      user.kind === 'RESELLER'
        ? { kind: 'reseller', userId: user.id, email: user.email, resellerId: user.resellerId! }
        : { kind: 'staff', userId: user.id, email: user.email, roles: user.roles.split(',') as never };
    return { principal, requestId: `demo-story:${randomUUID()}`, clock };
  };
  const rita = await actorOf('reseller@demo.test');
  const credit = await actorOf('credit@demo.test');
  const support = await actorOf('support@demo.test');
  const staff = await actorOf('staff@demo.test');
  const at = (daysAgo: number, hoursAgo = 0) => clock.set(new Date(now.getTime() - daysAgo * DAY - hoursAgo * HOUR));
  // The running product's recurring jobs (the renewal scan) are queued when its worker starts; the story runs them.
  const settle = async () => {
    await app.renewals.scan();
    for (let round = 0; round < 4; round += 1) {
      await app.jobs.runDue();
      clock.advance(app.config.provisioningDelayMs + 1000);
    }
    await app.jobs.runDue();
  };

  // Day -350: the reseller's end customers, each on a tenant that accepted the distributor.
  at(350);
  const customers: Named[] = [];
  for (const story of STORY_CUSTOMERS) {
    await app.db.transaction(async (m) => {
      if (await m.existsBy(SimTenantEntity, { domain: story.domain })) return;
      await m.insert(SimTenantEntity, {
        domain: story.domain,
        companyName: story.input.companyName,
        government: false,
        relationshipAccepted: true,
        indirectResellers: reseller.mpnLocationId ?? '',
        tenantId: randomUUID(),
        createdByMarketplace: false,
        provisioningFails: Boolean(story.failing),
        createdAt: clock.now().toISOString(),
      });
    });
    const created = await app.customers.create(rita, reseller.id, { ...story.input, segment: 'COMMERCIAL', address });
    if (!created.ok)
      throw new Error(`story customer ${story.input.companyName} was refused: ${JSON.stringify(created.failure)}`);
    await app.tenants.chooseExisting(rita, created.value.id, story.domain);
    await app.tenants.attest(rita, created.value.id);
    customers.push({ id: created.value.id, name: story.input.companyName });
    clock.advance(HOUR);
  }
  const [tailspin, woodgrove, fourth, adventure, litware] = customers as [Named, Named, Named, Named, Named];

  const prices: { id: number; unitPriceMinor: number }[] = (
    await app.db.read.query(
      `SELECT id, unit_price_minor FROM catalog_price WHERE segment = 'COMMERCIAL' AND market = 'US' AND currency = 'USD' AND term = 'P1Y' AND billing_plan = 'MONTHLY' AND tier_min <= 1 AND unit_price_minor >= 500 ORDER BY id LIMIT 6`,
    )
  ).map((row: { id: number; unit_price_minor: number }) => ({
    id: Number(row.id),
    unitPriceMinor: Number(row.unit_price_minor),
  }));
  if (prices.length < 3) throw new Error('the demo story needs at least three Commercial annual prices in the catalog');
  const monthly: { id: number; unitPriceMinor: number }[] = (
    await app.db.read.query(
      `SELECT id, unit_price_minor FROM catalog_price WHERE segment = 'COMMERCIAL' AND market = 'US' AND currency = 'USD' AND term = 'P1M' AND billing_plan = 'MONTHLY' AND tier_min <= 1 AND unit_price_minor >= 500 ORDER BY id LIMIT 2`,
    )
  ).map((row: { id: number; unit_price_minor: number }) => ({
    id: Number(row.id),
    unitPriceMinor: Number(row.unit_price_minor),
  }));
  if (monthly.length < 1) throw new Error('the demo story needs a Commercial monthly price in the catalog');

  let orders = 0;
  /** Fills the cart (each line's quantity, or a function of what one seat of it costs) and buys. */
  const buy = async (
    customerId: string,
    lines: [number, number | ((seatMinor: number) => number)][],
    payment: PaymentMethod,
    po: string | null,
    provision = true,
    from = prices,
  ) => {
    for (const [price, quantity] of lines) {
      const cart = await app.carts.add(rita, reseller.id, from[price % from.length]!.id);
      if (!cart.ok) throw new Error(`the story's cart refused a price: ${cart.failure.message}`);
      const line = cart.value.lines[cart.value.lines.length - 1]!;
      await app.carts.bindCustomer(rita, reseller.id, customerId);
      const seatMinor = (await app.purchases.readiness(rita, reseller.id, payment)).total?.amountMinor ?? 0;
      await app.carts.setQuantity(
        rita,
        reseller.id,
        line.id,
        Math.max(1, Math.min(2000, typeof quantity === 'number' ? quantity : quantity(seatMinor))),
      );
    }
    const placed = await app.purchases.buy(rita, reseller.id, {
      idempotencyKey: `demo-story-${randomUUID()}`,
      poNumber: po,
      paymentMethod: payment,
    });
    if (!placed.ok) throw new Error(`the story's order was refused: ${placed.failure.code}: ${placed.failure.message}`);
    orders += 1;
    if (provision) await settle();
    return placed.value.order;
  };

  // A year of card orders, a few seats at a time (annual terms, billed monthly: the dashboard's twelve months; the
  // oldest renew in the weeks ahead).
  const history: [number, Named, [number, number][], string | null][] = [
    [340, tailspin, [[3, 10]], 'PO-1702'],
    [318, woodgrove, [[4, 20]], 'WB-6410'],
    [290, adventure, [[5, 6]], 'AW-0021'],
    [262, fourth, [[3, 4]], null],
    [231, tailspin, [[4, 8]], 'PO-1840'],
    [203, woodgrove, [[5, 12]], 'WB-6655'],
    [176, adventure, [[3, 9]], 'AW-0102'],
    [148, fourth, [[4, 5]], null],
    [127, woodgrove, [[5, 16]], 'WB-7003'],
    [112, tailspin, [[0, 12]], 'PO-2041'],
    [
      98,
      woodgrove,
      [
        [1, 40],
        [2, 5],
      ],
      'WB-7781',
    ],
    [85, fourth, [[0, 8]], null],
    [71, adventure, [[2, 15]], 'AW-0193'],
    [64, tailspin, [[1, 6]], 'PO-2102'],
    [52, woodgrove, [[0, 25]], 'WB-7802'],
    [
      45,
      fourth,
      [
        [2, 3],
        [1, 2],
      ],
      null,
    ],
  ];
  for (const [daysAgo, customer, lines, po] of history) {
    at(daysAgo);
    await buy(customer.id, lines, 'CREDIT_CARD', po);
  }

  // Subscriptions live on after Buy: a monthly one that renews by itself (and again this week, with a change
  // scheduled), one whose auto-renew was turned off and has expired, a suspended one, seats added yesterday.
  const subscriptionOf = async (orderId: string) =>
    (await app.db.read.findOneByOrFail(SubscriptionEntity, { orderId })).id;
  const change = async (what: string, work: () => Promise<{ ok: boolean }>) => {
    const done = await work();
    if (!done.ok) throw new Error(`the story's subscription change "${what}" was refused: ${JSON.stringify(done)}`);
  };
  at(55);
  const renewingMonthly = await subscriptionOf(
    (await buy(woodgrove.id, [[0, 6]], 'CREDIT_CARD', 'WB-M001', true, monthly)).id,
  );
  at(42);
  const expiring = await subscriptionOf((await buy(fourth.id, [[0, 3]], 'CREDIT_CARD', null, true, monthly)).id);
  at(37);
  await change('auto-renew off', () =>
    app.subscriptions.setAutoRenew(rita, expiring, false, { idempotencyKey: `demo-story-${expiring}-renew-off` }),
  );

  // Day -40: the reseller asks for terms; the credit team approves a smaller line the next day.
  at(40);
  const asked = await app.terms.submit(rita, reseller.id, {
    resellerMarketplaceId: reseller.marketplaceId,
    bcn: reseller.bcn,
    companyName: reseller.companyName,
    address: reseller.address,
    contact: reseller.contact,
    requestedLimit: '25,000',
  });
  if (!asked.ok) throw new Error(`the story's terms request was refused: ${JSON.stringify(asked.failure)}`);
  at(39, 2);
  const claimed = await app.terms.decide(credit, asked.value.id, asked.value.version, 'CLAIM');
  if (!claimed.ok) throw new Error(`the story's terms claim was refused: ${JSON.stringify(claimed.failure)}`);
  at(39);
  const approved = await app.terms.approve(credit, claimed.value.id, claimed.value.version, {
    comment: 'Two years of on-time payments with the distributor; starting below the amount asked.',
    creditLimit: CREDIT_LIMIT,
    currency: 'USD',
    paymentTerms: 'NET_30',
    effectiveFrom: clock.now().toISOString().slice(0, 10),
  });
  if (!approved.ok) throw new Error(`the story's terms approval was refused: ${JSON.stringify(approved.failure)}`);

  // On terms since: three orders that leave the line nearly used up.
  const limitMinor = Number(CREDIT_LIMIT.replace('.', ''));
  const onTerms: [number, Named, number, string, number][] = [
    [30, adventure, 0, 'AW-0211', 0.35],
    [21, woodgrove, 1, 'WB-7850', 0.65],
    [12, tailspin, 2, 'PO-2230', CREDIT_USED_SHARE],
  ];
  let partial = '';
  for (const [daysAgo, customer, price, po, share] of onTerms) {
    at(daysAgo);
    const used =
      (await app.terms.creditInUse(systemContext(clock, 'system:story'), reseller.id))?.used.amountMinor ?? 0;
    const order = await buy(
      customer.id,
      [[price, (seat) => Math.floor((limitMinor * share - used) / seat)]],
      'TERMS',
      po,
    );
    partial = order.id;
  }

  // Day -9: two seats of the last order on terms were not needed; the reseller asks, support returns them.
  at(9);
  const returnLine = await app.db.read.findOneByOrFail(OrderLineEntity, { orderId: partial, lineNumber: 1 });
  const returnCase = await app.cases.open(rita, reseller.id, {
    type: 'RETURN',
    priority: 'HIGH',
    subject: 'Two seats too many on the Tailspin order',
    text: 'Tailspin only needs the rest of the seats; please return two.',
    customerId: tailspin.id,
    orderId: partial,
  });
  if (!returnCase.ok) throw new Error('the story could not open its return case');
  at(8, 20);
  await app.cases.update(support, returnCase.value.id, returnCase.value.version, { assignToMe: true });
  const returned = await app.returns.returnLine(support, {
    orderLineId: returnLine.id,
    quantity: 2,
    idempotencyKey: `demo-story-return-${returnLine.id}`,
    caseId: returnCase.value.id,
  });
  if (!returned.ok) throw new Error(`the story's return was refused: ${JSON.stringify(returned)}`);
  const handled = await app.cases.get(support, returnCase.value.id);
  if (handled) await app.cases.update(support, handled.id, handled.version, { status: 'RESOLVED' });

  // Day -6: a card order returned whole the day after (bought for the wrong customer).
  at(6);
  const wrong = await buy(fourth.id, [[1, 4]], 'CREDIT_CARD', 'FC-0042');
  at(5);
  for (const line of await app.db.read.findBy(OrderLineEntity, { orderId: wrong.id })) {
    const done = await app.returns.returnLine(support, {
      orderLineId: line.id,
      quantity: line.quantity,
      idempotencyKey: `demo-story-return-${line.id}`,
      caseId: null,
    });
    if (!done.ok) throw new Error(`the story's return was refused: ${JSON.stringify(done)}`);
  }

  // Day -15: a subscription suspended while the customer settles a dispute; day -1: seats added, still undoable.
  const orderOn = async (customerId: string, po: string) =>
    (await app.db.read.findOneByOrFail(SalesOrderEntity, { customerId, poNumber: po })).id;
  at(15);
  const suspended = await subscriptionOf(await orderOn(tailspin.id, 'PO-2102'));
  await change('suspend', () =>
    app.subscriptions.suspend(staff, suspended, { idempotencyKey: `demo-story-${suspended}-suspend` }),
  );
  // Day -12: a free trial for Adventure Works: 25 seats, converting to paid in 18 days unless turned off.
  at(12);
  const [trialPrice] = await app.db.read.query(
    `SELECT id FROM catalog_price WHERE segment = 'COMMERCIAL' AND market = 'US' AND currency = 'USD' AND tags = 'Trial' ORDER BY id LIMIT 1`,
  );
  if (trialPrice)
    await buy(adventure.id, [[0, TRIAL_SEATS]], 'CREDIT_CARD', 'AW-TRIAL', true, [
      { id: Number((trialPrice as { id: number }).id), unitPriceMinor: 0 },
    ]);

  at(3);
  await settle();
  await change('schedule', () =>
    app.subscriptions.scheduleChanges(
      rita,
      renewingMonthly,
      { quantity: 8 },
      {
        idempotencyKey: `demo-story-${renewingMonthly}-schedule`,
      },
    ),
  );
  at(1);
  const grown = await subscriptionOf(await orderOn(woodgrove.id, 'WB-7802'));
  await change('add seats', () =>
    app.subscriptions.addSeats(rita, grown, 5, { idempotencyKey: `demo-story-${grown}-add` }),
  );

  // Hours ago: Woodgrove buys annual upfront seats ending with its subscription, the first term prorated.
  at(0, 20);
  const [upfront] = await app.db.read.query(
    `SELECT id FROM catalog_price WHERE segment = 'COMMERCIAL' AND market = 'US' AND currency = 'USD' AND term = 'P1Y' AND billing_plan = 'ANNUAL' AND tier_min <= 1 ORDER BY id LIMIT 1`,
  );
  if (upfront) {
    const added = await app.carts.add(rita, reseller.id, Number((upfront as { id: number }).id));
    if (!added.ok) throw new Error(`the story's co-termed line was refused: ${added.failure.message}`);
    const line = added.value.lines.at(-1)!;
    await app.carts.bindCustomer(rita, reseller.id, woodgrove.id);
    await app.carts.setQuantity(rita, reseller.id, line.id, 10);
    const ends = await app.carts.setLineEnd(rita, reseller.id, line.id, grown);
    if (!ends.ok) throw new Error(`the story's co-term was refused: ${ends.failure.message}`);
    const placed = await app.purchases.buy(rita, reseller.id, {
      idempotencyKey: `demo-story-coterm-${grown}`,
      poNumber: 'WB-7866',
      paymentMethod: 'CREDIT_CARD',
    });
    if (!placed.ok) throw new Error(`the story's co-termed order was refused: ${placed.failure.message}`);
    orders += 1;
    await settle();
  }

  // Day -3: Microsoft refuses Litware's order; after its retries it is FAILED, waiting for staff to retry.
  at(3);
  await buy(litware.id, [[0, 10]], 'CREDIT_CARD', 'LW-1001', false);
  for (let attempt = 1; attempt <= 6; attempt += 1) {
    await app.jobs.runDue();
    clock.advance(backoffMs(attempt) + 1000);
  }
  await app.db.transaction((m) =>
    m.update(SimTenantEntity, { domain: STORY_CUSTOMERS[4]!.domain }, { provisioningFails: false }),
  );

  // Two resellers joining: one still activating, one whose terms request is near its answer deadline.
  at(10);
  const harbor = await app.resellers.create(staff, OTHER_RESELLERS.pending);
  if (harbor.ok)
    await app.resellers.createUser(staff, harbor.value.id, { email: 'hal@harbor.example', displayName: 'Hal Harbor' });
  at(20);
  const northwind = await app.resellers.create(staff, OTHER_RESELLERS.applying);
  if (northwind.ok) {
    const user = await app.resellers.createUser(staff, northwind.value.id, {
      email: 'nora@northwind.example',
      displayName: 'Nora North',
    });
    if (user.ok)
      await app.db.transaction(staff, (tx) =>
        app.resellers.startActivationOnSignIn(tx, northwind.value.id, user.value.user.id),
      );
    clock.advance(app.config.activationDelayMs + 1000);
    await app.resellers.completeActivation(systemContext(clock, 'system:activation'), northwind.value.id);
    at(0, 41);
    await app.terms.submit(staff, northwind.value.id, {
      resellerMarketplaceId: OTHER_RESELLERS.applying.marketplaceId,
      bcn: OTHER_RESELLERS.applying.bcn,
      companyName: OTHER_RESELLERS.applying.companyName,
      address: OTHER_RESELLERS.applying.address,
      contact: OTHER_RESELLERS.applying.contact,
      requestedLimit: '50,000',
    });
    at(1);
    const locked = await app.cases.open(support, northwind.value.id, {
      type: 'PASSWORD_LOGIN',
      subject: 'Nora cannot sign in',
      text: 'Nora says the reset email never arrived.',
    });
    if (locked.ok)
      await app.cases.update(support, locked.value.id, locked.value.version, {
        assignToMe: true,
        status: 'WAITING_ON_RESELLER',
      });
  }

  // Open questions for the support queue.
  at(2);
  await app.cases.open(rita, reseller.id, {
    type: 'BILLING',
    subject: 'Invoice shows the wrong PO number',
    text: 'The Woodgrove invoice should carry PO WB-7850.',
    customerId: woodgrove.id,
  });
  at(0, 6);
  await app.cases.open(rita, reseller.id, {
    type: 'OTHER',
    subject: 'Education pricing for a new school customer',
    text: 'Which products can a school buy at the Education price?',
  });

  // Today: Microsoft's promotion on the story's first annual offer, running six more weeks; carts price with it.
  at(0, 1);
  const [promoted] = await app.db.select(
    `SELECT s.product_id, s.sku_id, s.title, pr.term, pr.billing_plan FROM catalog_price pr JOIN catalog_sku s ON s.id = pr.sku_ref WHERE pr.id = ?`,
    [prices[0]!.id],
  );
  if (promoted) {
    const offer = promoted as { product_id: string; sku_id: string; title: string; term: string; billing_plan: string };
    const created = await app.promotions.create(staff, {
      id: `${offer.product_id}:${offer.sku_id}:NCE-15`,
      name: `${offer.title}: 15% off annual`,
      productId: offer.product_id,
      skuId: offer.sku_id,
      term: offer.term as 'P1Y',
      billingPlan: offer.billing_plan as 'MONTHLY',
      segment: 'COMMERCIAL',
      market: 'US',
      discountPercent: 15,
      startDate: new Date(now.getTime() - 7 * DAY).toISOString().slice(0, 10),
      endDate: new Date(now.getTime() + 45 * DAY).toISOString().slice(0, 10),
    });
    if (!created.ok) throw new Error(`the story's promotion was refused: ${created.failure.message}`);
  }

  // Sales' price books: "Gold partners" (Microsoft 365 at cost + 8 %, everything else + 12 %, and from next month
  // Teams at retail − 5 %) for the reseller that joined last; every other reseller stays on the master book.
  const gold = await app.pricing.createBook(staff, 'Gold partners');
  if (!gold.ok) throw new Error(`the story's price book was refused: ${gold.failure.message}`);
  const today = now.toISOString().slice(0, 10);
  const nextMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1)).toISOString().slice(0, 10);
  for (const rule of [
    { basis: 'COST' as const, percent: 12, effectiveFrom: today },
    { family: 'Microsoft 365', basis: 'COST' as const, percent: 8, effectiveFrom: today },
    { family: 'Microsoft Teams', basis: 'RETAIL' as const, percent: -5, effectiveFrom: nextMonth },
  ]) {
    const added = await app.pricing.addRule(staff, gold.value.id, rule);
    if (!added.ok) throw new Error(`the story's price rule was refused: ${added.failure.message}`);
  }
  if (northwind.ok) await app.pricing.assign(staff, 'RESELLER', northwind.value.id, gold.value.id);

  // A minute ago: an order Microsoft is still provisioning; the running product finishes it.
  at(0, 0.02);
  await buy(adventure.id, [[1, 3]], 'CREDIT_CARD', 'AW-0240', false);
  await app.jobs.runDue();
  return [
    `told a year of demo history (${orders} orders, subscriptions renewing, expired and suspended, a trial, a co-termed order, a promotion, a price book, terms, returns, support cases, two new resellers)`,
  ];
}
