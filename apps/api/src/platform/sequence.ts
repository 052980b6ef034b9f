import type { EntityManager } from 'typeorm';

/**
 * The next position in an append-only list kept per owner (an order's timeline, a reseller's ledger,
 * a case's conversation): rows written within one millisecond still keep their order. Call it inside
 * the transaction that inserts the row.
 */
export async function nextPosition(
  m: EntityManager,
  table: string,
  ownerColumn: string,
  owner: string,
): Promise<number> {
  const placeholder = m.connection.options.type === 'postgres' ? '$1' : '?';
  const [row] = await m.query(`SELECT MAX(seq) AS seq FROM ${table} WHERE ${ownerColumn} = ${placeholder}`, [owner]);
  return Number(row?.seq ?? 0) + 1;
}
