import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse';
import { createApp } from '@nce/api/dist/app.js';
import { loadConfig } from '@nce/api/dist/config.js';
import { createLogger } from '@nce/api/dist/platform/logger.js';
import { generate } from './generate.js';
import { measure, type Measured } from './load.js';
import { signIn, startApi, startProcess, type Running } from './processes.js';

/**
 * `pnpm bench:peer`: our API next to Vendure (the best-known open-source TypeScript GraphQL commerce server) on the
 * same catalog, both on SQLite on this machine. Vendure is installed on demand into `bench/peer` (not a workspace
 * package: `npm test` never installs it), imports the bench's generated price list (one variant per SKU × term ×
 * billing plan), and both are measured with the same load generator, in both orders.
 */
const PEER_DIR = fileURLToPath(new URL('../peer/', import.meta.url));
const env = process.env;
const number = (name: string, fallback: number) => (env[name] ? Number(env[name]) : fallback);
// 10,000 rows give about 57 products: a full 50-product page on both sides.
const priceRows = number('BENCH_PRICE_ROWS', 10_000);
const settings = {
  connections: number('BENCH_CONNECTIONS', 32),
  seconds: number('BENCH_SECONDS', 10),
  warmupSeconds: number('BENCH_WARMUP_SECONDS', 3),
};
const log = (line: string) => console.error(`[peer] ${line}`);

const SEARCHES = ['', 'microsoft 365', 'e3', 'teams', 'defender', 'dynamics 365', 'windows', 'power', 'copilot'];

const OURS_PAGE = `query($search: ShortText, $first: Int!) { catalogProducts(filter: { segment: COMMERCIAL, search: $search }, first: $first) {
  edges { node { id title publisher kind skus { id skuId title prices { id term billingPlan unitPrice { amountMinor currency } } } } }
  pageInfo { hasNextPage endCursor } } }`;
const VENDURE_PRODUCTS = `query($skip: Int!) { products(options: { take: 50, skip: $skip }) {
  items { id name slug description variants { id sku name price priceWithTax currencyCode options { code name } } }
  totalItems } }`;
const VENDURE_SEARCH = `query($term: String!) { search(input: { term: $term, take: 50, groupByProduct: true }) {
  items { productId productName slug priceWithTax { ... on PriceRange { min max } ... on SinglePrice { value } } }
  totalItems } }`;
const TYPENAME = '{ __typename }';

interface Row {
  ProductTitle: string;
  ProductId: string;
  SkuId: string;
  SkuTitle: string;
  Publisher: string;
  SkuDescription: string;
  TermDuration: string;
  BillingPlan: string;
  Market: string;
  UnitPrice: string;
  PricingTierRangeMin: string;
  Tags: string;
  Segment: string;
}

const csvField = (value: string) => (/[",\n|]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/**
 * Vendure's product import file from our price list: a product per product, a variant per SKU × term × billing plan
 * at its partner price (Commercial, US, first tier: what our catalog page shows).
 */
async function vendureProducts(priceList: string, out: string): Promise<{ products: number; variants: number }> {
  const products = new Map<string, { row: Row; variants: Map<string, Row> }>();
  const parser = createReadStream(priceList).pipe(parse({ columns: true }));
  for await (const row of parser as AsyncIterable<Row>) {
    if (row.Segment !== 'Commercial' || row.Market !== 'US' || Number(row.PricingTierRangeMin) > 1) continue;
    const product = products.get(row.ProductId) ?? { row, variants: new Map<string, Row>() };
    products.set(row.ProductId, product);
    const key = `${row.SkuId}|${row.TermDuration}|${row.BillingPlan}`;
    if (!product.variants.has(key)) product.variants.set(key, row);
  }
  const header =
    'name,slug,description,assets,facets,optionGroups,optionValues,sku,price,taxCategory,stockOnHand,trackInventory,variantAssets,variantFacets';
  const lines = [header];
  let variants = 0;
  for (const [productId, { row, variants: rows }] of products) {
    let first = true;
    for (const v of rows.values()) {
      variants += 1;
      const values = [
        first ? csvField(row.ProductTitle) : '',
        first ? productId.toLowerCase() : '',
        first ? csvField(row.SkuDescription) : '',
        '',
        first ? csvField(`publisher:${row.Publisher.replace(/[:|]/g, ' ')}|kind:${row.Tags || 'License'}`) : '',
        first ? 'edition|term|billing' : '',
        csvField(`${v.SkuTitle.replace(/\|/g, ' ')} (${v.SkuId})|${v.TermDuration}|${v.BillingPlan}`),
        `${productId}-${v.SkuId}-${v.TermDuration}-${v.BillingPlan}`,
        v.UnitPrice,
        'standard',
        '100',
        'false',
        '',
        '',
      ];
      lines.push(values.join(','));
      first = false;
    }
  }
  writeFileSync(out, `${lines.join('\n')}\n`);
  return { products: products.size, variants };
}

/** Installs Vendure into bench/peer the first time (npm, from the registry), then never again. */
function installPeer(): void {
  if (existsSync(join(PEER_DIR, 'node_modules/@vendure/core/package.json'))) return;
  log('installing Vendure into bench/peer (once; a native SQLite build takes a minute or two)');
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: PEER_DIR, stdio: 'inherit' });
}

