import { termEndOf } from '@nce/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, MODULES, type App } from '../app.js';
import { portable } from '../db/sql.js';
import { buyProvisioned, priceIdFor, type Caller } from '../test-support/purchases.js';
import { createTestApp, importPriceList, TestClient, type TestApp } from '../test-support/test-app.js';
import { demo, seedUsers } from '../test-support/users.js';
import { SeatBatchEntity, SubscriptionChargeEntity, SubscriptionEntity, SubscriptionEventEntity } from './entities.js';

const DAY = 86_400_000;

// S1: orders provisioned before subscriptions existed become subscriptions when the new version migrates.
describe('the subscriptions migration on a database of the previous version', () => {
  let t: TestApp;
  let upgraded: App;
  const bought: { orderId: string; quantity: number; returned: number; provisionedAt: string }[] = [];

  beforeAll(async () => {
    // The previous version: no subscriptions, nor the contexts built on them (billing reads their charges).
    t = await createTestApp(
      {},
      { modules: MODULES.filter((m) => !['subscriptions', 'billing', 'exports'].includes(m.name)) },
    );
    await importPriceList(t.app);
    await seedUsers(t.app);
    const client = await TestClient.start(t.app);
    await client.signIn(demo('reseller').email, demo('reseller').password);
    const me = (await client.gql('{ me { id email resellerId } }')).data?.me;
    const principal = { kind: 'reseller' as const, userId: me.id, email: me.email, resellerId: me.resellerId };
    const reseller: Caller = { gql: (query, variables = {}) => client.gql(query, variables, principal) };
    const annual = await priceIdFor(reseller, 'P1Y', 'MONTHLY');
    const monthly = await priceIdFor(reseller, 'P1M', 'MONTHLY');
    for (const [customer, priceId, quantity, returned] of [
      ['Old Tailspin', annual, 10, 3],
      ['Old Fourth Coffee', monthly, 4, 0],
      ['Old Litware', annual, 2, 2],
    ] as const) {
      const { orderId } = await buyProvisioned(t, reseller, me.resellerId, { customer, priceId, quantity });
      // Seats returned under the previous version: recorded on the line only.
      await t.app.db.read.query(
        portable(t.app.db.kind, 'UPDATE order_line SET returned_quantity = ? WHERE order_id = ?'),
        [returned, orderId],
      );
      const [order] = await t.app.db.read.query(
        portable(t.app.db.kind, 'SELECT provisioned_at FROM sales_order WHERE id = ?'),
        [orderId],
      );
      bought.push({ orderId, quantity, returned, provisionedAt: String(order.provisioned_at) });
      t.clock.advance(DAY);
    }
    await client.stop();
    const tables = await t.app.db.read.query(
      t.app.db.kind === 'sqlite'
        ? "SELECT name FROM sqlite_master WHERE name = 'subscription'"
        : "SELECT tablename AS name FROM pg_tables WHERE tablename = 'subscription'",
    );
    expect(tables).toEqual([]);
    await t.app.db.close();
    upgraded = await createApp(t.app.config, { clock: t.clock, logger: t.app.logger });
  });
  afterAll(async () => {
    await upgraded?.db.close();
    await t.close();
  });

  it('opens one subscription per provisioned line, on the term that began when its order was provisioned', async () => {
    for (const order of bought) {
      const s = await upgraded.db.read.findOneByOrFail(SubscriptionEntity, { orderId: order.orderId });
      expect(s).toMatchObject({
        quantity: order.quantity - order.returned,
        status: order.returned === order.quantity ? 'DELETED' : 'ACTIVE',
        autoRenew: order.returned < order.quantity,
        termStart: order.provisionedAt,
        segment: 'COMMERCIAL',
      });
      expect(s.termEnd).toBe(termEndOf(new Date(order.provisionedAt), s.term).toISOString());
      expect(s.tenantId).toBeTruthy();
      const batches = await upgraded.db.read.findBy(SeatBatchEntity, { subscriptionId: s.id });
      expect(batches.map((b) => [b.kind, b.quantity, b.removed])).toEqual([
        ['PURCHASE', order.quantity, order.returned],
      ]);
      const charges = await upgraded.db.read.findBy(SubscriptionChargeEntity, { subscriptionId: s.id });
      expect(charges.map((c) => [c.chargeType, c.quantity, c.amountMinor])).toEqual([
        ['new', order.quantity, s.unitPriceMinor * order.quantity],
      ]);
      expect(await upgraded.db.read.countBy(SubscriptionEventEntity, { subscriptionId: s.id })).toBe(1);
    }
    expect(await upgraded.db.read.count(SubscriptionEntity)).toBe(bought.length);
  });

  it('lets the renewal job catch up on a term that ended while the old version ran', async () => {
    t.clock.advance(40 * DAY);
    await upgraded.renewals.scan();
    await upgraded.jobs.runDue();
    const monthly = await upgraded.db.read.findOneByOrFail(SubscriptionEntity, { orderId: bought[1]!.orderId });
    expect(monthly.termStart).toBe(termEndOf(new Date(bought[1]!.provisionedAt), 'P1M').toISOString());
    const annual = await upgraded.db.read.findOneByOrFail(SubscriptionEntity, { orderId: bought[0]!.orderId });
    expect(annual.termStart).toBe(bought[0]!.provisionedAt);
  });
});
