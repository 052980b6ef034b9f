import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { OrderEventEntity } from './entities.js';

/** Appends to an order's timeline, after its last event. */
export async function appendOrderEvent(m: EntityManager, orderId: string, at: Date, state: string, message: string): Promise<void> {
  const last = await m.createQueryBuilder(OrderEventEntity, 'e').select('MAX(e.seq)', 'seq').where('e.order_id = :orderId', { orderId }).getRawOne<{ seq: number | string | null }>();
  await m.insert(OrderEventEntity, { id: randomUUID(), orderId, at: at.toISOString(), seq: Number(last?.seq ?? 0) + 1, state, message });
}
