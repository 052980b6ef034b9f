import { IsNull } from 'typeorm';
import type { Database } from '../db/database.js';
import { insertRows } from '../db/sql.js';
import { ORDERS } from '../orders/published.js';
import { decodeCursor } from '../platform/cursor.js';
import type { RequestContext, Transactional } from '../platform/request-context.js';
import { SUBSCRIPTIONS } from '../subscriptions/published.js';
import { WebhookDeliveryEntity, WebhookEndpointEntity } from './entities.js';

/** Subscription facts a subscription event carries to systems outside. */
export interface SubscriptionFacts {
  resellerId: string;
  status: string;
  quantity: number;
  autoRenew: boolean;
  termEnd: string;
}

/** Webhook endpoints and their deliveries (webhook_endpoint, webhook_delivery). */
export class WebhooksRepository {
  constructor(private readonly db: Database) {}

  /** Every endpoint in use, read through `ctx` (its transaction, if it has one). */
  activeEndpoints(ctx: RequestContext): Promise<WebhookEndpointEntity[]> {
    return this.db.managerOf(ctx).find(WebhookEndpointEntity, { where: { active: true }, order: { createdAt: 'ASC' } });
  }

  /** A reseller's endpoints in use, or (null) the distributor's own. */
  endpointsOf(ctx: RequestContext, resellerId: string | null): Promise<WebhookEndpointEntity[]> {
    return this.db.managerOf(ctx).find(WebhookEndpointEntity, {
      where: { resellerId: resellerId ?? IsNull(), active: true },
      order: { createdAt: 'ASC' },
    });
  }

  endpoint(ctx: RequestContext, id: string): Promise<WebhookEndpointEntity | null> {
    return this.db.managerOf(ctx).findOneBy(WebhookEndpointEntity, { id });
  }

  async insertEndpoint(tx: Transactional, endpoint: WebhookEndpointEntity): Promise<void> {
    await tx.transaction.insert(WebhookEndpointEntity, endpoint);
  }

  async deactivate(tx: Transactional, id: string): Promise<void> {
    await tx.transaction.update(WebhookEndpointEntity, { id }, { active: false });
  }

  /** The outbox: deliveries written with the change that raised their events; one an event already has is kept. */
  async insertDeliveries(tx: Transactional, deliveries: readonly WebhookDeliveryEntity[]): Promise<void> {
    await insertRows(
      tx.transaction,
      'webhook_delivery',
      deliveries.map((d) => ({
        id: d.id,
        endpoint_id: d.endpointId,
        event_key: d.eventKey,
        event_type: d.eventType,
        payload: d.payload,
        status: d.status,
        attempts: 0,
        last_status_code: null,
        last_response: null,
        last_attempt_at: null,
        delivered_at: null,
        replay_of: d.replayOf,
        created_at: d.createdAt,
      })),
      { onConflictDoNothing: 'endpoint_id, event_key' },
    );
  }

  delivery(ctx: RequestContext, id: string): Promise<WebhookDeliveryEntity | null> {
    return this.db.managerOf(ctx).findOneBy(WebhookDeliveryEntity, { id });
  }

  deliveryByEvent(ctx: RequestContext, endpointId: string, eventKey: string): Promise<WebhookDeliveryEntity | null> {
    return this.db.managerOf(ctx).findOneBy(WebhookDeliveryEntity, { endpointId, eventKey });
  }

  async recordAttempt(
    tx: Transactional,
    id: string,
    attempt: { statusCode: number | null; text: string; at: string; delivered: boolean },
  ): Promise<void> {
    await this.db.query(
      tx,
      `UPDATE webhook_delivery SET attempts = attempts + 1, last_status_code = ?, last_response = ?, last_attempt_at = ?,
         status = ?, delivered_at = ? WHERE id = ?`,
      [
        attempt.statusCode,
        attempt.text.slice(0, 500),
        attempt.at,
        attempt.delivered ? 'DELIVERED' : 'PENDING',
        attempt.delivered ? attempt.at : null,
        id,
      ],
    );
  }

  async markFailed(tx: Transactional, id: string, reason: string): Promise<void> {
    await tx.transaction.update(
      WebhookDeliveryEntity,
      { id, status: 'PENDING' },
      { status: 'FAILED', lastResponse: reason.slice(0, 500) },
    );
  }

  /** An endpoint's deliveries, newest first, a page at a time. */
  async deliveries(
    ctx: RequestContext,
    endpointId: string,
    first: number,
    after: string | null | undefined,
  ): Promise<{ deliveries: WebhookDeliveryEntity[]; more: boolean }> {
    const params: unknown[] = [endpointId];
    let where = 'd.endpoint_id = ?';
    if (after) {
      const [createdAt, id] = decodeCursor(after, ['string', 'string']) as [string, string];
      where += ' AND (d.created_at < ? OR (d.created_at = ? AND d.id < ?))';
      params.push(createdAt, createdAt, id);
    }
    const rows = await this.db.query<{ id: string }>(
      ctx,
      `SELECT d.id FROM webhook_delivery d WHERE ${where} ORDER BY d.created_at DESC, d.id DESC LIMIT ?`,
      [...params, first + 1],
    );
    const ids = rows.slice(0, first).map((r) => r.id);
    const found = ids.length
      ? await this.db.managerOf(ctx).findBy(
          WebhookDeliveryEntity,
          ids.map((id) => ({ id })),
        )
      : [];
    const byId = new Map(found.map((d) => [d.id, d]));
    return { deliveries: ids.map((id) => byId.get(id)!), more: rows.length > first };
  }

  /** The resellers of orders and the facts of subscriptions that events name, read in the events' transaction. */
  async subjects(
    tx: Transactional,
    orderIds: readonly string[],
    subscriptionIds: readonly string[],
  ): Promise<{ orders: Map<string, string>; subscriptions: Map<string, SubscriptionFacts> }> {
    const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ');
    const orders = orderIds.length
      ? await this.db.query<{ id: string; reseller_id: string }>(
          tx,
          `SELECT o.id, o.reseller_id FROM ${ORDERS} o WHERE o.id IN (${marks(orderIds.length)})`,
          [...orderIds],
        )
      : [];
    const subscriptions = subscriptionIds.length
      ? await this.db.query<Record<string, unknown>>(
          tx,
          `SELECT s.id, s.reseller_id, s.status, s.quantity, s.auto_renew, s.term_end FROM ${SUBSCRIPTIONS} s
           WHERE s.id IN (${marks(subscriptionIds.length)})`,
          [...subscriptionIds],
        )
      : [];
    return {
      orders: new Map(orders.map((o) => [o.id, o.reseller_id])),
      subscriptions: new Map(
        subscriptions.map((s) => [
          String(s.id),
          {
            resellerId: String(s.reseller_id),
            status: String(s.status),
            quantity: Number(s.quantity),
            autoRenew: s.auto_renew === true || s.auto_renew === 1,
            termEnd: String(s.term_end),
          },
        ]),
      ),
    };
  }
}
