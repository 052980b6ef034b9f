import { systemContext } from '../platform/request-context.js';
import { termEndOf } from '@nce/domain';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buyProvisioned, demoResellerCaller, priceIdFor, type Caller } from '../test-support/purchases.js';
import { createTestApp, importPriceList, TestClient, type TestApp } from '../test-support/test-app.js';
import { seedUsers } from '../test-support/users.js';
import { AuditEntryEntity } from '../audit/audit-entry.entity.js';
import { SeatBatchEntity, SubscriptionChargeEntity, SubscriptionEntity, SubscriptionEventEntity } from './entities.js';

// S8: a term renews from 00:00 UTC the day after its end; a day later it is surely due.
const DAY = 86_400_000;

/** A renewal day renews the jobs claimed together in one transaction (S8), and falls back to one by one. */
describe('renewals claimed together', () => {
  let t: TestApp;
  let client: TestClient;
  let reseller: Caller;
  let resellerId: string;
  let monthly: number;
  const bought: string[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    await importPriceList(t.app);
    await seedUsers(t.app);
    client = await TestClient.start(t.app);
    ({ reseller, resellerId } = await demoResellerCaller(client));
    monthly = await priceIdFor(reseller, 'P1M', 'MONTHLY');
    for (const [i, customer] of [
      'Alpine Ski',
      'Boreal Bikes',
      'Coastal Cafe',
      'Delta Dental',
      'Ember Energy',
    ].entries()) {
      const { orderId } = await buyProvisioned(t, reseller, resellerId, {
        customer,
        priceId: monthly,
        quantity: i + 1,
      });
      bought.push((await t.app.db.read.findOneByOrFail(SubscriptionEntity, { orderId })).id);
    }
    // One of them does not renew: it expires in the same run, on its own.
    await t.app.db.read.update(SubscriptionEntity, { id: bought[4] }, { autoRenew: false });
  });
  afterAll(async () => {
    await client.stop();
    await t.close();
  });

  const written = async (ids: string[]) => ({
    subscriptions: await t.app.db.read.findBy(
      SubscriptionEntity,
      ids.map((id) => ({ id })),
    ),
    renewals: await t.app.db.read.findBy(
      SeatBatchEntity,
      ids.map((subscriptionId) => ({ subscriptionId, kind: 'RENEWAL' as const })),
    ),
    charges: await t.app.db.read.findBy(
      SubscriptionChargeEntity,
      ids.map((subscriptionId) => ({ subscriptionId, chargeType: 'renew' as const })),
    ),
    events: await t.app.db.read.findBy(
      SubscriptionEventEntity,
      ids.map((subscriptionId) => ({ subscriptionId, kind: 'RENEWED' })),
    ),
    audits: await t.app.db.read.findBy(
      AuditEntryEntity,
      ids.map((entityId) => ({ entityId, operation: 'subscriptions.renew' })),
    ),
  });

  it('S8: renews the due subscriptions together, each once, with its window, event, charge and audit entry', async () => {
    const renewing = bought.slice(0, 4);
    const before = await t.app.db.read.findBy(
      SubscriptionEntity,
      renewing.map((id) => ({ id })),
    );
    const termEnd = before[0]!.termEnd;
    t.clock.set(new Date(Date.parse(termEnd) + DAY));
    await t.app.renewals.scan();
    // Price books are read once a process every few seconds, not once a batch: read them before counting.
    await t.app.pricing.pricerFor(systemContext(t.clock, 'test'), { resellerId: 'none' }, termEnd.slice(0, 10));
    const statements = t.app.db.statements.count;
    await t.app.jobs.runDue();
    const spent = t.app.db.statements.count - statements;

    const after = await written(renewing);
    expect(after.subscriptions.map((s) => s.termStart).sort()).toEqual(before.map((s) => s.termEnd).sort());
    for (const s of after.subscriptions) {
      const was = before.find((b) => b.id === s.id)!;
      expect(s).toMatchObject({ status: 'ACTIVE', quantity: was.quantity, version: was.version + 1 });
      expect(s.termEnd).toBe(termEndOf(new Date(was.termEnd), 'P1M').toISOString());
    }
    expect(after.renewals).toHaveLength(4);
    expect(after.charges).toHaveLength(4);
    for (const c of after.charges) {
      const s = after.subscriptions.find((x) => x.id === c.subscriptionId)!;
      expect(c).toMatchObject({ quantity: s.quantity, amountMinor: s.unitPriceMinor * s.quantity });
      // Each charge names its own subscription's event.
      expect(after.events.find((e) => e.id === c.reference)?.subscriptionId).toBe(s.id);
    }
    expect(after.events).toHaveLength(4);
    // Each event is its subscription's next on its timeline.
    for (const e of after.events) {
      const timeline = await t.app.db.read.findBy(SubscriptionEventEntity, { subscriptionId: e.subscriptionId });
      expect(e.seq).toBe(Math.max(...timeline.map((x) => x.seq)));
      expect(new Set(timeline.map((x) => x.seq)).size).toBe(timeline.length);
    }
    expect(after.audits).toHaveLength(4);
    expect((await t.app.db.read.findOneByOrFail(SubscriptionEntity, { id: bought[4] })).status).toBe('EXPIRED');
    // Four renewals one by one take over forty statements; together a few more than one a renewal.
    // (Three of them keep the dashboard's sums current: a read of the batch's charges and two upserts, a batch.)
    expect(spent).toBeLessThan(34);

    // Run again: nothing is due, nothing renews twice.
    await t.app.renewals.scan();
    await t.app.jobs.runDue();
    const again = await written(renewing);
    expect(again.charges).toHaveLength(4);
    expect(again.renewals).toHaveLength(4);
  });

  it('runs the jobs one by one when the batch fails, leaving nothing of the batch behind', async () => {
    const renewing = bought.slice(0, 4);
    const before = await t.app.db.read.findBy(
      SubscriptionEntity,
      renewing.map((id) => ({ id })),
    );
    t.clock.set(new Date(Date.parse(before[0]!.termEnd) + DAY));
    await t.app.renewals.scan();
    // The batch's audit write fails once (a bug, an outage): its transaction rolls back whole.
    const failing = vi.spyOn(t.app.audit, 'recordMany').mockRejectedValueOnce(new Error('audit store unavailable'));
    await t.app.jobs.runDue();
    expect(failing).toHaveBeenCalled();
    failing.mockRestore();

    const after = await written(renewing);
    // Renewed twice in all (last test and now), once each time: one by one after the batch failed.
    expect(after.charges).toHaveLength(8);
    expect(after.renewals).toHaveLength(8);
    expect(after.events).toHaveLength(8);
    expect(after.audits).toHaveLength(8);
    for (const s of after.subscriptions) expect(s.termStart).toBe(before.find((b) => b.id === s.id)!.termEnd);
  });
});
