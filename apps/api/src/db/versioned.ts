import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';

/**
 * Writes `fields` to row `id` only if it is still at `version`, and moves its version on; the version in the
 * WHERE clause makes the check hold under concurrent writers on any database. Answers the row as saved, or
 * null when another change came first.
 */
export async function updateAtVersion<E extends ObjectLiteral & { id: string; version: number }>(
  m: EntityManager,
  entity: EntityTarget<E>,
  id: string,
  version: number,
  fields: QueryDeepPartialEntity<E>,
): Promise<E | null> {
  const updated = await m
    .createQueryBuilder()
    .update(entity)
    .set({ ...fields, version: () => 'version + 1' } as QueryDeepPartialEntity<E>)
    .where('id = :id AND version = :version', { id, version })
    .execute();
  return updated.affected === 1 ? m.findOneByOrFail(entity, { id } as never) : null;
}
