import { EmbeddedSnakeNaming } from './naming.js';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { DataSource, type EntityManager, type Logger as TypeOrmLogger, type DataSourceOptions } from 'typeorm';
import type { DatabaseConfig } from '../config.js';
import type { RequestContext, Transactional } from '../platform/request-context.js';
import { startCheckpointer, type Checkpointer } from './checkpointer.js';
import { GroupCommit } from './group-commit.js';
import { migrationsOf, type ApiModule } from '../platform/module.js';
import { JobEntity } from '../platform/jobs/job.entity.js';
import { MIGRATIONS } from './migrations/index.js';
import { portable, preparedName, statementIn } from './sql.js';
import { prepared, sqliteConnection } from './sqlite-statements.js';

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
 * transactions run one at a time and commit in groups (`GroupCommit`), and a separate reader connection that, in
 * WAL mode, reads committed snapshots. On PostgreSQL both are the same pool.
 */
export class Database {
  /** SQLite's one writer, its transactions committed in groups (PostgreSQL: null, the pool's connections). */
  private readonly writes: GroupCommit | null;
  private checkpointer: Checkpointer | null = null;

  private constructor(
    readonly kind: DatabaseConfig['kind'],
    private readonly writer: DataSource,
    private readonly reader: DataSource,
    readonly statements: StatementCounter,
  ) {
    this.writes = kind === 'sqlite' ? new GroupCommit(writer) : null;
  }

  /** What the background checkpointer reported, newest last (SQLITE_BUSY now and then is harmless). */
  readonly checkpointErrors: string[] = [];

  /** `checkpointIntervalMs`: how often a worker thread checkpoints a SQLite file (0: never, the writer does). */
  /**
   * `modules`: the contexts whose tables and migrations this database holds (the platform's own come first);
   * a tool that only copies the file (backup) can leave them out.
   */
  static async open(
    config: DatabaseConfig,
    options: { migrate?: boolean; checkpointIntervalMs?: number; modules?: readonly ApiModule[] } = {},
  ): Promise<Database> {
    const statements = new StatementCounter();
    const schema = schemaOf(options.modules ?? []);
    if (config.kind === 'postgres') {
      const source = new DataSource({
        ...base(statements, schema),
        type: 'postgres',
        url: config.url,
        extra: { max: 10 },
      } as DataSourceOptions);
      await source.initialize();
      const db = new Database('postgres', source, source, statements);
      if (options.migrate !== false) await db.migrate();
      return db;
    }
    mkdirSync(dirname(config.file), { recursive: true });
    const writer = await openSqlite(config.file, statements, schema);
    try {
      const db = new Database('sqlite', writer, writer, statements);
      if (options.migrate !== false) {
        await db.migrate();
        dropValueStatistics(sqliteConnection(writer)!);
      }
      const reader = await openSqlite(config.file, statements, schema);
      const opened = new Database('sqlite', writer, reader, statements);
      if (options.checkpointIntervalMs !== 0) {
        opened.checkpointer = startCheckpointer(config.file, options.checkpointIntervalMs ?? 1000, (message) =>
          opened.checkpointErrors.push(message),
        );
      }
      return opened;
    } catch (error) {
      await writer.destroy();
      throw error;
    }
  }

  get read(): EntityManager {
    return this.reader.manager;
  }

