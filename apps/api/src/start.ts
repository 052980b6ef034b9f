import { createApp, type App } from './app.js';
import type { Config } from './config.js';
import { startHttpServer, type HttpServer } from './server.js';

export interface RunningProduct {
  app: App;
  http: HttpServer;
  /** Stops taking requests, lets running jobs finish, closes the database. */
  stop(): Promise<void>;
}

/**
 * The API as it runs: the app, the HTTP server and the job worker, which also runs price-list imports (and
 * runs again one whose process died) and the recurring jobs (the upload sweeper, at start and every
 * minute). `main` and the demo start it the same way.
 */
export async function startProduct(
  config: Config,
  options: { onListening?: (url: string) => void } = {},
): Promise<RunningProduct> {
  const app = await createApp(config);
  const http = await startHttpServer(app);
  if (config.jobWorker) app.jobs.start(config.jobPollMs, config.jobShare);
  app.logger.info(
    { url: http.url, database: app.db.kind, jobWorker: config.jobWorker },
    'nce-marketplace API listening',
  );
  console.log(`\n  nce-marketplace is running at ${http.url}/  (GraphQL: ${http.url}/graphql)\n`);
  options.onListening?.(http.url);
  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= (async () => {
      await http.stop();
      await app.jobs.stop();
      await app.db.close();
    })());
  return { app, http, stop };
}

/** Ctrl-C or a stop signal ends the process cleanly, once, with exit code 0. */
export function stopOnSignals(product: RunningProduct, onStop: (signal: string) => void = () => {}): void {
  const shutdown = (signal: string) => {
    onStop(signal);
    product.app.logger.info({ signal }, 'shutting down');
    void product.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}
