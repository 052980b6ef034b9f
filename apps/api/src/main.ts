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
  const abandoned = await app.priceLists.abandonInterrupted();
  if (abandoned > 0) app.logger.warn({ abandoned }, 'price-list imports interrupted by a previous stop were marked failed');
  const http = await startHttpServer(app);
  app.jobs.start(config.jobPollMs);
  app.logger.info({ url: http.url, database: app.db.kind }, 'nce-marketplace API listening');
  console.log(`\n  nce-marketplace is running at ${http.url}/  (GraphQL: ${http.url}/graphql)\n`);

  const shutdown = async (signal: string) => {
    app.logger.info({ signal }, 'shutting down');
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
