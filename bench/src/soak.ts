import 'reflect-metadata';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { createApp } from '@nce/api/dist/app.js';
import { loadConfig } from '@nce/api/dist/config.js';
import { createLogger } from '@nce/api/dist/platform/logger.js';
import { generate } from './generate.js';
import { signIn, startApi } from './processes.js';
import { apiBuySteps } from './workloads.js';

/**
 * Soak: moderate mixed load on the API for BENCH_SOAK_MINUTES (10), on SQLite: catalog searches, staff
 * order lists and `me` from 4 connections, and 2 buyers purchasing in a loop. Reports every error
 * (HTTP and GraphQL) and the API process's resident memory sampled every 10 s; passes with no error and
 * no growth trend in the second half (least-squares slope under 2 MB a minute).
 */
const minutes = Number(process.env.BENCH_SOAK_MINUTES ?? 10);
const log = (line: string) => console.error(`[soak] ${line}`);
process.env.SECRETS_KEY = Buffer.alloc(32, 7).toString('base64');

const rssMb = (pid: number) =>
  Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

function slope(points: { minute: number; mb: number }[]): number {
  const n = points.length;
  if (n < 2) return 0;
  const mx = points.reduce((s, p) => s + p.minute, 0) / n;
  const my = points.reduce((s, p) => s + p.mb, 0) / n;
  const num = points.reduce((s, p) => s + (p.minute - mx) * (p.mb - my), 0);
  const den = points.reduce((s, p) => s + (p.minute - mx) ** 2, 0);
  return den === 0 ? 0 : num / den;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'nce-soak-'));
  const url = `sqlite:${join(dir, 'soak.sqlite')}`;
  try {
    const app = await createApp(
      loadConfig(
        { DATABASE_URL: url, DATA_DIR: dir, NODE_ENV: 'test', ADMIN_DIST: '', SECRETS_KEY: process.env.SECRETS_KEY },
        dir,
      ),
      { logger: createLogger('warn') },
    );
    const data = await generate(app, { resellers: 100, customers: 5_000, orders: 20_000, buyers: 2 }, log).finally(() =>
      app.db.close(),
    );
    const api = await startApi(url, dir);
    const pid = api.child.pid!;
    try {
      const staffCookie = await signIn(api.url, data.staff.email, data.staff.password);
      const bodies = [
        JSON.stringify({
          query:
            '{ catalogProducts(filter: { segment: COMMERCIAL, search: "microsoft" }, first: 25) { edges { node { id title skus { id prices { id unitPrice { amountMinor } } } } } } }',
        }),
        JSON.stringify({
          query: '{ orders(first: 50) { nodes { id soNumber total { amountMinor } lines { skuTitle quantity } } } }',
        }),
        JSON.stringify({ query: '{ me { id email roles } }' }),
      ];
      let graphqlErrors = 0;
      let n = 0;
      const stopAt = Date.now() + minutes * 60_000;
      const reads = autocannon({
        url: `${api.url}/graphql`,
        connections: 4,
        duration: minutes * 60,
        requests: [
          {
            method: 'POST',
            headers: { 'content-type': 'application/json', cookie: staffCookie },
            setupRequest: (request) => ({ ...request, body: bodies[n++ % bodies.length] }),
            onResponse: (_status, body) => {
              if (body.includes('"errors"')) graphqlErrors += 1;
            },
          },
        ],
      });
      const steps = apiBuySteps(api.url);
      let orders = 0;
      let buyErrors = 0;
      const buyers = data.buyers.map(async (buyer, w) => {
        const cookie = await signIn(api.url, buyer.email, data.buyerPassword);
        const c = steps.connect();
        for (let i = 0; Date.now() < stopAt; i += 1) {
          try {
            await steps.add(c, buyer, cookie, data.cartPriceIds[i % data.cartPriceIds.length]!);
            await steps.bind(c, buyer, cookie);
            const result = await steps.buy(c, buyer, cookie, `soak-${w}-${i}`);
            if ('refused' in result) buyErrors += 1;
            else orders += 1;
          } catch {
            buyErrors += 1;
          }
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        c.close();
      });
      const samples: { minute: number; mb: number }[] = [];
      const started = Date.now();
      const sampler = setInterval(() => {
        samples.push({ minute: (Date.now() - started) / 60_000, mb: rssMb(pid) });
        log(`${samples.at(-1)!.minute.toFixed(1)} min: ${samples.at(-1)!.mb.toFixed(0)} MB, ${orders} orders`);
      }, 10_000);
      const [result] = await Promise.all([reads, ...buyers]);
      clearInterval(sampler);
      const secondHalf = samples.filter((s) => s.minute >= minutes / 2);
      const report = {
        minutes,
        requests: result.requests.total + orders * 3,
        orders,
        errors: { http: result.errors + result.timeouts + result.non2xx, graphql: graphqlErrors, buy: buyErrors },
        rssMb: { start: samples[0]?.mb ?? 0, end: samples.at(-1)?.mb ?? 0, max: Math.max(...samples.map((s) => s.mb)) },
        secondHalfSlopeMbPerMinute: slope(secondHalf),
        samples,
      };
      const errors = report.errors.http + report.errors.graphql + report.errors.buy;
      const pass = errors === 0 && report.secondHalfSlopeMbPerMinute < 2;
      writeFileSync(
        join(fileURLToPath(new URL('..', import.meta.url)), 'soak-results.json'),
        `${JSON.stringify(report, null, 2)}\n`,
      );
      console.log(
        `soak ${minutes} min: ${report.requests} requests (${orders} orders), errors ${errors} (HTTP ${report.errors.http}, GraphQL ${report.errors.graphql}, buy ${report.errors.buy}); ` +
          `RSS ${report.rssMb.start.toFixed(0)} → ${report.rssMb.end.toFixed(0)} MB (max ${report.rssMb.max.toFixed(0)}), second-half trend ${report.secondHalfSlopeMbPerMinute.toFixed(2)} MB/min: ${pass ? 'PASS' : 'FAIL'}`,
      );
      if (!pass) process.exitCode = 1;
    } finally {
      await api.stop();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error('The soak failed:', error);
  process.exit(1);
});
