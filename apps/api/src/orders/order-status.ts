import { nextOrderState, type OrderEvent, type OrderState } from '@nce/domain';
import type { AuditService } from '../audit/index.js';
import { updateReturning } from '../db/sql.js';
import type { Transactional } from '../platform/request-context.js';
import type { Clock } from '../platform/clock.js';
import { OrderLineEntity, SalesOrderEntity } from './entities.js';
import { appendOrderEvent } from './order-events.repository.js';

export interface OrderAtHand {
  id: string;
  soNumber: string;
  /** The status the caller decided on; the move happens only if the order still has it. */
  status: OrderState;
}

/** An order moved by someone else between the caller's read and its write: retry from a fresh read. */
export class OrderMovedConcurrently extends Error {
  constructor(soNumber: string) {
    super(`order ${soNumber} moved on concurrently`);
  }
}

/**
 * The one writer of an order's status (provisioning, staff retries, returns all come through here): the move
 * is checked against the domain's transition table, written only if the order is still where the caller saw
 * it, its version bumped, its timeline event appended and the audit entry recorded — all in the caller's
 * transaction. An illegal move is a bug in the caller, not a business answer, so it throws.
 */
export class OrderStatusWriter {
  constructor(
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  /**
   * Adds returned seats to a line, in the caller's transaction, only if the line still has the returned
   * quantity the caller decided on (so concurrent returns never refund a seat twice). Answers the order as it
   * is now, with whether every seat of it is returned; null when the line moved on meanwhile.
   */
  async recordReturn(
    tx: Transactional,
    line: Pick<OrderLineEntity, 'id' | 'orderId' | 'returnedQuantity'>,
    quantity: number,
  ): Promise<{ order: SalesOrderEntity; allReturned: boolean } | null> {
    const m = tx.transaction;
    const claimed = await m
      .createQueryBuilder()
      .update(OrderLineEntity)
      .set({ returnedQuantity: () => `returned_quantity + ${Number(quantity)}` })
      .where('id = :id AND returned_quantity = :seen', { id: line.id, seen: line.returnedQuantity })
      .execute();
    if (claimed.affected !== 1) return null;
    const lines = await m.findBy(OrderLineEntity, { orderId: line.orderId });
    const order = await m.findOneByOrFail(SalesOrderEntity, { id: line.orderId });
    return { order, allReturned: lines.every((l) => l.returnedQuantity >= l.quantity) };
  }

  async move(
    actor: Transactional,
    order: OrderAtHand,
    event: OrderEvent,
    message: string,
    changes: Record<string, { before: unknown; after: unknown }> = {},
  ): Promise<OrderState> {
    const next = nextOrderState(order.status, event);
    if (!next.ok) throw new Error(`order ${order.soNumber}: ${next.message}`);
    const m = actor.transaction;
    const now = this.clock.now();
    const moved = await updateReturning(
      m,
      'UPDATE sales_order SET status = ?, updated_at = ?, version = version + 1 WHERE id = ? AND status = ? RETURNING id',
      [next.to, now.toISOString(), order.id, order.status],
    );
    if (moved.length !== 1) throw new OrderMovedConcurrently(order.soNumber);
    await appendOrderEvent(m, order.id, now, next.to, message);
    await this.audit.record(actor, {
      operation: `orders.${event.toLowerCase()}`,
      entityType: 'Order',
      entityId: order.id,
      changes: { status: { before: order.status, after: next.to }, ...changes },
    });
    return next.to;
  }
}
