import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { nextPosition } from '../platform/sequence.js';
import { CreditLedgerEntity, type LedgerKind } from './entities.js';

/** Appends to a reseller's credit ledger, after its last entry. */
export async function appendLedger(
  m: EntityManager,
  entry: {
    resellerId: string;
    at: string;
    kind: LedgerKind;
    amountMinor: number;
    currency: string;
    reference: string | null;
    note: string;
  },
): Promise<void> {
  await m.insert(CreditLedgerEntity, {
    id: randomUUID(),
    ...entry,
    seq: await nextPosition(m, 'credit_ledger', 'reseller_id', entry.resellerId),
  });
}
