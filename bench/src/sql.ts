import pg from 'pg';
import Sqlite from 'better-sqlite3';
import { Mutex } from '@nce/api/dist/platform/mutex.js';
import { portable } from '@nce/api/dist/db/sql.js';

export type Row = Record<string, any>;

export interface Query {
  (sql: string, params?: unknown[]): Promise<Row[]>;
}

/**
 * The raw reference's database access: the API's own drivers (better-sqlite3, node-postgres) with no ORM.
 * SQLite gets the API's arrangement — a writer connection whose transactions are serialised and a
 * reader connection in WAL mode — so the two differ only in what sits above the driver.
 */
export interface RawDatabase {
  kind: 'sqlite' | 'postgres';
  query: Query;
  transaction<T>(work: (query: Query) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export async function openRaw(url: string): Promise<RawDatabase> {
  return url.startsWith('postgres') ? openPostgres(url) : openSqlite(url.replace(/^sqlite:/, ''));
}

async function openPostgres(url: string): Promise<RawDatabase> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const query: Query = async (sql, params = []) => (await pool.query(portable('postgres', sql), params)).rows;
  return {
    kind: 'postgres',
    query,
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(
          async (sql, params = []) => (await client.query(portable('postgres', sql), params)).rows,
        );
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

async function openSqlite(file: string): Promise<RawDatabase> {
  const open = () => {
    const db = new Sqlite(file, { timeout: 5000 });
    for (const pragma of ['journal_mode = WAL', 'synchronous = NORMAL', 'foreign_keys = ON']) db.pragma(pragma);
    // Prepared once per SQL text, as TypeORM's better-sqlite3 driver does.
    const prepared = new Map<string, Sqlite.Statement>();
    const query: Query = async (sql, params = []) => {
      let statement = prepared.get(sql);
      if (!statement) prepared.set(sql, (statement = db.prepare(sql)));
      if (statement.reader) return statement.all(...params) as Row[];
      statement.run(...params);
      return [];
    };
    return { db, query };
  };
  const writer = open();
  const reader = open();
  const lock = new Mutex();
  return {
    kind: 'sqlite',
    query: reader.query,
    transaction: (work) =>
      lock.run(async () => {
        await writer.query('BEGIN');
        try {
          const result = await work(writer.query);
          await writer.query('COMMIT');
          return result;
        } catch (error) {
          await writer.query('ROLLBACK');
          throw error;
        }
      }),
    close: async () => {
      for (const { db } of [reader, writer]) db.close();
    },
  };
}
