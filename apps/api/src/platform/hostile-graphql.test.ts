import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, staff, TestClient, type TestApp } from '../test-support/test-app.js';
import { operationTimedOut } from './compiled-execution.js';
import { DEFAULT_QUERY_LIMITS } from './query-limits.js';

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
    fetch(`${client.http.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

  const nestedTypes = (levels: number) => `{ __type(name: "Query") { fields { type { ${'ofType { '.repeat(levels)}name${' }'.repeat(levels)} } } } }`;

  it('lets an ordinary query through and refuses one nested deeper than the limit, through fragments too', async () => {
    const ordinary = await client.gql('fragment P on Price { unitPrice { currency } } { catalogProducts(filter: { segment: COMMERCIAL }) { edges { node { skus { prices { ...P } } } } } }', {}, staff('staff'));
    expect(ordinary.errors).toBeUndefined();
    expect((await client.gql(nestedTypes(DEFAULT_QUERY_LIMITS.maxDepth - 4))).errors).toBeUndefined();
    const deep = await client.gql(nestedTypes(DEFAULT_QUERY_LIMITS.maxDepth));
    expect(deep.errors?.[0]).toMatchObject({ message: expect.stringMatching(/levels deep; at most 12/), extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    const viaFragment = await client.gql(`fragment T on __Type { ${'ofType { '.repeat(DEFAULT_QUERY_LIMITS.maxDepth)}name${' }'.repeat(DEFAULT_QUERY_LIMITS.maxDepth)} } { __type(name: "Query") { ...T } }`);
    expect(viaFragment.errors?.[0]?.message).toMatch(/levels deep/);
  });

  it('refuses alias amplification', async () => {
    const aliases = Array.from({ length: DEFAULT_QUERY_LIMITS.maxAliases + 1 }, (_, i) => `m${i}: catalogMarkets { market }`).join(' ');
    const response = await client.gql(`{ ${aliases} }`, {}, staff('staff'));
    expect(response.errors?.[0]).toMatchObject({ message: expect.stringMatching(/31 aliases; at most 30/), extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
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
    expect(await big.json()).toMatchObject({ errors: [{ message: 'The request body is larger than 1 MB.', extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });
    const broken = await post('{"query": ');
    expect(broken.status).toBe(400);
    const text = JSON.stringify(await broken.json());
    expect(text).toMatch(/not valid JSON/);
    expect(text).not.toMatch(/at .*\.js|node_modules|SyntaxError/);
  });

  it('masks unexpected errors: no SQL, no stack, a request id the log also has', async () => {
    await t.app.db.close();
    const response = await client.gql('{ catalogMarkets { market } }', {}, staff('staff'));
    expect(response.errors?.[0]).toMatchObject({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: expect.any(String) } });
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
      expect(slow.errors?.[0]).toMatchObject({ message: expect.stringMatching(/did not finish within 0.3 s/), extensions: { code: 'OPERATION_TIMEOUT' } });
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
