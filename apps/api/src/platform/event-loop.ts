/**
 * Lets the event loop serve what is waiting (requests, timers) before going on. Long work on SQLite never waits
 * on I/O (better-sqlite3 is synchronous), so without it a loop over thousands of rows holds every request back.
 */
export const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
