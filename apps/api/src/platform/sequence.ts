import type { EntityManager } from 'typeorm';
import { kindOf, portable, statementIn } from '../db/sql.js';

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

/**
 * Inserts `row` (snake_case columns, no `seq`) at the next position of its owner's list, computed in the same
 * statement: one round trip instead of `nextPosition` and an insert, for lists appended to on hot paths.
 */
export function insertAtNextPosition(
  m: EntityManager,
  table: string,
  ownerColumn: string,
  row: Record<string, string | number | null>,
): Promise<void> {
  return insertEachAtNextPosition(m, table, ownerColumn, [row]);
}

/**
 * Inserts rows of different owners, each at the next position of its owner's list, in one statement (a batch of
 * renewals appends one event to each of its subscriptions). Two rows of one owner would take the same position, so
 * the owners must differ.
 */
export async function insertEachAtNextPosition(
  m: EntityManager,
  table: string,
  ownerColumn: string,
  rows: readonly Record<string, string | number | null>[],
): Promise<void> {
  if (rows.length === 0) return;
  const owners = new Set(rows.map((row) => row[ownerColumn]));
  if (owners.size !== rows.length) throw new Error(`insertEachAtNextPosition: two rows of one ${ownerColumn}`);
  const columns = Object.keys(rows[0]!);
  const tuple = `(${columns.map(() => '?').join(', ')}, (SELECT COALESCE(MAX(seq), 0) + 1 FROM ${table} WHERE ${ownerColumn} = ?))`;
  await statementIn(
    m,
    portable(kindOf(m), `INSERT INTO ${table} (${columns.join(', ')}, seq) VALUES ${rows.map(() => tuple).join(', ')}`),
    rows.flatMap((row) => [...columns.map((c) => row[c]), row[ownerColumn]]),
    rows.length === 1,
  );
}
