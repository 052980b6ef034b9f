import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, staff, TestClient, type TestApp } from '../test-support/test-app.js';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parse, type OperationDefinitionNode } from 'graphql';
import { createSchema } from '../schema.js';
import { COMPILED_BYTES_PER_FIELD, compiledExecution, operationTimedOut } from './compiled-execution.js';
import { DEFAULT_QUERY_LIMITS, estimateResultItems, MAX_ESTIMATED_ITEMS } from './query-limits.js';

describe('hostile GraphQL is refused clearly, never with a crash or internals', () => {
  let t: TestApp;
  let client: TestClient;
  beforeAll(async () => {
    t = await createTestApp();
    client = await TestClient.start(t.app);
  });
  afterAll(async () => {
    await client.stop();
    await t.close();
  });

  const post = (body: string, headers: Record<string, string> = {}) =>
    fetch(`${client.http.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });

  const nestedTypes = (levels: number) =>
    `{ __type(name: "Query") { fields { type { ${'ofType { '.repeat(levels)}name${' }'.repeat(levels)} } } } }`;

  it('lets an ordinary query through and refuses one nested deeper than the limit, through fragments too', async () => {
    const ordinary = await client.gql(
      'fragment P on Price { unitPrice { currency } } { catalogProducts(filter: { segment: COMMERCIAL }) { edges { node { skus { prices { ...P } } } } } }',
      {},
      staff('staff'),
    );
    expect(ordinary.errors).toBeUndefined();
    expect((await client.gql(nestedTypes(DEFAULT_QUERY_LIMITS.maxDepth - 4))).errors).toBeUndefined();
    const deep = await client.gql(nestedTypes(DEFAULT_QUERY_LIMITS.maxDepth));
    expect(deep.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/levels deep; at most 12/),
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    const viaFragment = await client.gql(
      `fragment T on __Type { ${'ofType { '.repeat(DEFAULT_QUERY_LIMITS.maxDepth)}name${' }'.repeat(DEFAULT_QUERY_LIMITS.maxDepth)} } { __type(name: "Query") { ...T } }`,
    );
    expect(viaFragment.errors?.[0]?.message).toMatch(/levels deep/);
  });

  it('refuses alias amplification', async () => {
    const aliases = Array.from(
      { length: DEFAULT_QUERY_LIMITS.maxAliases + 1 },
      (_, i) => `m${i}: catalogMarkets { market }`,
    ).join(' ');
    const response = await client.gql(`{ ${aliases} }`, {}, staff('staff'));
    expect(response.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/31 aliases; at most 30/),
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
  });

  it('refuses a document selecting too many fields, and cyclic fragments, without hanging', async () => {
    const wide = Array.from({ length: DEFAULT_QUERY_LIMITS.maxFields + 1 }, () => '__typename').join(' ');
    expect((await client.gql(`{ ${wide} }`)).errors?.[0]?.message).toMatch(/more than 1500 fields/);
    const cyclic = await client.gql('fragment A on Query { ...B } fragment B on Query { ...A } query { ...A }');
    expect(cyclic.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('refuses batched operations and oversized or malformed bodies with a JSON GraphQL error', async () => {
    const batch = await post(JSON.stringify([{ query: '{ me { id } }' }, { query: '{ me { id } }' }]));
    expect(batch.status).toBe(400);
    const big = await post(JSON.stringify({ query: `{ me { id } } # ${'x'.repeat(1_100_000)}` }));
    expect(big.status).toBe(413);
    expect(await big.json()).toMatchObject({
      errors: [{ message: 'The request body is larger than 1 MB.', extensions: { code: 'PAYLOAD_TOO_LARGE' } }],
    });
    const broken = await post('{"query": ');
    expect(broken.status).toBe(400);
    const text = JSON.stringify(await broken.json());
    expect(text).toMatch(/not valid JSON/);
    expect(text).not.toMatch(/at .*\.js|node_modules|SyntaxError/);
  });

  it('masks unexpected errors: no SQL, no stack, a request id the log also has', async () => {
    await t.app.db.close();
    const response = await client.gql('{ catalogMarkets { market } }', {}, staff('staff'));
    expect(response.errors?.[0]).toMatchObject({
      message: 'Internal server error',
      extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: expect.any(String) },
    });
    expect(JSON.stringify(response)).not.toMatch(/SELECT|sqlite|stack|at /i);
  });
});

describe('an operation that runs too long', () => {
  it('is answered OPERATION_TIMEOUT at the limit, saying what that means, and the server goes on answering', async () => {
    const t = await createTestApp({ OPERATION_TIMEOUT_MS: '300' });
    const client = await TestClient.start(t.app);
    try {
      const markets = t.app.catalog.markets.bind(t.app.catalog);
      t.app.catalog.markets = () => new Promise(() => {});
      const started = Date.now();
      const slow = await client.gql('{ catalogMarkets { market } }', {}, staff('staff'));
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(slow.errors?.[0]).toMatchObject({
        message: expect.stringMatching(/did not finish within 0.3 s/),
        extensions: { code: 'OPERATION_TIMEOUT' },
      });
      const change = await client.gql('mutation { signOut }', {}, staff('staff'));
      expect(change.errors).toBeUndefined();
      t.app.catalog.markets = markets;
      expect((await client.gql('{ catalogMarkets { market } }', {}, staff('staff'))).errors).toBeUndefined();
      expect(operationTimedOut('mutation', 1500).errors?.[0]?.message).toMatch(/within 1.5 s. It may still complete/);
    } finally {
      await client.stop();
      await t.close();
    }
  });
});

v8.setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;
const heapAfterGc = () => (collectGarbage(), collectGarbage(), process.memoryUsage().heapUsed);

