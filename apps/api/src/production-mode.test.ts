import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpServer, type HttpServer } from './server.js';
import { API_DIR, startApiProcess } from './test-support/api-process.js';
import { createTestApp, type TestApp } from './test-support/test-app.js';

const SECRETS_KEY = randomBytes(32).toString('base64');

describe('in production (NODE_ENV=production)', () => {
  let t: TestApp;
  let http: HttpServer;
  let spa: string;
  beforeAll(async () => {
    // The SPA built into a hidden folder, as a package manager's cache would hold it.
    spa = join(mkdtempSync(join(tmpdir(), 'nce-spa-')), '.cache', 'nce', 'apps', 'admin', 'dist');
    mkdirSync(join(spa, 'assets'), { recursive: true });
    writeFileSync(join(spa, 'index.html'), '<!doctype html><title>NCE</title><div id="root"></div>');
    writeFileSync(join(spa, 'assets', 'app.js'), 'console.log("app")');
    writeFileSync(join(spa, '.env'), 'SECRET=do-not-serve');
    t = await createTestApp({ NODE_ENV: 'production', SECRETS_KEY, ADMIN_DIST: spa });
    http = await startHttpServer(t.app, { port: 0 });
  });
  afterAll(async () => {
    await http.stop();
    await t.close();
    rmSync(join(spa, '..', '..', '..', '..', '..'), { recursive: true, force: true });
  });

  it('serves the SPA installed under a hidden folder: every page route and its assets, but no dotfile', async () => {
    for (const path of ['/', '/orders', '/orders/123']) {
      const page = await fetch(`${http.url}${path}`);
      expect(page.status, path).toBe(200);
      expect(await page.text()).toContain('<div id="root">');
    }
    const asset = await fetch(`${http.url}/assets/app.js`);
    expect(asset.status).toBe(200);
    expect(await asset.text()).toContain('console.log');
    expect(await (await fetch(`${http.url}/.env`)).text()).not.toContain('do-not-serve');
  });

  it('sends the SPA with a Content-Security-Policy, no framing, no MIME sniffing and a same-origin referrer policy', async () => {
    const page = await fetch(`${http.url}/orders`);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/default-src 'self'/);
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).toMatch(/frame-ancestors 'none'/);
    expect(csp).not.toMatch(/upgrade-insecure-requests/); // served over http here
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(page.headers.get('referrer-policy')).toBe('same-origin');
    const graphql = await fetch(`${http.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query":"{ me { id } }"}',
    });
    expect(graphql.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('names no field of the schema in errors: no "Did you mean" while introspection is off', async () => {
    const typo = await (
      await fetch(`${http.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ mee { id } catalogMarket { market } }' }),
      })
    ).json();
    const text = JSON.stringify(typo);
    expect(text).toMatch(/GRAPHQL_VALIDATION_FAILED/);
    expect(text).not.toMatch(/Did you mean|catalogMarkets/);
  });
});

describe('production refusals before anything is touched', () => {
  const run = (script: string, env: Record<string, string>) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'nce-prod-'));
    try {
      const result = spawnSync(process.execPath, [script], {
        cwd: API_DIR,
        env: { ...process.env, DATA_DIR: dataDir, PORT: '0', DATABASE_URL: '', ...env },
        encoding: 'utf8',
        timeout: 30_000,
      });
      return {
        status: result.status,
        output: `${result.stdout}${result.stderr}`,
        databaseMade: existsSync(join(dataDir, 'marketplace.sqlite')),
      };
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  };

  it('stops on SIGTERM by its own shutdown, to the end: exit code 0, the database closed', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'nce-sigterm-'));
    try {
      const api = await startApiProcess({ NODE_ENV: 'production', SECRETS_KEY, DATA_DIR: dataDir, LOG_LEVEL: 'info' });
      expect((await fetch(`${api.url}/healthz`)).status).toBe(200);
      await api.stop();
      // Killed by the signal (143) it would be, had anything but the product's shutdown handled it.
      expect({ code: api.child.exitCode, signal: api.child.signalCode }).toEqual({ code: 0, signal: null });
      expect(api.output()).toMatch(/shutting down/);
      // Closed cleanly: SQLite folded its write-ahead log back into the file on the last close.
      expect(existsSync(join(dataDir, 'marketplace.sqlite-wal'))).toBe(false);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('the API without SECRETS_KEY stops at start, saying so, before it creates or migrates a database', () => {
    const started = run('dist/main.js', { NODE_ENV: 'production', SECRETS_KEY: '' });
    expect(started.status).toBe(2);
    expect(started.output).toMatch(/SECRETS_KEY is required/);
    expect(started.databaseMade).toBe(false);
  });

  it('seed-demo refuses to create the demo accounts, whose passwords are published', () => {
    const seeded = run('dist/scripts/seed-demo.js', { NODE_ENV: 'production', SECRETS_KEY });
    expect(seeded.status).toBe(2);
    expect(seeded.output).toMatch(/refuses to run when NODE_ENV=production/);
    expect(seeded.databaseMade).toBe(false);
  });
});
