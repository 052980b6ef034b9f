import 'reflect-metadata';
import { createReadStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { PriceListImporter } from '../catalog/price-list-importer.js';
import { UploadStore } from '../catalog/upload-store.js';
import { loadConfig } from '../config.js';
import { Database } from '../db/database.js';
import { systemClock } from '../platform/clock.js';
import { createLogger } from '../platform/logger.js';
import { writeSamplePriceList } from './generate-price-list.js';

/** Fills an empty database with demo data: the ~30,000-row sample NCE price list. Safe to run again. */
async function main(): Promise<void> {
  const config = loadConfig();
  const db = await Database.open(config.database);
  try {
    const [{ count }] = await db.read.query('SELECT COUNT(*) AS count FROM catalog_price');
    if (Number(count) > 0) {
      console.log(`demo data: catalog already has ${count} price rows`);
      return;
    }
    await mkdir(config.dataDir, { recursive: true });
    const file = join(config.dataDir, 'sample-price-list.csv');
    const rows = await writeSamplePriceList(file);
    const importer = new PriceListImporter(db, systemClock, new UploadStore(config.dataDir), createLogger('warn'));
    const result = await importer.run(await importer.begin('sample-price-list.csv'), createReadStream(file));
    if (!result.ok) throw new Error(`the sample price list was rejected: line ${result.fault.line}: ${result.fault.message}`);
    console.log(`demo data: imported the sample NCE price list (${rows} rows)`);
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  console.error('Seeding demo data failed:', error instanceof Error ? error.message : error);
  process.exit(1);
});
