import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * Copies the SQLite write-ahead log back into the database file from a worker thread, every
 * `intervalMs`. Left to the writer, a checkpoint runs inside whichever COMMIT crosses the threshold and
 * blocks the event loop while it copies pages and fsyncs (~19 ms each, ~0.26 ms an order in the Buy
 * bench). A PASSIVE checkpoint takes no lock that writers or readers wait on; the writer's own
 * auto-checkpoint stays on, at a higher threshold, as the fallback should this thread stop.
 */
export interface Checkpointer {
  stop(): Promise<void>;
}

// Plain CommonJS for an eval'd worker: it runs the same in the built API and under the test runner.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Sqlite = require(workerData.driver);
const db = new Sqlite(workerData.file, { timeout: 0 });
const timer = setInterval(() => {
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch (error) { parentPort.postMessage(String(error && error.message)); }
}, workerData.intervalMs);
parentPort.on('message', () => { clearInterval(timer); db.close(); parentPort.close(); });
`;

export function startCheckpointer(file: string, intervalMs: number, onError: (message: string) => void): Checkpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER, { eval: true, workerData: { file, intervalMs, driver } });
  worker.on('message', (message: string) => onError(message));
  worker.on('error', (error) => onError(error.message));
  worker.unref();
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  return {
    stop: async () => {
      // Held until the worker has closed its connection; unreferenced, the process could end meanwhile.
      worker.ref();
      worker.postMessage('stop');
      await exited;
    },
  };
}