/** Vendure's server; its first start imports the catalog and builds the search index (minutes), then it listens. */
function startVendure(dataDir: string, productsCsv: string): Promise<Running> {
  return startProcess(
    join(PEER_DIR, 'server.mjs'),
    // No telemetry leaves the bench (Vendure's own switch).
    {
      NODE_ENV: 'production',
      VENDURE_DISABLE_TELEMETRY: 'true',
      PEER_DATA_DIR: dataDir,
      PEER_PRODUCTS_CSV: productsCsv,
    },
    join(dataDir, 'vendure.log'),
    async (url) =>
      (
        await fetch(`${url}/shop-api`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: TYPENAME }),
        })
      ).ok,
    [],
    1_800_000,
  );
}

interface Workload {
  name: string;
  url: string;
  cookie: string;
  body: (n: number) => string;
  pid: number;
}

interface Result extends Measured {
  name: string;
  cpuMsPerRequest: number;
  bodyBytes: number;
}

async function run(w: Workload): Promise<Result> {
  const sample = await fetch(w.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: w.cookie },
    body: w.body(0),
  });
  const text = await sample.text();
  const parsed = JSON.parse(text) as { errors?: unknown };
  if (!sample.ok || parsed.errors) throw new Error(`${w.name} answered ${sample.status}: ${text.slice(0, 400)}`);
  // Errors are timeouts (10 s) of a server slower than the load: counted and shown, not hidden.
  const measured = await measure({
    url: w.url,
    cookie: w.cookie,
    body: w.body,
    ...settings,
    serving: { pid: w.pid, database: 'sqlite' },
  });
  return {
    name: w.name,
    ...measured,
    cpuMsPerRequest: measured.cpu?.server ?? NaN,
    bodyBytes: Buffer.byteLength(text),
  };
}

