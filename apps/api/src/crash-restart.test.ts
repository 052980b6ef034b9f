import { In } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { AuditEntryEntity } from './audit/audit-entry.entity.js';
import { CustomerEntity } from './customers/customer.entity.js';
import { EmailMessageEntity } from './mail/email-message.entity.js';
import { OrderEventEntity, OrderLineEntity, SalesOrderEntity } from './orders/entities.js';
import { systemContext } from './platform/request-context.js';
import { JobEntity } from './platform/jobs/job.entity.js';
import { ResellerActivationEntity } from './resellers/reseller-activation.entity.js';
import { ResellerEntity } from './resellers/reseller.entity.js';
import { eventually, startApiProcess, type ApiProcess } from './test-support/api-process.js';
import { createTestApp, importPriceList, processEnv, type TestApp } from './test-support/test-app.js';
import { demo, seedUsers } from './test-support/users.js';

/** A browser-like client of a running API process: its own session cookie. */
class Client {
  private cookie = '';
  constructor(private url: string) {}
  moveTo(url: string) {
    this.url = url;
  }
  async gql(query: string, variables: Record<string, unknown> = {}): Promise<any> {
    const response = await fetch(`${this.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: this.cookie },
      body: JSON.stringify({ query, variables }),
    });
    const session = response.headers
      .getSetCookie()
      .map((c) => c.split(';')[0]!)
      .find((c) => c.startsWith('nce_session='));
    if (session) this.cookie = session;
    return response.json();
  }
  signIn(email: string, password: string) {
    return this.gql('mutation($e: EmailText!, $p: Password!) { signIn(email: $e, password: $p) { __typename } }', {
      e: email,
      p: password,
    });
  }
}

/**
 * Starts the API on the test's clock; each start after the first moves that clock on by the time the
 * previous process ran, so a restart never sends the product's time backwards.
 */
function clockedStart(t: TestApp, extra: Record<string, string>): () => Promise<ApiProcess> {
  let startedAt: number | null = null;
  return () => {
    if (startedAt !== null) t.clock.advance(Math.ceil(performance.now() - startedAt));
    startedAt = performance.now();
    return startApiProcess(processEnv(t, extra));
  };
}

describe('the API killed (SIGKILL) and started again', () => {
  it('mid-Buy and mid-provisioning: no half-written order, no double, every provisioning resumes and finishes once', async () => {
    const t = await createTestApp();
    let api: ApiProcess | null = null;
    try {
      await importPriceList(t.app);
      await seedUsers(t.app);
      const reseller = await t.app.db.read.findOneByOrFail(ResellerEntity, { marketplaceId: 'MP-100001' });
      const customer = await t.app.db.read.findOneByOrFail(CustomerEntity, { portalLogin: 'contoso.pharmacy' });
      const [{ id: priceId }] = await t.app.db.read.query(
        "SELECT pr.id FROM catalog_price pr JOIN catalog_sku s ON s.id = pr.sku_ref JOIN catalog_product p ON p.id = s.product_id WHERE pr.segment = 'COMMERCIAL' AND pr.market = 'US' AND p.kind = 'SUBSCRIPTION' AND pr.effective_end IS NULL ORDER BY pr.id LIMIT 1",
      );
      const start = clockedStart(t, { PROVISIONING_DELAY_SECONDS: '1', JOB_LEASE_SECONDS: '2' });
      api = await start();
      const client = new Client(api.url);
      await client.signIn(demo('reseller').email, demo('reseller').password);

      // One purchase as the SPA makes it; a retry after a failure repeats it with the same idempotency key.
      const purchase = async (key: string) => {
        await client.gql('mutation($r: ID!, $p: Int!) { addToCart(resellerId: $r, priceId: $p) { __typename } }', {
          r: reseller.id,
          p: Number(priceId),
        });
        await client.gql(
          'mutation($r: ID!, $c: ID!) { bindCartCustomer(resellerId: $r, customerId: $c) { __typename } }',
          { r: reseller.id, c: customer.id },
        );
        const bought = await client.gql(
          'mutation($r: ID!, $k: Code!) { buy(resellerId: $r, input: { idempotencyKey: $k }) { __typename ... on OrderPlaced { order { id } } } }',
          { r: reseller.id, k: key },
        );
        if (bought.data?.buy.__typename !== 'OrderPlaced') throw new Error(`buy ${key}: ${JSON.stringify(bought)}`);
        return String(bought.data.buy.order.id);
      };
      const placed = new Map<string, string>();
      const buyUntilKilled = async (prefix: string) => {
        for (let n = 0; ; n += 1) {
          const key = `${prefix}-${String(n).padStart(4, '0')}`;
          try {
            placed.set(key, await purchase(key));
          } catch {
            return key; // the process died under this purchase
          }
        }
      };

      for (const round of ['crash-a', 'crash-b']) {
        const inFlight = buyUntilKilled(round);
        await new Promise((resolve) => setTimeout(resolve, 1_500));
        await api.kill();
        const interrupted = await inFlight;
        api = await start();
        client.moveTo(api.url);
        // The buyer tries the interrupted purchase again with its key: it lands once, whether or not it had committed.
        placed.set(interrupted, await purchase(interrupted));
        expect(await purchase(interrupted)).toBe(placed.get(interrupted));
      }
      expect(placed.size).toBeGreaterThan(4);

      const orders = await t.app.db.read.findBy(SalesOrderEntity, { resellerId: reseller.id });
      // Provisioned, and its email written: the mail job runs after the order's last commit.
      await eventually(
        async () => {
          const now = await t.app.db.read.findBy(SalesOrderEntity, { resellerId: reseller.id });
          if (!now.every((o) => o.status === 'PROVISIONED')) return false;
          const mailed = await t.app.db.read.countBy(EmailMessageEntity, {
            relatedType: 'Order',
            relatedId: In(now.map((o) => o.id)),
          });
          return mailed >= now.length;
        },
        60_000,
        () => `not every order was provisioned and mailed:\n${api!.output()}`,
      );
      // No double: one order per key the buyer used, and every order is one the buyer was told about.
      expect(orders).toHaveLength(placed.size);
      expect(new Set(orders.map((o) => o.id))).toEqual(new Set(placed.values()));
      for (const order of orders) {
        const lines = await t.app.db.read.findBy(OrderLineEntity, { orderId: order.id });
        const events = await t.app.db.read.findBy(OrderEventEntity, { orderId: order.id });
        const where = `order ${order.soNumber}`;
        // Nothing half-written: the order, its lines, its timeline, its jobs and its one email.
        expect(lines.length, where).toBeGreaterThan(0);
        expect(
          lines.reduce((sum, l) => sum + l.lineTotalMinor, 0),
          where,
        ).toBe(order.totalMinor);
        expect(
          lines.every((l) => l.subscriptionId && l.status === 'PROVISIONED'),
          where,
        ).toBe(true);
        expect(
          events.filter((e) => e.state === 'PLACED'),
          where,
        ).toHaveLength(1);
        expect(
          events.filter((e) => e.state === 'PROVISIONED'),
          where,
        ).toHaveLength(1);
        for (const line of lines)
          expect(
            events.filter((e) => e.message.includes(line.subscriptionId!)),
            where,
          ).toHaveLength(1);
        expect(
          await t.app.db.read.countBy(JobEntity, { key: `order.provision:${order.id}`, status: 'DONE' }),
          where,
        ).toBe(1);
        expect(
          await t.app.db.read.countBy(EmailMessageEntity, { relatedType: 'Order', relatedId: order.id }),
          where,
        ).toBe(1);
      }
      expect(await t.app.db.read.query("SELECT id FROM cart WHERE status = 'OPEN' AND open_key IS NULL")).toEqual([]);
    } finally {
      await api?.stop();
      await t.close();
    }
  }, 180_000);

  it('before its activation is due: the activation completes once after the restart (R1)', async () => {
    const t = await createTestApp();
    let api: ApiProcess | null = null;
    try {
      await seedUsers(t.app);
      const actor = systemContext(t.clock, 'system:test');
      const created = await t.app.resellers.create(actor, {
        companyName: 'Crash Test Cloud',
        marketplaceId: 'MP-400001',
        bcn: '20-400001',
        address: { line1: '500 Market St', city: 'San Francisco', region: 'CA', postalCode: '94105', country: 'US' },
        contact: { name: 'Ann Acme', email: 'ann@crash.example', phone: '+1 415 555 0100' },
      });
      if (!created.ok) throw new Error(JSON.stringify(created));
      const id = created.value.id;
      const user = await t.app.resellers.createUser(actor, id, { email: 'rob@crash.example', displayName: 'Rob' });
      if (!user.ok) throw new Error(JSON.stringify(user));
      const token = new URL(user.value.resetUrl).searchParams.get('token')!;
      expect((await t.app.identity.resetPassword(actor, token, 'rob sets a passphrase')).ok).toBe(true);

      const start = clockedStart(t, { ACTIVATION_DELAY_SECONDS: '2' });
      api = await start();
      const rob = new Client(api.url);
      expect((await rob.signIn('rob@crash.example', 'rob sets a passphrase')).data?.signIn.__typename).toBe('SignedIn');
      expect(await t.app.db.read.countBy(ResellerActivationEntity, { resellerId: id, status: 'PENDING' })).toBe(1);
      await api.kill();

      api = await start();
      await eventually(
        async () => (await t.app.db.read.findOneByOrFail(ResellerEntity, { id })).status === 'ACTIVE',
        30_000,
        () => `not activated:\n${api!.output()}`,
      );
      // Signing in again after the restart places no second activation order.
      await new Client(api.url).signIn('rob@crash.example', 'rob sets a passphrase');
      expect(await t.app.db.read.findBy(ResellerActivationEntity, { resellerId: id })).toMatchObject([
        { status: 'COMPLETED' },
      ]);
      expect(
        await t.app.db.read.countBy(AuditEntryEntity, { operation: 'resellers.activationCompleted', entityId: id }),
      ).toBe(1);
      expect(await t.app.db.read.findBy(JobEntity, { kind: 'reseller.activate' })).toMatchObject([{ status: 'DONE' }]);
    } finally {
      await api?.stop();
      await t.close();
    }
  }, 120_000);
});
