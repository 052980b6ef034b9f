import { withCpu, type CpuPerOperation } from './cpu.js';
import type { Buyer } from './generate.js';
import { KeepAliveConnection, measure, post, type Measured } from './load.js';
import { openRaw } from './sql.js';

export interface Settings {
  connections: number;
  seconds: number;
  warmupSeconds: number;
}

export interface Compared {
  api: Measured;
  reference: Measured;
  /** API ÷ reference throughput, measured in the same run. */
  ratio: number;
}

/** The two serving processes and their database, for CPU a request. */
export interface Serving {
  api: number | undefined;
  reference: number | undefined;
  database: 'sqlite' | 'postgres';
}

const SEARCHES = [
  '',
  'microsoft 365',
  'e3',
  'teams',
  'defender',
  'dynamics 365',
  'windows',
  'power',
  'copilot',
  'office',
  'exchange',
  'visio',
];

const CATALOG_QUERY = `query($search: ShortText, $first: Int!) { catalogProducts(filter: { segment: COMMERCIAL, search: $search }, first: $first) {
  edges { node { id title publisher kind skus { id skuId title prices { id term billingPlan unitPrice { amountMinor currency } tierMin tierMax } } } }
  pageInfo { hasNextPage endCursor } } }`;

const ORDERS_QUERY = `query($first: Int!) { orders(first: $first) {
  nodes { id soNumber status resellerName customerName placedAt total { amountMinor currency } lines { lineNumber skuTitle quantity unitPrice { amountMinor currency } lineTotal { amountMinor currency } } }
  pageInfo { hasNextPage endCursor } } }`;

async function compare(
  name: string,
  apiUrl: string,
  referenceUrl: string,
  cookie: string,
  apiBody: (n: number) => string,
  referenceBody: (n: number) => string,
  same: (api: any, reference: any) => boolean,
  settings: Settings,
  serving: Serving,
): Promise<Compared> {
  // Both must give the same answer before their speed means anything.
  for (let n = 0; n < 3; n += 1) {
    const [a, r] = await Promise.all([
      post(`${apiUrl}/graphql`, cookie, apiBody(n)),
      post(referenceUrl, cookie, referenceBody(n)),
    ]);
    if (!same(a, r)) throw new Error(`${name}: the API and the reference answered differently for request ${n}`);
  }
  const api = await measure({
    url: `${apiUrl}/graphql`,
    cookie,
    body: apiBody,
    ...settings,
    serving: { pid: serving.api, database: serving.database },
  });
  const reference = await measure({
    url: referenceUrl,
    cookie,
    body: referenceBody,
    ...settings,
    serving: { pid: serving.reference, database: serving.database },
  });
  return { api, reference, ratio: api.requestsPerSecond / Math.max(1e-9, reference.requestsPerSecond) };
}

/** Workload 1: catalog search, 50 products a page with their SKUs and prices. */
export function catalogSearch(
  apiUrl: string,
  referenceUrl: string,
  cookie: string,
  settings: Settings,
  serving: Serving,
): Promise<Compared> {
  const search = (n: number) => SEARCHES[n % SEARCHES.length] || null;
  return compare(
    'catalog search',
    apiUrl,
    `${referenceUrl}/catalog`,
    cookie,
    (n) => JSON.stringify({ query: CATALOG_QUERY, variables: { search: search(n), first: 50 } }),
    (n) => JSON.stringify({ search: search(n), first: 50 }),
    (a, r) =>
      JSON.stringify(a.data.catalogProducts.edges.map((e: any) => [e.node.id, e.node.skus.length])) ===
        JSON.stringify(r.data.catalogProducts.edges.map((e: any) => [e.node.id, e.node.skus.length])) &&
      a.data.catalogProducts.edges.length > 0,
    settings,
    serving,
  );
}

/** Workload 2: the staff order list, 100 orders with reseller, customer and lines. */
export function orderList(
  apiUrl: string,
  referenceUrl: string,
  cookie: string,
  settings: Settings,
  serving: Serving,
): Promise<Compared> {
  return compare(
    'order list',
    apiUrl,
    `${referenceUrl}/orders`,
    cookie,
    () => JSON.stringify({ query: ORDERS_QUERY, variables: { first: 100 } }),
    () => JSON.stringify({ first: 100 }),
    (a, r) =>
      a.data.orders.nodes.length === 100 &&
      JSON.stringify(a.data.orders.nodes.map((o: any) => [o.id, o.lines.length])) ===
        JSON.stringify(r.data.orders.nodes.map((o: any) => [o.id, o.lines.length])),
    settings,
    serving,
  );
}

