import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';
import { openRaw } from './sql.js';

/**
 * The price-list import's raw reference: the same CSV parser streaming the same file into a plain table,
 * 500 rows a statement, in one transaction, through the same driver. No validation, no merge.
 *
 * Usage: DATABASE_URL=… node dist/import-reference.js FILE
 */
const db = await openRaw(process.env.DATABASE_URL ?? '');
const parser = createReadStream(process.argv[2]!).pipe(parse({ bom: true, relax_column_count: true }));
let columns = 0;
let rows = 0;
await db.transaction(async (q) => {
  let batch: string[][] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const tuple = `(${Array.from({ length: columns }, () => '?').join(', ')})`;
    await q(`INSERT INTO bench_import_reference VALUES ${batch.map(() => tuple).join(', ')}`, batch.flat());
    rows += batch.length;
    batch = [];
  };
  for await (const record of parser as AsyncIterable<string[]>) {
    if (columns === 0) {
      columns = record.length;
      await q('DROP TABLE IF EXISTS bench_import_reference');
      await q(`CREATE TABLE bench_import_reference (${record.map((_, i) => `c${i} TEXT`).join(', ')})`);
      continue;
    }
    batch.push(Array.from({ length: columns }, (_, i) => record[i] ?? ''));
    if (batch.length === 500) await flush();
  }
  await flush();
});
await db.close();
console.log(`reference imported ${rows} rows`);
