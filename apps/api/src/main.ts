import 'reflect-metadata';
import { createApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { startHttpServer } from './server.js';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  const app = await createApp(config);
  // At start and then every minute: an import whose process died is failed once its heartbeat is old, and
  // uploads never imported, or left taken by a dead import, are removed once a day old.
  const sweepImports = () =>
    Promise.all([
      app.priceLists
        .abandonInterrupted()
        .then((abandoned) => abandoned > 0 && app.logger.warn({ abandoned }, 'price-list imports left by a stopped process were marked failed'))
        .catch((error: unknown) => app.logger.error({ err: error }, 'sweeping abandoned price-list imports failed')),
      app.uploads
        .sweep()
        .then((removed) => removed.files > 0 && app.logger.warn(removed, 'old uploaded files were removed'))
        .catch((error: unknown) => app.logger.error({ err: error }, 'sweeping old uploads failed')),
    ]);
  await sweepImports();
  const importSweep = setInterval(() => void sweepImports(), 60_000);
  importSweep.unref();
  const http = await startHttpServer(app);
  app.jobs.start(config.jobPollMs);
  app.logger.info({ url: http.url, database: app.db.kind }, 'nce-marketplace API listening');
  console.log(`\n  nce-marketplace is running at ${http.url}/  (GraphQL: ${http.url}/graphql)\n`);

  const shutdown = async (signal: string) => {
    app.logger.info({ signal }, 'shutting down');
    clearInterval(importSweep);
    await http.stop();
    await app.jobs.stop();
    await app.db.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error('The API failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
