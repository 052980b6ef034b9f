import type { Database } from '../../db/database.js';
import type { RequestContext, Transactional } from '../../platform/request-context.js';
import { ToyEntity } from './toy.entity.js';

/** The toy context's table: all its SQL is here. */
export class ToysRepository {
  constructor(private readonly db: Database) {}

  all(ctx: RequestContext): Promise<ToyEntity[]> {
    return this.db.managerOf(ctx).find(ToyEntity, { order: { name: 'ASC' } });
  }

  insert(tx: Transactional, toy: ToyEntity): Promise<ToyEntity> {
    return tx.transaction.save(tx.transaction.create(ToyEntity, toy));
  }

  async paint(tx: Transactional, toyId: string): Promise<void> {
    await tx.transaction.update(ToyEntity, toyId, { painted: true });
  }
}
