import { randomUUID } from 'node:crypto';
import type { Database } from '../db/database.js';
import type { RequestContext, Transactional } from '../platform/request-context.js';
import { nextPosition } from '../platform/sequence.js';
import { CreditLedgerEntity, type LedgerKind } from './entities.js';

export interface LedgerEntry {
  resellerId: string;
  at: string;
  kind: LedgerKind;
  amountMinor: number;
  currency: string;
  reference: string | null;
  note: string;
}

/** The credit ledger (credit_ledger): limits set, charges and releases, appended in each reseller's order. */
export class LedgerRepository {
  constructor(private readonly db: Database) {}

  /** Appends to a reseller's ledger, after its last entry. */
  async append(tx: Transactional, entry: LedgerEntry): Promise<void> {
    const m = tx.transaction;
    await m.insert(CreditLedgerEntity, {
      id: randomUUID(),
      ...entry,
      seq: await nextPosition(m, 'credit_ledger', 'reseller_id', entry.resellerId),
    });
  }

  /** A reseller's whole ledger, oldest first. */
  entriesOf(ctx: RequestContext, resellerId: string): Promise<CreditLedgerEntity[]> {
    return this.db.managerOf(ctx).find(CreditLedgerEntity, { where: { resellerId }, order: { seq: 'ASC', at: 'ASC' } });
  }

  /**
   * The latest limit and what is used of it, summed by the database so its cost does not grow with the
   * ledger; null when no limit was set. In `ctx`'s transaction if one is open.
   */
  async limitAndUse(
    ctx: RequestContext,
    resellerId: string,
  ): Promise<{ limitMinor: number; usedMinor: number; currency: string } | null> {
    const [row] = await this.db.query<Record<string, unknown>>(
      ctx,
      `SELECT l.amount_minor AS limit_minor, l.currency,
        (SELECT COALESCE(SUM(CASE WHEN e.kind = 'ORDER_CHARGED' THEN e.amount_minor ELSE -e.amount_minor END), 0)
         FROM credit_ledger e WHERE e.reseller_id = l.reseller_id AND e.currency = l.currency AND e.kind <> 'LIMIT_SET') AS used_minor
      FROM credit_ledger l WHERE l.reseller_id = ? AND l.kind = 'LIMIT_SET' ORDER BY l.seq DESC, l.at DESC LIMIT 1`,
      [resellerId],
    );
    return row
      ? { limitMinor: Number(row.limit_minor), usedMinor: Number(row.used_minor), currency: String(row.currency) }
      : null;
  }
}
