import { nextOrderState, type OrderEvent, type OrderState } from '@nce/domain';
import type { AuditService } from '../audit/index.js';
import type { DomainEvents } from '../platform/domain-events.js';
import type { Transactional } from '../platform/request-context.js';
import type { Clock } from '../platform/clock.js';
import type { OrderLineEntity, SalesOrderEntity } from './entities.js';
import type { OrdersRepository } from './orders.repository.js';

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
    private readonly orders: OrdersRepository,
    private readonly events: DomainEvents | null = null,
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
    if (!(await this.orders.addReturned(tx, line.id, line.returnedQuantity, quantity))) return null;
    const lines = await this.orders.linesOf(tx, line.orderId);
    const order = await this.orders.byId(tx, line.orderId);
    if (!order) throw new Error(`line ${line.id} names no order`);
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
    const now = this.clock.now();
    if (!(await this.orders.moveStatus(actor, order.id, order.status, next.to, now.toISOString())))
      throw new OrderMovedConcurrently(order.soNumber);
    await this.orders.appendEvent(actor, order.id, now, next.to, message);
    await this.audit.record(actor, {
      operation: `orders.${event.toLowerCase()}`,
      entityType: 'Order',
      entityId: order.id,
      changes: { status: { before: order.status, after: next.to }, ...changes },
    });
    const type = next.to === 'PROVISIONED' ? 'order.provisioned' : next.to === 'FAILED' ? 'order.failed' : null;
    if (type)
      await this.events?.publish(actor, [
        {
          type,
          resellerId: null,
          subject: { type: 'order', id: order.id },
          at: now.toISOString(),
          data: { orderId: order.id, soNumber: order.soNumber, status: next.to, message },
        },
      ]);
    return next.to;
  }
}