  /**
   * A read outside any transaction, in hand-written SQL with `?` placeholders, for the hottest paths.
   * On SQLite it runs on the writer connection whenever no transaction is open there: SQLite drops a
   * connection's whole page cache when another connection commits, so under steady writes the reader
   * starts cold on every statement while the writer's cache stays warm. Choosing the connection and
   * running the statement is one synchronous step, so no transaction can begin in between.
   */
  async select<T = Record<string, unknown>>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    this.statements.count += 1;
    if (this.kind === 'postgres') return (await this.pgQuery(sql, params, false)).rows as T[];
    const connection = this.readConnection();
    return prepared(connection, sql).all(...params) as T[];
  }

  /** SQLite: the writer when no transaction is open there (see `select`), else the reader. */
  private readConnection(): BetterSqlite3.Database {
    const writer = sqliteConnection(this.writer)!;
    return writer.inTransaction ? sqliteConnection(this.reader)! : writer;
  }

  /**
   * `select` answering each row as an array of its columns in the statement's order: no object a row, for reads of
   * millions of rows (an export) where building and collecting those objects costs more than the statement.
   */
  async selectRows(sql: string, params: readonly unknown[] = []): Promise<unknown[][]> {
    this.statements.count += 1;
    if (this.kind === 'postgres') return (await this.pgQuery(sql, params, true)).rows as unknown[][];
    const connection = this.readConnection();
    return prepared(connection, sql, true).all(...params) as unknown[][];
  }

  /**
   * One statement whose columns are `packedList`s (a page and what hangs off it): each list parsed, rows as value
   * arrays. One round trip and one JSON.parse a list, whatever the page size.
   */
  async selectLists(sql: string, params: readonly unknown[]): Promise<unknown[][][]> {
    this.statements.count += 1;
    let row: unknown[] | undefined;
    if (this.kind === 'postgres') row = (await this.pgQuery(sql, params, true)).rows[0] as unknown[] | undefined;
    else {
      row = prepared(this.readConnection(), sql, true).get(...params) as unknown[] | undefined;
    }
    if (!row) throw new Error('selectLists: the statement answered no row');
    return row.map((list) => JSON.parse(String(list)) as unknown[][]);
  }

  /**
   * A hot read on PostgreSQL straight on TypeORM's pool (its query API takes a query runner a statement), as a
   * named prepared statement: PostgreSQL parses and plans each text once per connection instead of every time.
   */
  private pgQuery(sql: string, params: readonly unknown[], arrays: boolean): Promise<{ rows: unknown[] }> {
    const pool = (this.reader.driver as unknown as { master: PgQueryable }).master;
    const text = portable('postgres', sql);
    return pool.query({
      text,
      values: [...params],
      ...preparedName(text),
      ...(arrays ? { rowMode: 'array' as const } : {}),
    });
  }

  /**
   * One writing statement in a transaction of its own, now (its rows are locked only while it runs); what it
   * returns (`RETURNING`) as rows. On SQLite it waits for the writer like any transaction.
   */
  async writeAlone<T = Record<string, unknown>>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    if (this.kind === 'postgres') {
      this.statements.count += 1;
      return (await this.pgQuery(sql, params, false)).rows as T[];
    }
    return this.transaction((m) => m.query(sql, params as unknown[]) as Promise<T[]>);
  }

  /** Where a repository works for `ctx`: its open transaction, or the reader outside one. */
  managerOf(ctx: RequestContext): EntityManager {
    return ctx.transaction ?? this.read;
  }

  /** Hand-written SQL (`?` placeholders) in `ctx`'s open transaction, or as `select` outside one. */
  query<T = Record<string, unknown>>(ctx: RequestContext, sql: string, params: readonly unknown[] = []): Promise<T[]> {
    return ctx.transaction
      ? (statementIn(ctx.transaction, portable(this.kind, sql), params) as Promise<T[]>)
      : this.select<T>(sql, params);
  }

  /**
   * Runs `work` in one transaction: all of it is written, or none of it. Given a request context, `work`
   * gets that context carrying the transaction (and its manager); a context already inside one joins it.
   */
  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T>;
  transaction<T>(ctx: RequestContext, work: (tx: Transactional, manager: EntityManager) => Promise<T>): Promise<T>;
  transaction<T>(
    first: RequestContext | ((manager: EntityManager) => Promise<T>),
    then?: (tx: Transactional, manager: EntityManager) => Promise<T>,
  ): Promise<T> {
    if (typeof first === 'function') return this.run(first);
    if (first.transaction) return then!(first as Transactional, first.transaction);
    return this.run((manager) => then!({ ...first, transaction: manager }, manager));
  }

  private run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (this.kind === 'postgres') return this.writer.transaction(work);
    return this.writes!.run(work);
  }

  /**
   * On PostgreSQL, lets the open transaction's commit return before its log reaches the disk (`synchronous_commit =
   * off`): a crash within a fraction of a second after it can lose the transaction, whole, never a part of it. Only
   * for work that is done again when lost: a job whose done mark is written in the same transaction (a renewal day
   * waited 1.2 ms on the disk for every renewal). SQLite's WAL with `synchronous = NORMAL` already works so.
   */
  async commitWithoutWaitingForDisk(tx: Transactional): Promise<void> {
    if (this.kind === 'postgres') await tx.transaction.query('SET LOCAL synchronous_commit = off');
  }

  async migrate(): Promise<void> {
    const migrate = () => this.writer.runMigrations({ transaction: 'each' });
    await (this.writes ? this.writes.exclusive(migrate) : migrate());
  }

  async ping(): Promise<void> {
    await this.reader.query('SELECT 1');
  }

  async close(): Promise<void> {
    // Transactions answered after their group's commit: the last group commits before the connection goes.
    await this.writes?.flush();
    await this.checkpointer?.stop();
    this.checkpointer = null;
    if (this.reader !== this.writer && this.reader.isInitialized) await this.reader.destroy();
    if (this.writer.isInitialized) await this.writer.destroy();
  }
}

