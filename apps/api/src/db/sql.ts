import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { DatabaseConfig } from '../config.js';
import { prepared, sqliteConnection } from './sqlite-statements.js';

/** Hand-written SQL is written with `?` placeholders; PostgreSQL wants `$1, $2, …`. */
export function portable(kind: DatabaseConfig['kind'], sql: string): string {
  if (kind === 'sqlite') return sql;
  let index = 0;
  return sql.replace(/\?/g, () => `$${++index}`);
}

/**
 * A select list that packs a row's values into one JSON array, `packed`. On hot reads of many rows the
 * drivers' per-value conversion dominates (node-sqlite3: ~0.3 µs a value); the database builds the
 * array in C and JSON.parse reads it back far faster (the bench's catalog page: 5.9 → 2.2 ms).
 */
export function packedColumns(kind: DatabaseConfig['kind'], expressions: readonly string[]): string {
  return `${kind === 'sqlite' ? 'json_array' : 'json_build_array'}(${expressions.join(', ')}) AS packed`;
}

/**
 * A scalar subquery packing every row of `from` (FROM … WHERE …) into one JSON array of value arrays, as text
 * (`[]` when there are none), in `orderBy`'s order if given. Several of them in one `selectLists` statement read
 * a page and what hangs off it in one round trip; each list is one string for one JSON.parse, where a row each
 * cost the driver's protocol and parsing per row (PostgreSQL: a catalog page's 5.3 ms of CPU → 2.9 ms).
 */
export function packedList(
  kind: DatabaseConfig['kind'],
  expressions: readonly string[],
  from: string,
  orderBy?: string,
): string {
  const order = orderBy ? ` ORDER BY ${orderBy}` : '';
  return kind === 'sqlite'
    ? `(SELECT json_group_array(json_array(${expressions.join(', ')})${order}) ${from})`
    : `(SELECT COALESCE(json_agg(json_build_array(${expressions.join(', ')})${order})::text, '[]') ${from})`;
}

/**
 * `column` among the values `subquery` selects (a page's keys, say), read through the index on `column`. PostgreSQL
 * plans `IN (subquery)` as a hash join over the whole table whenever the table looks small enough; `= ANY (ARRAY(…))`
 * is one index lookup a key (the order list's lines: 3.6 → 1.3 ms).
 */
export function amongSelected(kind: DatabaseConfig['kind'], column: string, subquery: string): string {
  return kind === 'sqlite' ? `${column} IN (${subquery})` : `${column} = ANY (ARRAY(${subquery}))`;
}

/** The values of a `packedColumns` row, in the order they were listed (node-postgres parses JSON itself). */
export function unpack(row: { packed: unknown }): unknown[] {
  return (typeof row.packed === 'string' ? JSON.parse(row.packed) : row.packed) as unknown[];
}

/** The engine behind a manager, for hand-written SQL inside a transaction. */
export const kindOf = (m: EntityManager): DatabaseConfig['kind'] =>
  m.connection.options.type === 'postgres' ? 'postgres' : 'sqlite';

/**
 * The name a statement text is prepared under on each PostgreSQL connection. Hot paths use a few dozen texts; texts
 * beyond the first 500 (lists of ids of every length) run unnamed, so no connection keeps statements without bound.
 */
