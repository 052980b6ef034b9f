import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';

const API_DIR = fileURLToPath(new URL('../../../api', import.meta.url));
const ADMIN_DIST = fileURLToPath(new URL('../../dist', import.meta.url));

export interface Stack {
  url: string;
  browser: Browser;
  stop(): Promise<void>;
}

/**
 * The product as a user gets it: the built API serving the built SPA on a fresh SQLite file,
 * filled by the real CLI tools, driven by Debian's Chromium.
 */
export async function startStack(options: { priceRows: number }): Promise<Stack> {
  const dataDir = mkdtempSync(join(tmpdir(), 'nce-e2e-'));
  const env = { ...process.env, DATA_DIR: dataDir, PORT: '0', ADMIN_DIST, LOG_LEVEL: 'warn', NODE_ENV: 'test' };
  const csv = join(dataDir, 'price-list.csv');
  execFileSync(process.execPath, ['dist/scripts/generate-price-list.js', csv, String(options.priceRows)], { cwd: API_DIR, env });
  execFileSync(process.execPath, ['dist/scripts/import-price-list.js', csv], { cwd: API_DIR, env, stdio: 'pipe' });

  const api = spawn(process.execPath, ['dist/main.js'], { cwd: API_DIR, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let url: string;
  try {
    url = await listeningUrl(api);
  } catch (error) {
    api.kill('SIGKILL');
    throw error;
  }
  // Playwright gives each launch a fresh, empty profile directory of its own.
  const browser = await chromium
    .launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    })
    .catch((error: unknown) => {
      api.kill('SIGKILL');
      throw error;
    });
  return {
    url,
    browser,
    stop: async () => {
      await browser.close();
      api.kill('SIGTERM');
      await new Promise((resolve) => api.once('exit', resolve));
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
