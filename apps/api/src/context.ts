import type { App } from './app.js';
import type { Loaders } from './loaders.js';
import type { Principal } from './platform/permissions.js';
import type { RequestContext } from './platform/request-context.js';

/** Sets or clears the session cookie on the response being built. */
export interface SessionCookie {
  set(token: string, expiresAt: Date): void;
  clear(): void;
}

/** A GraphQL request's context: its RequestContext (passed as is to services) plus the request's plumbing. */
export interface Context extends RequestContext {
  app: App;
  loaders: Loaders;
  principal: Principal | null;
  /** Why there is no principal although a session cookie came: it expired or was revoked. */
  authProblem: 'SESSION_EXPIRED' | null;
  requestId: string;
  ip: string;
  userAgent: string | null;
  sessionCookie: SessionCookie;
  /** What the request log line reports; shared by reference because Apollo copies the context. */
  requestLog: { operationName?: string };
}