const preparedNames = new Map<string, string>();
export function preparedName(text: string): { name?: string } {
  let name = preparedNames.get(text);
  if (!name && preparedNames.size < 500) {
    name = `nce_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
    preparedNames.set(text, name);
  }
  return name ? { name } : {};
}

/** What a statement needs of the pg client a PostgreSQL transaction holds. */
interface PgClient {
  query(config: { text: string; values: unknown[]; name?: string }): Promise<{ rows: Record<string, unknown>[] }>;
}

/**
 * A statement (already `portable`) in `m`'s transaction; its rows (`RETURNING`'s for a change, none for a plain
 * change). On PostgreSQL it goes straight to the transaction's own connection as a named prepared statement, parsed
 * and planned once per connection instead of every time, and past TypeORM's query runner: a Buy's thirty-odd
 * statements each paid both, on both sides of the socket. On SQLite it runs the writer connection's own prepared
 * statement, also past the query runner. Counted like TypeORM's own. Outside a transaction, through TypeORM.
 */
export async function statementIn(
  m: EntityManager,
  sql: string,
  params: readonly unknown[],
  /** False for one-off texts (a batch of rows of any count): they would crowd the hot ones out of the caches. */
  prepare = true,
): Promise<Record<string, unknown>[]> {
  const postgres = kindOf(m) === 'postgres';
  const sqlite = postgres ? undefined : sqliteConnection(m.connection);
  if (sqlite?.inTransaction && m.queryRunner?.isTransactionActive) {
    // The writer connection's own prepared statement, past TypeORM's query runner (its events, timings and
    // result objects cost more than a point lookup itself). Answers rows as PostgreSQL does: none for a change
    // without RETURNING.
    m.connection.logger.logQuery(sql, params as unknown[]);
    const statement = prepare ? prepared(sqlite, sql) : sqlite.prepare(sql);
    if (statement.reader) return statement.all(...params) as Record<string, unknown>[];
    statement.run(...params);
    return [];
  }
  const runner = postgres
    ? (m.queryRunner as unknown as { databaseConnection?: PgClient; isReleased?: boolean } | undefined)
    : undefined;
  const client = runner && !runner.isReleased ? runner.databaseConnection : undefined;
  if (!client) {
    const result = await m.query(sql, params as unknown[]);
    // TypeORM hands PostgreSQL's UPDATE and DELETE as `[rows, rowCount]`.
    return postgres && Array.isArray(result) && Array.isArray(result[0]) ? result[0] : result;
  }
  m.connection.logger.logQuery(sql, params as unknown[]);
  const result = await client.query({
    text: sql,
    values: [...params],
    ...(prepare ? preparedName(sql) : {}),
  });
  return result.rows;
}

/** The rows an `UPDATE … RETURNING` (`?` placeholders) gave back, on either engine (`statementIn`). */
export async function updateReturning(
  m: EntityManager,
  sql: string,
  params: unknown[],
): Promise<Record<string, unknown>[]> {
  return statementIn(m, portable(kindOf(m), sql), params);
}

const insertSql = new Map<string, string>();

/**
 * Inserts rows (same columns, snake_case keys) with one hand-written statement: no entity metadata and
 * no read-back of defaults, which cost TypeORM's `insert` a second statement and most of its CPU on the
 * purchase path. `onConflictDoNothing` names a unique column; a row that would break it is skipped.
 */
export async function insertRows(
  m: EntityManager,
  table: string,
  rows: readonly Record<string, unknown>[],
  options: { onConflictDoNothing?: string } = {},
): Promise<void> {
  if (rows.length === 0) return;
  const kind = kindOf(m);
  const columns = Object.keys(rows[0]!);
  const key = `${kind}|${table}|${columns.join(',')}|${rows.length}|${options.onConflictDoNothing ?? ''}`;
  let sql = insertSql.get(key);
  if (!sql) {
    const tuple = `(${columns.map(() => '?').join(', ')})`;
    const conflict = options.onConflictDoNothing ? ` ON CONFLICT (${options.onConflictDoNothing}) DO NOTHING` : '';
    sql = portable(
      kind,
      `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${rows.map(() => tuple).join(', ')}${conflict}`,
    );
    if (insertSql.size < 1000) insertSql.set(key, sql);
  }
  const values: unknown[] = [];
  // better-sqlite3 binds no booleans; SQLite stores them as 1 and 0.
  for (const row of rows)
    for (const column of columns)
      values.push(kind === 'sqlite' && typeof row[column] === 'boolean' ? Number(row[column]) : row[column]);
  await statementIn(m, sql, values, rows.length === 1);
}

/**
 * Entities inserted with one `insertRows` statement: each column under its database name, valued as TypeORM writes it
 * (transformers, booleans, JSON), columns left undefined taking their defaults. Unlike `EntityManager.insert` it
 * builds no query and reads no defaults back (a second statement a row). The objects share one shape.
 */
export async function insertEntities<T extends object>(
  m: EntityManager,
  entity: abstract new (...args: never[]) => T,
  objects: readonly T[],
): Promise<void> {
  const metadata = m.connection.getMetadata(entity);
  const driver = m.connection.driver;
  const rows = objects.map((object) => {
    const row: Record<string, unknown> = {};
    for (const column of metadata.columns) {
      // The driver applies the column's transformer itself.
      const value: unknown = column.getEntityValue(object);
      if (value !== undefined) row[column.databaseName] = driver.preparePersistentValue(value, column);
    }
    return row;
  });
  await insertRows(m, metadata.tableName, rows);
}

/**
 * How a packed value becomes a property: text, a number, either or null, a boolean column (SQLite packs 1 and
 * 0, PostgreSQL true and false), or as the driver gave it.
 */
export type PackedKind = 'text' | 'number' | 'optionalText' | 'optionalNumber' | 'flag' | 'asIs';

/**
 * A row read by hand through `packedColumns`: which column lands in which property, in the select's order.
 * The source is the entity whose table the columns are of (the property is the entity's own), or a published
 * relation of another context. `db/row-specs.test.ts` checks every spec against the entity's TypeORM
 * metadata or the relation's columns, so a renamed column or property fails a test instead of shifting values.
 */
export interface RowSpec<T> {
  readonly source: (abstract new (...args: never[]) => unknown) | PublishedRelation;
  readonly columns: readonly (readonly [column: string, property: keyof T & string, kind: PackedKind])[];
}

export const rowSpec = <T>(source: RowSpec<T>['source'], columns: RowSpec<T>['columns']): RowSpec<T> => ({
  source,
  columns,
});

/** The spec's columns as a select list, each prefixed with the table's alias in the statement. */
export const selectOf = <T>(alias: string, spec: RowSpec<T>): string[] =>
  spec.columns.map(([column]) => `${alias}.${column}`);

/** The spec's properties read from `values` (starting at `offset`) into `into`, which is returned. */
export function readPacked<T, R extends object>(
  spec: RowSpec<T>,
  values: readonly unknown[],
  offset: number,
  into: R,
): R & Pick<T, RowSpec<T>['columns'][number][1]> {
  const target = into as Record<string, unknown>;
  const columns = spec.columns;
  for (let i = 0; i < columns.length; i += 1) {
    const [, property, kind] = columns[i]!;
    target[property] = valueOf(kind, values[offset + i]);
  }
  return into as R & Pick<T, RowSpec<T>['columns'][number][1]>;
}

/** A packed value or a named row's value as the spec's kind reads it. */
function valueOf(kind: PackedKind, value: unknown): unknown {
  switch (kind) {
    case 'text':
      return String(value);
    case 'number':
      return Number(value);
    case 'optionalText':
      return value === null || value === undefined ? null : String(value);
    case 'optionalNumber':
      return value === null || value === undefined ? null : Number(value);
    case 'flag':
      return value === true || Number(value) === 1;
    default:
      return value;
  }
}

/**
 * The spec's properties read from a row of named columns (`prefix` + column, as a select aliased them) into
 * `into`, which is returned: the same checked mapping as `readPacked`, for statements that do not pack.
 */
export function readNamed<T, R extends object>(
  spec: RowSpec<T>,
  row: Record<string, unknown>,
  prefix: string,
  into: R,
): R & Pick<T, RowSpec<T>['columns'][number][1]> {
  const target = into as Record<string, unknown>;
  for (const [column, property, kind] of spec.columns) target[property] = valueOf(kind, row[prefix + column]);
  return into as R & Pick<T, RowSpec<T>['columns'][number][1]>;
}

/** The spec's columns as a select list aliased `prefix` + column, for `readNamed`. */
export const aliasedSelectOf = <T>(alias: string, spec: RowSpec<T>, prefix: string): string[] =>
  spec.columns.map(([column]) => `${alias}.${column} AS ${prefix}${column}`);

/**
 * A context's table as other contexts' SQL may read it: the columns the owner publishes, under the names it
 * publishes them. Interpolated into a statement it is a derived table, `(SELECT … FROM table)`, which both
 * engines flatten into the outer query, so a join through it costs what a join on the table costs. The
 * owner may rename or split its tables as long as it keeps the relation's columns; other contexts never
 * name its tables (`platform/dependency-rules.test.ts`).
 */
export class PublishedRelation<C extends string = string> {
  readonly sql: string;
  constructor(
    readonly name: string,
    from: string,
    readonly columns: Readonly<Record<C, string>>,
  ) {
    const list = Object.entries<string>(columns).map(([as, expression]) =>
      as === expression ? as : `${expression} AS ${as}`,
    );
    this.sql = `(SELECT ${list.join(', ')} FROM ${from})`;
  }

  toString(): string {
    return this.sql;
  }
}
