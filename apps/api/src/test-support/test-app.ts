import { mkdir } from 'node:fs/promises';
import { systemContext } from '../platform/request-context.js';
import { pipeline } from 'node:stream/promises';
import 'reflect-metadata';
import { createHash, randomUUID } from 'node:crypto';
import pg from 'pg';
import {
  copyFileSync,
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
} from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Writable, type Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { Algorithm, hash, verify } from '@node-rs/argon2';
import { pino } from 'pino';
import type { PasswordHasher } from '../identity/password-hasher.js';
import { createApp, MODULES, type App } from '../app.js';
import { loadConfig } from '../config.js';
import { FixedClock } from '../platform/clock.js';
import type { Principal, StaffRole } from '../platform/permissions.js';
import { readCookie, SESSION_COOKIE, startHttpServer, type Authenticate, type HttpServer } from '../server.js';
import { migrationsOf, type ApiModule } from '../platform/module.js';
import { Database } from '../db/database.js';
import { MIGRATIONS } from '../db/migrations/index.js';

/** argon2id with small parameters: the same code path, fast enough for hundreds of test sign-ins. */
const fastHasher: PasswordHasher = {
  hash: (password) => hash(password, { algorithm: Algorithm.Argon2id, memoryCost: 1024, timeCost: 1, parallelism: 1 }),
  verify: (passwordHash, password) => verify(passwordHash, password).catch(() => false),
};

export const FIXTURE_PRICE_LIST = fileURLToPath(new URL('./fixtures/price-list.csv', import.meta.url));

/** The fixture's prices start on 2026-01-01; tests run on a fixed day after that. */
export const TEST_NOW = new Date('2026-11-24T12:00:00Z');

export interface TestApp {
  app: App;
  clock: FixedClock;
  dir: string;
  close(): Promise<void>;
}

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? '';

const SHIPPED_SCHEMA = [...MIGRATIONS, ...migrationsOf(MODULES)];

/** Every product source file under src/ (tests aside), for the template's fingerprint. */
function productSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'test-support' ? [] : productSources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/**
 * Names the schema the shipped modules migrate to: each migration's name and code, and the product's sources, since
 * a migration's backfill reads through code elsewhere (a published relation, a repository) — a change there builds
 * a new template too, as a clean checkout would (a relation naming a column a later migration adds once passed here
 * on a template built before, and failed on a fresh one).
 */
const schemaFingerprint = (() => {
  const hash = createHash('sha256').update(
    SHIPPED_SCHEMA.map((m) => `${m.name}\n${String(m.prototype.up)}\n${String(m.prototype.down)}`).join('\n'),
  );
  for (const file of productSources(join(dirname(fileURLToPath(import.meta.url)), '..')).sort())
    hash.update(readFileSync(file));
  return hash.digest('hex').slice(0, 16);
})();

/**
 * A database file already migrated to the shipped schema, built once per schema and copied for each test app:
 * migrating a new file for every test cost most of a test app's start. Nothing in it depends on the date.
 */
async function sqliteTemplate(): Promise<string> {
  const file = join(tmpdir(), `nce-test-schema-${schemaFingerprint}.sqlite`);
  if (existsSync(file)) return file;
  const building = `${file}.${process.pid}-${randomUUID().slice(0, 8)}`;
  const db = await Database.open({ kind: 'sqlite', file: building }, { modules: MODULES, checkpointIntervalMs: 0 });
  await db.close();
  // Whoever finishes first puts theirs in place; a rename never leaves a half-written template to be copied.
  renameSync(building, file);
  return file;
}

/** Serialises the test apps' database creation on one server (a template may be copied by one session at once). */
const TEMPLATE_LOCK = 7_404_511;

/**
 * With TEST_DATABASE_URL=postgres://…, every test app gets a database of its own on that server (created
 * here, dropped on close), so the whole suite runs on PostgreSQL too. An unreachable server fails the test.
 * Apps of the shipped modules start from a template database migrated once per schema.
 */
