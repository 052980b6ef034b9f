import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/** The request being served, reachable from anywhere below the HTTP handler (logs, error masking). */
const scope = new AsyncLocalStorage<{ requestId: string }>();

export const currentRequestId = (): string | undefined => scope.getStore()?.requestId;

export const runInRequestScope = <T>(requestId: string | undefined, work: () => T): T =>
  scope.run({ requestId: requestId && /^[\w-]{1,64}$/.test(requestId) ? requestId : randomUUID() }, work);
