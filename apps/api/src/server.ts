import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type Request } from 'express';
import helmet from 'helmet';
import { GraphQLError } from 'graphql';
import type { App } from './app.js';
import type { Context } from './context.js';
import { createLoaders } from './loaders.js';
import { compiledExecution, type CompiledCacheStats } from './platform/compiled-execution.js';
import { DocumentStore } from './platform/document-store.js';
import { errorReporting, formatError } from './platform/errors.js';
import { GRAPHQL_BODY_LIMIT, isJsonGraphQLPost, serveGraphQLPost, type BodyProblem } from './platform/graphql-http.js';
import { clientAddress, trustFunction } from './platform/client-address.js';
import { inputBoundsRule } from './platform/input-bounds.js';
import { queryLimitsRule } from './platform/query-limits.js';
import type { Authentication } from './identity/identity.service.js';
import { requestIdFrom } from './platform/request-scope.js';
import { createSchema } from './schema.js';

/** Who is asking: by default the session cookie; tests may put a double in its place. */
export type Authenticate = (req: IncomingMessage) => Promise<Authentication>;

export const SESSION_COOKIE = 'nce_session';

/**
 * A cookie's value; null when it is absent or not validly percent-encoded (a client's mangled cookie is no session).
 */
export function readCookie(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key !== name) continue;
    try {
      return decodeURIComponent(value.join('='));
    } catch {
      return null;
    }
  }
  return null;
}

const sessionCookieOf =
  (app: App): Authenticate =>
  (req) =>
    app.identity.authenticate(readCookie(req.headers.cookie, SESSION_COOKIE));

/**
 * Browser protections on every answer Express gives (the SPA, invoices, uploads): a Content-Security-Policy
 * that loads only our own scripts (Mantine needs inline styles), no framing, no MIME sniffing, no referrer
 * to other sites; HSTS and upgraded requests only when the product is served over https.
 */
const securityHeaders = (https: boolean) =>
  helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'same-origin' },
    strictTransportSecurity: https,
    crossOriginEmbedderPolicy: false,
  });

export interface HttpServer {
  server: Server;
  url: string;
  /** The compiled-operation cache's size and use. */
  executionStats(): CompiledCacheStats;
  stop(): Promise<void>;
}

