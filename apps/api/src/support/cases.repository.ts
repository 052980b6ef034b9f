import type { SortColumns } from '../platform/list-sort.js';
import { randomUUID } from 'node:crypto';
import { CUSTOMERS } from '../customers/published.js';
import type { Database } from '../db/database.js';
import { updateAtVersion } from '../db/versioned.js';
import { ORDERS } from '../orders/published.js';
import { containsPattern, keysetPage, type KeyOrder } from '../platform/cursor.js';
import type { RequestContext, Transactional } from '../platform/request-context.js';
import { nextPosition } from '../platform/sequence.js';
import { CaseCommentEntity, SupportCaseEntity } from './entities.js';

/** The columns the support cases list sorts on, each with the direction it starts in. */
export const CASE_SORTS = {
  OPENED: { column: 'opened_at', property: 'openedAt', direction: 'ASC' },
  UPDATED: { column: 'updated_at', property: 'updatedAt', direction: 'DESC' },
  SUBJECT: { column: 'subject', property: 'subject', direction: 'ASC' },
  TYPE: { column: 'type', property: 'type', direction: 'ASC' },
  STATUS: { column: 'status', property: 'status', direction: 'ASC' },
} satisfies SortColumns<string>;

/** Support cases (support_case), their conversation (case_comment), and whose the records they name are. */
export class CasesRepository {
  constructor(private readonly db: Database) {}

  /** In `ctx`'s transaction if one is open. */
  byId(ctx: RequestContext, id: string): Promise<SupportCaseEntity | null> {
    return this.db.managerOf(ctx).findOneBy(SupportCaseEntity, { id });
  }

  commentsOf(caseId: string): Promise<CaseCommentEntity[]> {
    return this.db.read.find(CaseCommentEntity, { where: { caseId }, order: { seq: 'ASC' } });
  }

  async page(
    filter: {
      resellerId?: string | null;
      statuses?: readonly string[] | null;
      type?: string | null;
      search?: string | null;
      assignee?: string | null;
    },
    first: number,
    after: string | null | undefined,
    order: KeyOrder,
  ): Promise<{ cases: SupportCaseEntity[]; hasNextPage: boolean; endCursor: string | null }> {
    const query = this.db.read.createQueryBuilder(SupportCaseEntity, 'c');
    if (filter.resellerId) query.andWhere('c.reseller_id = :resellerId', { resellerId: filter.resellerId });
    if (filter.statuses?.length) query.andWhere('c.status IN (:...statuses)', { statuses: filter.statuses });
    if (filter.type) query.andWhere('c.type = :type', { type: filter.type });
    if (filter.assignee) query.andWhere('c.assignee_email = :assignee', { assignee: filter.assignee });
    if (filter.search?.trim())
      query.andWhere("(LOWER(c.subject) LIKE :q ESCAPE '\\' OR LOWER(c.number) LIKE :q ESCAPE '\\')", {
        q: containsPattern(filter.search.trim()),
      });
    const page = await keysetPage(query, { alias: 'c', order, first, after });
    return { cases: page.rows, hasNextPage: page.hasNextPage, endCursor: page.endCursor };
  }

  /** The reseller a customer or an order belongs to; null when there is no such record. */
  async ownerOf(ctx: RequestContext, record: 'customer' | 'order', id: string): Promise<string | null> {
    const relation = record === 'customer' ? CUSTOMERS : ORDERS;
    const [row] = await this.db.query<{ reseller_id: string }>(
      ctx,
      `SELECT x.reseller_id FROM ${relation} x WHERE x.id = ?`,
      [id],
    );
    return row?.reseller_id ?? null;
  }

  /** The next case number, counted in the day-keyed counters table under the key CASES. */
  async nextNumber(tx: Transactional): Promise<string> {
    await this.db.query(
      tx,
      "INSERT INTO so_sequence (day, last) VALUES ('CASES', 1) ON CONFLICT (day) DO UPDATE SET last = so_sequence.last + 1",
    );
    const [{ last }] = await this.db.query<{ last: number | string }>(
      tx,
      "SELECT last FROM so_sequence WHERE day = 'CASES'",
    );
    return `CS-${String(Number(last)).padStart(6, '0')}`;
  }

  insert(tx: Transactional, supportCase: Partial<SupportCaseEntity>): Promise<SupportCaseEntity> {
    return tx.transaction.save(tx.transaction.create(SupportCaseEntity, supportCase));
  }

  /** Writes `fields` if the case is still at `version`: the case as saved, or null when it moved on. */
  async updateAt(
    tx: Transactional,
    id: string,
    version: number,
    fields: Partial<SupportCaseEntity>,
  ): Promise<SupportCaseEntity | null> {
    return updateAtVersion(tx.transaction, SupportCaseEntity, id, version, fields);
  }

  /** Appends to a case's conversation, after its last entry. */
  async addComment(tx: Transactional, comment: Omit<CaseCommentEntity, 'id' | 'seq'>): Promise<void> {
    const m = tx.transaction;
    const seq = await nextPosition(m, 'case_comment', 'case_id', comment.caseId);
    await m.insert(CaseCommentEntity, { id: randomUUID(), seq, ...comment });
  }
}
