import { migrationsOf } from '../platform/module.js';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/test-app.js';
import { systemContext } from '../platform/request-context.js';
import { SimSubscriptionEntity } from '../partner-center/sim-subscription.entity.js';
import { Database } from './database.js';
import { insertEntities } from './sql.js';
import { MIGRATIONS } from './migrations/index.js';

describe('database', () => {
  let t: TestApp;
  beforeEach(async () => (t = await createTestApp()));
  afterEach(() => t.close());

  it('runs SQLite in WAL mode with foreign keys enforced, on reads and writes', async (context) => {
    if (t.app.db.kind !== 'sqlite') return context.skip();
    const [{ journal_mode }] = await t.app.db.read.query('PRAGMA journal_mode');
    expect(journal_mode).toBe('wal');
    const [{ foreign_keys }] = await t.app.db.read.query('PRAGMA foreign_keys');
    expect(foreign_keys).toBe(1);
    await expect(
      t.app.db.transaction((m) =>
        m.query(
          `INSERT INTO catalog_sku (product_id, sku_id, title, description, unit_of_measure, search_text) VALUES ('NOPE', '1', 't', '', 'u', 's')`,
        ),
      ),
    ).rejects.toThrow(/FOREIGN KEY/);
  });

  it('commits a job transaction without waiting for the disk on PostgreSQL, that transaction only', async (context) => {
    if (t.app.db.kind !== 'postgres') return context.skip();
    const setting = async (m: { query: (sql: string) => Promise<{ s: string }[]> }) =>
      (await m.query("SELECT current_setting('synchronous_commit') AS s"))[0]!.s;
    const ctx = systemContext(t.clock, 'system:test');
    const inside = await t.app.db.transaction(ctx, async (tx, m) => {
      await t.app.db.commitWithoutWaitingForDisk(tx);
      await m.query("INSERT INTO migrations (timestamp, name) VALUES (1, 'relaxed-commit-probe')");
      return setting(m);
    });
    expect(inside).toBe('off');
    // Committed all the same, and the connection's next transaction waits for the disk again.
    const [probe] = await t.app.db.read.query(
      "SELECT COUNT(*) AS n FROM migrations WHERE name = 'relaxed-commit-probe'",
    );
    expect(Number(probe.n)).toBe(1);
    for (let i = 0; i < 12; i += 1) expect(await t.app.db.transaction((m) => setting(m))).toBe('on');
  });

  it('has applied every migration and records them', async () => {
    const applied = await t.app.db.read.query('SELECT name FROM migrations');
    // The platform's, then those the context modules declare.
    const all = [...MIGRATIONS, ...migrationsOf(t.app.modules)];
    expect(applied.map((m: { name: string }) => m.name)).toEqual(all.map((migration) => migration.name));
  });

  it('keeps a transaction’s uncommitted writes invisible to concurrent reads, and serialises transactions', async (context) => {
    // PostgreSQL gives each transaction its own connection; the reader/writer split is SQLite's.
    if (t.app.db.kind !== 'sqlite') return context.skip();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const writing = t.app.db.transaction(async (m) => {
      await m.query(
        `INSERT INTO catalog_product (id, title, publisher, description, kind, search_text) VALUES ('P1', 'T', 'M', '', 'SUBSCRIPTION', 't')`,
      );
      await held;
      throw new Error('roll back');
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    const seen = await t.app.db.read.query(`SELECT COUNT(*) AS n FROM catalog_product`);
    expect(Number(seen[0].n)).toBe(0);
    const second = t.app.db.transaction((m) => m.query(`SELECT COUNT(*) AS n FROM catalog_product`));
    release();
    await expect(writing).rejects.toThrow('roll back');
    expect(Number((await second)[0].n)).toBe(0);
  });

  it('answers select() from committed data only, on the writer between transactions and on the reader during one', async (context) => {
    if (t.app.db.kind !== 'sqlite') return context.skip();
    const count = async () =>
      Number((await t.app.db.select<{ n: number }>('SELECT COUNT(*) AS n FROM catalog_product'))[0]!.n);
    await t.app.db.transaction((m) =>
      m.query(
        `INSERT INTO catalog_product (id, title, publisher, description, kind, search_text) VALUES ('P0', 'T', 'M', '', 'SUBSCRIPTION', 't')`,
      ),
    );
    expect(await count()).toBe(1);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const writing = t.app.db.transaction(async (m) => {
      await m.query(
        `INSERT INTO catalog_product (id, title, publisher, description, kind, search_text) VALUES ('P1', 'T', 'M', '', 'SUBSCRIPTION', 't')`,
      );
      await held;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await count()).toBe(1);
    release();
    await writing;
    expect(await count()).toBe(2);
  });

  it('answers selectRows() as arrays in the statement’s column order, while select() of the same SQL keeps objects', async () => {
    await t.app.db.transaction((m) =>
      m.query(
        `INSERT INTO catalog_product (id, title, publisher, description, kind, search_text) VALUES ('P2', 'Title', 'Maker', '', 'SUBSCRIPTION', 't')`,
      ),
    );
    const sql = 'SELECT title, id, publisher FROM catalog_product WHERE id = ?';
    expect(await t.app.db.selectRows(sql, ['P2'])).toEqual([['Title', 'P2', 'Maker']]);
    expect(await t.app.db.select(sql, ['P2'])).toEqual([{ title: 'Title', id: 'P2', publisher: 'Maker' }]);
    expect(await t.app.db.selectRows(sql, ['P2'])).toEqual([['Title', 'P2', 'Maker']]);
  });
  it('runs hand-written statements in a transaction: rows for RETURNING, none for a plain change, a failed one undoes the transaction', async () => {
    const ctx = systemContext(t.clock, 'system:test');
    const product = (id: string) =>
      t.app.db.select('SELECT id, title FROM catalog_product WHERE id = ?', [id]) as Promise<{ title: string }[]>;
    const counted = t.app.db.statements.count;
    await t.app.db.transaction(ctx, async (tx) => {
      const inserted = await t.app.db.query(
        tx,
        `INSERT INTO catalog_product (id, title, publisher, description, kind, search_text) VALUES (?, ?, 'M', '', 'SUBSCRIPTION', 't')`,
        ['P3', 'Before'],
      );
      expect(inserted).toEqual([]);
      const changed = await t.app.db.query(
        tx,
        'UPDATE catalog_product SET title = ? WHERE id = ? RETURNING id, title',
        ['After', 'P3'],
      );
      expect(changed).toEqual([{ id: 'P3', title: 'After' }]);
      expect(await t.app.db.query(tx, 'SELECT title FROM catalog_product WHERE id = ?', ['P3'])).toEqual([
        { title: 'After' },
      ]);
    });
    // Counted like TypeORM's own statements (and the transaction's BEGIN and COMMIT).
    expect(t.app.db.statements.count - counted).toBeGreaterThanOrEqual(3);
    expect(await product('P3')).toEqual([{ id: 'P3', title: 'After' }]);

    await expect(
      t.app.db.transaction(ctx, async (tx) => {
        await t.app.db.query(tx, 'UPDATE catalog_product SET title = ? WHERE id = ?', ['Lost', 'P3']);
        await t.app.db.query(
          tx,
          `INSERT INTO catalog_sku (product_id, sku_id, title, description, unit_of_measure, search_text) VALUES (?, '1', 't', '', 'u', 's')`,
          ['NOPE'],
        );
      }),
    ).rejects.toThrow(/FOREIGN KEY|foreign key/);
    expect(await product('P3')).toEqual([{ id: 'P3', title: 'After' }]);
  });
});

describe('insertEntities', () => {
  let t: TestApp;
  beforeEach(async () => (t = await createTestApp()));
  afterEach(() => t.close());

  it('writes entities as TypeORM reads them back: booleans, nulls, defaults left out, one statement', async () => {
    const at = t.clock.now().toISOString();
    const made = (id: string, autoRenew: boolean, term: string | null): SimSubscriptionEntity => ({
      subscriptionId: id,
      tenantId: autoRenew ? 'tenant-1' : null,
      etag: `etag-${id}`,
      quantity: 3,
      status: 'active',
      autoRenew,
      term,
      termEnd: term ? at : null,
      createdAt: at,
      updatedAt: at,
    });
    const objects = [made('S1', true, 'P1Y'), made('S2', false, null)];
    const counted = t.app.db.statements.count;
    await t.app.db.transaction((m) => insertEntities(m, SimSubscriptionEntity, objects));
    // BEGIN, the insert, COMMIT: nothing read back.
    expect(t.app.db.statements.count - counted).toBe(3);
    for (const object of objects)
      expect(await t.app.db.read.findOneBy(SimSubscriptionEntity, { subscriptionId: object.subscriptionId })).toEqual(
        object,
      );
  });
});

describe('planner statistics (SQLite)', () => {
  it('drops the per-value statistics ANALYZE left at open and keeps the per-index ones', async (context) => {
    if (process.env.TEST_DATABASE_URL) return context.skip();
    const dir = mkdtempSync(join(tmpdir(), 'nce-stat4-'));
    const file = join(dir, 'db.sqlite');
    const stats = async (db: Database) => ({
      stat1: Number((await db.select<{ n: number }>('SELECT COUNT(*) AS n FROM sqlite_stat1'))[0]!.n),
      stat4: Number((await db.select<{ n: number }>('SELECT COUNT(*) AS n FROM sqlite_stat4'))[0]!.n),
    });
    try {
      const first = await Database.open({ kind: 'sqlite', file }, { checkpointIntervalMs: 0 });
      await first.transaction((m) =>
        m.query(`INSERT INTO catalog_product (id, title, publisher, description, kind, search_text) WITH RECURSIVE n(value) AS (SELECT 1 UNION ALL SELECT value + 1 FROM n WHERE value < 200)
           SELECT 'P' || value, 'T' || (value % 7), 'M', '', 'SUBSCRIPTION', 't' FROM n`),
      );
      await first.transaction((m) => m.query('ANALYZE'));
      const analysed = await stats(first);
      expect(analysed.stat1).toBeGreaterThan(0);
      // better-sqlite3 builds SQLite with STAT4: without these rows the test would prove nothing.
      expect(analysed.stat4).toBeGreaterThan(0);
      await first.close();

      const reopened = await Database.open({ kind: 'sqlite', file }, { checkpointIntervalMs: 0 });
      try {
        expect(await stats(reopened)).toEqual({ stat1: analysed.stat1, stat4: 0 });
      } finally {
        await reopened.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('background checkpoints (SQLite)', () => {
  const sizeAfterWrites = async (checkpointIntervalMs: number) => {
    const dir = mkdtempSync(join(tmpdir(), 'nce-checkpoint-'));
    const file = join(dir, 'db.sqlite');
    const db = await Database.open({ kind: 'sqlite', file }, { checkpointIntervalMs });
    try {
      const before = statSync(file).size;
      // ~1 MB of rows: far below the writer's own checkpoint threshold (10,000 pages).
      for (let i = 0; i < 20; i += 1) {
        await db.transaction((m) =>
          m.query(`INSERT INTO catalog_product (id, title, publisher, description, kind, search_text) WITH RECURSIVE n(value) AS (SELECT 1 UNION ALL SELECT value + 1 FROM n WHERE value < 100)
           SELECT 'P${i}-' || value, printf('%.500c', 'x'), 'M', '', 'SUBSCRIPTION', 't' FROM n`),
        );
      }
      // The worker's checkpoint lands within a few intervals; under load (CI runs suites side by side) it may take
      // longer, so wait for it up to 5 s. Without the worker, 300 ms shows nothing moved.
      const until = Date.now() + (checkpointIntervalMs > 0 ? 5_000 : 300);
      while (Date.now() < until && statSync(file).size - before <= 500_000)
        await new Promise((resolve) => setTimeout(resolve, 50));
      return { before, after: statSync(file).size, errors: db.checkpointErrors };
    } finally {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  };

  it('copies the write-ahead log into the database file from a worker thread, so no COMMIT has to', async (context) => {
    if (process.env.TEST_DATABASE_URL) return context.skip();
    const withWorker = await sizeAfterWrites(50);
    expect(withWorker.after - withWorker.before).toBeGreaterThan(500_000);
    expect(withWorker.errors).toEqual([]);
    // The control: without the worker the rows stay in the log, and the file keeps its size.
    const without = await sizeAfterWrites(0);
    expect(without.after).toBe(without.before);
  });
});
