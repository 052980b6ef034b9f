import { randomBytes, randomUUID } from 'node:crypto';
import { webhookEventsFromInput, webhookUrlFromInput, type WebhookEventType } from '@nce/domain';
import type { EntityManager } from 'typeorm';
import type { AuditService } from '../audit/index.js';
import type { Database } from '../db/database.js';
import type { Clock } from '../platform/clock.js';
import { checkPageSize, encodeCursor } from '../platform/cursor.js';
import type { DomainEvent } from '../platform/domain-events.js';
import { backoffMs, type JobQueue } from '../platform/jobs/job-queue.js';
import type { ModulePermission } from '../platform/permissions.js';
import {
  actingFor,
  Forbidden,
  requirePermission,
  systemContext,
  type RequestContext,
  type Transactional,
} from '../platform/request-context.js';
import { fail, invalidField, notFound, ok, type Result } from '../platform/result.js';
import type { SecretBox } from '../platform/secret-box.js';
import { SharedState } from '../platform/shared-state.js';
import type { WebhookDeliveryEntity, WebhookEndpointEntity } from './entities.js';
import type { WebhookSender } from './webhook-sender.js';
import type { WebhooksRepository } from './webhooks.repository.js';

export const WebhooksPermission = {
  /** Register endpoints for events, see and replay their deliveries: a reseller its own, staff any. */
  Manage: 'webhooks:manage',
} as const satisfies Record<string, ModulePermission>;

export const DELIVER_JOB = 'webhooks.deliver';
/** How long a delivery is retried (with the job queue's backoff) before it is given up. */
export const RETRY_FOR_MS = 24 * 3_600_000;
/** Attempts that the job queue's backoff spreads over RETRY_FOR_MS. */
export const DELIVERY_ATTEMPTS = (() => {
  let attempts = 1;
  for (let waited = 0; waited < RETRY_FOR_MS; attempts += 1) waited += backoffMs(attempts);
  return attempts;
})();
/** Endpoints an owner (a reseller, or the distributor) may have. */
export const MAX_ENDPOINTS = 10;
/** How long a process routes events by the endpoints it read (another process's change shows after it). */
const ENDPOINTS_CACHE_MS = 10_000;

/** A delivery waiting for its first attempt. */
const pendingDelivery = (
  d: Pick<WebhookDeliveryEntity, 'id' | 'endpointId' | 'eventKey' | 'eventType' | 'payload' | 'replayOf' | 'createdAt'>,
): WebhookDeliveryEntity => ({
  ...d,
  status: 'PENDING',
  attempts: 0,
  lastStatusCode: null,
  lastResponse: null,
  lastAttemptAt: null,
  deliveredAt: null,
});

/**
 * Webhooks: resellers (and the distributor) register endpoints of their own systems; every event published in a
 * change's transaction gets a delivery row there for each endpoint listening (the outbox), and a job posts it,
 * signed, retrying with backoff for a day. Delivering never slows or fails the change itself.
 */
