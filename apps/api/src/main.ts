import 'reflect-metadata';
import { ConfigError, loadConfig } from './config.js';
import { startProduct, stopOnSignals } from './start.js';

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
  stopOnSignals(await startProduct(config));
}

main().catch((error: unknown) => {
  console.error('The API failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
