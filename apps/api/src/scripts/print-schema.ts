import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { printSchema } from 'graphql';
import { createSchema } from '../schema.js';

export const SCHEMA_FILE = fileURLToPath(new URL('../../schema.graphql', import.meta.url));

export async function printedSchema(): Promise<string> {
  return `${printSchema(await createSchema())}\n`;
}

/** Writes apps/api/schema.graphql; with --check, fails when the committed file is stale. */
if (import.meta.url === `file://${process.argv[1]}`) {
  const printed = await printedSchema();
  if (process.argv.includes('--check')) {
    const committed = readFileSync(SCHEMA_FILE, 'utf8');
    if (committed !== printed) {
      console.error('apps/api/schema.graphql is stale: run `pnpm --filter @nce/api schema:print` and commit it.');
      process.exit(1);
    }
    console.log('schema.graphql is up to date');
  } else {
    writeFileSync(SCHEMA_FILE, printed);
    console.log(`wrote ${SCHEMA_FILE}`);
  }
}