export class WebhookService {
  /** The endpoints in use by the event types they listen to, read again every ENDPOINTS_CACHE_MS. */
  private readonly listeners = new SharedState(ENDPOINTS_CACHE_MS, async (ctx) =>
    byEventType(await this.repository.activeEndpoints(ctx)),
  );

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly jobs: JobQueue,
    private readonly audit: AuditService,
    private readonly secrets: SecretBox,
    private readonly repository: WebhooksRepository,
    private readonly sender: WebhookSender,
    private readonly settings: { allowPrivateTargets: boolean },
  ) {
    jobs.register(
      DELIVER_JOB,
      (payload, _job, done) => this.deliver(String(payload.endpointId), String(payload.eventKey), done),
      {
        onGiveUp: async (payload, error) => {
          const delivery = await this.repository.deliveryByEvent(
            this.system,
            String(payload.endpointId),
            String(payload.eventKey),
          );
          if (delivery)
            await this.db.transaction(this.system, (tx) =>
              this.repository.markFailed(tx, delivery.id, `Given up after a day: ${error.message}`),
            );
        },
      },
    );
  }

  private get system(): RequestContext {
    return systemContext(this.clock, 'system:webhooks');
  }

  /** Endpoints changed here: route the next events by them at once. */
  private forget(): void {
    this.listeners.forget();
  }

  /**
   * The outbox: for each event, one delivery per endpoint listening (the reseller's own and the distributor's),
   * written in the transaction of the change, with its job. No endpoint at all: nothing is read or written.
   */
  async onEvents(tx: Transactional, events: readonly DomainEvent[]): Promise<void> {
    const byType = await this.listeners.get(tx);
    if (byType.size === 0) return;
    const listening = (type: WebhookEventType) => byType.get(type) ?? [];
    const wanted = events.filter((e) => listening(e.type).length > 0);
    if (wanted.length === 0) return;
    const unnamed = (kind: 'order' | 'subscription') =>
      wanted
        .filter((e) => e.subject.type === kind && (kind === 'subscription' || e.resellerId === null))
        .map((e) => e.subject.id);
    const subjects = await this.repository.subjects(tx, unnamed('order'), unnamed('subscription'));
    const now = this.clock.now().toISOString();
    const deliveries: WebhookDeliveryEntity[] = [];
    for (const event of wanted) {
      const facts = event.subject.type === 'subscription' ? subjects.subscriptions.get(event.subject.id) : undefined;
      const resellerId =
        event.resellerId ??
        (event.subject.type === 'order' ? subjects.orders.get(event.subject.id) : facts?.resellerId) ??
        null;
      const id = randomUUID();
      const payload = JSON.stringify({
        id,
        type: event.type,
        createdAt: event.at,
        resellerId,
        subject: event.subject,
        data: facts
          ? {
              ...event.data,
              subscriptionId: event.subject.id,
              status: facts.status,
              quantity: facts.quantity,
              autoRenew: facts.autoRenew,
              termEnd: facts.termEnd,
            }
          : event.data,
      });
      for (const endpoint of listening(event.type))
        if (endpoint.resellerId === null || endpoint.resellerId === resellerId)
          deliveries.push(
            pendingDelivery({
              id: randomUUID(),
              endpointId: endpoint.id,
              eventKey: event.key ?? `event:${id}`,
              eventType: event.type,
              payload,
              replayOf: null,
              createdAt: now,
            }),
          );
    }
    await this.queue(tx, deliveries);
  }

  private async queue(tx: Transactional, deliveries: readonly WebhookDeliveryEntity[]): Promise<void> {
    if (deliveries.length === 0) return;
    await this.repository.insertDeliveries(tx, deliveries);
    await this.jobs.enqueueMany(
      tx.transaction,
      DELIVER_JOB,
      deliveries.map((d) => ({
        payload: { endpointId: d.endpointId, eventKey: d.eventKey },
        options: { key: `${DELIVER_JOB}:${d.endpointId}:${d.eventKey}`, maxAttempts: DELIVERY_ATTEMPTS },
      })),
    );
  }

  /** One attempt at a delivery; an answer other than 2xx fails the job, which the queue retries with backoff. */
  async deliver(endpointId: string, eventKey: string, done?: (m: EntityManager) => Promise<void>): Promise<void> {
    const delivery = await this.repository.deliveryByEvent(this.system, endpointId, eventKey);
    if (!delivery || delivery.status !== 'PENDING') return;
    const endpoint = await this.repository.endpoint(this.system, endpointId);
    if (!endpoint?.active) {
      await this.db.transaction(this.system, async (tx) => {
        await this.repository.markFailed(tx, delivery.id, 'The endpoint was removed.');
        await done?.(tx.transaction);
      });
      return;
    }
    const answer = await this.sender.send({
      url: endpoint.url,
      secret: this.secrets.decrypt(endpoint.secretEncrypted),
      deliveryId: delivery.id,
      eventType: delivery.eventType,
      timestamp: Math.floor(this.clock.now().getTime() / 1000),
      body: delivery.payload,
    });
    const delivered = answer.statusCode !== null && answer.statusCode >= 200 && answer.statusCode < 300;
    await this.db.transaction(this.system, async (tx) => {
      await this.repository.recordAttempt(tx, delivery.id, {
        ...answer,
        at: this.clock.now().toISOString(),
        delivered,
      });
      if (delivered) await done?.(tx.transaction);
    });
    if (!delivered) throw new Error(answer.statusCode === null ? answer.text : `answered ${answer.statusCode}`);
  }

  /** A reseller's endpoints (its own users, or staff), or with `resellerId` null the distributor's own (staff). */
  async list(ctx: RequestContext, resellerId: string | null): Promise<WebhookEndpointEntity[]> {
    const owner = this.ownerOf(ctx, resellerId);
    return this.repository.endpointsOf(ctx, owner);
  }

  /** Whether the caller may manage an endpoint: a reseller's by its users or staff, the distributor's by staff only. */
  private mayManage(ctx: RequestContext, endpoint: WebhookEndpointEntity): void {
    if (endpoint.resellerId) actingFor(ctx, endpoint.resellerId, WebhooksPermission.Manage);
    else if (ctx.principal?.kind === 'reseller') throw new Forbidden();
    else requirePermission(ctx, WebhooksPermission.Manage);
  }

  /** Whose endpoints a call is about: a reseller user's own; staff the reseller named or (null) the distributor's. */
  private ownerOf(ctx: RequestContext, resellerId: string | null): string | null {
    const owner = ctx.principal?.kind === 'reseller' ? ctx.principal.resellerId : resellerId;
    if (owner) actingFor(ctx, owner, WebhooksPermission.Manage);
    else requirePermission(ctx, WebhooksPermission.Manage);
    return owner;
  }

  /** Registers an endpoint; its signing secret is in the answer, once, and never shown again. */
  async create(
    ctx: RequestContext,
    input: { resellerId: string | null; url: string; events: readonly string[]; description: string },
  ): Promise<Result<{ endpoint: WebhookEndpointEntity; secret: string }>> {
    const owner = this.ownerOf(ctx, input.resellerId);
    const url = webhookUrlFromInput(input.url, this.settings.allowPrivateTargets);
    if (!url.ok) return invalidField('url', url.code, url.message);
    const events = webhookEventsFromInput(input.events);
    if (!events.ok) return invalidField('events', events.code, events.message);
    const description = input.description.trim();
    if (description.length > 200)
      return invalidField('description', 'TOO_LONG', 'Describe it in 200 characters or fewer.');
    const secret = `whsec_${randomBytes(24).toString('base64url')}`;
    const result = await this.db.transaction(ctx, async (tx) => {
      if ((await this.repository.endpointsOf(tx, owner)).length >= MAX_ENDPOINTS)
        return fail('TOO_MANY_ENDPOINTS', `At most ${MAX_ENDPOINTS} endpoints; remove one first.`);
      const endpoint: WebhookEndpointEntity = {
        id: randomUUID(),
        resellerId: owner,
        url: url.value,
        events: events.value.join(','),
        description,
        secretEncrypted: this.secrets.encrypt(secret),
        active: true,
        createdAt: this.clock.now().toISOString(),
        createdBy: ctx.principal?.email ?? 'system',
      };
      await this.repository.insertEndpoint(tx, endpoint);
      await this.audit.record(tx, {
        operation: 'webhooks.createEndpoint',
        entityType: 'WebhookEndpoint',
        entityId: endpoint.id,
        changes: { url: { before: null, after: endpoint.url }, events: { before: null, after: endpoint.events } },
      });
      return ok({ endpoint, secret });
    });
    this.forget();
    return result;
  }

  /** Stops sending to an endpoint; its deliveries stay listed, those not sent yet are not sent. */
  async remove(ctx: RequestContext, id: string): Promise<Result<WebhookEndpointEntity>> {
    const result = await this.db.transaction(ctx, async (tx) => {
      const endpoint = await this.repository.endpoint(tx, id);
      if (!endpoint?.active) return notFound('endpoint');
      this.mayManage(ctx, endpoint);
      await this.repository.deactivate(tx, id);
      await this.audit.record(tx, {
        operation: 'webhooks.removeEndpoint',
        entityType: 'WebhookEndpoint',
        entityId: id,
        changes: { active: { before: true, after: false } },
      });
      return ok({ ...endpoint, active: false });
    });
    this.forget();
    return result;
  }

  /** An endpoint's deliveries, newest first. */
  async deliveries(ctx: RequestContext, endpointId: string, first: number, after?: string | null) {
    checkPageSize(first);
    const endpoint = await this.repository.endpoint(ctx, endpointId);
    if (!endpoint) return null;
    this.mayManage(ctx, endpoint);
    const page = await this.repository.deliveries(ctx, endpointId, first, after);
    const last = page.deliveries.at(-1);
    return {
      deliveries: page.deliveries,
      hasNextPage: page.more,
      endCursor: last ? encodeCursor([last.createdAt, last.id]) : null,
    };
  }

  /** Sends a delivery's event again, as a new delivery of the same body (the receiver may dedupe on the event id). */
  async replay(ctx: RequestContext, deliveryId: string): Promise<Result<WebhookDeliveryEntity>> {
    return this.db.transaction(ctx, async (tx) => {
      const original = await this.repository.delivery(tx, deliveryId);
      const endpoint = original && (await this.repository.endpoint(tx, original.endpointId));
      if (!original || !endpoint) return notFound('delivery');
      this.mayManage(ctx, endpoint);
      if (!endpoint.active) return fail('ENDPOINT_REMOVED', 'The endpoint was removed; add it again to send to it.');
      const id = randomUUID();
      const replay = pendingDelivery({
        ...original,
        id,
        eventKey: `replay:${id}`,
        replayOf: original.id,
        createdAt: this.clock.now().toISOString(),
      });
      await this.queue(tx, [replay]);
      await this.audit.record(tx, {
        operation: 'webhooks.replayDelivery',
        entityType: 'WebhookEndpoint',
        entityId: endpoint.id,
        changes: { delivery: { before: original.id, after: id } },
      });
      return ok(replay);
    });
  }

  /** Sends a `ping` event to an endpoint, to try the receiving side. */
  async ping(ctx: RequestContext, endpointId: string): Promise<Result<WebhookDeliveryEntity>> {
    return this.db.transaction(ctx, async (tx) => {
      const endpoint = await this.repository.endpoint(tx, endpointId);
      if (!endpoint?.active) return notFound('endpoint');
      this.mayManage(ctx, endpoint);
      const id = randomUUID();
      const at = this.clock.now().toISOString();
      const delivery = pendingDelivery({
        id,
        endpointId,
        eventKey: `ping:${id}`,
        eventType: 'ping',
        payload: JSON.stringify({
          id,
          type: 'ping',
          createdAt: at,
          resellerId: endpoint.resellerId,
          subject: null,
          data: { message: 'A test event: your endpoint is reachable and can check the signature.' },
        }),
        replayOf: null,
        createdAt: at,
      });
      await this.queue(tx, [delivery]);
      return ok(delivery);
    });
  }
}

/** Endpoints by the event types they listen to. */
function byEventType(endpoints: readonly WebhookEndpointEntity[]): Map<string, WebhookEndpointEntity[]> {
  const byType = new Map<string, WebhookEndpointEntity[]>();
  for (const endpoint of endpoints)
    for (const type of endpoint.events.split(',')) byType.set(type, [...(byType.get(type) ?? []), endpoint]);
  return byType;
}