/** Workload 2, API only: the latency of the order list's first page (for the growth comparison). */
/** Catalog search on the API alone (no reference), as a latency probe while other work runs. */
export function catalogSearchApi(apiUrl: string, cookie: string, settings: Settings): Promise<Measured> {
  return measure({
    url: `${apiUrl}/graphql`,
    cookie,
    body: (n) =>
      JSON.stringify({ query: CATALOG_QUERY, variables: { search: SEARCHES[n % SEARCHES.length], first: 20 } }),
    ...settings,
  });
}

export function orderListApi(apiUrl: string, cookie: string, settings: Settings): Promise<Measured> {
  return measure({
    url: `${apiUrl}/graphql`,
    cookie,
    body: () => JSON.stringify({ query: ORDERS_QUERY, variables: { first: 100 } }),
    ...settings,
  });
}

export interface BuyRun {
  orders: number;
  ordersPerSecond: number;
  p50: number;
  p99: number;
  refusals: number;
  errors: number;
  /** Orders the database holds that no response reported, or reported orders it does not hold, or doubles. */
  lost: number;
  doubled: number;
  /** CPU an order placed cost the serving process (when its pid is known), PostgreSQL and this load generator. */
  cpu: CpuPerOperation;
  /** Seconds after the run until the work it queued (provisioning, mail) was done. */
  settledSeconds: number;
}

interface BuySteps {
  /** One keep-alive connection for one buyer's requests, in turn. */
  connect(): KeepAliveConnection;
  add(c: KeepAliveConnection, buyer: Buyer, cookie: string, priceId: number): Promise<void>;
  bind(c: KeepAliveConnection, buyer: Buyer, cookie: string): Promise<void>;
  buy(
    c: KeepAliveConnection,
    buyer: Buyer,
    cookie: string,
    key: string,
  ): Promise<{ id: string; soNumber: string } | { refused: string }>;
}

const CART =
  '{ __typename ... on Cart { id version lines { id priceId quantity skuTitle unitPrice { amountMinor currency } } } ... on CartRefused { code message } }';

const expectCart = (result: any, field: string) => {
  if (result.data[field].__typename !== 'Cart')
    throw new Error(`${field} refused: ${JSON.stringify(result.data[field])}`);
};

export const apiBuySteps = (apiUrl: string): BuySteps => ({
  connect: () => new KeepAliveConnection(apiUrl),
  add: async (c, b, cookie, priceId) =>
    expectCart(
      await c.post(
        '/graphql',
        cookie,
        JSON.stringify({
          query: `mutation($r: ID!, $p: Int!) { addToCart(resellerId: $r, priceId: $p) ${CART} }`,
          variables: { r: b.resellerId, p: priceId },
        }),
      ),
      'addToCart',
    ),
  bind: async (c, b, cookie) =>
    expectCart(
      await c.post(
        '/graphql',
        cookie,
        JSON.stringify({
          query: `mutation($r: ID!, $c: ID!) { bindCartCustomer(resellerId: $r, customerId: $c) ${CART} }`,
          variables: { r: b.resellerId, c: b.customerId },
        }),
      ),
      'bindCartCustomer',
    ),
  buy: async (c, b, cookie, key) => {
    const result = await c.post(
      '/graphql',
      cookie,
      JSON.stringify({
        query: `mutation($r: ID!, $k: Code!) { buy(resellerId: $r, input: { idempotencyKey: $k }) { __typename
          ... on OrderPlaced { replayed order { id soNumber status total { amountMinor currency } } }
          ... on PurchaseNotReady { code } ... on PricesChanged { code } ... on BuyRefused { code } } }`,
        variables: { r: b.resellerId, k: key },
      }),
    );
    const answer = result.data.buy;
    return answer.__typename === 'OrderPlaced' ? answer.order : { refused: answer.code };
  },
});

export const referenceBuySteps = (referenceUrl: string): BuySteps => ({
  connect: () => new KeepAliveConnection(referenceUrl),
  add: async (c, _b, cookie, priceId) =>
    expectCart(await c.post('/cart/add', cookie, JSON.stringify({ priceId })), 'addToCart'),
  bind: async (c, b, cookie) =>
    expectCart(await c.post('/cart/bind', cookie, JSON.stringify({ customerId: b.customerId })), 'bindCartCustomer'),
  buy: async (c, _b, cookie, key) => {
    const answer = (await c.post('/buy', cookie, JSON.stringify({ idempotencyKey: key }))).data.buy;
    return answer.__typename === 'OrderPlaced' ? answer.order : { refused: answer.code };
  },
});

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0;

