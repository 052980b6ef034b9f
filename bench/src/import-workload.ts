import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeSamplePriceList } from '@nce/api/dist/scripts/generate-price-list.js';
import { API_DIR, BENCH_DIST } from './processes.js';

export interface ImportRun {
  rows: number;
  seconds: number;
  peakRssMb: number;
}

export interface ImportResult {
  api: ImportRun;
  reference: ImportRun;
  /** The API's import of a 10× larger file. */
  api10x: ImportRun;
  /** API time ÷ reference time (lower is better); peak memory at 10× ÷ at 1×. */
  timeRatio: number;
  memoryGrowth: number;
}

/** Runs a script in its own process with the peak-memory hook, timed from spawn to exit. */
async function timed(
  script: string,
  args: string[],
  env: Record<string, string>,
  rssFile: string,
): Promise<{ seconds: number; peakRssMb: number }> {
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, ['--import', join(BENCH_DIST, 'rss-hook.js'), script, ...args], {
    env: { ...process.env, ...env, BENCH_RSS_FILE: rssFile },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`${script} exited with ${code}: ${stderr}`);
  return {
    seconds: Number(process.hrtime.bigint() - started) / 1e9,
    peakRssMb: Number(readFileSync(rssFile, 'utf8')) / 1024 / 1024,
  };
}

/**
 * Workload 4: the price-list import CLI on a fresh database (`freshDatabase` gives one per run), the
 * sample list at its usual size and 10× larger, and the raw reference on the usual size.
 */
export async function importWorkload(
  dir: string,
  rows: number,
  freshDatabase: () => Promise<string>,
): Promise<ImportResult> {
  const small = join(dir, 'import-1x.csv');
  const large = join(dir, 'import-10x.csv');
  const smallRows = await writeSamplePriceList(small, rows);
  const largeRows = await writeSamplePriceList(large, rows * 10);
  const cli = join(API_DIR, 'dist/scripts/import-price-list.js');
  const apiEnv = async () => ({ DATABASE_URL: await freshDatabase(), DATA_DIR: dir, NODE_ENV: 'test' });
  const api = { rows: smallRows, ...(await timed(cli, [small], await apiEnv(), join(dir, 'rss-api'))) };
  const api10x = { rows: largeRows, ...(await timed(cli, [large], await apiEnv(), join(dir, 'rss-api-10x'))) };
  const reference = {
    rows: smallRows,
    ...(await timed(
      join(BENCH_DIST, 'import-reference.js'),
      [small],
      { DATABASE_URL: await freshDatabase() },
      join(dir, 'rss-reference'),
    )),
  };
  return {
    api,
    api10x,
    reference,
    timeRatio: api.seconds / reference.seconds,
    memoryGrowth: api10x.peakRssMb / api.peakRssMb,
  };
}
