import { costOfCharge } from '@nce/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SubscriptionChargeEntity, SubscriptionEntity } from '../subscriptions/entities.js';
import { buyProvisioned, demoResellerCaller, priceIdOfSku, type Caller } from '../test-support/purchases.js';
import { createTestApp, importPriceList, staff, TestClient, type TestApp } from '../test-support/test-app.js';
import { seedUsers } from '../test-support/users.js';
import { RevenueDayEntity, RevenueResellerMonthEntity } from './entities.js';
import { RevenueRepository } from './revenue.repository.js';

const DAY = 86_400_000;
const DASHBOARD = `{ dashboard { ... on Dashboard { currency months
  bySegment { month key revenue { amountMinor } margin { amountMinor } }
  byFamily { month key revenue { amountMinor } }
  byKind { month key revenue { amountMinor } }
  renewalsDue { weekStart subscriptions value { amountMinor } }
  topResellers { name revenue { amountMinor } margin { amountMinor } }
  returns { month seats returned } terms { answered inside open overdue } } } }`;

describe('the dashboard: revenue and margin from sums the charge writer keeps current (S18)', () => {
  let t: TestApp;
  let client: TestClient;
  let reseller: Caller;
  let resellerId: string;
  let listMinor: number;
  const finance: Caller = { gql: (query, variables = {}) => client.gql(query, variables, staff('credit')) };
  const seller: Caller = { gql: (query, variables = {}) => client.gql(query, variables, staff('staff')) };

  beforeAll(async () => {
    t = await createTestApp();
    await importPriceList(t.app);
    await seedUsers(t.app);
    client = await TestClient.start(t.app);
    ({ reseller, resellerId } = await demoResellerCaller(client));
    // The reseller pays cost + 10 %: the distributor's margin on what it buys.
    const book = (
      await seller.gql('mutation { createPriceBook(name: "Plus ten") { ... on PriceBookSaved { book { id } } } }')
    ).data?.createPriceBook.book.id;
    await seller.gql(
      'mutation($b: ID!) { addPriceRule(bookId: $b, input: { basis: COST, percent: 10, effectiveFrom: "2026-11-24" }) { __typename } }',
      { b: book },
    );
    await seller.gql(
      'mutation($r: ID!, $b: ID) { assignPriceBook(level: RESELLER, targetId: $r, bookId: $b) { __typename } }',
      {
        r: resellerId,
        b: book,
      },
    );
    const monthly = await priceIdOfSku(reseller, 'Microsoft 365 Business Basic', 'P1M', 'MONTHLY');
    listMinor = Number(
      (await t.app.db.read.query(`SELECT unit_price_minor FROM catalog_price WHERE id = ${Number(monthly)}`))[0]
        .unit_price_minor,
    );
    await buyProvisioned(t, reseller, resellerId, { customer: 'Dash Board', priceId: monthly, quantity: 5 });
  });
  afterAll(async () => {
    await client.stop();
    await t.close();
  });

  const chargeTotals = async () => {
    const charges = await t.app.db.read.find(SubscriptionChargeEntity);
    return {
      amount: charges.reduce((s, c) => s + c.amountMinor, 0),
      cost: charges.reduce((s, c) => s + costOfCharge(c.amountMinor, c.unitPriceMinor, listMinor), 0),
    };
  };

  it('S18: shows this month’s new business with its margin over the partner price, by segment, family and kind', async () => {
    const d = (await finance.gql(DASHBOARD)).data?.dashboard;
    expect(d.currency).toBe('USD');
    expect(d.months).toHaveLength(12);
    expect(d.months.at(-1)).toBe('2026-11');
    const { amount, cost } = await chargeTotals();
    expect(amount).toBeGreaterThan(0);
    expect(d.bySegment).toEqual([
      { month: '2026-11', key: 'COMMERCIAL', revenue: { amountMinor: amount }, margin: { amountMinor: amount - cost } },
    ]);
    expect(amount - cost).toBeGreaterThan(0);
    expect(d.byFamily).toEqual([{ month: '2026-11', key: 'Microsoft 365', revenue: { amountMinor: amount } }]);
    expect(d.byKind).toEqual([{ month: '2026-11', key: 'NEW', revenue: { amountMinor: amount } }]);
    expect(d.topResellers).toEqual([
      { name: 'Demo Reseller Co', revenue: { amountMinor: amount }, margin: { amountMinor: amount - cost } },
    ]);
    // The monthly subscription renews within the 13 weeks: counted in its week at its current value.
    const s = await t.app.db.read.findOneByOrFail(SubscriptionEntity, { resellerId });
    const due = d.renewalsDue.filter((w: { subscriptions: number }) => w.subscriptions > 0);
    expect(due).toEqual([
      { weekStart: expect.any(String), subscriptions: 1, value: { amountMinor: s.quantity * s.unitPriceMinor } },
    ]);
    expect(Date.parse(s.termEnd) - Date.parse(due[0].weekStart)).toBeLessThan(7 * DAY);
    expect(d.renewalsDue).toHaveLength(13);
    expect(d.returns).toEqual([{ month: '2026-11', seats: 5, returned: 0 }]);
    expect(d.terms).toEqual({ answered: 0, inside: 0, open: 0, overdue: 0 });
  });

  it('keeps the sums current through renewals and seat changes, each in the charge’s own transaction', async () => {
    const s = await t.app.db.read.findOneByOrFail(SubscriptionEntity, { resellerId });
    t.clock.set(new Date(Date.parse(s.termEnd) + DAY));
    await t.app.renewals.scan();
    await t.app.jobs.runDue();
    const added = await reseller.gql(
      `mutation($id: ID!) { addSubscriptionSeats(id: $id, quantity: 2, input: { idempotencyKey: "dashboard-add-1" }) { __typename } }`,
      { id: s.id },
    );
    expect(added.data?.addSubscriptionSeats.__typename).not.toMatch(/Refused|Failed/);
    const { amount, cost } = await chargeTotals();
    const day = await t.app.db.read.find(RevenueDayEntity);
    expect(day.reduce((sum, r) => sum + r.amountMinor, 0)).toBe(amount);
    expect(day.reduce((sum, r) => sum + r.costMinor, 0)).toBe(cost);
    expect(new Set(day.map((r) => r.kind))).toEqual(new Set(['NEW', 'RENEWAL', 'CHANGE']));
    const months = await t.app.db.read.find(RevenueResellerMonthEntity);
    expect(months.reduce((sum, r) => sum + r.amountMinor, 0)).toBe(amount);
    const d = (await finance.gql(DASHBOARD)).data?.dashboard;
    expect(d.byKind.map((k: { month: string; key: string }) => `${k.month} ${k.key}`).sort()).toEqual([
      '2026-11 NEW',
      '2026-12 CHANGE',
      '2026-12 RENEWAL',
    ]);
  });

  it('refuses a currency that is none, on its field', async () => {
    const refused = await finance.gql(
      '{ dashboard(currency: "Café") { __typename ... on ValidationFailed { fields { field code } } } }',
    );
    expect(refused.data?.dashboard).toEqual({
      __typename: 'ValidationFailed',
      fields: [{ field: 'currency', code: 'CURRENCY_INVALID' }],
    });
  });

  it('a reseller sees its own business, not the top resellers; sums rebuilt from the charges match those kept', async () => {
    const own = (await reseller.gql(DASHBOARD)).data?.dashboard;
    const staffView = (await finance.gql(DASHBOARD)).data?.dashboard;
    expect(own.bySegment).toEqual(staffView.bySegment);
    expect(own.topResellers).toEqual([]);
    expect(own.terms).toBeNull();
    const kept = await t.app.db.read.find(RevenueDayEntity, { order: { day: 'ASC', family: 'ASC', kind: 'ASC' } });
    await t.app.db.transaction(async (m) => {
      await m.clear(RevenueDayEntity);
      await m.clear(RevenueResellerMonthEntity);
      await RevenueRepository.backfill(m);
    });
    expect(await t.app.db.read.find(RevenueDayEntity, { order: { day: 'ASC', family: 'ASC', kind: 'ASC' } })).toEqual(
      kept,
    );
  });

  it('shows a reseller its months with its end customers at its markups: what it paid, their sales and its margin', async () => {
    const endCustomers = async (caller: Caller) =>
      (
        await caller.gql(
          '{ dashboard { ... on Dashboard { endCustomers { month paid { amountMinor } sales { amountMinor } margin { amountMinor } } } } }',
        )
      ).data?.dashboard.endCustomers;
    // No markups: customers pay what the reseller pays.
    const plain = await endCustomers(reseller);
    expect(plain.length).toBeGreaterThan(0);
    for (const m of plain) expect(m).toMatchObject({ sales: m.paid, margin: { amountMinor: 0 } });
    await reseller.gql(
      'mutation($r: ID!) { setResellerMarkup(resellerId: $r, input: { percent: 25 }) { __typename } }',
      { r: resellerId },
    );
    const marked = await endCustomers(reseller);
    for (const [i, m] of marked.entries()) {
      expect(m.paid).toEqual(plain[i].paid);
      expect(m.margin.amountMinor).toBeGreaterThanOrEqual(Math.floor(m.paid.amountMinor / 4));
      expect(m.margin.amountMinor).toBeLessThanOrEqual(Math.ceil(m.paid.amountMinor / 4) + 10);
      expect(m.sales.amountMinor).toBe(m.paid.amountMinor + m.margin.amountMinor);
    }
    // Staff see it on one reseller's dashboard; the distributor's has none.
    expect(
      (await seller.gql(`{ dashboard(resellerId: "${resellerId}") { ... on Dashboard { endCustomers { month } } } }`))
        .data?.dashboard.endCustomers,
    ).toHaveLength(marked.length);
    expect(await endCustomers(finance)).toBeNull();
  });
});
