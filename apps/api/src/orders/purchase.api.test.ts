import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { portable } from '../db/sql.js';
import { SimTenantEntity } from '../partner-center/sim-tenant.entity.js';
import { backoffMs } from '../platform/jobs/job-queue.js';
import { startSmtpSink } from '../test-support/smtp-sink.js';
import { createTestApp, importPriceList, TestClient, type TestApp } from '../test-support/test-app.js';
import { demo, seedUsers } from '../test-support/users.js';
import { SalesOrderEntity } from './entities.js';

const CART = `{ __typename ... on Cart { id version total { amountMinor currency } lines { id priceId quantity skuTitle unitPrice { amountMinor } lineTotal { amountMinor } } } ... on CartRefused { code message } }`;
const READINESS = `query($r: ID!) { purchaseReadiness(resellerId: $r) { ready paymentMethod unmet { step code message fix { kind href field } } checklist { step done } total { amountMinor } } }`;
const BUY = `mutation($r: ID!, $input: BuyInput!) { buy(resellerId: $r, input: $input) {
  __typename
  ... on OrderPlaced { replayed order { id soNumber status paymentMethod poNumber total { amountMinor currency } tenantDomain lines { quantity subscriptionId } } }
  ... on PurchaseNotReady { code unmet { code } }
  ... on PricesChanged { code changes { title before { amountMinor } after { amountMinor } } }
  ... on BuyRefused { code message }
} }`;
const ORDER = `query($id: ID!) { order(id: $id) { soNumber status failureReason provisionedAt lines { subscriptionId status } events { state message } emails { to subject body status } } }`;

