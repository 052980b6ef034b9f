import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { CreditLedgerEntity, type LedgerKind } from './entities.js';

/** Appends to a reseller's credit ledger, after its last entry. */
export async function appendLedger(
  m: EntityManager,
  entry: { resellerId: string; at: string; kind: LedgerKind; amountMinor: number; currency: string; reference: string | null; note: string },
): Promise<void> {
  const last = await m.createQueryBuilder(CreditLedgerEntity, 'l').select('MAX(l.seq)', 'seq').where('l.reseller_id = :id', { id: entry.resellerId }).getRawOne<{ seq: number | string | null }>();
  await m.insert(CreditLedgerEntity, { id: randomUUID(), ...entry, seq: Number(last?.seq ?? 0) + 1 });
}
