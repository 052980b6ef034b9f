import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import sqlite3 from 'sqlite3';
import { DataSource, type EntityManager, type Logger as TypeOrmLogger, type DataSourceOptions } from 'typeorm';
import type { DatabaseConfig } from '../config.js';
import { Mutex } from '../platform/mutex.js';
import { ENTITIES } from './entities.js';
import { MIGRATIONS } from './migrations/index.js';

/** Counts SQL statements, so tests and benchmarks can prove a request costs a constant number of them. */
export class StatementCounter {
  count = 0;
  readonly logger: TypeOrmLogger = {
    logQuery: () => {
      this.count += 1;
    },
    logQueryError: () => {},
    logQuerySlow: () => {},
    logSchemaBuild: () => {},
    logMigration: () => {},
    log: () => {},
  };
  reset(): void {
    this.count = 0;
  }
}

/**
 * The database as services see it: `read` for queries outside a transaction, `transaction()` for
 * every change. TypeORM's SQLite driver runs everything on one shared connection, so a transaction
 * would swallow concurrent requests' queries. On SQLite we therefore keep one writer connection whose
 * transactions are serialised by a mutex, and a separate reader connection that, in WAL mode, reads
 * committed snapshots. On PostgreSQL both are the same pool.
 */
export class Database {
  private readonly writeLock = new Mutex();

  private constructor(
    readonly kind: DatabaseConfig['kind'],
    private readonly writer: DataSource,
    private readonly reader: DataSource,
    readonly statements: StatementCounter,
  ) {}

  static async open(config: DatabaseConfig, options: { migrate?: boolean } = {}): Promise<Database> {
    const statements = new StatementCounter();
    if (config.kind === 'postgres') {
      const source = new DataSource({ ...base(statements), type: 'postgres', url: config.url, extra: { max: 10 } } as DataSourceOptions);
      await source.initialize();
      const db = new Database('postgres', source, source, statements);
      if (options.migrate !== false) await db.migrate();
      return db;
    }
    mkdirSync(dirname(config.file), { recursive: true });
    const writer = await openSqlite(config.file, statements);
    try {
      const db = new Database('sqlite', writer, writer, statements);
      if (options.migrate !== false) await db.migrate();
      const reader = await openSqlite(config.file, statements);
      return new Database('sqlite', writer, reader, statements);
    } catch (error) {
      await writer.destroy();
      throw error;
    }
  }

  get read(): EntityManager {
    return this.reader.manager;
  }

  /** Runs `work` in one transaction: all of it is written, or none of it. */
  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (this.kind === 'postgres') return this.writer.transaction(work);
    return this.writeLock.run(() => this.writer.transaction(work));
  }

  async migrate(): Promise<void> {
    await this.writeLock.run(() => this.writer.runMigrations({ transaction: 'each' }));
  }

  async ping(): Promise<void> {
    await this.reader.query('SELECT 1');
  }

  async close(): Promise<void> {
    if (this.reader !== this.writer && this.reader.isInitialized) await this.reader.destroy();
    if (this.writer.isInitialized) await this.writer.destroy();
  }
}

function base(statements: StatementCounter): Omit<DataSourceOptions, 'type'> {
  return {
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsRun: false,
    synchronize: false,
    logging: ['query'],
    logger: statements.logger,
  } as Omit<DataSourceOptions, 'type'>;
}

/**
 * node-sqlite3 for TypeORM, minus long stack traces: TypeORM calls `verbose()`, which wraps every query
 * to build an Error and `util.inspect` its SQL and parameters — ~15% of a small request's CPU in the
 * bench's profile. SQL errors keep their message; only the extra "--> in Database#all(…)" trace goes.
 */
const quietSqlite = Object.assign(Object.create(sqlite3) as typeof sqlite3, { verbose: () => sqlite3 });

async function openSqlite(file: string, statements: StatementCounter): Promise<DataSource> {
  const source = new DataSource({ ...base(statements), type: 'sqlite', database: file, busyTimeout: 5000, driver: quietSqlite } as DataSourceOptions);
  await source.initialize();
  await source.query('PRAGMA journal_mode = WAL');
  await source.query('PRAGMA synchronous = NORMAL');
  await source.query('PRAGMA foreign_keys = ON');
  await source.query('PRAGMA busy_timeout = 5000');
  statements.reset();
  return source;
}
