import { adjust, money } from '@nce/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../platform/request-context.js';
import { SubscriptionChargeEntity, SubscriptionEntity } from '../subscriptions/entities.js';
import { buyProvisioned, demoResellerCaller, type Caller } from '../test-support/purchases.js';
import { createTestApp, importPriceList, staff, TestClient, type TestApp } from '../test-support/test-app.js';
import { seedUsers } from '../test-support/users.js';
import { PriceBookAssignmentEntity, PriceRuleEntity } from './entities.js';

const DAY = 86_400_000;
const RULE = `__typename
  ... on PriceRuleSaved { rule { id label state effectiveFrom effectiveTo percent amount { amountMinor currency } } }
  ... on ValidationFailed { code fields { field code message } }
  ... on BusinessError { code message }`;
const BOOK = `__typename
  ... on PriceBookSaved { book { id name master } }
  ... on ValidationFailed { code fields { field code message } }
  ... on BusinessError { code message }`;

describe('price books: what a reseller pays, in the cart, at Buy and at renewal', () => {
  let t: TestApp;
  let client: TestClient;
  let reseller: Caller;
  let resellerId: string;
  const admin: Caller = { gql: (query, variables = {}) => client.gql(query, variables, staff('staff')) };
  let offer: { productId: string; skuId: string; priceId: number; listMinor: number; retailMinor: number };
  let gold: string;

  beforeAll(async () => {
    // A floor of 1 % over cost: no book may sell below it.
    t = await createTestApp({ PRICE_FLOOR_BASIS_POINTS: '100' });
    await importPriceList(t.app);
    await seedUsers(t.app);
    client = await TestClient.start(t.app);
    ({ reseller, resellerId } = await demoResellerCaller(client));
    const page = await reseller.gql(
      `{ catalogProducts(filter: { segment: COMMERCIAL, search: "Business Basic", terms: [P1M] }, first: 5) {
        edges { node { id skus { skuId title prices { id term billingPlan unitPrice { amountMinor } } } } } } }`,
    );
    const product = page.data?.catalogProducts.edges[0].node;
    const sku = product.skus.find((s: any) => s.title === 'Microsoft 365 Business Basic');
    const price = sku.prices.find((p: any) => p.term === 'P1M' && p.billingPlan === 'MONTHLY');
    const [row] = await t.app.db.read.query('SELECT erp_price_minor FROM catalog_price WHERE id = ' + Number(price.id));
    offer = {
      productId: product.id,
      skuId: sku.skuId,
      priceId: Number(price.id),
      listMinor: price.unitPrice.amountMinor,
      retailMinor: Number(row.erp_price_minor),
    };
  });
  afterAll(async () => {
    await client.stop();
    await t.close();
  });

  const today = () => t.clock.now().toISOString().slice(0, 10);
  const dayAfter = (days: number) => new Date(t.clock.now().getTime() + days * DAY).toISOString().slice(0, 10);
  const addRule = async (bookId: string, input: Record<string, unknown>) =>
    (
      await admin.gql(`mutation($b: ID!, $i: PriceRuleInput!) { addPriceRule(bookId: $b, input: $i) { ${RULE} } }`, {
        b: bookId,
        i: input,
      })
    ).data?.addPriceRule;
  const cartLine = async () =>
    (
      await reseller.gql(
        `query($r: ID!) { cart(resellerId: $r) { lines { unitPrice { amountMinor } currentUnitPrice { amountMinor } priceRule } } }`,
        { r: resellerId },
      )
    ).data?.cart.lines[0];

  it('starts every reseller on the master book, with no rules: the partner price, as before price books', async () => {
    const books = (await admin.gql('{ priceBooks { id name master resellerCount rules { id } } }')).data?.priceBooks;
    expect(books).toEqual([
      { id: 'master', name: 'Master', master: true, resellerCount: expect.any(Number), rules: [] },
    ]);
    expect(books[0].resellerCount).toBeGreaterThan(0);
    const of = await admin.gql(
      `query($r: ID!) { priceBookOf(level: RESELLER, targetId: $r) { own book { id name } } }`,
      { r: resellerId },
    );
    expect(of.data?.priceBookOf).toEqual({ own: false, book: { id: 'master', name: 'Master' } });
  });

  it('refuses a book without a name or with a taken one, and a rule with faults (S3: none from a past day); writes none', async () => {
    const created = await admin.gql(`mutation { createPriceBook(name: " Gold ") { ${BOOK} } }`);
    expect(created.data?.createPriceBook).toMatchObject({ book: { name: 'Gold', master: false } });
    gold = created.data?.createPriceBook.book.id;
    expect(
      (await admin.gql(`mutation { createPriceBook(name: "gold") { ${BOOK} } }`)).data?.createPriceBook,
    ).toMatchObject({ __typename: 'PriceBookSaved' });
    expect(
      (await admin.gql(`mutation { createPriceBook(name: "Gold") { ${BOOK} } }`)).data?.createPriceBook,
    ).toMatchObject({
      fields: [expect.objectContaining({ field: 'name', code: 'PRICE_BOOK_NAME_TAKEN' })],
    });
    const past = await addRule(gold, { basis: 'COST', percent: 10, effectiveFrom: dayAfter(-1) });
    expect(past.fields).toEqual([
      expect.objectContaining({ field: 'effectiveFrom', code: 'PRICE_RULE_STARTS_IN_PAST' }),
    ]);
    const both = await addRule(gold, {
      basis: 'COST',
      percent: 10,
      amount: '1',
      currency: 'USD',
      effectiveFrom: today(),
    });
    expect(both.fields[0]).toMatchObject({ code: 'ADJUSTMENT_REQUIRED' });
    const unsold = await addRule(gold, {
      productId: offer.productId,
      skuId: '0099',
      basis: 'COST',
      percent: 10,
      effectiveFrom: today(),
    });
    expect(unsold.fields).toEqual([expect.objectContaining({ field: 'skuId', code: 'NOT_IN_PRICE_LIST' })]);
    expect(await addRule('nope', { basis: 'COST', percent: 10, effectiveFrom: today() })).toMatchObject({
      fields: [expect.objectContaining({ code: 'PRICE_BOOK_NOT_FOUND' })],
    });
    expect(await t.app.db.read.count(PriceRuleEntity)).toBe(0);
  });

  it('previews a rule before it is saved: offers moved, margins before and after, resellers on the book', async () => {
    const preview = await admin.gql(
      `query($b: ID!, $i: PriceRuleInput!) { previewPriceRule(bookId: $b, input: $i) { __typename
        ... on PriceRulePreviewResult { day inScope moved resellerCount examples { skuId before { amountMinor } after { amountMinor } }
          totals { currency cost { amountMinor } before { amountMinor } after { amountMinor } marginBeforePercent marginAfterPercent } } } }`,
      { b: gold, i: { family: 'Microsoft 365', basis: 'COST', percent: 10, effectiveFrom: today() } },
    );
    const p = preview.data?.previewPriceRule;
    expect(p).toMatchObject({ __typename: 'PriceRulePreviewResult', day: today(), resellerCount: 0 });
    // Every offer of the family is in reach; all but the free ones (trials: 10 % of nothing) move.
    expect(p.moved).toBeGreaterThan(0);
    expect(p.moved).toBeLessThanOrEqual(p.inScope);
    const usd = p.totals.find((x: any) => x.currency === 'USD');
    // Without a rule the floor (1 % over cost) holds.
    expect(usd.before.amountMinor).toBeGreaterThan(usd.cost.amountMinor);
    expect(usd.marginBeforePercent).toBeCloseTo(0.99, 1);
    // Each moved offer costs 10 % more, rounded per offer: the margin is close to 1/11 of the price.
    expect(usd.marginAfterPercent).toBeGreaterThan(9);
    expect(usd.marginAfterPercent).toBeLessThan(9.2);
    for (const e of p.examples) expect(e.after.amountMinor).toBeGreaterThan(e.before.amountMinor);
    // A preview writes nothing.
    expect(await t.app.db.read.count(PriceRuleEntity)).toBe(0);
  });

  it('prices the cart and Buy from the reseller’s book, the rule shown beside the price', async () => {
    const rule = await addRule(gold, { family: 'Microsoft 365', basis: 'COST', percent: 10, effectiveFrom: today() });
    expect(rule).toMatchObject({ rule: { label: 'Gold: cost + 10 %', state: 'IN_EFFECT', percent: 10 } });
    const assigned = await admin.gql(
      `mutation($r: ID!, $b: ID) { assignPriceBook(level: RESELLER, targetId: $r, bookId: $b) { ${BOOK} } }`,
      { r: resellerId, b: gold },
    );
    expect(assigned.data?.assignPriceBook).toMatchObject({ book: { name: 'Gold' } });
    const gold10 = adjust(money(offer.listMinor, 'USD'), { kind: 'PERCENT', basisPoints: 1000 }).amountMinor;
    const { orderId } = await buyProvisioned(t, reseller, resellerId, {
      customer: 'Fabrikam Gold',
      priceId: offer.priceId,
      quantity: 3,
    });
    const s = await t.app.db.read.findOneByOrFail(SubscriptionEntity, { orderId });
    expect(s.unitPriceMinor).toBe(gold10);
    const books = (await admin.gql('{ priceBooks { name resellerCount resellerNames } }')).data?.priceBooks;
    expect(books.find((b: any) => b.name === 'Gold')).toMatchObject({ resellerCount: 1 });
  });

  it('shows each reseller its own price in the catalog, staff any reseller’s, and nobody another reseller’s', async () => {
    const query = `query($id: Code!, $r: ID) { catalogProduct(id: $id, filter: { segment: COMMERCIAL }) {
      skus { skuId prices { id unitPrice { amountMinor } yourPrice(resellerId: $r) { unitPrice { amountMinor } rule } } } } }`;
    const priceOf = (data: any) =>
      data.catalogProduct.skus.flatMap((k: any) => k.prices).find((p: any) => Number(p.id) === offer.priceId);
    const gold10 = adjust(money(offer.listMinor, 'USD'), { kind: 'PERCENT', basisPoints: 1000 }).amountMinor;
    const own = priceOf((await reseller.gql(query, { id: offer.productId })).data);
    expect(own).toMatchObject({
      unitPrice: { amountMinor: offer.listMinor },
      yourPrice: { unitPrice: { amountMinor: gold10 }, rule: 'Gold: cost + 10 %' },
    });
    const forStaff = priceOf((await admin.gql(query, { id: offer.productId, r: resellerId })).data);
    expect(forStaff.yourPrice).toEqual(own.yourPrice);
    expect(priceOf((await admin.gql(query, { id: offer.productId })).data).yourPrice).toBeNull();
    const another = '11111111-2222-4333-8444-555555555555';
    expect(priceOf((await reseller.gql(query, { id: offer.productId, r: another })).data).yourPrice).toBeNull();
  });

  it('lets a reseller set its own markups and shows the suggested customer price and its margin; nothing it pays changes', async () => {
    const set = (input: Record<string, unknown>, caller = reseller, r = resellerId) =>
      caller.gql(
        `mutation($r: ID!, $i: CustomerMarkupInput!) { setResellerMarkup(resellerId: $r, input: $i) { __typename
          ... on CustomerMarkupSaved { markup { customerId family percent } } ... on ValidationFailed { fields { field code } } } }`,
        { r, i: input },
      );
    const customerId = (
      await reseller.gql(`query($r: ID!) { customers(resellerId: $r, first: 5) { nodes { id companyName } } }`, {
        r: resellerId,
      })
    ).data?.customers.nodes.find((c: any) => c.companyName === 'Fabrikam Gold').id;
    expect((await set({ percent: 20 })).data?.setResellerMarkup.markup).toEqual({
      customerId: null,
      family: null,
      percent: 20,
    });
    expect((await set({ customerId, family: 'Microsoft 365', percent: 12.5 })).data?.setResellerMarkup.markup).toEqual({
      customerId,
      family: 'Microsoft 365',
      percent: 12.5,
    });
    expect((await set({ percent: -5 })).data?.setResellerMarkup.fields).toEqual([
      { field: 'percent', code: 'MARKUP_INVALID' },
    ]);
    expect(
      (await set({ customerId: '11111111-2222-4333-8444-555555555555', percent: 5 })).data?.setResellerMarkup.fields,
    ).toEqual([{ field: 'customerId', code: 'CUSTOMER_NOT_FOUND' }]);
    const query = `query($id: Code!, $c: ID) { catalogProduct(id: $id, filter: { segment: COMMERCIAL }) {
      skus { prices { id yourPrice(customerId: $c) { unitPrice { amountMinor } suggestedPrice { amountMinor } markupPercent resellerMargin { amountMinor } } } } } }`;
    const priceOf = (data: any) =>
      data.catalogProduct.skus.flatMap((k: any) => k.prices).find((p: any) => Number(p.id) === offer.priceId).yourPrice;
    const gold10 = adjust(money(offer.listMinor, 'USD'), { kind: 'PERCENT', basisPoints: 1000 }).amountMinor;
    const anyone = priceOf((await reseller.gql(query, { id: offer.productId })).data);
    expect(anyone).toEqual({
      unitPrice: { amountMinor: gold10 },
      suggestedPrice: { amountMinor: gold10 + Math.ceil(gold10 * 0.2) },
      markupPercent: 20,
      resellerMargin: { amountMinor: Math.ceil(gold10 * 0.2) },
    });
    const forFabrikam = priceOf((await reseller.gql(query, { id: offer.productId, c: customerId })).data);
    expect(forFabrikam).toMatchObject({ unitPrice: { amountMinor: gold10 }, markupPercent: 12.5 });
    expect(forFabrikam.suggestedPrice.amountMinor).toBe(gold10 + Math.ceil((gold10 * 1250) / 10_000));
    // Staff see them; removing one leaves the others.
    expect(
      (await set({ customerId, family: 'Microsoft 365', percent: null })).data?.setResellerMarkup.markup,
    ).toBeNull();
    const listed = (
      await admin.gql(`query($r: ID!) { resellerMarkups(resellerId: $r) { customerId family percent } }`, {
        r: resellerId,
      })
    ).data?.resellerMarkups;
    expect(listed).toEqual([{ customerId: null, family: null, percent: 20 }]);
  });

  it('a customer’s own book overrides its reseller’s; the cart shows the rule and Buy stops on the changed price (R16)', async () => {
    const edu = (await admin.gql(`mutation { createPriceBook(name: "Retail minus") { ${BOOK} } }`)).data
      ?.createPriceBook.book.id;
    await addRule(edu, {
      productId: offer.productId,
      skuId: offer.skuId,
      basis: 'RETAIL',
      percent: -5,
      effectiveFrom: today(),
    });
    await reseller.gql(`mutation($r: ID!, $p: Int!) { addToCart(resellerId: $r, priceId: $p) { __typename } }`, {
      r: resellerId,
      p: offer.priceId,
    });
    const gold10 = adjust(money(offer.listMinor, 'USD'), { kind: 'PERCENT', basisPoints: 1000 }).amountMinor;
    expect(await cartLine()).toEqual({
      unitPrice: { amountMinor: gold10 },
      currentUnitPrice: { amountMinor: gold10 },
      priceRule: 'Gold: cost + 10 %',
    });
    const customerId = (
      await reseller.gql(`query($r: ID!) { customers(resellerId: $r, first: 5) { nodes { id companyName } } }`, {
        r: resellerId,
      })
    ).data?.customers.nodes.find((c: any) => c.companyName === 'Fabrikam Gold').id;
    const onEdu = await admin.gql(
      `mutation($c: ID!, $b: ID) { assignPriceBook(level: CUSTOMER, targetId: $c, bookId: $b) { ${BOOK} } }`,
      { c: customerId, b: edu },
    );
    expect(onEdu.data?.assignPriceBook).toMatchObject({ book: { name: 'Retail minus' } });
    await reseller.gql(
      `mutation($r: ID!, $c: ID!) { bindCartCustomer(resellerId: $r, customerId: $c) { __typename } }`,
      {
        r: resellerId,
        c: customerId,
      },
    );
    const retail5 = Math.max(
      adjust(money(offer.retailMinor, 'USD'), { kind: 'PERCENT', basisPoints: -500 }).amountMinor,
      offer.listMinor + Math.ceil(offer.listMinor / 100),
    );
    expect(await cartLine()).toEqual({
      unitPrice: { amountMinor: gold10 },
      currentUnitPrice: { amountMinor: retail5 },
      priceRule: expect.stringMatching(/^Retail minus: retail − 5 %/),
    });
    const bought = await reseller.gql(
      `mutation($r: ID!) { buy(resellerId: $r, input: { idempotencyKey: "edu-buy-1" }) { __typename ... on BusinessError { code message } } }`,
      { r: resellerId },
    );
    expect(bought.data?.buy).toMatchObject({ code: 'PRICES_CHANGED' });
    expect(await cartLine()).toMatchObject({ unitPrice: { amountMinor: retail5 } });
    // Off the customer's book: back to its reseller's.
    await admin.gql(`mutation($c: ID!) { assignPriceBook(level: CUSTOMER, targetId: $c) { ${BOOK} } }`, {
      c: customerId,
    });
    expect(await cartLine()).toMatchObject({
      currentUnitPrice: { amountMinor: gold10 },
      priceRule: 'Gold: cost + 10 %',
    });
    const lineId = (await reseller.gql(`query($r: ID!) { cart(resellerId: $r) { lines { id } } }`, { r: resellerId }))
      .data?.cart.lines[0].id;
    await reseller.gql(`mutation($r: ID!, $l: ID!) { removeCartLine(resellerId: $r, lineId: $l) { __typename } }`, {
      r: resellerId,
      l: lineId,
    });
    expect(await t.app.db.read.countBy(PriceBookAssignmentEntity, { level: 'CUSTOMER' })).toBe(0);
  });

  it('S3: a rule from a later day leaves the running term alone and prices the renewal from its day', async () => {
    const s = await t.app.db.read.findOneByOrFail(SubscriptionEntity, { resellerId, productId: offer.productId });
    const renewalDay = new Date(Date.parse(s.termEnd) + DAY).toISOString().slice(0, 10);
    const later = await addRule(gold, {
      productId: offer.productId,
      skuId: offer.skuId,
      term: 'P1M',
      basis: 'COST',
      percent: 20,
      effectiveFrom: renewalDay,
    });
    expect(later).toMatchObject({ rule: { state: 'SCHEDULED', label: 'Gold: cost + 20 %' } });
    const gold10 = adjust(money(offer.listMinor, 'USD'), { kind: 'PERCENT', basisPoints: 1000 }).amountMinor;
    const gold20 = adjust(money(offer.listMinor, 'USD'), { kind: 'PERCENT', basisPoints: 2000 }).amountMinor;
    const detail = async () =>
      (
        await reseller.gql(
          `query($id: ID!) { subscription(id: $id) { unitPrice { amountMinor } nextTerm { unitPrice { amountMinor } } } }`,
          { id: s.id },
        )
      ).data?.subscription;
    // Today the cart still prices at 10 %; the running term keeps its price.
    expect((await detail()).unitPrice.amountMinor).toBe(gold10);
    // The rule that priced the term is kept with it and with each charge (the reconciliation file names it).
    expect((await t.app.db.read.findOneByOrFail(SubscriptionEntity, { id: s.id })).priceRule).toBe('Gold: cost + 10 %');
    t.clock.set(new Date(`${renewalDay}T00:30:00Z`));
    await t.app.renewals.scan();
    await t.app.jobs.runDue();
    expect(await detail()).toMatchObject({ unitPrice: { amountMinor: gold20 } });
    expect((await t.app.db.read.findOneByOrFail(SubscriptionEntity, { id: s.id })).priceRule).toBe('Gold: cost + 20 %');
    const charges = await t.app.db.read.find(SubscriptionChargeEntity, {
      where: { subscriptionId: s.id },
      order: { at: 'ASC' },
    });
    expect(charges.map((c) => [c.chargeType, c.priceRule])).toEqual([
      ['new', 'Gold: cost + 10 %'],
      ['renew', 'Gold: cost + 20 %'],
    ]);
    const month = renewalDay.slice(0, 7);
    const file = await fetch(`${client.http.url}/billing/reconciliation/${month}.jsonl`, {
      headers: { 'x-test-principal': JSON.stringify(staff('credit')) },
    });
    const lines = (await file.text())
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { ChargeType: string; PriceRule: string | null; SubscriptionId: string });
    expect(lines.find((l) => l.SubscriptionId === s.partnerSubscriptionId && l.ChargeType === 'renew')?.PriceRule).toBe(
      'Gold: cost + 20 %',
    );
  });

  it('a subscription’s own book overrides its customer’s and reseller’s for its next terms; off it, the reseller’s again', async () => {
    const s = await t.app.db.read.findOneByOrFail(SubscriptionEntity, { resellerId, productId: offer.productId });
    const key = (await admin.gql(`mutation { createPriceBook(name: "Key account") { ${BOOK} } }`)).data?.createPriceBook
      .book.id;
    await addRule(key, { basis: 'COST', percent: 2, effectiveFrom: today() });
    const next = async () =>
      (
        await reseller.gql(
          `query($id: ID!) { subscription(id: $id) { nextTerm { unitPrice { amountMinor } priceRule } } }`,
          {
            id: s.id,
          },
        )
      ).data?.subscription.nextTerm;
    const bookOf = async () =>
      (
        await admin.gql(`query($id: ID!) { priceBookOf(level: SUBSCRIPTION, targetId: $id) { own book { name } } }`, {
          id: s.id,
        })
      ).data?.priceBookOf;
    expect(await bookOf()).toEqual({ own: false, book: { name: 'Gold' } });
    const before = await next();
    expect(before.priceRule).toMatch(/^Gold: /);

    const assigned = await admin.gql(
      `mutation($id: ID!, $b: ID) { assignPriceBook(level: SUBSCRIPTION, targetId: $id, bookId: $b) { ${BOOK} } }`,
      { id: s.id, b: key },
    );
    expect(assigned.data?.assignPriceBook).toMatchObject({ book: { name: 'Key account' } });
    expect(await bookOf()).toEqual({ own: true, book: { name: 'Key account' } });
    const listedNow = await t.app.db.read.query(
      `SELECT unit_price_minor FROM catalog_price WHERE id = ${Number(s.priceId)}`,
    );
    expect(await next()).toEqual({
      unitPrice: {
        amountMinor: adjust(money(Number(listedNow[0].unit_price_minor), 'USD'), { kind: 'PERCENT', basisPoints: 200 })
          .amountMinor,
      },
      priceRule: 'Key account: cost + 2 %',
    });
    // A reseller cannot put its subscription on a book; an unknown subscription is named as such.
    expect(
      (
        await reseller.gql(
          `mutation($id: ID!, $b: ID) { assignPriceBook(level: SUBSCRIPTION, targetId: $id, bookId: $b) { __typename } }`,
          { id: s.id, b: null },
        )
      ).errors?.[0]?.extensions?.code,
    ).toBe('FORBIDDEN');
    expect(
      (
        await admin.gql(
          `mutation($b: ID) { assignPriceBook(level: SUBSCRIPTION, targetId: "00000000-0000-4000-8000-000000000000", bookId: $b) { ${BOOK} } }`,
          { b: key },
        )
      ).data?.assignPriceBook,
    ).toMatchObject({ code: 'NOT_FOUND' });
    await admin.gql(`mutation($id: ID!) { assignPriceBook(level: SUBSCRIPTION, targetId: $id) { ${BOOK} } }`, {
      id: s.id,
    });
    expect(await next()).toEqual(before);
    const audit = await t.app.audit.list(systemContext(t.clock, 'test'), { operation: 'pricing.assignBook' }, 20);
    expect(audit.entries.filter((e) => e.entityType === 'Subscription' && e.entityId === s.id)).toHaveLength(2);
  });

  it('ends a rule in effect from yesterday, removes one not started, and audits every change', async () => {
    const scheduled = await addRule(gold, { basis: 'COST', percent: 3, effectiveFrom: dayAfter(10) });
    const removed = await admin.gql(`mutation($id: ID!) { endPriceRule(id: $id) { ${RULE} } }`, {
      id: scheduled.rule.id,
    });
    expect(removed.data?.endPriceRule).toEqual({ __typename: 'PriceRuleSaved', rule: null });
    const books = (await admin.gql('{ priceBooks { name rules { id label state } } }')).data?.priceBooks;
    const first = books.find((b: any) => b.name === 'Gold').rules.find((r: any) => r.label === 'Gold: cost + 10 %');
    const ended = await admin.gql(`mutation($id: ID!) { endPriceRule(id: $id) { ${RULE} } }`, { id: first.id });
    expect(ended.data?.endPriceRule.rule).toMatchObject({ effectiveTo: dayAfter(-1), state: 'ENDED' });
    const again = await admin.gql(`mutation($id: ID!) { endPriceRule(id: $id) { ${RULE} } }`, { id: first.id });
    expect(again.data?.endPriceRule).toMatchObject({ code: 'PRICE_RULE_ENDED' });
    const audit = await t.app.audit.list(systemContext(t.clock, 'test'), { operation: 'pricing.endRule' }, 10);
    expect(audit.entries).toHaveLength(2);
    const assigned = await t.app.audit.list(systemContext(t.clock, 'test'), { operation: 'pricing.assignBook' }, 10);
    expect(assigned.entries.length).toBeGreaterThanOrEqual(3);
  });

  it('never sells below the floor over cost, and says so beside the price', async () => {
    const deep = (await admin.gql(`mutation { createPriceBook(name: "Deep discount") { ${BOOK} } }`)).data
      ?.createPriceBook.book.id;
    await addRule(deep, { basis: 'COST', percent: -30, effectiveFrom: today() });
    await admin.gql(
      `mutation($r: ID!, $b: ID) { assignPriceBook(level: RESELLER, targetId: $r, bookId: $b) { ${BOOK} } }`,
      {
        r: resellerId,
        b: deep,
      },
    );
    await reseller.gql(`mutation($r: ID!, $p: Int!) { addToCart(resellerId: $r, priceId: $p) { __typename } }`, {
      r: resellerId,
      p: offer.priceId,
    });
    expect(await cartLine()).toEqual({
      unitPrice: { amountMinor: offer.listMinor + Math.ceil(offer.listMinor / 100) },
      currentUnitPrice: { amountMinor: offer.listMinor + Math.ceil(offer.listMinor / 100) },
      priceRule: 'Deep discount: cost − 30 % (floor)',
    });
  });
});
