import 'reflect-metadata';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { resolve } from 'node:path';
import type { MismatchKind } from '@nce/domain';
import { createApp } from '../app.js';
import { monthRange } from '../billing/reconciliation.service.js';
import { ConfigError, loadConfig } from '../config.js';
import { createLogger } from '../platform/logger.js';
import { systemContext } from '../platform/request-context.js';

/**
 * Usage: pnpm billing:sample-microsoft-file YYYY-MM FILE [DIFFERENCES] — writes Microsoft's reconciliation file for a
 * month of the configured database's charges, with DIFFERENCES (default 2) planted, to try the match with.
 */
async function main(): Promise<number> {
  const [month = '', file, differences = '2'] = process.argv.slice(2);
  const range = monthRange(month);
  const planting = Number(differences);
  if (!range || !file || !Number.isSafeInteger(planting) || planting < 0) {
    console.error('usage: pnpm billing:sample-microsoft-file YYYY-MM FILE.csv [DIFFERENCES]');
    return 2;
  }
  const path = resolve(process.env.INIT_CWD ?? process.cwd(), file);
  const app = await createApp(loadConfig(), { logger: createLogger('warn') });
  try {
    const out = createWriteStream(path);
    const planted: MismatchKind[] = [];
    for await (const chunk of app.reconciliation.microsoftSample(
      systemContext(app.clock, 'system:cli'),
      range,
      planting,
      planted,
    ))
      if (!out.write(chunk)) await once(out, 'drain');
    out.end();
    await once(out, 'finish');
    console.log(
      `Wrote ${path}: Microsoft's file for ${month}, ${planted.length} planted (${planted.join(', ') || 'none'}).`,
    );
    return 0;
  } finally {
    await app.db.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  },
);
