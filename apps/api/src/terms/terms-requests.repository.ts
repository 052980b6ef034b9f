import type { SortColumns } from '../platform/list-sort.js';
import { randomUUID } from 'node:crypto';
import type { Database } from '../db/database.js';
import { updateAtVersion } from '../db/versioned.js';
import { containsPattern, keysetPage, type KeyOrder } from '../platform/cursor.js';
import type { RequestContext, Transactional } from '../platform/request-context.js';
import { nextPosition } from '../platform/sequence.js';
import { TermsRequestEntity, TermsRequestNoteEntity } from './entities.js';

/** The columns the terms requests list sorts on, each with the direction it starts in. */
export const TERMS_REQUEST_SORTS = {
  SUBMITTED: { column: 'submitted_at', property: 'submittedAt', direction: 'ASC' },
  WAITING: { column: 'waiting_since', property: 'waitingSince', direction: 'ASC' },
  COMPANY: { column: 'company_name', property: 'companyName', direction: 'ASC' },
  STATUS: { column: 'status', property: 'status', direction: 'ASC' },
} satisfies SortColumns<string>;

/** Terms requests (terms_request) and their notes (terms_request_note). */
export class TermsRequestsRepository {
  constructor(private readonly db: Database) {}

  /** In `ctx`'s transaction if one is open. */
  byId(ctx: RequestContext, id: string): Promise<TermsRequestEntity | null> {
    return this.db.managerOf(ctx).findOneBy(TermsRequestEntity, { id });
  }

  /** The reseller's open request, if any (at most one: its open key is unique). */
  openOf(ctx: RequestContext, resellerId: string): Promise<TermsRequestEntity | null> {
    return this.db.managerOf(ctx).findOneBy(TermsRequestEntity, { openKey: resellerId });
  }

  notesOf(requestId: string): Promise<TermsRequestNoteEntity[]> {
    return this.db.read.find(TermsRequestNoteEntity, { where: { requestId }, order: { seq: 'ASC' } });
  }

  async page(
    filter: { resellerId?: string | null; statuses?: readonly string[] | null; search?: string | null },
    first: number,
    after: string | null | undefined,
    order: KeyOrder,
  ): Promise<{ requests: TermsRequestEntity[]; hasNextPage: boolean; endCursor: string | null }> {
    const query = this.db.read.createQueryBuilder(TermsRequestEntity, 't');
    if (filter.resellerId) query.andWhere('t.reseller_id = :resellerId', { resellerId: filter.resellerId });
    if (filter.statuses?.length) query.andWhere('t.status IN (:...statuses)', { statuses: filter.statuses });
    if (filter.search?.trim()) {
      const q = containsPattern(filter.search.trim());
      query.andWhere(
        "(LOWER(t.company_name) LIKE :q ESCAPE '\\' OR LOWER(t.marketplace_id) LIKE :q ESCAPE '\\' OR LOWER(t.bcn) LIKE :q ESCAPE '\\')",
        { q },
      );
    }
    const page = await keysetPage(query, { alias: 't', order, first, after });
    return { requests: page.rows, hasNextPage: page.hasNextPage, endCursor: page.endCursor };
  }

  insert(tx: Transactional, request: Partial<TermsRequestEntity>): Promise<TermsRequestEntity> {
    return tx.transaction.save(tx.transaction.create(TermsRequestEntity, request));
  }

  /** Writes `fields` if the request is still at `version`: the request as saved, or null when it moved on. */
  async updateAt(
    tx: Transactional,
    id: string,
    version: number,
    fields: Partial<TermsRequestEntity>,
  ): Promise<TermsRequestEntity | null> {
    return updateAtVersion(tx.transaction, TermsRequestEntity, id, version, fields);
  }

  /** Appends a note after the request's last one. */
  async addNote(tx: Transactional, note: Omit<TermsRequestNoteEntity, 'id' | 'seq'>): Promise<void> {
    const m = tx.transaction;
    const seq = await nextPosition(m, 'terms_request_note', 'request_id', note.requestId);
    await m.insert(TermsRequestNoteEntity, { id: randomUUID(), seq, ...note });
  }
}
