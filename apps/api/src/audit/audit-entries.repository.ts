import { MoreThanOrEqual } from 'typeorm';
import type { Database } from '../db/database.js';
import { insertRows } from '../db/sql.js';
import { containsPattern, keysetPage } from '../platform/cursor.js';
import type { Transactional } from '../platform/request-context.js';
import { AuditEntryEntity } from './audit-entry.entity.js';

/** The audit trail's table (audit_entry): appended to, never changed. */
export class AuditEntriesRepository {
  constructor(private readonly db: Database) {}

  /** Appends one entry, column by column (snake_case), in the caller's transaction. */
  async append(tx: Transactional, rows: readonly Record<string, unknown>[]): Promise<void> {
    await insertRows(tx.transaction, 'audit_entry', rows);
  }

  count(operation: string, since: Date, of: { entityId: string } | { actorUserId: string }): Promise<number> {
    return this.db.read.countBy(AuditEntryEntity, { operation, at: MoreThanOrEqual(since.toISOString()), ...of });
  }

  /** A page of entries ordered by time; `actorIds` and `entityIds` are what a typed name matched. */
  async page(
    filter: {
      actorUserId?: string | null;
      entityType?: string | null;
      entityId?: string | null;
      operation?: string | null;
      from: Date | null;
      to: Date | null;
      actor?: { text: string; ids: string[] } | null;
      entityIds?: string[] | null;
    },
    first: number,
    after: string | null | undefined,
    direction: 'ASC' | 'DESC',
  ): Promise<{ entries: AuditEntryEntity[]; hasNextPage: boolean; endCursor: string | null }> {
    const query = this.db.read.createQueryBuilder(AuditEntryEntity, 'a');
    if (filter.actorUserId) query.andWhere('a.actor_user_id = :actor', { actor: filter.actorUserId });
    if (filter.entityType) query.andWhere('a.entity_type = :type', { type: filter.entityType });
    if (filter.entityId) query.andWhere('a.entity_id = :entityId', { entityId: filter.entityId });
    if (filter.operation) query.andWhere('a.operation = :operation', { operation: filter.operation });
    if (filter.from) query.andWhere('a.at >= :from', { from: filter.from.toISOString() });
    if (filter.to) query.andWhere('a.at < :to', { to: filter.to.toISOString() });
    if (filter.actor) {
      query.andWhere(
        `(LOWER(a.actor_email) LIKE :actorText ESCAPE '\\'${filter.actor.ids.length ? ' OR a.actor_user_id IN (:...actorIds)' : ''})`,
        { actorText: containsPattern(filter.actor.text), actorIds: filter.actor.ids },
      );
    }
    if (filter.entityIds) query.andWhere('a.entity_id IN (:...entityIds)', { entityIds: filter.entityIds });
    const page = await keysetPage(query, {
      alias: 'a',
      order: { name: 'AT', column: 'at', property: 'at', direction },
      first,
      after,
    });
    return { entries: page.rows, hasNextPage: page.hasNextPage, endCursor: page.endCursor };
  }
}
