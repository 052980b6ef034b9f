import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpServer, type HttpServer } from '../server.js';
import { createTestApp, type TestApp } from '../test-support/test-app.js';

describe('HTTP edges a client can reach without signing in', () => {
  let t: TestApp;
  let http: HttpServer;
  beforeAll(async () => {
    t = await createTestApp();
    http = await startHttpServer(t.app, { port: 0 });
  });
  afterAll(async () => {
    await http.stop();
    await t.close();
  });

  it('treats a session cookie that is not valid percent-encoding as no session, on every route that reads it', async () => {
    const cookie = { cookie: 'nce_session=%' };
    const graphql = await fetch(`${http.url}/graphql`, {
      method: 'POST',
      headers: { ...cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ me { id } }' }),
    });
    expect(graphql.status).toBe(200);
    expect(await graphql.json()).toEqual({ data: { me: null } });
    const upload = await fetch(`${http.url}/uploads`, {
      method: 'POST',
      headers: { ...cookie, 'x-csrf-protection': '1' },
      body: 'x',
    });
    expect(upload.status).toBe(401);
    const invoice = await fetch(`${http.url}/invoices/00000000-0000-0000-0000-000000000000.pdf`, { headers: cookie });
    expect(invoice.status).toBe(401);
  });
});
