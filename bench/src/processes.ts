import { spawn, type ChildProcess } from 'node:child_process';
import { openSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const API_DIR = fileURLToPath(new URL('../../apps/api/', import.meta.url));
export const BENCH_DIST = fileURLToPath(new URL('.', import.meta.url));

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export interface Running {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** Starts a Node process with its output in `logFile`, and waits until `ready(url)` answers true. */
export async function startProcess(
  script: string,
  env: Record<string, string>,
  logFile: string,
  ready: (url: string) => Promise<boolean>,
  nodeArgs: string[] = [],
  readyWithinMs = 60_000,
): Promise<Running> {
  const port = await freePort();
  const out = openSync(logFile, 'a');
  const child = spawn(process.execPath, [...nodeArgs, script], {
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', out, out],
  });
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const deadline = Date.now() + readyWithinMs;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`${script} exited with ${child.exitCode} before it was ready; see ${logFile}`);
    if (await ready(url).catch(() => false)) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${script} was not ready within ${readyWithinMs / 1000} s; see ${logFile}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    child,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** The built API, as an operator starts it (production mode), on the given database. */
export function startApi(
  databaseUrl: string,
  dataDir: string,
  extraEnv: Record<string, string> = {},
  nodeArgs: string[] = [],
): Promise<Running> {
  return startProcess(
    join(API_DIR, 'dist/main.js'),
    {
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      DATA_DIR: dataDir,
      ADMIN_DIST: '',
      SECRETS_KEY: Buffer.alloc(32, 7).toString('base64'),
      LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'info',
      ...extraEnv,
    },
    join(dataDir, 'api.log'),
    async (url) => (await fetch(`${url}/healthz`)).ok,
    // e.g. BENCH_API_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" to profile the API under load
    [...nodeArgs, ...(process.env.BENCH_API_NODE_ARGS ?? '').split(' ').filter(Boolean)],
  );
}

export function startReference(databaseUrl: string, dataDir: string): Promise<Running> {
  return startProcess(
    join(BENCH_DIST, 'reference.js'),
    { DATABASE_URL: databaseUrl },
    join(dataDir, 'reference.log'),
    async (url) => (await fetch(`${url}/catalog`, { method: 'POST', body: '{}' })).ok,
  );
}

/** Signs in through the API like the SPA does and returns the session cookie. */
export async function signIn(apiUrl: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${apiUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation($e: EmailText!, $p: Password!) { signIn(email: $e, password: $p) { __typename } }',
      variables: { e: email, p: password },
    }),
  });
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .find((c) => c.startsWith('nce_session=') && !c.endsWith('='));
  if (!cookie) throw new Error(`sign-in of ${email} failed: ${await response.text()}`);
  return cookie;
}
