import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/test-app.js';
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
      t.app.db.transaction((m) => m.query(`INSERT INTO catalog_sku (product_id, sku_id, title, description, unit_of_measure, search_text) VALUES ('NOPE', '1', 't', '', 'u', 's')`)),
    ).rejects.toThrow(/FOREIGN KEY/);
  });

  it('has applied every migration and records them', async () => {
    const applied = await t.app.db.read.query('SELECT name FROM migrations');
    expect(applied.map((m: { name: string }) => m.name)).toEqual(MIGRATIONS.map((migration) => migration.name));
  });

  it('keeps a transaction’s uncommitted writes invisible to concurrent reads, and serialises transactions', async (context) => {
    // PostgreSQL gives each transaction its own connection; the reader/writer split is SQLite's.
    if (t.app.db.kind !== 'sqlite') return context.skip();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const writing = t.app.db.transaction(async (m) => {
      await m.query(`INSERT INTO catalog_product (id, title, publisher, description, kind, search_text) VALUES ('P1', 'T', 'M', '', 'SUBSCRIPTION', 't')`);
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
});
