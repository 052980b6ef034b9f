import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { createApp } from '@nce/api/dist/app.js';
import { loadConfig } from '@nce/api/dist/config.js';
import { portable } from '@nce/api/dist/db/sql.js';
import { RevenueRepository } from '@nce/api/dist/billing/revenue.repository.js';
import { createLogger } from '@nce/api/dist/platform/logger.js';
import { generate, type Generated, type Sizes } from './generate.js';
import { importWorkload } from './import-workload.js';
import { BENCH_DIST, signIn, startApi, startReference } from './processes.js';
import { renderMarkdown, renderTable, type Results } from './report.js';
import { generateSubscriptions, SUBSCRIPTIONS_QUERY } from './subscriptions.js';
import { generateCharges, streamLines } from './reconciliation.js';
import { measure } from './load.js';
import {
  apiBuySteps,
  buyLoop,
  catalogSearch,
  catalogSearchApi,
  orderList,
  orderListApi,
  referenceBuySteps,
  type BuyRun,
  type Settings,
} from './workloads.js';

const env = process.env;
const number = (name: string, fallback: number) => (env[name] ? Number(env[name]) : fallback);
const quick = env.BENCH_QUICK === '1';

const sizes: Sizes = {
  resellers: number('BENCH_RESELLERS', quick ? 50 : 500),
  customers: number('BENCH_CUSTOMERS', quick ? 2_000 : 50_000),
  orders: number('BENCH_ORDERS', quick ? 5_000 : 200_000),
  buyers: number('BENCH_BUYERS', 16),
  priceRows: number('BENCH_PRICE_ROWS', 30_000),
};
const growth = (env.BENCH_GROWTH_ORDERS ?? (quick ? '1000,20000' : '10000,1000000')).split(',').map(Number) as [
  number,
  number,
];
const settings: Settings = {
  connections: number('BENCH_CONNECTIONS', 32),
  seconds: number('BENCH_SECONDS', quick ? 3 : 10),
  warmupSeconds: number('BENCH_WARMUP_SECONDS', quick ? 1 : 3),
};
const databases = (env.BENCH_DATABASES ?? 'sqlite,postgres').split(',').map((d) => d.trim()) as (
  'sqlite' | 'postgres'
)[];
const workloads = new Set(
  (env.BENCH_WORKLOADS ?? 'catalog,orders,buy,import,growth,subscriptions,renewals,reconciliation,billing').split(','),
);
const subscriptionSizes = (env.BENCH_SUBSCRIPTIONS ?? (quick ? '1000,20000' : '10000,1000000'))
  .split(',')
  .map(Number) as [number, number];
const renewalsDue = number('BENCH_RENEWALS', quick ? 5_000 : 100_000);
/** A month's charges for the reconciliation export: the smaller, then the larger (memory compared between them). */
const chargeSizes = (env.BENCH_CHARGES ?? (quick ? '10000,100000' : '100000,1000000')).split(',').map(Number) as [
  number,
  number,
];
const PG_URL = env.BENCH_PG_URL ?? env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
// The generator encrypts portal passwords with the key the API process is started with.
env.SECRETS_KEY = Buffer.alloc(32, 7).toString('base64');

const log = (line: string) => console.error(`[bench] ${line}`);

/** Fresh databases of one kind, all removed at the end. */
class Databases {
  private readonly created: string[] = [];
  private n = 0;
  constructor(
    readonly kind: 'sqlite' | 'postgres',
    private readonly dir: string,
  ) {}