async function freshPostgresDatabase(shipped: boolean): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `nce_test_${randomUUID().replace(/-/g, '').slice(0, 20)}`;
  const urlOf = (database: string) => {
    const url = new URL(TEST_DATABASE_URL);
    url.pathname = `/${database}`;
    return url.toString();
  };
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  try {
    if (!shipped) await admin.query(`CREATE DATABASE ${name}`);
    else {
      const template = `nce_test_schema_${schemaFingerprint}`;
      await admin.query('SELECT pg_advisory_lock($1)', [TEMPLATE_LOCK]);
      try {
        const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [template]);
        if (found.rowCount === 0) {
          const building = `${template}_building`;
          await admin.query(`DROP DATABASE IF EXISTS ${building}`);
          await admin.query(`CREATE DATABASE ${building}`);
          const db = await Database.open({ kind: 'postgres', url: urlOf(building) }, { modules: MODULES });
          await db.close();
          await admin.query(`ALTER DATABASE ${building} RENAME TO ${template}`);
          // The templates of earlier schemas are of no more use.
          const stale = await admin.query(
            "SELECT datname FROM pg_database WHERE datname LIKE 'nce\\_test\\_schema\\_%' AND datname <> $1",
            [template],
          );
          for (const row of stale.rows as { datname: string }[])
            await admin.query(`DROP DATABASE IF EXISTS ${row.datname} WITH (FORCE)`);
        }
        await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
      } finally {
        await admin.query('SELECT pg_advisory_unlock($1)', [TEMPLATE_LOCK]);
      }
    }
  } finally {
    await admin.end();
  }
  return {
    url: urlOf(name),
    drop: async () => {
      const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

/**
 * A test app on a fresh database. `logTo`: the app's log lines (info and up), parsed, appended there;
 * otherwise the log is silent unless TEST_LOG_LEVEL says. `hasher`: wraps the fast test hasher (to count
 * verifications).
 * `modules`: the contexts to build (every shipped one unless told; a test adds a fixture context this way).
 */
export async function createTestApp(
  env: Record<string, string> = {},
  options: {
    logTo?: Record<string, any>[];
    hasher?: (fast: PasswordHasher) => PasswordHasher;
    modules?: readonly ApiModule[];
  } = {},
): Promise<TestApp> {
  const dir = mkdtempSync(join(tmpdir(), 'nce-api-test-'));
  // A test naming its own modules gets exactly their migrations, run here.
  const shipped = !options.modules && !env.DATABASE_URL;
  const postgres = TEST_DATABASE_URL ? await freshPostgresDatabase(shipped) : null;
  const config = loadConfig(
    { DATA_DIR: dir, NODE_ENV: 'test', ADMIN_DIST: '', ...(postgres ? { DATABASE_URL: postgres.url } : {}), ...env },
    dir,
  );
  if (shipped && config.database.kind === 'sqlite') {
    mkdirSync(dirname(config.database.file), { recursive: true });
    copyFileSync(await sqliteTemplate(), config.database.file);
  }
  const clock = new FixedClock(TEST_NOW);
  const lines = options.logTo;
  const logger = lines
    ? pino(
        { level: 'info' },
        new Writable({ write: (chunk, _encoding, done) => (lines.push(JSON.parse(chunk.toString())), done()) }),
      )
    : pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const app = await createApp(config, {
    clock,
    logger,
    hasher: options.hasher ? options.hasher(fastHasher) : fastHasher,
    modules: options.modules,
  });
  return {
    app,
    clock,
    dir,
    close: async () => {
      await app.db.close();
      await postgres?.drop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The environment of a process a test starts against its app (the built API, a CLI script): the same data
 * folder and database, and the test's clock as it reads now, so the process and the test agree on the date
 * whatever today's date is.
 */
export const processEnv = (t: TestApp, extra: Record<string, string> = {}): Record<string, string> => ({
  DATA_DIR: t.dir,
  JOB_POLL_MS: '20',
  CLOCK_START: t.clock.now().toISOString(),
  ...(t.app.config.database.kind === 'postgres' ? { DATABASE_URL: t.app.config.database.url } : {}),
  ...extra,
});

export async function importPriceList(
  app: App,
  input: Readable = createReadStream(FIXTURE_PRICE_LIST),
  name = 'fixture.csv',
) {
  // An import reads a file the server keeps until it ends (its job may run again): the stream is saved first.
  await mkdir(app.config.dataDir, { recursive: true });
  const file = join(app.config.dataDir, `import-${randomUUID()}.csv`);
  await pipeline(input, createWriteStream(file));
  return app.priceLists.importFile(systemContext(app.clock, 'system:test'), file, name);
}

/**
 * Sign-in for tests: a principal named in the `x-test-principal` header (JSON) stands in for a session;
 * without the header, the real session cookie is read.
 */
export const testAuthenticate =
  (app: App): Authenticate =>
  async (req) => {
    const value = req.headers['x-test-principal'];
    if (typeof value === 'string') return { principal: JSON.parse(value) as Principal };
    return app.identity.authenticate(readCookie(req.headers.cookie, SESSION_COOKIE));
  };

export const staff = (...roles: StaffRole[]): Principal => ({
  kind: 'staff',
  userId: `test-${roles.join('-')}`,
  email: `${roles.join('-')}@test.example`,
  roles,
});

export interface GraphQLResponse<T = Record<string, any>> {
  data?: T;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/** Real GraphQL over HTTP, with a cookie jar like a browser's (one session per client). */
export class TestClient {
  private cookie: string | null = null;

  constructor(readonly http: HttpServer) {}

  static async start(app: App): Promise<TestClient> {
    return new TestClient(await startHttpServer(app, { authenticate: testAuthenticate(app), port: 0 }));
  }

  /** Another browser against the same server: its own cookie jar. */
  fork(): TestClient {
    return new TestClient(this.http);
  }

  get sessionCookie(): string | null {
    return this.cookie;
  }

  async post(
    query: string,
    variables: Record<string, unknown> = {},
    principal?: Principal,
    headers: Record<string, string> = {},
  ): Promise<Response> {
    const response = await fetch(`${this.http.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(principal ? { 'x-test-principal': JSON.stringify(principal) } : {}),
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...headers,
      },
      body: JSON.stringify({ query, variables }),
    });
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(';');
      if (pair?.startsWith(`${SESSION_COOKIE}=`)) this.cookie = pair.endsWith('=') ? null : pair;
    }
    return response;
  }

  async gql<T = Record<string, any>>(
    query: string,
    variables: Record<string, unknown> = {},
    principal?: Principal,
  ): Promise<GraphQLResponse<T>> {
    return (await (await this.post(query, variables, principal)).json()) as GraphQLResponse<T>;
  }

  async signIn(email: string, password: string): Promise<GraphQLResponse> {
    return this.gql(
      `mutation($email: EmailText!, $password: Password!) { signIn(email: $email, password: $password) {
        __typename ... on SignedIn { me { id email roles permissions } } ... on SignInFailed { code message retryAfterSeconds } } }`,
      { email, password },
    );
  }

  stop(): Promise<void> {
    return this.http.stop();
  }
}
