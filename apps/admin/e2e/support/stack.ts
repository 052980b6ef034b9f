import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';

const API_DIR = fileURLToPath(new URL('../../../api', import.meta.url));
const ADMIN_DIST = fileURLToPath(new URL('../../dist', import.meta.url));

export interface Stack {
  /** Where the API listens now (a restart moves it to another port). */
  readonly url: string;
  browser: Browser;
  /** Runs SQL on the stack's database file, for a test that must put data where the UI cannot (e.g. the past). */
  sql(statement: string): void;
  /**
   * Stops the API and starts it again on the same database with its clock starting at `instant` (CLOCK_START):
   * how a test lets days pass, or reaches a renewal. Sessions may have expired by then: sign in again.
   */
  restartAt(instant: Date): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The product as a user gets it: the built API serving the built SPA on a fresh SQLite file,
 * filled by the real CLI tools, driven by Debian's Chromium.
 */
/** The built API on a fresh data folder with the demo data (`story`: and its four months of history), and a browser. */
/** `env`: settings of the API process only (the demo seed runs without them). */
export async function startStack(options: {
  priceRows: number;
  story?: boolean;
  env?: Record<string, string>;
}): Promise<Stack> {
  const dataDir = mkdtempSync(join(tmpdir(), 'nce-e2e-'));
  const env = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: '0',
    ADMIN_DIST,
    LOG_LEVEL: 'warn',
    NODE_ENV: 'test',
    ACTIVATION_DELAY_SECONDS: '2',
    PROVISIONING_DELAY_SECONDS: '2',
    JOB_POLL_MS: '200',
    // Webhook tests deliver to a receiver on loopback, over http.
    WEBHOOKS_ALLOW_PRIVATE_TARGETS: 'true',
  };
  execFileSync(
    process.execPath,
    ['dist/scripts/seed-demo.js', '--price-rows', String(options.priceRows), ...(options.story ? ['--story'] : [])],
    { cwd: API_DIR, env, stdio: 'pipe' },
  );

  const launch = async (extra: Record<string, string> = {}) => {
    const started = spawn(process.execPath, ['dist/main.js'], {
      cwd: API_DIR,
      env: { ...env, ...options.env, ...extra },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      return { process: started, url: await listeningUrl(started) };
    } catch (error) {
      started.kill('SIGKILL');
      throw error;
    }
  };
  const stopApi = async (running: ChildProcess) => {
    if (running.exitCode !== null) return;
    running.kill('SIGTERM');
    await new Promise((resolve) => running.once('exit', resolve));
  };
  let { process: api, url } = await launch();
  // Playwright gives each launch a fresh, empty profile directory of its own.
  const browser = await chromium
    .launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    })
    .catch((error: unknown) => {
      api.kill('SIGKILL');
      throw error;
    });
  return {
    get url() {
      return url;
    },
    browser,
    sql: (statement) => {
      const script = `const Sqlite = require('better-sqlite3'); const db = new Sqlite(process.argv[1], { timeout: 5000 }); db.exec(process.argv[2]); db.close();`;
      execFileSync(process.execPath, ['-e', script, join(dataDir, 'marketplace.sqlite'), statement], { cwd: API_DIR });
    },
    restartAt: async (instant) => {
      await stopApi(api);
      ({ process: api, url } = await launch({ CLOCK_START: instant.toISOString() }));
    },
    stop: async () => {
      await browser.close();
      await stopApi(api);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function listeningUrl(api: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`the API did not start:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at (http:\/\/[\d.]+:\d+)\//.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    api.stdout!.on('data', onData);
    api.stderr!.on('data', onData);
    api.once('exit', (code) => reject(new Error(`the API exited with ${code}:\n${output}`)));
  });
}

/** The demo sign-ins the seed script creates. */
export const DEMO = {
  admin: { email: 'admin@demo.test', password: 'demo-admin-password' },
  staff: { email: 'staff@demo.test', password: 'demo-staff-password' },
  credit: { email: 'credit@demo.test', password: 'demo-credit-password' },
  support: { email: 'support@demo.test', password: 'demo-support-password' },
  reseller: { email: 'reseller@demo.test', password: 'demo-reseller-password' },
} as const;

export type DemoRole = keyof typeof DEMO;

/** Signs in through the sign-in page, as a person would, and waits for the shell. */
export async function signIn(
  page: Page,
  url: string,
  role: DemoRole | { email: string; password: string },
): Promise<void> {
  const who = typeof role === 'string' ? DEMO[role] : role;
  await page.goto(`${url}/sign-in`);
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel(/^Password/).fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Main navigation' }).waitFor();
}

/** A GraphQL call made with the page's session cookie, for set-up steps the test does not look at. */
export async function gql(
  page: Page,
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<any> {
  const response = await page.request.post(`${url}/graphql`, {
    data: { query, variables },
    headers: { 'content-type': 'application/json' },
  });
  const body = await response.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

/** Opens an area from the main navigation (pages may have links of the same name: breadcrumbs, buttons). */
export async function openArea(page: Page, label: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Main navigation' })
    .getByRole('link', { name: label, exact: true })
    .click();
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's serious and critical findings on the page as it is now: rule, impact and where. */
export async function accessibilityProblems(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol: the SPA's Content-Security-Policy rightly refuses injected script tags.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const result = await (
      window as unknown as {
        axe: {
          run(
            context: Document,
            options: object,
          ): Promise<{
            violations: { id: string; impact: string; help: string; nodes: { target: string[]; html?: string }[] }[];
          }>;
        };
      }
    ).axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes
        .slice(0, 3)
        .map((n) => `${n.target.join(' ')} ${(n as { html?: string }).html?.slice(0, 160) ?? ''}`),
    }));
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id} (${v.help}): ${v.targets.join(' | ')}`);
}

/** Picks the first option of a native select whose text matches `pattern`. */
export async function chooseOption(select: Locator, pattern: RegExp): Promise<void> {
  await select.locator('option').first().waitFor({ state: 'attached' });
  const options = await select
    .locator('option')
    .evaluateAll((nodes) =>
      nodes.map((node) => ({ value: (node as HTMLOptionElement).value, label: node.textContent ?? '' })),
    );
  const option = options.find((o) => pattern.test(o.label));
  if (!option) throw new Error(`no option matches ${pattern}: ${options.map((o) => o.label).join(' | ')}`);
  await select.selectOption(option.value);
}