export async function startHttpServer(
  app: App,
  options: { authenticate?: Authenticate; port?: number } = {},
): Promise<HttpServer> {
  const authenticate = options.authenticate ?? sessionCookieOf(app);
  const secureCookie = app.config.publicUrl.startsWith('https://');
  const { logger, config } = app;
  const http = express();
  /** Each request's id and log line, from its start to its answer. */
  const requests = new WeakMap<ServerResponse, { requestId: string; log: Context['requestLog'] }>();
  const requestIdOf = (res: ServerResponse) => requests.get(res)?.requestId;
  const trustProxy = trustFunction(config.trustProxy);

  /** CORS for the origins configured; answers a preflight itself (true) or lets the request go on. */
  const cors = (req: IncomingMessage, res: ServerResponse): boolean => {
    const origin = req.headers.origin;
    if (!origin || !config.corsOrigins.includes(origin)) return false;
    res.setHeader('access-control-allow-origin', origin);
    res.setHeader('access-control-allow-credentials', 'true');
    res.setHeader(
      'access-control-allow-headers',
      'content-type, apollo-require-preflight, x-request-id, x-csrf-protection',
    );
    res.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS');
    res.setHeader('vary', 'Origin');
    if (req.method !== 'OPTIONS') return false;
    res.writeHead(204).end();
    return true;
  };

  /** Names the request (x-request-id, echoed in the answer) and writes its log line when it is answered. */
  // Requests being answered: while there are any, background jobs in this process give way (JobQueue.giveWayWhile).
  let inFlight = 0;
  app.jobs.giveWayWhile(() => inFlight > 0);
  const beginRequest = (req: IncomingMessage, res: ServerResponse) => {
    const started = process.hrtime.bigint();
    inFlight += 1;
    res.once('close', () => {
      inFlight -= 1;
    });
    const requestId = requestIdFrom(req.headers['x-request-id']);
    res.setHeader('x-request-id', requestId);
    const log: Context['requestLog'] = {};
    requests.set(res, { requestId, log });
    res.on('finish', () => {
      const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
      logger.info(
        {
          requestId,
          method: req.method,
          path: req.url!.split('?')[0],
          status: res.statusCode,
          operation: log.operationName,
          durationMs: Math.round(durationMs * 10) / 10,
        },
        'request',
      );
    });
  };

  /** A request Express or our own path could not take, answered in GraphQL's shape, never as HTML or a stack. */
  const answerFailure = (res: ServerResponse, failure: { status?: number; type?: string; error?: unknown }) => {
    const status = failure.status ?? 500;
    const message =
      failure.type === 'entity.too.large'
        ? 'The request body is larger than 1 MB.'
        : failure.type === 'entity.parse.failed'
          ? 'The request body is not valid JSON.'
          : status < 500
            ? 'The request was malformed.'
            : 'Internal server error';
    const requestId = requestIdOf(res);
    if (status >= 500) logger.error({ err: failure.error, requestId }, 'request failed');
    const body = JSON.stringify({
      errors: [
        {
          message,
          extensions: {
            code: status === 413 ? 'PAYLOAD_TOO_LARGE' : status < 500 ? 'BAD_REQUEST' : 'INTERNAL_SERVER_ERROR',
            requestId,
          },
        },
      ],
    });
    res
      .writeHead(status, {
        'content-type': 'application/json; charset=utf-8',
        'content-length': Buffer.byteLength(body),
      })
      .end(body);
  };

  const server = createServer((req, res) => {
    if (!isJsonGraphQLPost(req)) return void http(req, res);
    res.setHeader('x-content-type-options', 'nosniff');
    if (cors(req, res)) return;
    beginRequest(req, res);
    serveGraphQLPost(
      apollo,
      req,
      res,
      () => contextOf(req, res),
      (problem: BodyProblem) => answerFailure(res, problem),
    ).catch((error: unknown) => {
      if (res.headersSent) res.destroy();
      else answerFailure(res, { status: 500, error });
    });
  });

  const contextOf = async (req: IncomingMessage, res: ServerResponse): Promise<Context> => {
    const requestId = requestIdOf(res)!;
    let auth: Authentication;
    try {
      auth = await authenticate(req);
    } catch (error) {
      // Apollo answers a failed context with formatError alone, which has no request: name it here.
      logger.error({ err: error, requestId }, 'unexpected error reading the session');
      throw new GraphQLError('Internal server error', { extensions: { code: 'INTERNAL_SERVER_ERROR', requestId } });
    }
    const principal = auth && 'principal' in auth ? auth.principal : null;
    const ip = clientAddress(req, trustProxy);
    const cookie = (value: string, maxAgeSeconds: number) =>
      res.appendHeader(
        'set-cookie',
        `${SESSION_COOKIE}=${value}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAgeSeconds}${secureCookie ? '; Secure' : ''}`,
      );
    return {
      app,
      loaders: createLoaders(app),
      principal,
      authProblem: auth && 'problem' in auth ? auth.problem : null,
      clock: app.clock,
      requestId,
      ip,
      userAgent: req.headers['user-agent'] ?? null,
      sessionCookie: {
        set: (token, expiresAt) =>
          cookie(
            encodeURIComponent(token),
            Math.max(0, Math.floor((expiresAt.getTime() - app.clock.now().getTime()) / 1000)),
          ),
        clear: () => cookie('', 0),
      },
      requestLog: requests.get(res)?.log ?? {},
    };
  };

  const operationLog: ApolloServerPlugin<Context> = {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, operation, contextValue }) {
          contextValue.requestLog.operationName =
            request.operationName ?? operation?.name?.value ?? `anonymous ${operation?.operation ?? 'operation'}`;
        },
      };
    },
  };
  const execution = compiledExecution(await createSchema(app.modules), { timeoutMs: config.operationTimeoutMs });
  const apollo = new ApolloServer<Context>({
    // The product stops on SIGTERM itself (start.ts: requests drained, jobs finished, database closed). Apollo's own
    // handler, on outside tests, stopped Apollo and killed the process with the signal before any of that was done.
    stopOnTerminationSignals: false,
    gateway: execution,
    documentStore: new DocumentStore(),
    introspection: !config.production,
    formatError,
    includeStacktraceInErrorResponses: false,
    // Without introspection, "Did you mean …?" in validation errors would still spell the schema out.
    hideSchemaDetailsFromClientErrors: config.production,
    validationRules: [queryLimitsRule(), inputBoundsRule()],
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer: server }),
      // Every answer is private and sets no cache hints; the default plugin would wrap every field's resolver.
      ApolloServerPluginCacheControlDisabled(),
      operationLog,
      errorReporting(logger),
      ...(config.production ? [ApolloServerPluginLandingPageDisabled()] : []),
    ],
  });
  await apollo.start();

  http.disable('x-powered-by');
  http.set('etag', false);
  http.use(securityHeaders(secureCookie));
  http.use((req, res, next) => (cors(req, res) ? undefined : next()));
  http.use((req, res, next) => (beginRequest(req, res), next()));

  http.get('/healthz', async (_req, res) => {
    try {
      await app.db.ping();
      res.json({ status: 'ok', database: app.db.kind });
    } catch {
      res.status(503).json({ status: 'unavailable', database: app.db.kind });
    }
  });

  // Each context's HTTP routes beside GraphQL (price-list uploads, invoice PDFs).
  const tools = {
    principalOf: async (req: Request) => {
      const auth = await authenticate(req);
      return auth && 'principal' in auth ? auth.principal : null;
    },
    requestIdOf,
  };
  for (const module of app.modules) module.routes?.mount(http, app, tools);

  // Other requests to /graphql (GET, another content type): Express, with the same context and limits.
  http.use(
    '/graphql',
    express.json({ limit: GRAPHQL_BODY_LIMIT }),
    expressMiddleware(apollo, { context: async ({ req, res }) => contextOf(req, res) }),
  );

  http.use(
    (
      error: Error & { status?: number; type?: string },
      _req: Request,
      res: express.Response,
      next: express.NextFunction,
    ) => {
      if (res.headersSent) return next(error);
      answerFailure(res, { status: error.status, type: error.type, error });
    },
  );

  if (config.adminDist && existsSync(join(config.adminDist, 'index.html'))) {
    // Dotfiles are refused in the requested path only: the SPA may be installed under a hidden folder (~/.cache/…).
    http.use(express.static(config.adminDist, { index: false, maxAge: '1h', dotfiles: 'ignore' }));
    const served = ['/graphql', '/healthz', ...app.modules.flatMap((m) => m.routes?.prefixes ?? [])];
    http.get(/^\/.*/, (req, res, next) =>
      served.some((prefix) => req.path.startsWith(prefix))
        ? next()
        : res.sendFile('index.html', { root: config.adminDist! }),
    );
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? config.port, config.host, resolve);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host}:${port}`;
  if (/:0$/.test(app.publicUrl)) app.publicUrl = url;
  return {
    server,
    url,
    executionStats: execution.stats,
    stop: async () => {
      await apollo.stop();
      if (server.listening) await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
