import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { nextPosition } from '../platform/sequence.js';
import { OrderEventEntity } from './entities.js';

/** Appends to an order's timeline, after its last event. */
export async function appendOrderEvent(m: EntityManager, orderId: string, at: Date, state: string, message: string): Promise<void> {
  await m.insert(OrderEventEntity, { id: randomUUID(), orderId, at: at.toISOString(), seq: await nextPosition(m, 'order_event', 'order_id', orderId), state, message });
}
