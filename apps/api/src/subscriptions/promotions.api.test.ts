import { money, promotedPrice, termEndOf } from '@nce/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PromotionEntity } from '../catalog/promotion.entity.js';
import { buyProvisioned, demoResellerCaller, type Caller } from '../test-support/purchases.js';
import { createTestApp, importPriceList, staff, TestClient, type TestApp } from '../test-support/test-app.js';
import { seedUsers } from '../test-support/users.js';
import { systemContext } from '../platform/request-context.js';
import { SubscriptionEntity, SubscriptionEventEntity } from './entities.js';

const DAY = 86_400_000;
const SAVE = `__typename
  ... on PromotionSaved { promotion { id discountPercent startDate endDate } }
  ... on ValidationFailed { code fields { field code message } }
  ... on BusinessError { code message }`;

describe('promotions: priced in the catalog, the cart and Buy, and carried into a renewal only within their dates', () => {
  let t: TestApp;
  let client: TestClient;
  let reseller: Caller;
  let resellerId: string;
  const admin: Caller = {
    gql: (query, variables = {}) => client.gql(query, variables, staff('staff')),
  };
  let offer: { productId: string; skuId: string; priceId: number; listMinor: number };

  beforeAll(async () => {
    t = await createTestApp();
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
    offer = {
      productId: product.id,
      skuId: sku.skuId,
      priceId: Number(price.id),
      listMinor: price.unitPrice.amountMinor,
    };
  });
  afterAll(async () => {
    await client.stop();
    await t.close();
  });

  const today = () => t.clock.now().toISOString().slice(0, 10);
  const create = async (input: Record<string, unknown>, caller = admin) =>
    (await caller.gql(`mutation($i: PromotionInput!) { createPromotion(input: $i) { ${SAVE} } }`, { i: input })).data
      ?.createPromotion;
  const promotionInput = () => ({
    id: 'NCE-BB-20-P1M',
    name: 'Business Basic 20% off monthly',
    productId: offer.productId,
    skuId: offer.skuId,
    term: 'P1M',
    billingPlan: 'MONTHLY',
    segment: 'COMMERCIAL',
    market: 'US',
    discountPercent: 20,
    startDate: today(),
    endDate: '2026-12-31',
  });

  it('S17: refuses a promotion with faults, each on its field, or for an offer the price list does not sell; writes none', async () => {
    const faulty = await create({
      ...promotionInput(),
      market: 'USA',
      discountPercent: 0,
      startDate: '2026-13-01',
    });
    expect(faulty).toMatchObject({ __typename: 'ValidationFailed' });
    expect(faulty.fields.map((f: { field: string }) => f.field)).toEqual(['market', 'discountPercent', 'startDate']);
    const unsold = await create({ ...promotionInput(), skuId: '0099' });
    expect(unsold.fields).toEqual([expect.objectContaining({ field: 'skuId', code: 'OFFER_NOT_IN_PRICE_LIST' })]);
    expect(await t.app.db.read.count(PromotionEntity)).toBe(0);
  });

  it('S17: discounts the catalog price and the cart, and the subscription bought keeps the promotion', async () => {
    expect(await create(promotionInput())).toMatchObject({
      promotion: { id: 'NCE-BB-20-P1M', discountPercent: 20, endDate: '2026-12-31' },
    });
    expect(await create(promotionInput())).toMatchObject({
      fields: [expect.objectContaining({ field: 'id', code: 'PROMOTION_EXISTS' })],
    });
    const promoted = promotedPrice(money(offer.listMinor, 'USD'), 2000).amountMinor;
    const product = await reseller.gql(
      `query($id: Code!) { catalogProduct(id: $id, filter: { segment: COMMERCIAL }) { skus { skuId prices { id promotion { id discountPercent unitPrice { amountMinor } } } } } }`,
      { id: offer.productId },
    );
    const prices = product.data?.catalogProduct.skus.flatMap((s: any) => s.prices);
    expect(prices.find((p: any) => Number(p.id) === offer.priceId).promotion).toEqual({
      id: 'NCE-BB-20-P1M',
      discountPercent: 20,
      unitPrice: { amountMinor: promoted },
    });
    // Only the offer it names: another term of the SKU has none.
    expect(prices.filter((p: any) => p.promotion)).toHaveLength(1);

    const { orderId } = await buyProvisioned(t, reseller, resellerId, {
      customer: 'Alpine Ski House',
      priceId: offer.priceId,
      quantity: 10,
    });
    const s = await t.app.db.read.findOneByOrFail(SubscriptionEntity, { orderId });
    expect(s).toMatchObject({ unitPriceMinor: promoted, promotionId: 'NCE-BB-20-P1M', term: 'P1M' });
  });

  it('S17: a renewal within the promotion’s dates keeps it; the next, after them, takes the list price', async () => {
    const s = await t.app.db.read.findOneByOrFail(SubscriptionEntity, { promotionId: 'NCE-BB-20-P1M' });
    const promoted = promotedPrice(money(offer.listMinor, 'USD'), 2000).amountMinor;
    const next = async () =>
      (
        await reseller.gql(
          `query($id: ID!) { subscription(id: $id) { promotionId unitPrice { amountMinor } termEnd nextTerm { promotionName unitPrice { amountMinor } } } }`,
          { id: s.id },
        )
      ).data?.subscription;
    // The term ends 2026-12-24: the renewal on the 25th is within the promotion (to 2026-12-31).
    expect(await next()).toMatchObject({
      nextTerm: { promotionName: 'Business Basic 20% off monthly', unitPrice: { amountMinor: promoted } },
    });
    const renew = async () => {
      const { termEnd } = await next();
      t.clock.set(new Date(Date.parse(termEnd) + DAY));
      await t.app.renewals.scan();
      await t.app.jobs.runDue();
      return next();
    };
    const first = await renew();
    expect(first).toMatchObject({
      promotionId: 'NCE-BB-20-P1M',
      unitPrice: { amountMinor: promoted },
      termEnd: termEndOf(new Date(s.termEnd), 'P1M').toISOString(),
    });
    // The next renewal (late January) falls after the promotion's last day: the list price, no promotion.
    expect(first.nextTerm).toMatchObject({ promotionName: null, unitPrice: { amountMinor: offer.listMinor } });
    const second = await renew();
    expect(second).toMatchObject({ promotionId: null, unitPrice: { amountMinor: offer.listMinor } });
    const renewals = await t.app.db.read.find(SubscriptionEventEntity, {
      where: { subscriptionId: s.id, kind: 'RENEWED' },
      order: { seq: 'ASC' },
    });
    expect(renewals.map((e) => e.message)).toEqual([
      expect.stringMatching(/with promotion Business Basic 20% off monthly\./),
      expect.stringMatching(/its promotion ended before the renewal: list price/),
    ]);
  });

  it('S17: ending a promotion moves the cart to the list price before Buy; one not started is removed', async () => {
    const start = new Date(Date.UTC(2027, 2, 1));
    t.clock.set(start);
    expect(
      await create({
        ...promotionInput(),
        id: 'NCE-BB-10-LATER',
        discountPercent: 10,
        startDate: '2027-03-01',
        endDate: '2027-03-31',
      }),
    ).toMatchObject({ __typename: 'PromotionSaved' });
    const cart = await reseller.gql(
      `mutation($r: ID!, $p: Int!) { addToCart(resellerId: $r, priceId: $p) { ... on Cart { lines { id unitPrice { amountMinor } } } } }`,
      { r: resellerId, p: offer.priceId },
    );
    const promoted = promotedPrice(money(offer.listMinor, 'USD'), 1000).amountMinor;
    expect(cart.data?.addToCart.lines[0].unitPrice.amountMinor).toBe(promoted);
    const ended = await admin.gql(`mutation { endPromotion(id: "NCE-BB-10-LATER") { ${SAVE} } }`);
    // It started today: it ends today, and the cart's price for today is already the list price again.
    expect(ended.data?.endPromotion).toMatchObject({ promotion: { endDate: '2027-03-01' } });
    t.clock.advance(DAY);
    const lines = (
      await reseller.gql(
        `query($r: ID!) { cart(resellerId: $r) { lines { unitPrice { amountMinor } currentUnitPrice { amountMinor } } } }`,
        {
          r: resellerId,
        },
      )
    ).data?.cart.lines;
    expect(lines[0]).toEqual({
      unitPrice: { amountMinor: promoted },
      currentUnitPrice: { amountMinor: offer.listMinor },
    });

    expect(
      await create({
        ...promotionInput(),
        id: 'NCE-BB-5-FUTURE',
        discountPercent: 5,
        startDate: '2027-06-01',
        endDate: '2027-06-30',
      }),
    ).toMatchObject({ __typename: 'PromotionSaved' });
    const removed = await admin.gql(`mutation { endPromotion(id: "NCE-BB-5-FUTURE") { ${SAVE} } }`);
    expect(removed.data?.endPromotion).toEqual({ __typename: 'PromotionSaved', promotion: null });
    expect(await t.app.db.read.countBy(PromotionEntity, { id: 'NCE-BB-5-FUTURE' })).toBe(0);
    const listed = await reseller.gql('{ promotions(first: 10) { nodes { id endDate } pageInfo { hasNextPage } } }');
    expect(listed.data?.promotions.nodes.map((p: { id: string }) => p.id)).toEqual([
      'NCE-BB-10-LATER',
      'NCE-BB-20-P1M',
    ]);
    const audit = await t.app.audit.list(systemContext(t.clock, 'test'), { operation: 'catalog.endPromotion' }, 10);
    expect(audit.entries).toHaveLength(2);
  });
});
