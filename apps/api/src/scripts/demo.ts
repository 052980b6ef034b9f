import 'reflect-metadata';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { createApp } from '../app.js';
import { ConfigError, loadConfig } from '../config.js';
import { createLogger } from '../platform/logger.js';
import { startProduct, stopOnSignals } from '../start.js';
import { demoSignInsText, seedDemoData } from './demo-data.js';
import { seedDemoStory } from './demo-story.js';

/**
 * Usage: demo [--reset] — the product on the embedded SQLite default with demo data: seeds an empty
 * database (with --reset, a new one), starts the API serving the admin SPA, and prints the sign-ins last.
 * Request logs stay at warn level so the terminal stays readable (LOG_LEVEL overrides).
 */
async function main(): Promise<void> {
  const reset = process.argv.includes('--reset');
  let config;
  try {
    config = loadConfig({ LOG_LEVEL: 'warn', ...process.env });
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  if (config.production) {
    console.error('The demo creates accounts with published passwords and refuses to run when NODE_ENV=production.');
    process.exit(2);
  }
  if (reset) {
    if (config.database.kind !== 'sqlite') {
      console.error('--reset starts over on the embedded SQLite database only; drop a PostgreSQL database yourself.');
      process.exit(2);
    }
    const file = config.database.file;
    await Promise.all(
      [
        file,
        `${file}-wal`,
        `${file}-shm`,
        join(config.dataDir, 'uploads'),
        join(config.dataDir, 'sample-price-list.csv'),
      ].map((path) => rm(path, { recursive: true, force: true })),
    );
    console.log(`  Starting over: removed the demo database ${file}`);
  }

  const seeding = await createApp(config, { logger: createLogger('warn') });
  let now: Date;
  try {
    const done = await seedDemoData(seeding);
    now = seeding.clock.now();
    console.log(done.length ? `  Demo data: ${done.join('; ')}.` : '  Demo data: already present.');
  } finally {
    await seeding.db.close();
  }
  const told = await seedDemoStory(config, now);
  if (told.length) console.log(`  Demo data: ${told.join('; ')}.`);

  const product = await startProduct(config, {
    onListening: (url) => {
      console.log(demoSignInsText());
      console.log(
        `\n  Data folder: ${config.dataDir}${config.database.kind === 'sqlite' ? ` (database ${config.database.file})` : ''}`,
      );
      console.log(
        `  Open ${url}/ and sign in. Ctrl-C stops; \`npm run demo -- --reset\` starts over with fresh demo data.\n`,
      );
    },
  });
  stopOnSignals(product, () => console.log('\n  Stopping the demo…'));
}

main().catch((error: unknown) => {
  console.error('The demo failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
