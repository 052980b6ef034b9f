import 'reflect-metadata';
import { createApp } from '../app.js';
import { loadConfig } from '../config.js';
import { createLogger } from '../platform/logger.js';
import { demoSignInsText, seedDemoData } from './demo-data.js';
import { seedDemoStory } from './demo-story.js';

/**
 * Usage: seed-demo [--price-rows N] [--story] — fills an empty database with demo data and prints the demo
 * sign-ins; with --story, also a year of history (what `npm run demo` shows).
 */
async function main(): Promise<void> {
  const rowsFlag = process.argv.indexOf('--price-rows');
  const priceRows = rowsFlag > 0 ? Number(process.argv[rowsFlag + 1]) : undefined;
  const config = loadConfig();
  if (config.production) {
    console.error(
      'seed-demo creates demo accounts with published passwords and refuses to run when NODE_ENV=production.',
    );
    process.exit(2);
  }
  const app = await createApp(config, { logger: createLogger('warn') });
  try {
    const done = await seedDemoData(app, { priceRows });
    if (process.argv.includes('--story')) done.push(...(await seedDemoStory(config, app.clock.now())));
    console.log(done.length ? `demo data: ${done.join('; ')}` : 'demo data: already present');
    console.log(`\n${demoSignInsText()}`);
  } finally {
    await app.db.close();
  }
}

main().catch((error: unknown) => {
  console.error('Seeding demo data failed:', error instanceof Error ? error.message : error);
  process.exit(1);
});
