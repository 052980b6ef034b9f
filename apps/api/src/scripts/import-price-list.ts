import 'reflect-metadata';
import { stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { createApp } from '../app.js';
import { ConfigError, loadConfig } from '../config.js';
import { createLogger } from '../platform/logger.js';
import { systemContext } from '../platform/request-context.js';

/** Usage: pnpm catalog:import FILE — imports a Microsoft NCE price-list CSV into the configured database. */
async function main(): Promise<number> {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: pnpm catalog:import FILE.csv');
    return 2;
  }
  const path = resolve(process.env.INIT_CWD ?? process.cwd(), file);
  const size = await stat(path).then(
    (s) => s.size,
    () => -1,
  );
  if (size < 0) {
    console.error(`No file at ${path}`);
    return 2;
  }
  const app = await createApp(loadConfig(), { logger: createLogger('warn') });
  try {
    const tty = process.stderr.isTTY;
    let lastPrinted = 0;
    const cli = systemContext(app.clock, 'system:cli');
    const result = await app.priceLists.importFile(cli, path, basename(path), ({ rowsRead, bytesRead }) => {
      const percent = size > 0 ? Math.min(100, Math.floor((bytesRead / size) * 100)) : 100;
      if (tty) process.stderr.write(`\rimporting ${basename(path)}: ${percent}% (${rowsRead} rows)   `);
      else if (percent >= lastPrinted + 10) {
        lastPrinted = percent - (percent % 10);
        process.stderr.write(`importing ${basename(path)}: ${percent}% (${rowsRead} rows)\n`);
      }
    });
    if (tty) process.stderr.write('\n');
    if (!result.ok) {
      const { line, column, message } = result.fault;
      console.error(
        `Rejected ${basename(path)}: line ${line}${column ? `, column ${column}` : ''}: ${message}. Nothing was imported.`,
      );
      return 1;
    }
    console.log(
      `Imported ${result.rowsRead} rows: ${result.rowsInserted} new, ${result.rowsUpdated} updated, ${result.rowsUnchanged} unchanged.`,
    );
    return 0;
  } finally {
    await app.db.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(
      error instanceof ConfigError
        ? error.message
        : `The import failed: ${error instanceof Error ? error.message : error}`,
    );
    process.exit(1);
  },
);
