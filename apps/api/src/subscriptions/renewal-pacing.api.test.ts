import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobEntity } from '../platform/jobs/job.entity.js';
import { buyProvisioned, demoResellerCaller, priceIdFor } from '../test-support/purchases.js';
import { createTestApp, importPriceList, TestClient, type TestApp } from '../test-support/test-app.js';
import { seedUsers } from '../test-support/users.js';
import { SubscriptionChargeEntity, SubscriptionEntity } from './entities.js';
import { RENEW_JOB } from './renewal.service.js';

const DAY = 86_400_000;

/** S8 at scale: the scheduled scan queues a renewal day's jobs as the workers drain them, not all at once. */
describe('the paced renewal scan', () => {
  let t: TestApp;
  let client: TestClient;

  beforeAll(async () => {
    t = await createTestApp();
    await importPriceList(t.app);
    await seedUsers(t.app);
    client = await TestClient.start(t.app);
    const { reseller, resellerId } = await demoResellerCaller(client);
    const monthly = await priceIdFor(reseller, 'P1M', 'MONTHLY');
    for (const customer of ['Pace One', 'Pace Two', 'Pace Three', 'Pace Four', 'Pace Five', 'Pace Six', 'Pace Seven'])
      await buyProvisioned(t, reseller, resellerId, { customer, priceId: monthly, quantity: 1 });
  });
  afterAll(async () => {
    await client.stop();
    await t.close();
  });

  it('never lets more than a backlog and a page of renewal jobs wait, and renews every one once', async () => {
    const subscriptions = await t.app.db.read.find(SubscriptionEntity);
    expect(subscriptions).toHaveLength(7);
    t.clock.advance(40 * DAY);
    let scanned: number | null = null;
    const scanning = t.app.renewals.scan({ paced: true, page: 2, backlog: 3 }).then((n) => (scanned = n));
    let most = 0;
    // A worker drains the queue a job at a time while the scan goes on.
    while (scanned === null) {
      most = Math.max(most, await t.app.db.read.countBy(JobEntity, { kind: RENEW_JOB, status: 'PENDING' }));
      await t.app.jobs.runDue(1);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await scanning;
    await t.app.jobs.runDue();
    expect(scanned).toBe(7);
    expect(most).toBeGreaterThan(0);
    expect(most).toBeLessThanOrEqual(3 + 2);
    const renewed = await t.app.db.read.countBy(SubscriptionChargeEntity, { chargeType: 'renew' });
    expect(renewed).toBe(7);
    expect(await t.app.db.read.countBy(JobEntity, { kind: RENEW_JOB, status: 'DONE' })).toBe(7);
  });
});
