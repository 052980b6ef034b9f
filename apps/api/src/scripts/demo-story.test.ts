import { termsRequestSla } from '@nce/domain';
import { systemContext } from '../platform/request-context.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SalesOrderEntity } from '../orders/entities.js';
import { ResellerEntity } from '../resellers/reseller.entity.js';
import { SubscriptionChargeEntity, SubscriptionEntity } from '../subscriptions/entities.js';
import { SupportCaseEntity } from '../support/entities.js';
import { TermsRequestEntity } from '../terms/entities.js';
import { createTestApp, TEST_NOW, type TestApp } from '../test-support/test-app.js';
import { seedDemoData } from './demo-data.js';
import { OTHER_RESELLERS, seedDemoStory } from './demo-story.js';

const DAY = 24 * 3_600_000;

describe('the demo story: what a newcomer finds in the first ten minutes', () => {
  let t: TestApp;
  let told: string[];

  beforeAll(async () => {
    t = await createTestApp();
    await seedDemoData(t.app, { priceRows: 300 });
    told = await seedDemoStory(t.app.config, TEST_NOW);
  }, 60_000);
  afterAll(async () => t?.close());

  it('places months of orders, written through the product, in every state the product reaches', async () => {
    expect(told).toEqual([expect.stringMatching(/orders/)]);
    const orders = await t.app.db.read.find(SalesOrderEntity, { order: { placedAt: 'ASC' } });
    expect(new Set(orders.map((o) => o.status))).toEqual(
      new Set(['PROVISIONED', 'PARTIALLY_RETURNED', 'RETURNED', 'FAILED', 'PROVISIONING']),
    );
    expect(Date.parse(orders[0]!.placedAt)).toBeLessThan(TEST_NOW.getTime() - 100 * DAY);
    expect(orders.every((o) => Date.parse(o.placedAt) <= TEST_NOW.getTime())).toBe(true);
    expect(orders.filter((o) => o.paymentMethod === 'TERMS')).toHaveLength(3);
    // Each order has its audit trail and its events, as if a person had placed it.
    const audited = await t.app.audit.list(systemContext(t.app.clock, 'test'), { operation: 'orders.buy' }, 100);
    expect(audited.entries.length).toBe(orders.length);
  });

  it('leaves the demo reseller on terms near its limit, one reseller activating and one active without orders', async () => {
    const resellers = await t.app.db.read.find(ResellerEntity, { order: { companyName: 'ASC' } });
    expect(resellers.map((r) => [r.companyName, r.status])).toEqual([
      ['Demo Reseller Co', 'ACTIVE'],
      ['Harbor Digital Services', 'PENDING_ACTIVATION'],
      ['Northwind Solutions', 'ACTIVE'],
    ]);
    const credit = await t.app.terms.creditInUse(systemContext(t.clock, 'test'), resellers[0]!.id);
    expect(credit?.limit.amountMinor).toBe(2_000_000);
    const share = credit!.used.amountMinor / credit!.limit.amountMinor;
    expect(share).toBeGreaterThan(0.8);
    expect(share).toBeLessThan(1);
  });

  it('puts a terms request in the queue close to its answer deadline, and cases in the support queue', async () => {
    const open = await t.app.db.read.findBy(TermsRequestEntity, { status: 'SUBMITTED' });
    expect(
      open.map((r) => [
        r.companyName,
        r.requestedLimitMinor,
        termsRequestSla(r.status, new Date(r.waitingSince), t.app.clock.now()).sla,
      ]),
    ).toEqual([['Northwind Solutions', 5_000_000, 'DUE_SOON']]);
    const cases = await t.app.db.read.find(SupportCaseEntity, { order: { openedAt: 'ASC' } });
    expect(cases.map((c) => [c.type, c.status])).toEqual([
      ['RETURN', 'RESOLVED'],
      ['BILLING', 'OPEN'],
      ['PASSWORD_LOGIN', 'WAITING_ON_RESELLER'],
      ['OTHER', 'OPEN'],
    ]);
  });

  it('S2, S5, S8: leaves subscriptions in every state: pending, renewed, renewing this week, expired, suspended, cancelled, window open', async () => {
    const subscriptions = await t.app.db.read.find(SubscriptionEntity);
    // PENDING: the order placed a minute ago, which Microsoft is still setting up.
    expect(new Set(subscriptions.map((s) => s.status))).toEqual(
      new Set(['PENDING', 'ACTIVE', 'EXPIRED', 'SUSPENDED', 'DELETED']),
    );
    const now = TEST_NOW.getTime();
    const thisWeek = subscriptions.filter(
      (s) =>
        s.status === 'ACTIVE' && s.autoRenew && Date.parse(s.termEnd) > now && Date.parse(s.termEnd) < now + 7 * DAY,
    );
    expect(thisWeek).toHaveLength(1);
    expect(thisWeek[0]!.scheduledChanges).toEqual({ quantity: 8, term: 'P1M', billingPlan: 'MONTHLY', upgrade: null });
    expect(await t.app.db.read.countBy(SubscriptionChargeEntity, { chargeType: 'renew' })).toBeGreaterThanOrEqual(1);
    const open = await t.app.subscriptions.list(systemContext(t.clock, 'test'), { windowOpen: true }, 50);
    expect(open.subscriptions.length).toBeGreaterThanOrEqual(1);
  });

  it('S15, S16: leaves a trial converting in a few weeks and an order co-termed with a subscription', async () => {
    const subscriptions = await t.app.db.read.find(SubscriptionEntity);
    const trials = subscriptions.filter((s) => s.trial);
    expect(trials).toEqual([expect.objectContaining({ status: 'ACTIVE', autoRenew: true, quantity: 25 })]);
    expect(Date.parse(trials[0]!.termEnd)).toBeGreaterThan(TEST_NOW.getTime());
    expect(trials[0]!.scheduledChanges).toMatchObject({ quantity: 25, term: 'P1Y', billingPlan: 'MONTHLY' });
    const coTermed = subscriptions.filter(
      (s) => s.billingPlan === 'ANNUAL' && subscriptions.some((o) => o.id !== s.id && o.termEnd === s.termEnd),
    );
    expect(coTermed).toHaveLength(1);
    const [charge] = await t.app.db.read.findBy(SubscriptionChargeEntity, { subscriptionId: coTermed[0]!.id });
    // Its first term runs the ten months or so left of the other's year: charged for those days only.
    const fullYear = coTermed[0]!.unitPriceMinor * coTermed[0]!.quantity;
    const share = (Date.parse(coTermed[0]!.termEnd) - Date.parse(coTermed[0]!.termStart)) / (365 * DAY);
    expect(charge!.amountMinor / fullYear).toBeCloseTo(share, 2);
    expect(share).toBeLessThan(0.9);
  });

  it('S17: leaves a promotion in effect that the catalog prices with', async () => {
    const page = await t.app.catalog.browse(systemContext(t.app.clock, 'test'), { segment: 'COMMERCIAL' }, 50);
    const promoted = page.products.flatMap((p) => p.skus.flatMap((s) => s.prices.filter((x) => x.promotion)));
    expect(promoted).toHaveLength(1);
    expect(promoted[0]!.promotion).toMatchObject({ discountBasisPoints: 1500 });
  });

  it('leaves a price book with rules in effect and one to come, pricing the reseller that joined last', async () => {
    const staff = { ...systemContext(t.app.clock, 'test'), principal: null };
    const books = await t.app.pricing.list(staff);
    const gold = books.find((b) => b.book.name === 'Gold partners')!;
    expect(gold.rules.map((r) => [r.label, r.state]).sort()).toEqual([
      ['Gold partners: cost + 12 %', 'IN_EFFECT'],
      ['Gold partners: cost + 8 %', 'IN_EFFECT'],
      ['Gold partners: retail − 5 %', 'SCHEDULED'],
    ]);
    expect(gold.resellers).toEqual({ count: 1, names: [OTHER_RESELLERS.applying.companyName] });
  });

  it('gives the dashboard a year: revenue in each of the last twelve months, renewals due in the weeks ahead', async () => {
    const view = await t.app.dashboard.view(systemContext(t.app.clock, 'test'), { currency: 'USD' });
    if (!view.ok) throw new Error(view.failure.message);
    const d = view.value;
    const revenue = (month: string) =>
      d.bySegment.filter((r) => r.month === month).reduce((sum, r) => sum + r.amountMinor, 0);
    expect(d.months.map((m) => [m, revenue(m) > 0])).toEqual(d.months.map((m) => [m, true]));
    expect(d.renewalsDue.filter((w) => w.subscriptions > 0).length).toBeGreaterThanOrEqual(2);
    expect(d.topResellers.map((r) => r.name)).toEqual(['Demo Reseller Co']);
    // The story's returns and its terms requests: the approved ones answered, Northwind's open.
    expect(d.returns.reduce((n, r) => n + r.returned, 0)).toBeGreaterThan(0);
    expect(d.terms).toMatchObject({ open: 1 });
    expect(d.terms!.answered).toBeGreaterThanOrEqual(1);
    expect(d.terms!.inside).toBeLessThanOrEqual(d.terms!.answered);
  });

  it('is told once: a second run adds nothing', async () => {
    const before = await t.app.db.read.count(SalesOrderEntity);
    expect(await seedDemoStory(t.app.config, TEST_NOW)).toEqual([]);
    expect(await t.app.db.read.count(SalesOrderEntity)).toBe(before);
  });
});