/**
 * Workload 3: each buyer (one connection each) fills a cart, binds its customer and buys, again and
 * again. Afterwards the database is asked for every order placed in the run: each reported order must
 * be there once, and nothing else.
 */
/**
 * Waits until the work a run left queued (provisioning, mail, webhooks: jobs due by now) is done, so the next
 * measurement does not share the machine with it; the seconds it took. Throws after `timeoutSeconds`.
 */
export async function settle(databaseUrl: string, timeoutSeconds = 600): Promise<number> {
  const db = await openRaw(databaseUrl);
  const started = Date.now();
  try {
    for (;;) {
      const [row] = await db.query(
        "SELECT COUNT(*) AS n FROM job WHERE status IN ('PENDING', 'RUNNING') AND run_at <= ?",
        [new Date().toISOString()],
      );
      if (Number(row?.n ?? 0) === 0) return (Date.now() - started) / 1000;
      if (Date.now() - started > timeoutSeconds * 1000)
        throw new Error(`${row?.n} queued jobs still due after ${timeoutSeconds} s`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  } finally {
    await db.close();
  }
}

export async function buyLoop(
  /** One set of steps for every buyer, or each buyer's (buyers spread over several API processes). */
  steps: BuySteps | ((buyer: number) => BuySteps),
  databaseUrl: string,
  buyers: { buyer: Buyer; cookie: string }[],
  priceIds: number[],
  settings: Settings,
  tag: string,
  servingPid?: number,
): Promise<BuyRun> {
  const runOnce = async (seconds: number, label: string) => {
    const stopAt = Date.now() + seconds * 1000;
    const latencies: number[] = [];
    const placed: { id: string; soNumber: string }[] = [];
    let refusals = 0;
    let errors = 0;
    await Promise.all(
      buyers.map(async ({ buyer, cookie }, w) => {
        const own = typeof steps === 'function' ? steps(w) : steps;
        const c = own.connect();
        for (let n = 0; Date.now() < stopAt; n += 1) {
          const started = performance.now();
          try {
            await own.add(c, buyer, cookie, priceIds[(w * 7 + n) % priceIds.length]!);
            await own.bind(c, buyer, cookie);
            const result = await own.buy(c, buyer, cookie, `${tag}-${label}-${w}-${n}`);
            if ('refused' in result) refusals += 1;
            else placed.push(result);
          } catch {
            errors += 1;
          }
          latencies.push(performance.now() - started);
        }
        c.close();
      }),
    );
    return { latencies, placed, refusals, errors };
  };
  // Nothing left over from before (the generator's mail, another run's provisioning) shares the machine.
  await settle(databaseUrl);
  if (settings.warmupSeconds > 0) await runOnce(settings.warmupSeconds, 'warmup');
  await settle(databaseUrl);
  const started = Date.now();
  const { result: run, cpu } = await withCpu(
    servingPid,
    databaseUrl.startsWith('postgres') ? 'postgres' : 'sqlite',
    () => runOnce(settings.seconds, 'run'),
    (r) => r.placed.length,
  );
  const elapsed = (Date.now() - started) / 1000;

  const db = await openRaw(databaseUrl);
  try {
    const rows = await db.query(
      `SELECT o.id, o.so_number, (SELECT COUNT(*) FROM order_line l WHERE l.order_id = o.id) AS lines FROM sales_order o WHERE o.idempotency_key LIKE ?`,
      [`${tag}-run-%`],
    );
    const stored = new Map(rows.map((r) => [String(r.id), r]));
    const reported = new Set(run.placed.map((o) => o.id));
    const lost =
      run.placed.filter((o) => !stored.has(o.id)).length +
      rows.filter((r) => !reported.has(String(r.id)) || Number(r.lines) === 0).length;
    const doubled = run.placed.length - reported.size + (rows.length - new Set(rows.map((r) => r.so_number)).size);
    const sorted = run.latencies.sort((a, b) => a - b);
    return {
      orders: run.placed.length,
      ordersPerSecond: run.placed.length / elapsed,
      p50: percentile(sorted, 50),
      p99: percentile(sorted, 99),
      refusals: run.refusals,
      errors: run.errors,
      lost,
      doubled,
      cpu,
      settledSeconds: await settle(databaseUrl),
    };
  } finally {
    await db.close();
  }
}
