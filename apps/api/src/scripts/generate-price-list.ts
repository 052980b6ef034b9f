import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { samplePriceListLines } from '../catalog/sample-price-list.js';

/** Usage: generate-price-list FILE [ROWS] — writes the deterministic sample NCE price list. */
export async function writeSamplePriceList(file: string, targetRows?: number): Promise<number> {
  const out = createWriteStream(file);
  let lines = 0;
  for (const line of samplePriceListLines({ targetRows })) {
    if (!out.write(`${line}\n`)) await once(out, 'drain');
    lines += 1;
  }
  out.end();
  await once(out, 'finish');
  return lines - 1;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [file, rows] = process.argv.slice(2);
  if (!file) {
    console.error('usage: generate-price-list FILE [ROWS]');
    process.exit(2);
  }
  const written = await writeSamplePriceList(file, rows ? Number(rows) : undefined);
  console.log(`wrote ${written} price rows to ${file}`);
}
