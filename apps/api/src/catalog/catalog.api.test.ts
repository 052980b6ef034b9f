import { systemContext } from '../platform/request-context.js';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, importPriceList, staff, TestClient, type TestApp } from '../test-support/test-app.js';
import { samplePriceListLines } from './sample-price-list.js';

const BROWSE = `query Browse($filter: CatalogFilterInput!, $first: Int, $after: Cursor) {
  catalogProducts(filter: $filter, first: $first, after: $after) {
    priceSegment market
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id title kind skus { skuId title prices { segment term billingPlan unitPrice { amountMinor currency amount } } } } }
  }
}`;

describe('catalog through GraphQL', () => {
  let t: TestApp;
  let client: TestClient;
  beforeAll(async () => {
    t = await createTestApp();
    await importPriceList(t.app);
    client = await TestClient.start(t.app);
  });
  afterAll(async () => {
    await client.stop();
    await t.close();
  });

  const browse = async (filter: Record<string, unknown>, first = 25, after?: string) => {
    const response = await client.gql(BROWSE, { filter, first, after }, staff('credit'));
    expect(response.errors).toBeUndefined();
    return response.data!.catalogProducts;
  };

  it('lists products of a segment in title order, each with SKUs and prices of that segment only (R3)', async () => {
    const page = await browse({ segment: 'EDUCATION' });
    expect(page.priceSegment).toBe('EDUCATION');
    expect(page.market).toBe('US');
    const titles = page.edges.map((e: any) => e.node.title);
    expect(titles).toEqual([...titles].sort());
    expect(titles).toContain('Microsoft 365 E3');
    const prices = page.edges.flatMap((e: any) => e.node.skus.flatMap((s: any) => s.prices));
    expect(prices.length).toBeGreaterThan(0);
    expect(new Set(prices.map((p: any) => p.segment))).toEqual(new Set(['EDUCATION']));
    expect(new Set(prices.map((p: any) => p.unitPrice.currency))).toEqual(new Set(['USD']));
  });

  it('orders each product’s SKUs by SKU ID and each SKU’s prices by term, billing plan, tier and start', async () => {
    const response = await client.gql(
      `query($filter: CatalogFilterInput!) { catalogProducts(filter: $filter, first: 100) { edges { node {
        skus { skuId prices { term billingPlan tierMin effectiveStart } } } } } }`,
      { filter: { segment: 'COMMERCIAL' } },
      staff('staff'),
    );
    const products = response.data!.catalogProducts.edges.map((e: any) => e.node);
    const key = (p: any) => [p.term, p.billingPlan, String(p.tierMin).padStart(9, '0'), p.effectiveStart].join('|');
    let pricesSeen = 0;
    for (const product of products) {
      const skuIds = product.skus.map((s: any) => s.skuId);
      expect(skuIds).toEqual([...skuIds].sort());
      for (const sku of product.skus) {
        expect(sku.prices.length).toBeGreaterThan(0);
        const keys = sku.prices.map(key);
        expect(keys).toEqual([...keys].sort());
        pricesSeen += keys.length;
      }
    }
    expect(products.filter((p: any) => p.skus.length > 1).length).toBeGreaterThan(0);
    expect(pricesSeen).toBeGreaterThan(products.length);
  });

  it('shows Government customers the Commercial prices (R20)', async () => {
    const government = await browse({ segment: 'GOVERNMENT' });
    const commercial = await browse({ segment: 'COMMERCIAL' });
    expect(government.priceSegment).toBe('COMMERCIAL');
    expect(government.edges).toEqual(commercial.edges);
  });

  it('prices Education below Commercial for the same SKU', async () => {
    const priceOf = async (segment: string) => {
      const page = await browse({ segment, search: 'Microsoft 365 E3', terms: ['P1Y'], billingPlans: ['ANNUAL'] });
      return page.edges[0].node.skus[0].prices[0].unitPrice.amountMinor as number;
    };
    expect(await priceOf('EDUCATION')).toBeLessThan(await priceOf('COMMERCIAL'));
  });

  it('searches product titles and SKU titles, case-insensitively', async () => {
    const byProduct = await browse({ segment: 'COMMERCIAL', search: 'exchange' });
    expect(byProduct.edges.map((e: any) => e.node.title)).toEqual(['Exchange Online']);
    const bySku = await browse({ segment: 'COMMERCIAL', search: 'EEA (NO TEAMS)' });
    expect(bySku.edges.map((e: any) => e.node.title).sort()).toEqual([
      'Microsoft 365 Business Basic',
      'Microsoft 365 E3',
    ]);
    const none = await browse({ segment: 'COMMERCIAL', search: '100%_' });
    expect(none.edges).toEqual([]);
  });

  it('filters by term and billing plan, and by kind', async () => {
    const monthly = await browse({ segment: 'COMMERCIAL', terms: ['P1M'] });
    const terms = monthly.edges.flatMap((e: any) => e.node.skus.flatMap((s: any) => s.prices.map((p: any) => p.term)));
    expect(new Set(terms)).toEqual(new Set(['P1M']));
    expect(monthly.edges.every((e: any) => e.node.kind === 'SUBSCRIPTION')).toBe(true);
    const perpetual = await browse({ segment: 'COMMERCIAL', kind: 'PERPETUAL' });
    expect(perpetual.edges.map((e: any) => e.node.title).sort()).toEqual([
      'Office Home & Business 2024',
      'Windows Server 2025 Datacenter',
    ]);
    const plans = perpetual.edges.flatMap((e: any) =>
      e.node.skus.flatMap((s: any) => s.prices.map((p: any) => `${p.term}/${p.billingPlan}`)),
    );
    expect(new Set(plans)).toEqual(new Set(['NONE/ONE_TIME']));
  });

  it('pages with cursors ("show more") through every product exactly once', async () => {
    const all = (await browse({ segment: 'COMMERCIAL' }, 100)).edges.map((e: any) => e.node.id);
    const seen: string[] = [];
    let after: string | undefined;
    for (;;) {
      const page = await browse({ segment: 'COMMERCIAL' }, 2, after);
      seen.push(...page.edges.map((e: any) => e.node.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(all);
  });

  it('answers a bad cursor or page size with a clear BAD_USER_INPUT error', async () => {
    const badCursor = await client.gql(
      BROWSE,
      { filter: { segment: 'COMMERCIAL' }, after: 'not-a-cursor' },
      staff('support'),
    );
    expect(badCursor.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/cursor/),
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const tooMany = await client.gql(BROWSE, { filter: { segment: 'COMMERCIAL' }, first: 1000 }, staff('support'));
    expect(tooMany.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/1 to 100/),
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });

  it('returns a product with its SKUs and prices, and null for an unknown one', async () => {
    const query = `query($id: Code!, $filter: CatalogFilterInput!) { catalogProduct(id: $id, filter: $filter) { id title skus { skuId prices { market } } } }`;
    const found = await client.gql(
      query,
      { id: 'CFQ7TTC0000D', filter: { segment: 'NONPROFIT', market: 'GB' } },
      staff('staff'),
    );
    expect(found.data?.catalogProduct).toMatchObject({ id: 'CFQ7TTC0000D', title: 'Exchange Online' });
    expect(found.data?.catalogProduct.skus).toHaveLength(5);
    expect(new Set(found.data?.catalogProduct.skus.flatMap((s: any) => s.prices.map((p: any) => p.market)))).toEqual(
      new Set(['GB']),
    );
    const missing = await client.gql(query, { id: 'NOPE', filter: { segment: 'COMMERCIAL' } }, staff('staff'));
    expect(missing.data?.catalogProduct).toBeNull();
  });

  it('lists the markets and currencies it has prices in', async () => {
    const response = await client.gql('{ catalogMarkets { market currency } }', {}, staff('staff'));
    expect((await client.gql('{ catalogMarkets { market } }')).errors?.[0]?.extensions).toMatchObject({
      code: 'UNAUTHENTICATED',
      reason: 'SIGNED_OUT',
    });
    expect(response.data?.catalogMarkets).toEqual([
      { market: 'GB', currency: 'GBP' },
      { market: 'US', currency: 'USD' },
    ]);
  });

  it('shows only prices in effect today', async () => {
    t.clock.set(new Date('2025-12-31T12:00:00Z'));
    try {
      expect((await browse({ segment: 'COMMERCIAL' })).edges).toEqual([]);
    } finally {
      t.clock.set(new Date('2026-11-24T12:00:00Z'));
    }
  });
});

describe('catalog page cost', () => {
  it('costs the same number of SQL statements for a page of 5 and a page of 100 (no N+1)', async () => {
    const t = await createTestApp();
    try {
      await importPriceList(
        t.app,
        Readable.from([...samplePriceListLines({ targetRows: 14000 })].join('\n')),
        'sample.csv',
      );
      const statementsFor = async (first: number) => {
        t.app.db.statements.reset();
        const page = await t.app.catalog.browse(systemContext(t.app.clock, 'test'), { segment: 'COMMERCIAL' }, first);
        expect(page.products).toHaveLength(first);
        return t.app.db.statements.count;
      };
      // The promotions in effect are read once every few seconds per process, not per page.
      await t.app.catalog.browse(systemContext(t.app.clock, 'test'), { segment: 'COMMERCIAL' }, 1);
      const small = await statementsFor(5);
      const large = await statementsFor(100);
      expect(large).toBe(small);
      // The page, its SKUs and their prices come packed in one statement.
      expect(small).toBe(1);
    } finally {
      await t.close();
    }
  });
});