describe('the purchase flow: cart → readiness → Buy → provisioning → email', () => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let reseller: TestClient;
  let staff: TestClient;
  let resellerId: string;
  let priceIds: number[];

  beforeAll(async () => {
    smtp = await startSmtpSink();
    t = await createTestApp({ SMTP_URL: smtp.url, PROVISIONING_DELAY_SECONDS: '60' });
    await importPriceList(t.app);
    await seedUsers(t.app);
    reseller = await TestClient.start(t.app);
    await reseller.signIn(demo('reseller').email, demo('reseller').password);
    resellerId = (await reseller.gql('{ me { resellerId } }')).data?.me.resellerId;
    staff = reseller.fork();
    await staff.signIn(demo('staff').email, demo('staff').password);
    const page = await reseller.gql(
      '{ catalogProducts(filter: { segment: COMMERCIAL, terms: [P1Y], billingPlans: [MONTHLY] }, first: 2) { edges { node { skus { prices { id } } } } } }',
    );
    priceIds = page.data?.catalogProducts.edges.map((e: any) => Number(e.node.skus[0].prices[0].id));
    expect(priceIds).toHaveLength(2);
  });
  afterAll(async () => {
    await reseller.stop();
    await t.close();
    await smtp.stop();
  });

  const add = async (priceId: number) =>
    (
      await reseller.gql(`mutation($r: ID!, $p: Int!) { addToCart(resellerId: $r, priceId: $p) ${CART} }`, {
        r: resellerId,
        p: priceId,
      })
    ).data?.addToCart;
  const readiness = async () => (await reseller.gql(READINESS, { r: resellerId })).data?.purchaseReadiness;
  const buy = async (input: Record<string, unknown>, client = reseller) =>
    (await client.gql(BUY, { r: resellerId, input })).data?.buy;
  const customer = async (name: string, segment = 'COMMERCIAL') =>
    (
      await reseller.gql(
        `mutation($r: ID!, $input: CustomerInput!) { createCustomer(resellerId: $r, input: $input) { ... on CustomerSaved { customer { id } } } }`,
        {
          r: resellerId,
          input: {
            segment,
            companyName: name,
            address: { line1: '1 Main St', city: 'Irvine', region: 'CA', postalCode: '92612', country: 'US' },
            adminContact: {
              name: 'Eve Engineer',
              email: `eve@${name.toLowerCase().replace(/\W/g, '')}.example`,
              phone: '+19495550101',
            },
            portalLogin: name.toLowerCase().replace(/\W+/g, '.'),
          },
        },
      )
    ).data?.createCustomer.customer.id as string;
  const prepare = async (name: string) => {
    const id = await customer(name);
    await reseller.gql(
      `mutation { bindCartCustomer(resellerId: "${resellerId}", customerId: "${id}") { __typename } }`,
    );
    await reseller.gql(
      `mutation { chooseNewTenant(customerId: "${id}", domain: "${name.toLowerCase().replace(/\W/g, '')}") { __typename } }`,
    );
    await reseller.gql(`mutation { signAttestation(customerId: "${id}") { __typename } }`);
    return id;
  };

  it('R4: adds one unit per click, changes quantities within the seat limits, totals in the cart’s currency', async () => {
    await add(priceIds[0]!);
    const cart = await add(priceIds[0]!);
    expect(cart.lines).toHaveLength(1);
    expect(cart.lines[0].quantity).toBe(2);
    const line = cart.lines[0];
    const tooMany = await reseller.gql(
      `mutation { setCartQuantity(resellerId: "${resellerId}", lineId: "${line.id}", quantity: 5000) ${CART} }`,
    );
    expect(tooMany.data?.setCartQuantity).toMatchObject({ code: 'QUANTITY_ABOVE_LIMIT' });
    const set = await reseller.gql(
      `mutation { setCartQuantity(resellerId: "${resellerId}", lineId: "${line.id}", quantity: 10) ${CART} }`,
    );
    expect(set.data?.setCartQuantity.lines[0].lineTotal.amountMinor).toBe(line.unitPrice.amountMinor * 10);
    const withSecond = await add(priceIds[1]!);
    expect(withSecond.total.amountMinor).toBe(
      withSecond.lines.reduce((sum: number, l: any) => sum + l.lineTotal.amountMinor, 0),
    );
  });

  it('lists every unmet prerequisite at once with its fix, then is ready once each is met', async () => {
    const before = await readiness();
    expect(before.ready).toBe(false);
    expect(before.unmet.map((u: any) => u.code)).toEqual([
      'CUSTOMER_NOT_CHOSEN',
      'TENANT_NOT_CHOSEN',
      'ATTESTATION_NOT_SIGNED',
    ]);
    expect(before.paymentMethod).toBe('CREDIT_CARD');
    const education = await customer('Lakeside School', 'EDUCATION');
    const refused = await reseller.gql(
      `mutation { bindCartCustomer(resellerId: "${resellerId}", customerId: "${education}") ${CART} }`,
    );
    expect(refused.data?.bindCartCustomer).toMatchObject({ code: 'CART_SEGMENT_MISMATCH' });
    expect((await buy({ idempotencyKey: 'order-attempt-0001' })).code).toBe('NOT_READY');
    await prepare('Woodgrove Bank');
    expect(await readiness()).toMatchObject({ ready: true, unmet: [] });
  });

  it('R16–R18: buys once per idempotency key, answers with the SO number and closes the cart', async () => {
    const placed = await buy({ idempotencyKey: 'order-woodgrove-0001', poNumber: 'PO-7781' });
    expect(placed).toMatchObject({
      __typename: 'OrderPlaced',
      replayed: false,
      order: {
        status: 'PLACED',
        paymentMethod: 'CREDIT_CARD',
        poNumber: 'PO-7781',
        tenantDomain: 'woodgrovebank.onmicrosoft.com',
      },
    });
    expect(placed.order.soNumber).toMatch(/^SO-20261124-\d{6}$/);
    const again = await buy({ idempotencyKey: 'order-woodgrove-0001', poNumber: 'PO-7781' });
    expect(again).toMatchObject({ replayed: true, order: { id: placed.order.id, soNumber: placed.order.soNumber } });
    const other = await buy({ idempotencyKey: 'order-woodgrove-0001', poNumber: 'PO-9999' });
    expect(other).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
    expect((await reseller.gql(`{ cart(resellerId: "${resellerId}") { lines { id } } }`)).data?.cart.lines).toEqual([]);
    expect(await t.app.db.read.countBy(SalesOrderEntity, { resellerId })).toBe(1);
  });

  it('R19/R22: provisions in the background — tenant, subscriptions, PROVISIONED — and emails the administrative contact over SMTP', async () => {
    const order = (await reseller.gql('{ orders(first: 1) { nodes { id soNumber } } }')).data?.orders.nodes[0];
    await t.app.jobs.runDue();
    const provisioning = (await reseller.gql(ORDER, { id: order.id })).data?.order;
    expect(provisioning.status).toBe('PROVISIONING');
    expect(provisioning.lines.every((l: any) => l.status === 'PROVISIONED' && l.subscriptionId)).toBe(true);
    expect(provisioning.events.map((e: any) => e.message).join('\n')).toMatch(
      /Tenant woodgrovebank.onmicrosoft.com created/,
    );
    expect(await t.app.partnerCenter.domainExists('woodgrovebank.onmicrosoft.com')).toBe(true);

    t.clock.advance(60_000);
    await t.app.jobs.runDue();
    await t.app.jobs.runDue();
    const done = (await reseller.gql(ORDER, { id: order.id })).data?.order;
    expect(done.status).toBe('PROVISIONED');
    expect(done.events.map((e: any) => e.state)).toEqual([
      'PLACED',
      'PROVISIONING',
      'PROVISIONING',
      'PROVISIONING',
      'PROVISIONING',
      'PROVISIONED',
    ]);
    expect(done.emails).toEqual([
      expect.objectContaining({
        to: 'eve@woodgrovebank.example',
        status: 'SENT',
        subject: `Your Microsoft licences are ready — order ${order.soNumber}`,
      }),
    ]);
    expect(done.emails[0].body).toMatch(/Billing → Your products/);
    expect(done.emails[0].body).toMatch(/View Password/);
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]).toMatchObject({ to: ['eve@woodgrovebank.example'] });
    expect(smtp.received[0]!.raw).toContain(order.soNumber);
    // Running the jobs again sends nothing twice.
    await t.app.jobs.runDue();
    expect(smtp.received).toHaveLength(1);
  });

  it('R16: refuses to charge a price that changed since the cart was priced, showing the figures', async () => {
    await add(priceIds[1]!);
    await prepare('Coho Winery');
    await t.app.db.transaction((m) =>
      m.query(
        portable(t.app.db.kind, 'UPDATE catalog_price SET unit_price_minor = unit_price_minor + 100 WHERE id = ?'),
        [priceIds[1]],
      ),
    );
    const changed = await buy({ idempotencyKey: 'order-coho-000001' });
    expect(changed.code).toBe('PRICES_CHANGED');
    expect(changed.changes[0].after.amountMinor - changed.changes[0].before.amountMinor).toBe(100);
    const placed = await buy({ idempotencyKey: 'order-coho-000001' });
    expect(placed.__typename).toBe('OrderPlaced');
    expect(placed.order.total.amountMinor).toBe(changed.changes[0].after.amountMinor);
  });

  it('makes one order of twenty concurrent Buys with one key', async () => {
    await add(priceIds[0]!);
    await prepare('Fourth Coffee');
    const results = await Promise.all(
      Array.from({ length: 20 }, () => buy({ idempotencyKey: 'order-fourth-coffee-1' })),
    );
    const ids = new Set(results.map((r) => r.order?.id));
    expect(results.every((r) => r.__typename === 'OrderPlaced')).toBe(true);
    expect(ids.size).toBe(1);
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
  });

  it('ends in FAILED with the reason after retries when Microsoft keeps refusing, and staff can retry', async () => {
    await add(priceIds[0]!);
    const id = await customer('Alpine Ski House');
    await reseller.gql(
      `mutation { bindCartCustomer(resellerId: "${resellerId}", customerId: "${id}") { __typename } }`,
    );
    await reseller.gql(
      `mutation { chooseExistingTenant(customerId: "${id}", domain: "contoso.onmicrosoft.com") { __typename } }`,
    );
    await reseller.gql(`mutation { signAttestation(customerId: "${id}") { __typename } }`);
    await t.app.db.transaction((m) =>
      m.update(SimTenantEntity, 'contoso.onmicrosoft.com', { provisioningFails: true }),
    );
    const placed = await buy({ idempotencyKey: 'order-alpine-00001' });
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      await t.app.jobs.runDue();
      t.clock.advance(backoffMs(attempt));
    }
    const failed = (await staff.gql(ORDER, { id: placed.order.id })).data?.order;
    expect(failed).toMatchObject({ status: 'FAILED', failureReason: expect.stringMatching(/simulated failure/) });
    expect(failed.events.filter((e: any) => /Retrying/.test(e.message))).toHaveLength(4);

    await t.app.db.transaction((m) =>
      m.update(SimTenantEntity, 'contoso.onmicrosoft.com', { provisioningFails: false }),
    );
    expect(
      (await reseller.gql(`mutation { retryOrderProvisioning(orderId: "${placed.order.id}") { code } }`)).errors?.[0]
        ?.extensions?.code,
    ).toBe('FORBIDDEN');
    expect(
      (await staff.gql(`mutation { retryOrderProvisioning(orderId: "${placed.order.id}") { code } }`)).data
        ?.retryOrderProvisioning,
    ).toBeNull();
    await t.app.jobs.runDue();
    t.clock.advance(60_000);
    await t.app.jobs.runDue();
    expect((await staff.gql(ORDER, { id: placed.order.id })).data?.order.status).toBe('PROVISIONED');
  });

  it('refuses a reseller asking for another reseller’s orders, instead of quietly answering with its own', async () => {
    const asked = await reseller.gql('query($r: ID) { orders(resellerId: $r, first: 5) { nodes { id } } }', {
      r: '00000000-0000-4000-8000-000000000000',
    });
    expect(asked.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(asked.data?.orders ?? null).toBeNull();
    const own = await reseller.gql('query($r: ID) { orders(resellerId: $r, first: 5) { nodes { id } } }', {
      r: resellerId,
    });
    expect(own.errors).toBeUndefined();
  });

  it('lists orders newest first with reseller and customer, filtered and paged', async () => {
    const all = (
      await staff.gql(
        `{ orders(resellerId: "${resellerId}", first: 10) { nodes { soNumber customerName resellerName placedAt status } } }`,
      )
    ).data?.orders.nodes;
    expect(all.length).toBe(4);
    expect(all.map((o: any) => o.placedAt)).toEqual([...all.map((o: any) => o.placedAt)].sort().reverse());
    expect(all[0]).toMatchObject({ resellerName: 'Demo Reseller Co' });
    const provisioned = (await staff.gql('{ orders(status: "PROVISIONED", first: 10) { nodes { soNumber } } }')).data
      ?.orders.nodes;
    expect(provisioned.length).toBe(4);
    expect(
      (await staff.gql('{ orders(status: "FAILED", first: 10) { nodes { soNumber } } }')).data?.orders.nodes,
    ).toEqual([]);
    const first = await staff.gql('{ orders(first: 2) { nodes { id } pageInfo { endCursor hasNextPage } } }');
    const next = await staff.gql('query($a: Cursor) { orders(first: 2, after: $a) { nodes { id } } }', {
      a: first.data?.orders.pageInfo.endCursor,
    });
    expect(new Set([...first.data!.orders.nodes, ...next.data!.orders.nodes].map((o: any) => o.id)).size).toBe(4);
    // Found by part of the SO number, the PO number, or the customer's name, whatever the case.
    const find = async (search: string) =>
      (
        await staff.gql(
          'query($s: ShortText) { orders(search: $s, first: 10) { nodes { soNumber poNumber customerName } } }',
          { s: search },
        )
      ).data?.orders.nodes;
    const woodgrove = all.find((o: any) => /Woodgrove/.test(o.customerName));
    expect((await find(woodgrove.soNumber.slice(-6))).map((o: any) => o.soNumber)).toEqual([woodgrove.soNumber]);
    expect((await find('po-7781')).map((o: any) => o.poNumber)).toEqual(['PO-7781']);
    expect((await find('woodGROVE')).every((o: any) => /Woodgrove/.test(o.customerName))).toBe(true);
    expect(await find('100%_nothing')).toEqual([]);
  });

  it('lists what a query shows of each order, through fragments too, as the order itself has it', async () => {
    const detail = `fragment Extra on Order { paymentMethod poNumber tenantDomain provisionedAt failureReason }
      fragment LineExtra on OrderLine { productTitle skuTitle term billingPlan subscriptionId status }`;
    const full = (
      await staff.gql(
        `query { orders(first: 50) { nodes { id ...Extra lines { lineNumber ...LineExtra } } } } ${detail}`,
      )
    ).data?.orders.nodes;
    expect(full.length).toBeGreaterThan(0);
    for (const listed of full) {
      const one = (
        await staff.gql(
          `query($id: ID!) { order(id: $id) { id ...Extra lines { lineNumber ...LineExtra } } } ${detail}`,
          { id: listed.id },
        )
      ).data?.order;
      expect(listed).toEqual(one);
    }
    expect(full.some((o: any) => o.lines.some((l: any) => l.subscriptionId))).toBe(true);
    // A query that shows little gets the same orders and lines with what it asked for, and nothing else.
    const lean = (await staff.gql('query { orders(first: 50) { nodes { id soNumber lines { quantity } } } }')).data
      ?.orders.nodes;
    expect(lean.map((o: any) => [o.id, o.lines.length])).toEqual(full.map((o: any) => [o.id, o.lines.length]));
    expect(Object.keys(lean[0]).sort()).toEqual(['id', 'lines', 'soNumber']);
    const bare = (await staff.gql('query { orders(first: 50) { nodes { id paymentMethod } } }')).data?.orders.nodes;
    expect(bare.map((o: any) => o.paymentMethod)).toEqual(full.map((o: any) => o.paymentMethod));
  });

  it('sorts orders on any listed column both ways, pages through a sort without gaps, and refuses a cursor from another sort', async () => {
    const list = async (sortBy: string, direction: string, first = 10, after: string | null = null) =>
      (
        await staff.gql(
          'query($s: OrderSort, $d: SortDirection, $f: Int!, $a: Cursor) { orders(sortBy: $s, direction: $d, first: $f, after: $a) { nodes { id soNumber total { amountMinor } customerName status } pageInfo { endCursor hasNextPage } } }',
          { s: sortBy, d: direction, f: first, a: after },
        )
      ).data?.orders;
    const byTotal = (await list('TOTAL', 'ASC')).nodes;
    const totals = byTotal.map((o: any) => o.total.amountMinor);
    expect(totals).toEqual([...totals].sort((a, b) => a - b));
    expect(new Set(totals).size).toBeGreaterThan(1);
    const descending = (await list('TOTAL', 'DESC')).nodes.map((o: any) => o.total.amountMinor);
    expect(descending).toEqual([...totals].reverse());
    const byCustomer = (await list('CUSTOMER', 'ASC')).nodes.map((o: any) => o.customerName);
    expect(byCustomer).toEqual([...byCustomer].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    // Paging one row at a time through a sort gives the same rows in the same order as one page.
    const paged: string[] = [];
    let after: string | null = null;
    do {
      const page: any = await list('TOTAL', 'ASC', 1, after);
      paged.push(...page.nodes.map((o: any) => o.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(paged).toEqual(byTotal.map((o: any) => o.id));
    const cursor = (await list('TOTAL', 'ASC', 1)).pageInfo.endCursor;
    const mixed = await staff.gql(
      'query($a: Cursor) { orders(sortBy: CUSTOMER, first: 1, after: $a) { nodes { id } } }',
      { a: cursor },
    );
    expect(mixed.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/another sort order/),
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });

  it('buys exactly what the buyer confirmed: another cart version or total is refused with the current figures, and nothing is placed', async () => {
    const line = (await add(priceIds[0]!)).lines[0];
    await prepare('Tailspin Toys');
    const confirmed = (await reseller.gql(`{ cart(resellerId: "${resellerId}") { version total { amountMinor } } }`))
      .data?.cart;
    // The quantity changes after the buyer looked (another tab, a save that landed late).
    await reseller.gql(
      `mutation { setCartQuantity(resellerId: "${resellerId}", lineId: "${line.id}", quantity: 9) { __typename } }`,
    );
    const stale = await buy({
      idempotencyKey: 'order-tailspin-0001',
      cartVersion: confirmed.version,
      expectedTotalMinor: confirmed.total.amountMinor,
    });
    expect(stale).toMatchObject({
      __typename: 'BuyRefused',
      code: 'CART_CHANGED',
      message: expect.stringMatching(/it now holds 1 line \(9 licences\) for/),
    });
    expect(
      (await reseller.gql(`{ cart(resellerId: "${resellerId}") { lines { id } } }`)).data?.cart.lines,
    ).toHaveLength(1);
    const current = (await reseller.gql(`{ cart(resellerId: "${resellerId}") { version total { amountMinor } } }`)).data
      ?.cart;
    expect(current.total.amountMinor).toBe(confirmed.total.amountMinor * 9);
    const wrongTotal = await buy({
      idempotencyKey: 'order-tailspin-0002',
      cartVersion: current.version,
      expectedTotalMinor: confirmed.total.amountMinor,
    });
    expect(wrongTotal.code).toBe('CART_CHANGED');
    const placed = await buy({
      idempotencyKey: 'order-tailspin-0003',
      cartVersion: current.version,
      expectedTotalMinor: current.total.amountMinor,
    });
    expect(placed).toMatchObject({
      __typename: 'OrderPlaced',
      order: { total: { amountMinor: current.total.amountMinor }, lines: [{ quantity: 9 }] },
    });
  });
});