  async fresh(): Promise<string> {
    this.n += 1;
    if (this.kind === 'sqlite') return `sqlite:${join(this.dir, `bench-${this.n}.sqlite`)}`;
    const name = `nce_bench_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    this.created.push(name);
    const url = new URL(PG_URL);
    url.pathname = `/${name}`;
    return url.toString();
  }

  async dropAll(): Promise<void> {
    if (this.created.length === 0) return;
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    for (const name of this.created) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

async function populate(databaseUrl: string, dir: string, wanted: Sizes): Promise<Generated> {
  const app = await createApp(
    loadConfig(
      { DATABASE_URL: databaseUrl, DATA_DIR: dir, NODE_ENV: 'test', ADMIN_DIST: '', SECRETS_KEY: env.SECRETS_KEY },
      dir,
    ),
    { logger: createLogger('warn') },
  );
  try {
    return await generate(app, wanted, log);
  } finally {
    await app.db.close();
  }
}

async function benchDatabase(kind: 'sqlite' | 'postgres'): Promise<Results['databases'][string]> {
  const dir = mkdtempSync(join(tmpdir(), `nce-bench-${kind}-`));
  const dbs = new Databases(kind, dir);
  const out: Results['databases'][string] = {};
  try {
    if (workloads.has('catalog') || workloads.has('orders') || workloads.has('buy')) {
      const url = await dbs.fresh();
      log(`${kind}: generating ${JSON.stringify(sizes)}`);
      const data = await populate(url, dir, sizes);
      out.generatedSeconds = data.seconds;
      const api = await startApi(url, dir);
      const reference = await startReference(url, dir);
      try {
        const staffCookie = await signIn(api.url, data.staff.email, data.staff.password);
        const serving = { api: api.child.pid, reference: reference.child.pid, database: kind };
        if (workloads.has('catalog')) {
          log(`${kind}: catalog search`);
          out.catalog = await catalogSearch(api.url, reference.url, staffCookie, settings, serving);
        }
        if (workloads.has('orders')) {
          log(`${kind}: order list`);
          out.orders = await orderList(api.url, reference.url, staffCookie, settings, serving);
        }
        if (workloads.has('buy')) {
          log(`${kind}: buy`);
          const buyers = await Promise.all(
            data.buyers.map(async (buyer) => ({
              buyer,
              cookie: await signIn(api.url, buyer.email, data.buyerPassword),
            })),
          );
          const apiRun: BuyRun = await buyLoop(
            apiBuySteps(api.url),
            url,
            buyers,
            data.cartPriceIds,
            settings,
            'bench-api',
            api.child.pid,
          );
          const referenceRun: BuyRun = await buyLoop(
            referenceBuySteps(reference.url),
            url,
            buyers,
            data.cartPriceIds,
            settings,
            'bench-ref',
            reference.child.pid,
          );
          out.buy = {
            api: apiRun,
            reference: referenceRun,
            ratio: apiRun.ordersPerSecond / Math.max(1e-9, referenceRun.ordersPerSecond),
          };
          if (kind === 'postgres') {
            // The supported scale-out shape: two API processes on one database, the buyers spread over both.
            log(`${kind}: buy, two API processes`);
            const second = await startApi(url, dir);
            try {
              const both = [apiBuySteps(api.url), apiBuySteps(second.url)];
              out.buy.twoProcesses = await buyLoop(
                (w) => both[w % 2]!,
                url,
                buyers,
                data.cartPriceIds,
                settings,
                'bench-two',
              );
            } finally {
              await second.stop();
            }
          }
        }
      } finally {
        await api.stop();
        await reference.stop();
      }
    }
    if (workloads.has('import')) {
      log(`${kind}: price-list import`);
      out.import = await importWorkload(dir, sizes.priceRows ?? 30_000, () => dbs.fresh());
    }
    if (workloads.has('growth')) {
      const p50: number[] = [];
      for (const orders of growth) {
        log(`${kind}: growth, ${orders} orders`);
        const url = await dbs.fresh();
        const data = await populate(url, dir, {
          resellers: 200,
          customers: 5_000,
          orders,
          buyers: 1,
          priceRows: 3_000,
        });
        const api = await startApi(url, dir);
        try {
          const measured = await orderListApi(
            api.url,
            await signIn(api.url, data.staff.email, data.staff.password),
            settings,
          );
          p50.push(measured.p50);
          out.growth = {
            ...(out.growth ?? { sizes: growth, runs: [] }),
            runs: [...(out.growth?.runs ?? []), { orders, ...measured }],
          };
        } finally {
          await api.stop();
        }
      }
      out.growth!.p50Ratio = p50[1]! / Math.max(0.01, p50[0]!);
    }
    if (workloads.has('subscriptions')) {
      const p50: number[] = [];
      for (const count of subscriptionSizes) {
        log(`${kind}: subscription list, ${count} subscriptions`);
        const url = await dbs.fresh();
        const data = await populate(url, dir, {
          resellers: 200,
          customers: 5_000,
          orders: 100,
          buyers: 1,
          priceRows: 3_000,
        });
        await withApp(url, dir, (app) =>
          generateSubscriptions(app, count, (n) => new Date(Date.now() + (1 + (n % 365)) * 86_400_000), log),
        );
        const api = await startApi(url, dir);
        try {
          const cookie = await signIn(api.url, data.staff.email, data.staff.password);
          const measured = await measure({
            url: `${api.url}/graphql`,
            cookie,
            body: () => JSON.stringify({ query: SUBSCRIPTIONS_QUERY, variables: { first: 100 } }),
            ...settings,
          });
          p50.push(measured.p50);
          out.subscriptions = {
            ...(out.subscriptions ?? { sizes: subscriptionSizes, runs: [] }),
            runs: [...(out.subscriptions?.runs ?? []), { subscriptions: count, ...measured }],
          };
        } finally {
          await api.stop();
        }
      }
      out.subscriptions!.p50Ratio = p50[1]! / Math.max(0.01, p50[0]!);
    }
    if (workloads.has('renewals')) out.renewals = await renewalDay(kind, dir, await dbs.fresh());
    if (workloads.has('reconciliation')) {
      const runs: NonNullable<(typeof out)['reconciliation']>['runs'] = [];
      for (const charges of chargeSizes) runs.push(await reconciliationExport(kind, dir, await dbs.fresh(), charges));
      out.reconciliation = { runs, memoryGrowth: runs[1]!.peakRssMb / runs[0]!.peakRssMb };
    }
    if (workloads.has('billing')) {
      const runs: NonNullable<(typeof out)['billing']>['runs'] = [];
      for (const charges of chargeSizes) runs.push(await billingClose(kind, dir, await dbs.fresh(), charges));
      out.billing = { runs, memoryGrowth: runs[1]!.peakRssMb / runs[0]!.peakRssMb };
    }
    return out;
  } finally {
    if (env.BENCH_KEEP === '1') log(`${kind}: kept ${dir}`);
    else {
      await dbs.dropAll();
      await rm(dir, { recursive: true, force: true });
    }
  }
}

/** An app in this process on the bench database, for generating rows the API then serves. */
async function withApp<T>(
  databaseUrl: string,
  dir: string,
  work: (app: Awaited<ReturnType<typeof createApp>>) => Promise<T>,
) {
  const app = await createApp(
    loadConfig(
      { DATABASE_URL: databaseUrl, DATA_DIR: dir, NODE_ENV: 'test', ADMIN_DIST: '', SECRETS_KEY: env.SECRETS_KEY },
      dir,
    ),
    { logger: createLogger('warn') },
  );
  try {
    return await work(app);
  } finally {
    await app.db.close();
  }
}

/**
 * A renewal day: `renewalsDue` subscriptions whose term ended yesterday (one in ten with auto-renew off, which
 * expire instead), renewed by the API's own renewal job (two processes sharing the work on PostgreSQL) while
 * catalog search runs against it. Reports renewals a second, catalog p99 during the run against idle, and checks
 * afterwards that every subscription moved on exactly once.
 */
async function renewalDay(kind: 'sqlite' | 'postgres', dir: string, url: string) {
  const data = await populate(url, dir, { resellers: 100, customers: 5_000, orders: 100, buyers: 1, priceRows: 3_000 });
  const fast = {
    RENEWAL_SCAN_SECONDS: '1',
    JOB_POLL_MS: '50',
    ...(process.env.BENCH_JOB_SHARE ? { JOB_SHARE: process.env.BENCH_JOB_SHARE } : {}),
  };
  // Idle first: the same API with nothing due.
  const idleApi = await startApi(url, dir, fast);
  let idle: Awaited<ReturnType<typeof catalogSearchApi>>;
  try {
    idle = await catalogSearchApi(
      idleApi.url,
      await signIn(idleApi.url, data.staff.email, data.staff.password),
      settings,
    );
  } finally {
    await idleApi.stop();
  }
  const yesterday = new Date(Date.now() - 86_400_000);
  const dueBefore = new Date(Date.UTC(yesterday.getUTCFullYear(), yesterday.getUTCMonth(), yesterday.getUTCDate(), 12));
  await withApp(url, dir, (app) => generateSubscriptions(app, renewalsDue, () => dueBefore, log));
  log(`${kind}: renewal day, ${renewalsDue} subscriptions due`);
  const started = Date.now();
  // The API renews in the processes that serve requests: one on SQLite, two sharing the work on PostgreSQL.
  const apis = await Promise.all(Array.from({ length: kind === 'postgres' ? 2 : 1 }, () => startApi(url, dir, fast)));
  const server = apis[0]!;
  try {
    const cookie = await signIn(server.url, data.staff.email, data.staff.password);
    const today = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate()));
    const during = catalogSearchApi(server.url, cookie, { ...settings, warmupSeconds: 0 });
    // One connection of the bench's own polls what is left to renew (opening one a poll would cost the machine).
    const finished = await withApp(url, dir, async (app) => {
      const remaining = async () =>
        Number(
          (
            await app.db.read.query(
              portable(app.db.kind, "SELECT COUNT(*) AS n FROM subscription WHERE status = 'ACTIVE' AND term_end < ?"),
              [today.toISOString()],
            )
          )[0].n,
        );
      for (;;) {
        if ((await remaining()) === 0) return Date.now();
        if (Date.now() - started > 30 * 60_000) throw new Error('the renewal day did not finish within 30 minutes');
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    });
    const busy = await during;
    const checked = await withApp(url, dir, async (app) => {
      const count = async (sql: string) => Number((await app.db.read.query(portable(app.db.kind, sql)))[0].n);
      return {
        renewed: await count(
          "SELECT COUNT(*) AS n FROM subscription WHERE status = 'ACTIVE' AND term_start > created_at",
        ),
        expired: await count("SELECT COUNT(*) AS n FROM subscription WHERE status = 'EXPIRED'"),
        renewCharges: await count("SELECT COUNT(*) AS n FROM subscription_charge WHERE charge_type = 'renew'"),
        twice: await count(
          "SELECT COUNT(*) AS n FROM (SELECT subscription_id FROM subscription_charge WHERE charge_type = 'renew' GROUP BY subscription_id HAVING COUNT(*) > 1) d",
        ),
      };
    });
    const seconds = (finished - started) / 1000;
    const moved = checked.renewed + checked.expired;
    if (moved !== renewalsDue || checked.renewCharges !== checked.renewed || checked.twice !== 0)
      throw new Error(`renewal day: ${JSON.stringify(checked)} for ${renewalsDue} due`);
    return {
      due: renewalsDue,
      processes: apis.length,
      seconds,
      renewalsPerSecond: moved / seconds,
      ...checked,
      idleP99: idle.p99,
      busyP99: busy.p99,
      p99Ratio: busy.p99 / Math.max(0.01, idle.p99),
    };
  } finally {
    await Promise.all(apis.map((api) => api.stop()));
  }
}

/**
 * A month of `charges` charges over 10,000 subscriptions, downloaded as the month's reconciliation CSV by staff:
 * lines a second, and the API's peak memory (the export streams: the same whatever the month holds).
 */
async function reconciliationExport(kind: 'sqlite' | 'postgres', dir: string, url: string, charges: number) {
  const data = await populate(url, dir, { resellers: 500, customers: 5_000, orders: 100, buyers: 1, priceRows: 3_000 });
  const now = new Date();
  const month = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  await withApp(url, dir, async (app) => {
    await generateSubscriptions(app, 10_000, (n) => new Date(Date.now() + (1 + (n % 365)) * 86_400_000), log);
    await generateCharges(app, charges, month, log);
  });
  log(`${kind}: reconciliation export, ${charges} charges`);
  const rssFile = join(dir, `rss-export-${charges}`);
  const api = await startApi(url, dir, { BENCH_RSS_FILE: rssFile }, ['--import', join(BENCH_DIST, 'rss-hook.js')]);
  let streamed: Awaited<ReturnType<typeof streamLines>>;
  try {
    const cookie = await signIn(api.url, data.staff.email, data.staff.password);
    streamed = await streamLines(`${api.url}/billing/reconciliation/${month.toISOString().slice(0, 7)}.csv`, cookie);
  } finally {
    await api.stop();
  }
  // The header line and one a charge.
  if (streamed.lines !== charges + 1)
    throw new Error(`reconciliation export: ${streamed.lines} lines for ${charges} charges`);
  return {
    charges,
    seconds: streamed.seconds,
    linesPerSecond: charges / streamed.seconds,
    megabytes: streamed.bytes / 1024 / 1024,
    peakRssMb: Number(readFileSync(rssFile, 'utf8')) / 1024 / 1024,
  };
}

/**
 * A month of `charges` charges over 500 resellers closed by staff: the seconds from the close to the run's end (the
 * API's background worker issues the invoices), and the API's peak memory (the run sums in SQL: flat in the month).
 */
async function billingClose(kind: 'sqlite' | 'postgres', dir: string, url: string, charges: number) {
  const data = await populate(url, dir, { resellers: 500, customers: 5_000, orders: 100, buyers: 1, priceRows: 3_000 });
  const now = new Date();
  const month = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
  let resellers = 0;
  await withApp(url, dir, async (app) => {
    await generateSubscriptions(app, 10_000, (n) => new Date(Date.now() + (1 + (n % 365)) * 86_400_000), log);
    await generateCharges(app, charges, new Date(`${month}-01T00:00:00Z`), log);
    const [row] = await app.db.read.query('SELECT COUNT(DISTINCT reseller_id) AS n FROM subscription_charge');
    resellers = Number(row.n);
    // The generator writes charges directly; the dashboard's sums are made as the migration makes them.
    await app.db.transaction((m) => RevenueRepository.backfill(m));
    log(`${kind}: dashboard sums of ${charges} charges`);
  });
  log(`${kind}: billing run, ${charges} charges over ${resellers} resellers`);
  const rssFile = join(dir, `rss-billing-${charges}`);
  const api = await startApi(url, dir, { BENCH_RSS_FILE: rssFile, JOB_POLL_MS: '50' }, [
    '--import',
    join(BENCH_DIST, 'rss-hook.js'),
  ]);
  let seconds: number;
  let invoices: number;
  const dashboardMs: number[] = [];
  try {
    const cookie = await signIn(api.url, data.staff.email, data.staff.password);
    const gql = async (query: string) => {
      const response = await fetch(`${api.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body: JSON.stringify({ query }),
      });
      return (await response.json()) as { data?: any; errors?: unknown };
    };
    const started = performance.now();
    const closed = await gql(
      `mutation { closeBillingMonth(month: "${month}") { __typename ... on BillingRun { status } } }`,
    );
    if (closed.data?.closeBillingMonth?.__typename !== 'BillingRun')
      throw new Error(`close: ${JSON.stringify(closed)}`);
    for (;;) {
      const run = (await gql(`{ billingRun(month: "${month}") { status invoices } }`)).data?.billingRun;
      if (run?.status === 'DONE') {
        seconds = (performance.now() - started) / 1000;
        invoices = Number(run.invoices);
        break;
      }
      if ((performance.now() - started) / 1000 > 600) throw new Error('billing run: not done in 10 minutes');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    // The dashboard on that month: one request at a time, as staff open it.
    const DASHBOARD =
      '{ dashboard { __typename ... on Dashboard { months bySegment { month key revenue { amountMinor } margin { amountMinor } } byFamily { month key revenue { amountMinor } } byKind { month key revenue { amountMinor } } renewalsDue { weekStart subscriptions value { amountMinor } } topResellers { name revenue { amountMinor } } returns { month seats returned } terms { answered inside } } } }';
    for (let i = 0; i < 5; i += 1) await gql(DASHBOARD);
    for (let i = 0; i < 50; i += 1) {
      const at = performance.now();
      const answer = await gql(DASHBOARD);
      if (answer.data?.dashboard?.__typename !== 'Dashboard') throw new Error(`dashboard: ${JSON.stringify(answer)}`);
      dashboardMs.push(performance.now() - at);
    }
  } finally {
    await api.stop();
  }
  if (invoices !== resellers) throw new Error(`billing run: ${invoices} invoices for ${resellers} resellers`);
  const sorted = [...dashboardMs].sort((a, b) => a - b);
  return {
    charges,
    invoices,
    seconds,
    peakRssMb: Number(readFileSync(rssFile, 'utf8')) / 1024 / 1024,
    dashboardP50: sorted[Math.floor(sorted.length / 2)]!,
    dashboardP99: sorted[Math.floor(sorted.length * 0.99)]!,
  };
}

async function main(): Promise<void> {
  const results: Results = { at: new Date().toISOString(), sizes, growth, settings, databases: {} };
  for (const kind of databases) results.databases[kind] = await benchDatabase(kind);
  const benchDir = fileURLToPath(new URL('..', import.meta.url));
  writeFileSync(join(benchDir, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(join(benchDir, 'results.md'), renderMarkdown(results));
  console.log(renderTable(results));
  console.log(`\nwrote bench/results.json and bench/results.md`);
}

main().catch((error: unknown) => {
  console.error('The bench failed:', error);
  process.exit(1);
});