describe('compiling operations costs the server: nobody can make it compile at will', () => {
  let t: TestApp;
  let client: TestClient;
  beforeAll(async () => {
    t = await createTestApp();
    client = await TestClient.start(t.app);
  });
  afterAll(async () => {
    await client.stop();
    await t.close();
  });

  const page = (first: number) =>
    `catalogProducts(filter: { segment: COMMERCIAL }, first: ${first}) { edges { node { id title skus { id prices { id term unitPrice { amountMinor currency } } } } } }`;

  it('refuses, unrun, an operation whose answer is estimated too large, counting variables, and lets a full page through', async () => {
    const full = await client.gql(`{ ${page(100)} }`, {}, staff('staff'));
    expect(full.errors, JSON.stringify(full.errors)).toBeUndefined();
    const amplified = await client.gql(
      `{ ${Array.from({ length: 28 }, (_, i) => `p${i}: ${page(100)}`).join(' ')} }`,
      {},
      staff('staff'),
    );
    expect(amplified.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/more than 1,000,000 values/),
      extensions: { code: 'QUERY_TOO_LARGE' },
    });
    const viaVariable = await client.gql(
      `query($n: Int!) { ${Array.from({ length: 28 }, (_, i) => `p${i}: ${page(100).replace('first: 100', 'first: $n')}`).join(' ')} }`,
      { n: 100 },
      staff('staff'),
    );
    expect(viaVariable.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_LARGE');
    expect(
      estimateResultItems(
        await createSchema(),
        parse(`{ ${page(10)} }`),
        parse(`{ ${page(10)} }`).definitions[0] as OperationDefinitionNode,
        {},
      ),
    ).toBeLessThan(MAX_ESTIMATED_ITEMS);
  });

  it('compiles an operation only the second time a signed-in user runs it, never for anonymous callers', async () => {
    const before = client.http.executionStats();
    const query = `{ catalogMarkets { market currency } }`;
    await client.gql(query);
    await client.gql(query);
    expect(client.http.executionStats().compiled).toBe(before.compiled);
    await client.gql(query, {}, staff('staff'));
    expect(client.http.executionStats().compiled).toBe(before.compiled);
    const again = await client.gql(query, {}, staff('staff'));
    expect(again.errors).toBeUndefined();
    expect(client.http.executionStats().compiled).toBe(before.compiled + 1);
  });

  it('takes 2,000 distinct anonymous operations without compiling or keeping any, and /healthz stays fast meanwhile', async () => {
    const before = client.http.executionStats();
    const heapBefore = heapAfterGc();
    const cpuBefore = process.cpuUsage();
    const health: number[] = [];
    let sending = true;
    const probe = (async () => {
      while (sending) {
        const started = performance.now();
        await fetch(`${client.http.url}/healthz`);
        health.push(performance.now() - started);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    // As in the report: 28 aliased catalog pages, each compiled for ~140 ms by a server that compiled first.
    const aliased = (n: number) => Array.from({ length: 28 }, (_, i) => `a${n}_${i}: ${page(1)}`).join(' ');
    for (let batch = 0; batch < 600; batch += 6) {
      await Promise.all(Array.from({ length: 6 }, (_, i) => client.gql(`{ ${aliased(batch + i)} }`)));
    }
    const cpu = process.cpuUsage(cpuBefore);
    sending = false;
    await probe;
    const after = client.http.executionStats();
    // CPU time, unlike latency, does not depend on what else the machine runs: compiling one of these
    // operations costs ~140 ms; answering it (client and server both in this process) 20–30 ms, as fast
    // as the machine is. Half a compile is the line: above it, some operations were compiled.
    expect((cpu.user + cpu.system) / 1000 / 600).toBeLessThan(70);
    expect(after.compiled).toBe(before.compiled);
    expect(after.entries).toBe(before.entries);
    expect(after.seen).toBe(before.seen);
    // Nothing is kept per operation beyond the bounded cache of parsed documents.
    expect(heapAfterGc() - heapBefore).toBeLessThan(64 * 1024 * 1024);
    health.sort((a, b) => a - b);
    expect(health.length).toBeGreaterThan(5);
    // Loose, so that a busy machine does not fail it: a compiling server answered in ~400 ms (issue figures).
    expect(health[Math.floor(health.length / 2)]).toBeLessThan(300);
  }, 120_000);
});

describe('the compiled-operation cache', () => {
  it('keeps within its entry and byte limits, the least recently used out first', async () => {
    const schema = await createSchema();
    const execution = compiledExecution(schema, {
      timeoutMs: 5_000,
      limits: { maxEntries: 3, maxBytes: 40 * COMPILED_BYTES_PER_FIELD, maxSeen: 100 },
    });
    const { executor } = await execution.load();
    const run = (source: string) => {
      const document = parse(source);
      const operation = document.definitions[0] as OperationDefinitionNode;
      return executor({ document, operation, queryHash: source, context: { principal: staff('staff') }, request: {} });
    };
    const fields = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `f${i}: __typename`).join(' ')} }`;
    for (const n of [1, 2, 3, 4]) for (let twice = 0; twice < 2; twice += 1) await run(fields(n));
    expect(execution.stats()).toMatchObject({ entries: 3, compiled: 4, bytes: (2 + 3 + 4) * COMPILED_BYTES_PER_FIELD });
    // 36 fields do not fit beside the others within 40 fields' bytes: the oldest go first.
    for (let twice = 0; twice < 2; twice += 1) await run(fields(36));
    expect(execution.stats()).toMatchObject({ entries: 2, bytes: (4 + 36) * COMPILED_BYTES_PER_FIELD });
    expect(execution.stats().bytes).toBeLessThanOrEqual(40 * COMPILED_BYTES_PER_FIELD);
  });
});
