import type { Database } from '../db/database.js';
import type { RequestContext, Transactional } from '../platform/request-context.js';
import { CreditNoteEntity } from './entities.js';

/** Credit notes (credit_note): one per return, found again by the return's idempotency key. */
export class CreditNotesRepository {
  constructor(private readonly db: Database) {}

  /** The note a return with this key issued, in `ctx`'s transaction if one is open. */
  byKey(ctx: RequestContext, key: string): Promise<CreditNoteEntity | null> {
    return this.db.managerOf(ctx).findOneBy(CreditNoteEntity, { idempotencyKey: key });
  }

  /** An order's notes, oldest first. */
  ofOrder(orderId: string): Promise<CreditNoteEntity[]> {
    return this.db.read.find(CreditNoteEntity, { where: { orderId }, order: { issuedAt: 'ASC', number: 'ASC' } });
  }

  async insert(tx: Transactional, note: CreditNoteEntity): Promise<void> {
    await tx.transaction.insert(CreditNoteEntity, note);
  }
}
