import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpServer } from '../server.js';
import { createTestApp, staff, testAuthenticate, TestClient, type TestApp } from '../test-support/test-app.js';
import { isJsonGraphQLPost, readJsonBody } from './graphql-http.js';

const request = (fields: { method?: string; url?: string; headers?: Record<string, string> }) =>
  ({
    method: fields.method ?? 'POST',
    url: fields.url ?? '/graphql',
    headers: fields.headers ?? { 'content-type': 'application/json' },
  }) as unknown as IncomingMessage;

const body = (...chunks: string[]) =>
  Readable.from(chunks.map((chunk) => Buffer.from(chunk))) as unknown as IncomingMessage;

describe('the direct GraphQL path', () => {
  it('takes JSON POSTs to /graphql only, and leaves everything else to Express', () => {
    expect(isJsonGraphQLPost(request({}))).toBe(true);
    expect(isJsonGraphQLPost(request({ url: '/graphql?x=1' }))).toBe(true);
    expect(isJsonGraphQLPost(request({ headers: { 'content-type': 'application/json; charset=utf-8' } }))).toBe(true);
    expect(isJsonGraphQLPost(request({ headers: { 'content-type': 'application/json; charset=latin1' } }))).toBe(false);
    expect(isJsonGraphQLPost(request({ headers: { 'content-type': 'text/plain' } }))).toBe(false);
    expect(
      isJsonGraphQLPost(request({ headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' } })),
    ).toBe(false);
    expect(isJsonGraphQLPost(request({ method: 'GET' }))).toBe(false);
    expect(isJsonGraphQLPost(request({ url: '/graphqlx' }))).toBe(false);
    expect(isJsonGraphQLPost(request({ url: '/uploads' }))).toBe(false);
  });

  it('reads a body as strict JSON within the limit, across chunks', async () => {
    expect(await readJsonBody(body('{"query":', ' "{ me { id } }"}'), 100)).toEqual({
      body: { query: '{ me { id } }' },
    });
    expect(await readJsonBody(body(''), 100)).toEqual({ body: {} });
    expect(await readJsonBody(body('[1]'), 100)).toEqual({ body: [1] });
    expect(await readJsonBody(body('"text"'), 100)).toEqual({ problem: { status: 400, type: 'entity.parse.failed' } });
    expect(await readJsonBody(body('{"query": '), 100)).toEqual({
      problem: { status: 400, type: 'entity.parse.failed' },
    });
    expect(await readJsonBody(body('{"a":"', 'x'.repeat(100), '"}'), 100)).toEqual({
      problem: { status: 413, type: 'entity.too.large' },
    });
  });
});

describe('GraphQL over HTTP, both paths', () => {
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

  const post = (contentType: string, body: string, headers: Record<string, string> = {}) =>
    fetch(`${client.http.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': contentType, 'x-test-principal': JSON.stringify(staff('staff')), ...headers },
      body,
    });

  it('answers a JSON POST (with a charset) with the request id and the length of its body (the session cookie: identity.api.test.ts)', async () => {
    const response = await post(
      'application/json; charset=utf-8',
      JSON.stringify({ query: 'query Probe { __typename }' }),
      { 'x-request-id': 'direct-1' },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toBe('direct-1');
    const text = await response.text();
    expect(Number(response.headers.get('content-length'))).toBe(Buffer.byteLength(text));
    expect(JSON.parse(text)).toEqual({ data: { __typename: 'Query' } });
  });

  it("keeps Apollo's CSRF refusal for a simple-content-type POST, which goes through Express", async () => {
    const response = await post('text/plain', JSON.stringify({ query: '{ __typename }' }));
    expect(response.status).toBe(400);
    expect(await response.text()).not.toMatch(/"Query"/);
  });

  it('answers a query sent by GET with the preflight header through Express, the same way', async () => {
    const response = await fetch(`${client.http.url}/graphql?query=${encodeURIComponent('{ __typename }')}`, {
      headers: { 'apollo-require-preflight': 'true', 'x-test-principal': JSON.stringify(staff('staff')) },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { __typename: 'Query' } });
  });
});

describe('unexpected failures', () => {
  it('are masked with the request id, which the log line of the original error has too, also when reading the session fails', async () => {
    const lines: Record<string, any>[] = [];
    const t = await createTestApp({}, { logTo: lines });
    const app = t.app;
    let sessionsFail = false;
    const fallible = testAuthenticate(app);
    const http = await startHttpServer(app, {
      port: 0,
      authenticate: (req) => (sessionsFail ? Promise.reject(new Error('session store unreachable')) : fallible(req)),
    });
    const ask = async (query: string, requestId: string) => {
      const response = await fetch(`${http.url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-request-id': requestId,
          'x-test-principal': JSON.stringify(staff('staff')),
        },
        body: JSON.stringify({ query }),
      });
      return {
        status: response.status,
        body: (await response.json()) as { errors?: { message: string; extensions: Record<string, unknown> }[] },
      };
    };
    try {
      const markets = app.catalog.markets.bind(app.catalog);
      app.catalog.markets = () => Promise.reject(new Error('SELECT * FROM secret_table failed'));
      const failed = await ask('{ catalogMarkets { market } }', 'resolver-fails');
      expect(failed.body.errors?.[0]).toEqual({
        message: 'Internal server error',
        path: ['catalogMarkets'],
        extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'resolver-fails' },
      });
      app.catalog.markets = markets;

      sessionsFail = true;
      const noSession = await ask('{ __typename }', 'session-fails');
      expect(noSession.status).toBe(500);
      expect(noSession.body.errors?.[0]).toMatchObject({
        message: 'Internal server error',
        extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'session-fails' },
      });
      expect(JSON.stringify(noSession.body)).not.toMatch(/unreachable|stack/);

      await new Promise((resolve) => setTimeout(resolve, 20));
      const logged = (requestId: string) =>
        lines
          .filter((line) => line.requestId === requestId && line.level >= 50)
          .map((line) => String(line.err?.message));
      expect(logged('resolver-fails')).toEqual(['SELECT * FROM secret_table failed']);
      expect(logged('session-fails')).toEqual(['session store unreachable']);
    } finally {
      await http.stop();
      await t.close();
    }
  });
});
