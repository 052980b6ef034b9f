import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../app.js';
import { buyProvisioned, demoResellerCaller, priceIdFor, type Caller } from '../test-support/purchases.js';
import { startSmtpSink } from '../test-support/smtp-sink.js';
import { createTestApp, importPriceList, staff, TestClient, type TestApp } from '../test-support/test-app.js';
import { demo, seedUsers } from '../test-support/users.js';
import { SubscriptionEntity } from './entities.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('subscription reminders: windows closing, renewals coming, each sent once to the users who want them', () => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let client: TestClient;
  let reseller: Caller;
  let resellerId: string;
  let subscription: SubscriptionEntity;
  const colleague = 'colleague@demo-reseller.example';

  beforeAll(async () => {
    smtp = await startSmtpSink();
    t = await createTestApp({ SMTP_URL: smtp.url });
    await importPriceList(t.app);
    await seedUsers(t.app);
    client = await TestClient.start(t.app);
    ({ reseller, resellerId } = await demoResellerCaller(client));
    const created = await t.app.resellers.createUser(
      { principal: staff('admin'), requestId: 'test', clock: t.clock },
      resellerId,
      { email: colleague, displayName: 'Colin Colleague' },
    );
    expect(created.ok).toBe(true);
    const { orderId } = await buyProvisioned(t, reseller, resellerId, {
      customer: 'Wide World Importers',
      priceId: await priceIdFor(reseller, 'P1Y', 'MONTHLY'),
      quantity: 10,
    });
    subscription = await t.app.db.read.findOneByOrFail(SubscriptionEntity, { orderId });
  });
  afterAll(async () => {
    await client.stop();
    await t.close();
    await smtp.stop();
  });

  /** The mails sent since `from`, as the SMTP server received them (soft line breaks joined). */
  const mailsAfter = async (from: number) => {
    await t.app.jobs.runDue();
    return smtp.received.slice(from).map((m) => ({ to: m.to[0], text: m.raw.replace(/=\r?\n/g, '') }));
  };

  it('tells every user of the reseller 48 hours, then 24 hours, before a batch’s window closes; once each', async () => {
    const start = smtp.received.length;
    t.clock.set(new Date(Date.parse(subscription.termStart) + 121 * HOUR));
    expect(await t.app.reminders.scan()).toBe(1);
    expect(await t.app.reminders.scan()).toBe(0);
    const first = await mailsAfter(start);
    expect(first.map((m) => m.to).sort()).toEqual([colleague, demo('reseller').email].sort());
    expect(first[0]!.text).toContain('48 hours left to remove seats');
    t.clock.set(new Date(Date.parse(subscription.termStart) + 150 * HOUR));
    expect(await t.app.reminders.scan()).toBe(1);
    const second = await mailsAfter(start + 2);
    expect(second).toHaveLength(2);
    expect(second[0]!.text).toContain('24 hours left to remove seats');
    t.clock.set(new Date(Date.parse(subscription.termStart) + 169 * HOUR));
    expect(await t.app.reminders.scan()).toBe(0);
  });

  it('sends renewal reminders 60, 30 and 7 days ahead with the next price, only to users who did not turn them off', async () => {
    const off = await reseller.gql(
      'mutation { setNotificationSetting(topic: "SUBSCRIPTION_RENEWAL", enabled: false) { __typename ... on NotificationSettingsSaved { settings { topic enabled } } } }',
    );
    expect(off.data?.setNotificationSetting.settings).toContainEqual({ topic: 'SUBSCRIPTION_RENEWAL', enabled: false });
    const mine = await reseller.gql('{ me { notificationSettings { topic enabled } } }');
    expect(mine.data?.me.notificationSettings).toEqual([
      { topic: 'SUBSCRIPTION_WINDOW', enabled: true },
      { topic: 'SUBSCRIPTION_RENEWAL', enabled: false },
      { topic: 'SUBSCRIPTION_TRIAL', enabled: true },
    ]);
    const unknown = await reseller.gql(
      'mutation { setNotificationSetting(topic: "LOTTERY", enabled: true) { __typename ... on ValidationFailed { fields { field code } } } }',
    );
    expect(unknown.data?.setNotificationSetting).toMatchObject({ fields: [{ field: 'topic', code: 'UNKNOWN_TOPIC' }] });
    const start = smtp.received.length;
    const end = Date.parse(subscription.termEnd);
    for (const [daysBefore, threshold] of [
      [59, 60],
      [29, 30],
      [6, 7],
    ] as const) {
      t.clock.set(new Date(end - daysBefore * DAY));
      expect(await t.app.reminders.scan()).toBe(1);
      const latest = (await mailsAfter(start)).at(-1);
      expect(latest?.text).toContain(`Renews in ${threshold} days`);
    }
    const renewals = smtp.received.slice(start).map((m) => ({ to: m.to[0], text: m.raw.replace(/=\r?\n/g, '') }));
    expect(renewals).toHaveLength(3);
    expect(renewals.every((m) => m.to === colleague)).toBe(true);
    expect(renewals[0]!.text).toMatch(/10 seats at \$[\d,.]+ a seat/);
    const shown = await reseller.gql(`{ subscription(id: "${subscription.id}") { emails { to subject } } }`);
    expect(shown.data?.subscription.emails.length).toBeGreaterThanOrEqual(7);
  });

  it('sends none again after a restart: what was reminded is recorded with the mail', async () => {
    await t.app.db.close();
    const restarted: App = await createApp(t.app.config, { clock: t.clock, logger: t.app.logger });
    try {
      expect(await restarted.reminders.scan()).toBe(0);
      t.clock.advance(HOUR);
      expect(await restarted.reminders.scan()).toBe(0);
    } finally {
      await restarted.db.close();
    }
  });
});
