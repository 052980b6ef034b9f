import type { App } from './app.js';
import type { Principal } from './platform/permissions.js';

export interface Context {
  app: App;
  principal: Principal | null;
  requestId: string;
  /** What the request log line reports; shared by reference because Apollo copies the context. */
  requestLog: { operationName?: string };
}
