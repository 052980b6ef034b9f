import type BetterSqlite3 from 'better-sqlite3';
import type { DataSource } from 'typeorm';

const statementCaches = new WeakMap<BetterSqlite3.Database, Map<string, BetterSqlite3.Statement>>();

/** better-sqlite3's connection under a TypeORM data source (undefined on PostgreSQL). */
export const sqliteConnection = (source: DataSource): BetterSqlite3.Database | undefined =>
  (source.driver as unknown as { databaseConnection?: BetterSqlite3.Database }).databaseConnection;

/** A statement prepared once per connection and SQL text (a few dozen texts: the hot paths' own). */
export function prepared(connection: BetterSqlite3.Database, sql: string, asArrays = false): BetterSqlite3.Statement {
  let cache = statementCaches.get(connection);
  if (!cache) statementCaches.set(connection, (cache = new Map()));
  // A statement answers objects or arrays for all its runs: the two modes are two statements.
  const key = asArrays ? `arrays\u0000${sql}` : sql;
  let statement = cache.get(key);
  if (!statement) {
    statement = connection.prepare(sql);
    if (asArrays) statement.raw(true);
    if (cache.size < 500) cache.set(key, statement);
  }
  return statement;
}