async function main(): Promise<void> {
  installPeer();
  const dir = mkdtempSync(join(tmpdir(), 'nce-bench-peer-'));
  let ours: Running | null = null;
  let vendure: Running | null = null;
  try {
    const url = `sqlite:${join(dir, 'bench.sqlite')}`;
    log(`our API: generating a catalog of ${priceRows} price rows`);
    const app = await createApp(
      loadConfig({ DATABASE_URL: url, DATA_DIR: dir, NODE_ENV: 'test', ADMIN_DIST: '' }, dir),
      { logger: createLogger('warn') },
    );
    const data = await generate(app, { resellers: 5, customers: 10, orders: 10, buyers: 1, priceRows }, log).finally(
      () => app.db.close(),
    );
    const productsCsv = join(dir, 'vendure-products.csv');
    const shape = await vendureProducts(join(dir, 'bench-price-list.csv'), productsCsv);
    log(`Vendure: importing ${shape.products} products, ${shape.variants} variants (the first start only)`);
    vendure = await startVendure(dir, productsCsv);
    ours = await startApi(url, dir);
    const cookie = await signIn(ours.url, data.staff.email, data.staff.password);
    const oursPid = ours.child.pid!;
    const vendurePid = vendure.child.pid!;
    const shop = `${vendure.url}/shop-api`;
    const workloads: Workload[] = [
      {
        name: 'ours: catalog page (50 products, SKUs, prices)',
        url: `${ours.url}/graphql`,
        cookie,
        pid: oursPid,
        body: (n) =>
          JSON.stringify({ query: OURS_PAGE, variables: { search: SEARCHES[n % SEARCHES.length] || null, first: 50 } }),
      },
      {
        name: 'Vendure: products (50, variants, prices)',
        url: shop,
        cookie: '',
        pid: vendurePid,
        body: (n) =>
          JSON.stringify({ query: VENDURE_PRODUCTS, variables: { skip: n % Math.max(1, shape.products - 49) } }),
      },
      {
        name: 'Vendure: search (50, grouped by product)',
        url: shop,
        cookie: '',
        pid: vendurePid,
        body: (n) => JSON.stringify({ query: VENDURE_SEARCH, variables: { term: SEARCHES[n % SEARCHES.length] } }),
      },
      {
        name: 'ours: { __typename }',
        url: `${ours.url}/graphql`,
        cookie,
        pid: oursPid,
        body: () => JSON.stringify({ query: TYPENAME }),
      },
      {
        name: 'Vendure: { __typename }',
        url: shop,
        cookie: '',
        pid: vendurePid,
        body: () => JSON.stringify({ query: TYPENAME }),
      },
    ];
    // Both orders: ours first, then Vendure first, so neither gains from running second on a warmer machine.
    const rounds: Result[][] = [];
    for (const order of [workloads, [...workloads].reverse()]) {
      const round: Result[] = [];
      for (const w of order) {
        log(w.name);
        round.push(await run(w));
      }
      rounds.push(round);
    }
    const byName = new Map<string, Result[]>();
    for (const r of rounds.flat()) byName.set(r.name, [...(byName.get(r.name) ?? []), r]);
    const mean = (rs: Result[], f: (r: Result) => number) => rs.reduce((s, r) => s + f(r), 0) / rs.length;
    const table = workloads.map((w) => {
      const rs = byName.get(w.name)!;
      return {
        workload: w.name,
        rps: mean(rs, (r) => r.requestsPerSecond),
        p50: mean(rs, (r) => r.p50),
        p99: mean(rs, (r) => r.p99),
        cpu: mean(rs, (r) => r.cpuMsPerRequest),
        errors: rs.reduce((sum, r) => sum + r.errors, 0),
        bytes: rs[0]!.bodyBytes,
      };
    });
    const rps = (name: string) => table.find((t) => t.workload.startsWith(name))!.rps;
    // Vendure answering nothing within the run (every request timed out) has no ratio.
    const times = (ours: string, theirs: string) =>
      rps(theirs) > 0 ? `${(rps(ours) / rps(theirs)).toFixed(1)}×` : 'n/a (no answer within the run)';
    const lines = [
      `Catalog: ${shape.products} products, ${shape.variants} variants/prices (BENCH_PRICE_ROWS=${priceRows}); ${settings.connections} connections, ${settings.seconds} s after ${settings.warmupSeconds} s warm-up, each workload twice (both orders), means shown.`,
      '',
      '| workload | req/s | p50 ms | p99 ms | server CPU ms/request | body bytes | timeouts |',
      '| --- | --- | --- | --- | --- | --- | --- |',
      ...table.map(
        (t) =>
          `| ${t.workload} | ${t.rps.toFixed(0)} | ${t.p50.toFixed(1)} | ${t.p99.toFixed(1)} | ${t.cpu.toFixed(2)} | ${t.bytes} | ${t.errors} |`,
      ),
      '',
      `Ours ÷ Vendure: catalog page vs products ${times('ours: catalog', 'Vendure: products')}, vs search ${times('ours: catalog', 'Vendure: search')}, { __typename } ${times('ours: {', 'Vendure: {')}.`,
    ];
    console.log(lines.join('\n'));
    writeFileSync(fileURLToPath(new URL('../peer-results.md', import.meta.url)), `${lines.join('\n')}\n`);
  } finally {
    await ours?.stop();
    await vendure?.stop();
    if (!env.BENCH_KEEP) await rm(dir, { recursive: true, force: true });
  }
}

await main();
