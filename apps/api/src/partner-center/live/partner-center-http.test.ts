import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { RefreshTokenAccessTokens } from './access-tokens.js';
import { PartnerCenterHttp, PartnerCenterUnavailable, retryAfterMs } from './partner-center-http.js';

type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;

/** A fake Partner Center and Microsoft token endpoint on loopback: each test says how it answers, in turn. */
describe('the Partner Center HTTP client: tokens, retries, request ids and the circuit breaker', () => {
  let url = '';
  const seen: { method: string; path: string; headers: IncomingMessage['headers']; body: string }[] = [];
  let answers: Handler[] = [];
  let tokenCalls: string[] = [];
  let refreshToken = 'refresh-1';
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      if (req.url?.endsWith('/oauth2/token')) {
        const form = new URLSearchParams(body);
        tokenCalls.push(form.get('refresh_token') ?? '');
        res.setHeader('content-type', 'application/json');
        const n = tokenCalls.length;
        return void res.end(
          JSON.stringify({ access_token: `access-${n}`, expires_in: '3600', refresh_token: `refresh-${n + 1}` }),
        );
      }
      seen.push({ method: req.method!, path: req.url!, headers: req.headers, body });
      const answer = answers.shift() ?? ((_q, r) => void r.end('{}'));
      answer(req, res, body);
    });
  });
  const json =
    (status: number, value: unknown, headers: Record<string, string> = {}): Handler =>
    (_req, res) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(value));
    };
  const waits: number[] = [];
  let clock = 1_000_000;
  const client = (options: Partial<ConstructorParameters<typeof PartnerCenterHttp>[0]> = {}) =>
    new PartnerCenterHttp({
      baseUrl: url,
      tokens: new RefreshTokenAccessTokens(
        { tenant: 'contoso.onmicrosoft.com', appId: 'app', appSecret: 'secret', authorityUrl: url },
        { read: async () => refreshToken, write: async (t) => void (refreshToken = t) },
        () => clock,
      ),
      sleep: async (ms) => {
        waits.push(ms);
        clock += ms;
      },
      random: () => 0.5,
      now: () => clock,
      ...options,
    });

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(() => {
    seen.length = 0;
    waits.length = 0;
    answers = [];
    tokenCalls = [];
    refreshToken = 'refresh-1';
  });

  it('signs each call with a bearer token by the secure application model, rotating the refresh token', async () => {
    answers = [json(200, { id: 'sub-1', quantity: 5 })];
    const answer = await client().request('GET', '/v1/customers/t/subscriptions/sub-1', { correlationId: 'req-42' });
    expect(answer).toMatchObject({ status: 200, body: { id: 'sub-1', quantity: 5 } });
    expect(tokenCalls).toEqual(['refresh-1']);
    expect(refreshToken).toBe('refresh-2');
    expect(seen[0]!.headers).toMatchObject({
      authorization: 'Bearer access-1',
      accept: 'application/json',
      'ms-correlationid': 'req-42',
      'ms-contract-version': 'v1',
      'ms-requestid': expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
  });

  it('waits out 429 (Retry-After) and 409 during renewal, retries 5xx and a dropped connection, keeping one MS-RequestId', async () => {
    answers = [
      json(429, { code: 'TooManyRequests' }, { 'retry-after': '2' }),
      json(409, { code: 'SubscriptionRenewalInProgress' }),
      json(503, {}),
      (_req, res) => res.socket?.destroy(),
      json(201, { id: 'order-1' }),
    ];
    const answer = await client().request('POST', '/v1/customers/t/carts/c/checkout', { body: {} });
    expect(answer).toMatchObject({ status: 201, body: { id: 'order-1' } });
    expect(seen).toHaveLength(5);
    expect(new Set(seen.map((s) => s.headers['ms-requestid'])).size).toBe(1);
    // Retry-After, the renewal wait, then backoff with jitter (half of 2 s and of 4 s: attempts three and four).
    expect(waits).toEqual([2_000, 5_000, 1_000, 2_000]);
    // The next logical call has a new request id.
    await client().request('GET', '/v1/x');
    expect(seen[5]!.headers['ms-requestid']).not.toBe(seen[0]!.headers['ms-requestid']);
  });

  it('fetches a new token once when the token is refused (401), and answers business refusals as they are', async () => {
    answers = [json(401, {}), json(400, { code: 'InvalidQuantity', description: 'quantity too large' })];
    const answer = await client().request('PATCH', '/v1/customers/t/subscriptions/s', { body: {}, ifMatch: 'W/"1"' });
    expect(answer).toMatchObject({ status: 400, body: { code: 'InvalidQuantity' } });
    expect(tokenCalls).toEqual(['refresh-1', 'refresh-2']);
    expect(seen.map((s) => s.headers.authorization)).toEqual(['Bearer access-1', 'Bearer access-2']);
    expect(seen[1]!.headers['if-match']).toBe('W/"1"');
  });

  it('gives up within its deadline, then fails fast while Microsoft is down (circuit open), and tries again later', async () => {
    const pc = client({ deadlineMs: 10_000, breakerThreshold: 3, breakerOpenMs: 30_000 });
    answers = Array.from({ length: 20 }, () => json(503, {}));
    await expect(pc.request('GET', '/v1/a')).rejects.toThrow(PartnerCenterUnavailable);
    const tried = seen.length;
    expect(tried).toBeGreaterThanOrEqual(3);
    await expect(pc.request('GET', '/v1/b')).rejects.toThrow(/not answering .*nothing was bought or changed/);
    expect(seen).toHaveLength(tried);
    clock += 30_001;
    answers = [json(200, { ok: true })];
    expect((await pc.request('GET', '/v1/c')).status).toBe(200);
  });

  it('reads Retry-After in seconds or as a date', () => {
    expect(retryAfterMs(new Headers({ 'retry-after': '7' }))).toBe(7_000);
    expect(retryAfterMs(new Headers({ 'retry-after': new Date(10_000).toUTCString() }), 4_000)).toBe(6_000);
    expect(retryAfterMs(new Headers())).toBeNull();
  });
});
