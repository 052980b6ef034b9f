// Vendure on SQLite (better-sqlite3) with its default search plugin, as its documentation sets one up; the bench's
// peer. Usage: PEER_DATA_DIR=… PEER_PRODUCTS_CSV=… PORT=… node server.mjs — imports the products on the first
// start (search index built to the end), then serves the Shop API on PORT until stopped.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import {
  bootstrap,
  bootstrapWorker,
  DefaultJobQueuePlugin,
  DefaultSearchPlugin,
  defaultConfig,
  LanguageCode,
  mergeConfig,
  RequestContextService,
  SearchService,
} from '@vendure/core';
import { populate } from '@vendure/core/cli/index.js';

const dataDir = process.env.PEER_DATA_DIR;
const productsCsv = process.env.PEER_PRODUCTS_CSV;
const database = join(dataDir, 'vendure.sqlite');
const fresh = !existsSync(database);
const port = Number(process.env.PORT ?? 3000);

const config = mergeConfig(defaultConfig, {
  apiOptions: { port, hostname: '127.0.0.1', adminApiPath: 'admin-api', shopApiPath: 'shop-api', introspection: false },
  authOptions: {
    tokenMethod: ['bearer', 'cookie'],
    superadminCredentials: { identifier: 'bench-admin', password: randomBytes(24).toString('base64url') },
  },
  dbConnectionOptions: { type: 'better-sqlite3', database, synchronize: fresh, logging: false },
  paymentOptions: { paymentMethodHandlers: [] },
  logger: new (class {
    error(message) {
      process.stderr.write(`${message}\n`);
    }
    warn() {}
    info() {}
    verbose() {}
    debug() {}
  })(),
  plugins: [DefaultJobQueuePlugin.init({ pollInterval: 200 }), DefaultSearchPlugin.init({ bufferUpdates: false })],
});

const initialData = {
  defaultLanguage: LanguageCode.en,
  defaultZone: 'Americas',
  taxRates: [{ name: 'Standard Tax', percentage: 0 }],
  shippingMethods: [],
  paymentMethods: [],
  collections: [],
  countries: [{ name: 'United States of America', code: 'US', zone: 'Americas' }],
};

if (fresh) {
  const started = Date.now();
  const app = await populate(
    () => bootstrap({ ...config, apiOptions: { ...config.apiOptions, port: 0 } }),
    initialData,
    productsCsv,
  );
  const ctx = await app.get(RequestContextService).create({ apiType: 'admin' });
  await app.get(SearchService).reindex(ctx);
  // The index is built by the job queue: a worker in this process runs it to the end.
  const worker = await bootstrapWorker(config);
  await worker.startJobQueue();
  // DefaultJobQueuePlugin keeps jobs in the database: wait until none is left to run.
  const db = new Database(database, { readonly: true });
  for (;;) {
    const { n } = db.prepare("SELECT COUNT(*) AS n FROM job_record WHERE state IN ('PENDING', 'RUNNING')").get();
    if (n === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  db.close();
  await worker.app.close();
  await app.close();
  process.stderr.write(`peer imported in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}

await bootstrap(config);
