import { CatalogService } from './catalog/catalog.service.js';
import { PriceListImporter } from './catalog/price-list-importer.js';
import { UploadStore } from './catalog/upload-store.js';
import type { Config } from './config.js';
import { Database } from './db/database.js';
import { systemClock, type Clock } from './platform/clock.js';
import { createLogger, type Logger } from './platform/logger.js';

/** Every long-lived part of the API, built once at start and handed to resolvers through the context. */
export interface App {
  config: Config;
  db: Database;
  clock: Clock;
  logger: Logger;
  catalog: CatalogService;
  priceLists: PriceListImporter;
  uploads: UploadStore;
}

export async function createApp(config: Config, overrides: { clock?: Clock; logger?: Logger } = {}): Promise<App> {
  const clock = overrides.clock ?? systemClock;
  const logger = overrides.logger ?? createLogger(config.logLevel);
  const db = await Database.open(config.database);
  const uploads = new UploadStore(config.dataDir);
  const priceLists = new PriceListImporter(db, clock, uploads, logger);
  const abandoned = await priceLists.abandonInterrupted();
  if (abandoned > 0) logger.warn({ abandoned }, 'price-list imports interrupted by a previous stop were marked failed');
  return {
    config,
    db,
    clock,
    logger,
    catalog: new CatalogService(db, clock, config.defaultMarket),
    priceLists,
    uploads,
  };
}
