import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../platform/request-context.js';
import { backoffMs } from '../platform/jobs/job-queue.js';
import { buyProvisioned, demoResellerCaller, priceIdOfSku, type Caller } from '../test-support/purchases.js';
import { createTestApp, importPriceList, staff, TestClient, type TestApp } from '../test-support/test-app.js';
import { seedUsers } from '../test-support/users.js';
import { WebhookDeliveryEntity } from './entities.js';
import { HttpWebhookSender, webhookSignature } from './webhook-sender.js';
import { DELIVERY_ATTEMPTS, RETRY_FOR_MS } from './webhook.service.js';

/** A reseller's system on loopback: keeps every request; answers 500 while `failing` is above zero. */
async function startReceiver() {
  const received: { headers: IncomingHttpHeaders; body: string; answered: number }[] = [];
  const state = { failing: 0 };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const answered = state.failing > 0 ? 500 : 204;
      if (state.failing > 0) state.failing -= 1;
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), answered });
      res.statusCode = answered;
      res.end(answered === 500 ? 'busy' : '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
  return { url, received, state, stop: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const ENDPOINT = `... on WebhookEndpointCreated { secret endpoint { id url events } }
  ... on ValidationFailed { code fields { field code message } } ... on BusinessError { code message }`;

describe('webhooks: events pushed, signed, to resellers’ own systems through an outbox', () => {
  let t: TestApp;
  let client: TestClient;
  let reseller: Caller;
  let resellerId: string;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  const admin: Caller = { gql: (query, variables = {}) => client.gql(query, variables, staff('staff')) };
  let endpoint: { id: string; secret: string };

  beforeAll(async () => {
    t = await createTestApp({ WEBHOOKS_ALLOW_PRIVATE_TARGETS: 'true' });
    await importPriceList(t.app);
    await seedUsers(t.app);
    client = await TestClient.start(t.app);
    ({ reseller, resellerId } = await demoResellerCaller(client));
    receiver = await startReceiver();
  });
  afterAll(async () => {
    await receiver.stop();
    await client.stop();
    await t.close();
  });

  const create = async (caller: Caller, input: Record<string, unknown>) =>
    (
      await caller.gql(
        `mutation($i: WebhookEndpointInput!) { createWebhookEndpoint(input: $i) { __typename ${ENDPOINT} } }`,
        { i: input },
      )
    ).data?.createWebhookEndpoint;
  const deliveries = () => t.app.db.read.find(WebhookDeliveryEntity, { order: { createdAt: 'ASC' } });
  /** Runs due jobs, moving the clock past each retry's wait, until nothing is pending or `rounds` ran out. */
  const drain = async (rounds = 20) => {
    for (let round = 1; round <= rounds; round += 1) {
      await t.app.jobs.runDue();
      if ((await deliveries()).every((d) => d.status !== 'PENDING')) return;
      t.clock.advance(backoffMs(round) + 1_000);
    }
  };

  it('refuses an endpoint with a bad address or unknown events, and writes nothing', async () => {
    expect(await create(reseller, { url: 'ftp://example.com/x', events: ['order.placed'] })).toMatchObject({
      fields: [{ field: 'url', code: 'URL_NOT_HTTPS' }],
    });
    expect(await create(reseller, { url: 'example.com', events: ['order.placed'] })).toMatchObject({
      fields: [{ field: 'url', code: 'URL_INVALID' }],
    });
    expect(await create(reseller, { url: receiver.url, events: ['order.shipped'] })).toMatchObject({
      fields: [{ field: 'events', code: 'EVENTS_INVALID' }],
    });
    expect(await create(reseller, { url: receiver.url, events: [] })).toMatchObject({ fields: [{ field: 'events' }] });
    expect((await reseller.gql('{ webhookEndpoints { id } }')).data?.webhookEndpoints).toEqual([]);
  });

  it('shows the signing secret once; the endpoint is the reseller’s own, out of other resellers’ reach', async () => {
    const created = await create(reseller, {
      url: receiver.url,
      events: ['order.placed', 'order.provisioned', 'subscription.created', 'subscription.changed'],
      description: 'Our PSA',
    });
    expect(created).toMatchObject({ __typename: 'WebhookEndpointCreated', secret: expect.stringMatching(/^whsec_/) });
    endpoint = { id: created.endpoint.id, secret: created.secret };
    const listed = (await reseller.gql('{ webhookEndpoints { id url events description } }')).data?.webhookEndpoints;
    expect(listed).toEqual([
      {
        id: endpoint.id,
        url: receiver.url,
        events: ['order.placed', 'order.provisioned', 'subscription.created', 'subscription.changed'],
        description: 'Our PSA',
      },
    ]);
    // Stored encrypted: the secret is nowhere in the table.
    const [row] = await t.app.db.read.query('SELECT secret_encrypted FROM webhook_endpoint');
    expect(JSON.stringify(row)).not.toContain(endpoint.secret);
    const stranger = {
      gql: (q: string, v: Record<string, unknown> = {}) =>
        client.gql(q, v, {
          kind: 'reseller',
          userId: 'x',
          email: 'x@x.example',
          resellerId: '11111111-2222-4333-8444-555555555555',
        }),
    };
    expect((await stranger.gql('{ webhookEndpoints { id } }')).data?.webhookEndpoints).toEqual([]);
    expect(
      (await stranger.gql(`{ webhookDeliveries(endpointId: "${endpoint.id}", first: 5) { nodes { id } } }`)).errors?.[0]
        ?.extensions?.code,
    ).toBe('FORBIDDEN');
    // Staff see it under the reseller.
    expect(
      (await admin.gql('query($r: ID) { webhookEndpoints(resellerId: $r) { id } }', { r: resellerId })).data
        ?.webhookEndpoints,
    ).toEqual([{ id: endpoint.id }]);
  });

  it('delivers a purchase’s events signed; a receiver failing three times gets each exactly once, on the fourth try', async () => {
    receiver.state.failing = 3;
    const monthly = await priceIdOfSku(reseller, 'Microsoft 365 Business Basic', 'P1M', 'MONTHLY');
    await buyProvisioned(t, reseller, resellerId, { customer: 'Hooked Customer', priceId: monthly, quantity: 3 });
    await drain();
    const all = await deliveries();
    expect(all.map((d) => d.eventType).sort()).toEqual(
      ['order.placed', 'order.provisioned', 'subscription.changed', 'subscription.created'].sort(),
    );
    expect(all.every((d) => d.status === 'DELIVERED')).toBe(true);
    // Three 500s, then one success per delivery: no delivery reached the receiver's success twice.
    expect(receiver.received.filter((r) => r.answered === 500)).toHaveLength(3);
    const succeeded = receiver.received.filter((r) => r.answered === 204);
    expect(succeeded.map((r) => r.headers['x-nce-delivery']).sort()).toEqual(all.map((d) => d.id).sort());
    expect(all.reduce((n, d) => n + d.attempts, 0)).toBe(all.length + 3);
    for (const request of receiver.received) {
      const timestamp = Number(request.headers['x-nce-timestamp']);
      expect(request.headers['x-nce-signature']).toBe(
        `v1=${webhookSignature(endpoint.secret, timestamp, request.body)}`,
      );
      expect(request.headers['content-type']).toBe('application/json');
    }
    const placed = JSON.parse(succeeded.find((r) => r.headers['x-nce-event'] === 'order.placed')!.body);
    expect(placed).toMatchObject({
      type: 'order.placed',
      resellerId,
      data: { soNumber: expect.stringMatching(/^SO-/), lines: [{ quantity: 3, term: 'P1M' }] },
    });
    const created = JSON.parse(succeeded.find((r) => r.headers['x-nce-event'] === 'subscription.created')!.body);
    expect(created).toMatchObject({
      resellerId,
      data: { quantity: 3, status: expect.any(String), subscriptionId: expect.any(String) },
    });
    // What the receiver answered last is kept with each delivery.
    const listed = (
      await reseller.gql(
        `{ webhookDeliveries(endpointId: "${endpoint.id}", first: 10) { nodes { eventType status attempts lastStatusCode } } }`,
      )
    ).data?.webhookDeliveries.nodes;
    expect(listed.every((d: { lastStatusCode: number }) => d.lastStatusCode === 204)).toBe(true);
  });

  it('writes deliveries only with the change that raised the event: a rolled-back change sends nothing', async () => {
    const before = (await deliveries()).length;
    await expect(
      t.app.db.transaction(systemContext(t.clock, 'test'), async (tx) => {
        await t.app.events.publish(tx, [
          {
            type: 'order.placed',
            resellerId,
            subject: { type: 'order', id: 'x' },
            at: t.clock.now().toISOString(),
            data: {},
          },
        ]);
        expect((await tx.transaction.find(WebhookDeliveryEntity)).length).toBe(before + 1);
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await deliveries()).toHaveLength(before);
    // An event no endpoint listens to is no delivery at all.
    await t.app.db.transaction(systemContext(t.clock, 'test'), (tx) =>
      t.app.events.publish(tx, [
        {
          type: 'invoice.issued',
          resellerId,
          subject: { type: 'invoice', id: 'x' },
          at: t.clock.now().toISOString(),
          data: {},
        },
      ]),
    );
    expect(await deliveries()).toHaveLength(before);
  });

  it('replays a delivery and sends a test event; both arrive signed', async () => {
    const [first] = await deliveries();
    const replay = (
      await reseller.gql(
        `mutation { replayWebhookDelivery(id: "${first!.id}") { __typename ... on WebhookDeliveryQueued { delivery { id status } } } }`,
      )
    ).data?.replayWebhookDelivery;
    expect(replay).toMatchObject({ __typename: 'WebhookDeliveryQueued', delivery: { status: 'PENDING' } });
    const ping = (
      await reseller.gql(
        `mutation { sendTestWebhook(endpointId: "${endpoint.id}") { __typename ... on WebhookDeliveryQueued { delivery { id eventType } } } }`,
      )
    ).data?.sendTestWebhook;
    expect(ping).toMatchObject({ delivery: { eventType: 'ping' } });
    const seen = receiver.received.length;
    await drain();
    const sent = receiver.received.slice(seen);
    expect(sent.map((r) => r.headers['x-nce-delivery']).sort()).toEqual([replay.delivery.id, ping.delivery.id].sort());
    expect(JSON.parse(sent.find((r) => r.headers['x-nce-delivery'] === replay.delivery.id)!.body)).toEqual(
      JSON.parse(first!.payload),
    );
  });

  it('gives a delivery up after a day of failed attempts, and sends nothing to a removed endpoint', async () => {
    receiver.state.failing = 1_000;
    await t.app.db.transaction(systemContext(t.clock, 'test'), (tx) =>
      t.app.events.publish(tx, [
        {
          type: 'order.placed',
          resellerId,
          subject: { type: 'order', id: 'y' },
          at: t.clock.now().toISOString(),
          data: {},
        },
      ]),
    );
    const started = t.clock.now().getTime();
    await drain(DELIVERY_ATTEMPTS + 5);
    const failed = (await deliveries()).find((d) => d.status === 'FAILED')!;
    expect(failed).toMatchObject({ attempts: DELIVERY_ATTEMPTS, lastStatusCode: 500 });
    expect(failed.lastResponse).toMatch(/^Given up after a day/);
    const spent = Date.parse(failed.lastAttemptAt!) - started;
    expect(spent).toBeGreaterThanOrEqual(RETRY_FOR_MS - 15 * 60_000);
    expect(spent).toBeLessThan(RETRY_FOR_MS + 60 * 60_000);

    receiver.state.failing = 0;
    const removed = (await reseller.gql(`mutation { removeWebhookEndpoint(id: "${endpoint.id}") { __typename } }`)).data
      ?.removeWebhookEndpoint;
    expect(removed).toEqual({ __typename: 'WebhookEndpointRemoved' });
    const count = (await deliveries()).length;
    await t.app.db.transaction(systemContext(t.clock, 'test'), (tx) =>
      t.app.events.publish(tx, [
        {
          type: 'order.placed',
          resellerId,
          subject: { type: 'order', id: 'z' },
          at: t.clock.now().toISOString(),
          data: {},
        },
      ]),
    );
    expect(await deliveries()).toHaveLength(count);
    expect((await reseller.gql('{ webhookEndpoints { id } }')).data?.webhookEndpoints).toEqual([]);
  });

  it('lets staff register the distributor’s own endpoint, told of every reseller’s events and out of resellers’ reach', async () => {
    const created = await create(admin, { url: receiver.url, events: ['order.placed'], description: 'ERP' });
    expect(created).toMatchObject({ __typename: 'WebhookEndpointCreated' });
    expect((await admin.gql('{ webhookEndpoints { id description } }')).data?.webhookEndpoints).toEqual([
      { id: created.endpoint.id, description: 'ERP' },
    ]);
    const before = (await deliveries()).length;
    await t.app.db.transaction(systemContext(t.clock, 'test'), (tx) =>
      t.app.events.publish(tx, [
        {
          type: 'order.placed',
          resellerId,
          subject: { type: 'order', id: 'w' },
          at: t.clock.now().toISOString(),
          data: {},
        },
      ]),
    );
    const after = await deliveries();
    expect(after).toHaveLength(before + 1);
    expect(after.at(-1)).toMatchObject({ endpointId: created.endpoint.id, eventType: 'order.placed' });
    expect(
      (await reseller.gql(`mutation { sendTestWebhook(endpointId: "${created.endpoint.id}") { __typename } }`))
        .errors?.[0]?.extensions?.code,
    ).toBe('FORBIDDEN');
    expect((await reseller.gql('{ webhookEndpoints { id } }')).data?.webhookEndpoints).toEqual([]);
  });

  it('does not deliver to private addresses unless allowed, named in the URL or resolved from a name at connection', async () => {
    const refused = new HttpWebhookSender(false);
    const request = { secret: 's', deliveryId: 'd', eventType: 'ping', timestamp: 0, body: '{}' };
    expect(await refused.send({ ...request, url: 'http://127.0.0.1:9/hooks' })).toEqual({
      statusCode: null,
      text: '127.0.0.1 resolves to a private address; not delivered.',
    });
    // A name (here localhost) is resolved as the connection is made, and refused there: the receiver hears nothing.
    const port = new URL(receiver.url).port;
    const before = receiver.received.length;
    expect(await refused.send({ ...request, url: `http://localhost:${port}/hooks` })).toEqual({
      statusCode: null,
      text: 'localhost resolves to a private address; not delivered.',
    });
    expect(receiver.received).toHaveLength(before);
    // Allowed (tests, local tools), the same request arrives.
    receiver.state.failing = 0;
    expect(await new HttpWebhookSender(true).send({ ...request, url: `http://localhost:${port}/hooks` })).toMatchObject(
      {
        statusCode: 204,
      },
    );
    expect(receiver.received).toHaveLength(before + 1);
  });
});