/** The platform's tables and the migrations written before contexts were modules, then each module's. */
function schemaOf(modules: readonly ApiModule[]) {
  return {
    entities: [JobEntity, ...modules.flatMap((m) => m.entities ?? [])],
    migrations: [...MIGRATIONS, ...migrationsOf(modules)],
  };
}

function base(statements: StatementCounter, schema: ReturnType<typeof schemaOf>): Omit<DataSourceOptions, 'type'> {
  return {
    entities: schema.entities,
    migrations: schema.migrations,
    migrationsRun: false,
    synchronize: false,
    namingStrategy: new EmbeddedSnakeNaming(),
    logging: ['query'],
    logger: statements.logger,
  } as Omit<DataSourceOptions, 'type'>;
}

/** What hot reads need of pg's pool. */
interface PgQueryable {
  query(config: { text: string; values: unknown[]; name?: string; rowMode?: 'array' }): Promise<{ rows: unknown[] }>;
}

/**
 * Deletes SQLite's per-value statistics (`sqlite_stat4`, which `ANALYZE` writes in builds that enable it, as
 * better-sqlite3's does) and keeps the per-index ones (`sqlite_stat1`). With them present, every statement whose plan
 * could depend on a bound value is compiled again at each run with new values: the purchase path's joined lookups
 * cost 40–150 µs each instead of 9–20, and re-preparing was 4 % of the API's CPU under Buy load (bench/README.md).
 * Runs before any hot statement is prepared: a statement prepared while they were loaded keeps re-preparing.
 */
export function dropValueStatistics(connection: BetterSqlite3.Database): void {
  const present = connection
    .prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'sqlite_stat4'")
    .get();
  if (!present) return;
  // `ANALYZE sqlite_schema` makes the connection read the statistics tables again.
  connection.exec('DELETE FROM sqlite_stat4; ANALYZE sqlite_schema');
}

/**
 * better-sqlite3: synchronous, so a statement costs its own work and no round trip to a worker thread
 * (node-sqlite3's `SELECT 1` took 111 µs; see bench/README.md). Each connection keeps its prepared statements.
 */
async function openSqlite(
  file: string,
  statements: StatementCounter,
  schema: ReturnType<typeof schemaOf>,
): Promise<DataSource> {
  const source = new DataSource({
    ...base(statements, schema),
    type: 'better-sqlite3',
    database: file,
    timeout: 5000,
    statementCacheSize: 500,
    prepareDatabase: (db: { pragma(source: string): unknown }) => {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      // 16 MB a connection: the hot pages of the purchase path fit; 64 MB made a large import's memory
      // grow 1.5x with the file (bench/README.md), every connection filling its cache.
      db.pragma('cache_size = -16000');
      // The checkpointer thread keeps the log short; this is the writer's fallback should it stop (~40 MB).
      db.pragma('wal_autocheckpoint = 10000');
    },
  } as DataSourceOptions);
  await source.initialize();
  statements.reset();
  return source;
}
