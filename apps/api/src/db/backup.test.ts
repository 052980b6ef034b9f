import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import { createTestApp, importPriceList } from '../test-support/test-app.js';
import { backupSqlite, restoreSqlite } from './backup.js';

describe('online backup and restore of the SQLite database', () => {
  it('backs up while the database is in use, and a restore brings back exactly that state', async (context) => {
    const t = await createTestApp();
    if (t.app.db.kind !== 'sqlite') {
      await t.close();
      return context.skip();
    }
    try {
      await importPriceList(t.app);
      const count = async (db = t.app.db) =>
        Number((await db.read.query('SELECT COUNT(*) AS n FROM catalog_price'))[0].n);
      const before = await count();
      // A write transaction is open while the backup runs: the snapshot holds only committed rows.
      let release!: () => void;
      const held = t.app.db.transaction(async (m) => {
        await m.query('DELETE FROM catalog_price WHERE id IN (SELECT id FROM catalog_price LIMIT 10)');
        await new Promise<void>((resolve) => (release = resolve));
      });
      const backup = await backupSqlite(t.app.db, join(t.dir, 'backups', 'one.sqlite'));
      release();
      await held;
      expect(backup.bytes).toBeGreaterThan(0);
      await expect(backupSqlite(t.app.db, backup.file)).rejects.toThrow(/exists/);

      await t.app.db.transaction((m) => m.query('DELETE FROM catalog_price'));
      expect(await count()).toBe(0);
      await t.app.db.close();
      const file = (t.app.config.database as { file: string }).file;
      const { keptOld } = await restoreSqlite(backup.file, file);
      expect(keptOld).toContain('before-restore');
      const restored = await createApp(t.app.config, { clock: t.clock, logger: t.app.logger });
      try {
        expect(await count(restored.db)).toBe(before);
      } finally {
        await restored.db.close();
      }
    } finally {
      await t.close().catch(() => undefined);
    }
  });

  it('refuses to restore a file that is not a database of the product', async () => {
    const t = await createTestApp();
    try {
      const { writeFileSync } = await import('node:fs');
      const junk = join(t.dir, 'junk.sqlite');
      writeFileSync(junk, 'not a database');
      await expect(restoreSqlite(junk, join(t.dir, 'target.sqlite'))).rejects.toThrow();
    } finally {
      await t.close();
    }
  });
});
