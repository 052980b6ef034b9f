import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { insertRows } from '../db/sql.js';
import { nextPosition } from '../platform/sequence.js';

/** Appends to an order's timeline, after its last event. */
export async function appendOrderEvent(
  m: EntityManager,
  orderId: string,
  at: Date,
  state: string,
  message: string,
): Promise<void> {
  await insertRows(m, 'order_event', [
    {
      id: randomUUID(),
      order_id: orderId,
      at: at.toISOString(),
      seq: await nextPosition(m, 'order_event', 'order_id', orderId),
      state,
      message,
    },
  ]);
}
