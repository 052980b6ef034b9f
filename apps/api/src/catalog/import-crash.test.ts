import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import { writeSamplePriceList } from '../scripts/generate-price-list.js';
import { createTestApp, importPriceList, processEnv } from '../test-support/test-app.js';
import { PriceListImportEntity } from './price-list-import.entity.js';

const API_DIR = fileURLToPath(new URL('../..', import.meta.url));

describe('a price-list import killed mid-way (SIGKILL)', () => {
  it('leaves the catalog as it was until the import, run again by the job queue once its lease ran out, applies the whole file', async () => {
    const t = await createTestApp();
    try {
      await importPriceList(t.app);
      const prices = async (app = t.app) =>
        Number((await app.db.read.query('SELECT COUNT(*) AS n FROM catalog_price'))[0].n);
      const before = await prices();
      await t.app.db.close();

      const file = join(t.dir, 'big.csv');
      const rows = await writeSamplePriceList(file, 120_000);
      const env = { ...process.env, ...processEnv(t, { LOG_LEVEL: 'silent' }) };
      const importer = spawn(process.execPath, ['dist/scripts/import-price-list.js', file], {
        cwd: API_DIR,
        env,
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      // Kill it once it has staged a good part of the file, before the merge.
      await new Promise<void>((resolve, reject) => {
        importer.stderr!.on('data', (chunk: Buffer) => {
          if (/importing big\.csv: [3-6]\d%/.test(chunk.toString())) resolve();
        });
        importer.once('exit', (code) =>
          reject(new Error(`the import ended by itself (${code}) before it could be killed`)),
        );
      });
      importer.kill('SIGKILL');
      await new Promise((resolve) => importer.once('exit', resolve));

      // The import is a job: the killed process held its lease, which runs out; then a worker of the API runs
      // it again from the first row, and the whole file is applied once.
      const restarted = await createApp(t.app.config, { clock: t.clock, logger: t.app.logger });
      try {
        expect(await prices(restarted)).toBe(before);
        const killed = await restarted.db.read.findOneByOrFail(PriceListImportEntity, { sourceName: 'big.csv' });
        expect(killed.status).toBe('RUNNING');
        expect(await restarted.jobs.runDue()).toBe(0);
        t.clock.advance(2 * 24 * 3600_000);
        expect(await restarted.jobs.runDue()).toBe(1);
        const finished = await restarted.db.read.findOneByOrFail(PriceListImportEntity, { id: killed.id });
        expect(finished).toMatchObject({ status: 'SUCCEEDED', rowsRead: rows });
        expect(await prices(restarted)).toBeGreaterThanOrEqual(rows);
        expect(Number((await restarted.db.read.query('SELECT COUNT(*) AS n FROM catalog_import_row'))[0].n)).toBe(0);
      } finally {
        await restarted.db.close();
      }
    } finally {
      await t.close().catch(() => undefined);
    }
  }, 120_000);
});
