import 'reflect-metadata';
import { createReadStream, mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { createApp, type App } from '../app.js';
import { loadConfig } from '../config.js';
import { FixedClock } from '../platform/clock.js';
import type { Principal, StaffRole } from '../platform/permissions.js';
import { startHttpServer, type HttpServer } from '../server.js';

export const FIXTURE_PRICE_LIST = fileURLToPath(new URL('./fixtures/price-list.csv', import.meta.url));

/** The fixture's prices start on 2026-01-01; tests run on a fixed day after that. */
export const TEST_NOW = new Date('2026-11-24T12:00:00Z');

export interface TestApp {
  app: App;
  clock: FixedClock;
  dir: string;
  close(): Promise<void>;
}

/** A fresh app on its own SQLite database file in a temporary folder. */
export async function createTestApp(): Promise<TestApp> {
  const dir = mkdtempSync(join(tmpdir(), 'nce-api-test-'));
  const config = loadConfig({ DATA_DIR: dir, NODE_ENV: 'test', ADMIN_DIST: '' }, dir);
  const clock = new FixedClock(TEST_NOW);
  const app = await createApp(config, { clock, logger: pino({ level: 'silent' }) });
  return {
    app,
    clock,
    dir,
    close: async () => {
      await app.db.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export async function importPriceList(app: App, input: Readable = createReadStream(FIXTURE_PRICE_LIST), name = 'fixture.csv') {
  return app.priceLists.run(await app.priceLists.begin(name), input);
}

/** Test double of sign-in: the principal is named by the `x-test-principal` header (JSON). */
export const headerPrincipal = async (req: { header(name: string): string | undefined }): Promise<Principal | null> => {
  const value = req.header('x-test-principal');
  return value ? (JSON.parse(value) as Principal) : null;
};

export const staff = (...roles: StaffRole[]): Principal => ({ kind: 'staff', userId: `test-${roles.join('-')}`, roles });

export interface GraphQLResponse<T = Record<string, any>> {
  data?: T;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

export class TestClient {
  constructor(readonly http: HttpServer) {}

  static async start(app: App): Promise<TestClient> {
    return new TestClient(await startHttpServer(app, { authenticate: headerPrincipal, port: 0 }));
  }

  async gql<T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}, principal?: Principal): Promise<GraphQLResponse<T>> {
    const response = await fetch(`${this.http.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(principal ? { 'x-test-principal': JSON.stringify(principal) } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GraphQLResponse<T>;
  }

  stop(): Promise<void> {
    return this.http.stop();
  }
}
