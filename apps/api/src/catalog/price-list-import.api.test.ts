import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, FIXTURE_PRICE_LIST, staff, TestClient, type TestApp } from '../test-support/test-app.js';

const IMPORT = `mutation($uploadId: ID!) { importPriceList(uploadId: $uploadId) {
  __typename
  ... on PriceListImport { id status }
  ... on BusinessError { code message fix { kind label } }
} }`;
const STATUS = `query($id: ID!) { priceListImport(id: $id) { status rowsRead rowsInserted errorLine errorColumn errorMessage } }`;

describe('price-list import as a staff operation', () => {
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

  const upload = async (body: string, principal = staff('staff')) => {
    const response = await fetch(`${client.http.url}/uploads`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', 'x-csrf-protection': '1', 'x-test-principal': JSON.stringify(principal) },
      body,
    });
    return { status: response.status, body: (await response.json()) as { uploadId: string } };
  };

  const waitFor = async (id: string) => {
    for (let i = 0; i < 200; i += 1) {
      // The import is a job; this test's server runs no worker of its own.
      await t.app.jobs.runDue();
      const response = await client.gql(STATUS, { id }, staff('staff'));
      if (response.data?.priceListImport.status !== 'RUNNING') return response.data?.priceListImport;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error('import did not finish');
  };

  it('uploads a file, imports it in the background and reports progress and outcome', async () => {
    const { status, body } = await upload(readFileSync(FIXTURE_PRICE_LIST, 'utf8'));
    expect(status).toBe(201);
    const started = await client.gql(IMPORT, { uploadId: body.uploadId }, staff('staff'));
    expect(started.data?.importPriceList).toMatchObject({ __typename: 'PriceListImport', status: 'RUNNING' });
    const done = await waitFor(started.data!.importPriceList.id);
    expect(done).toMatchObject({ status: 'SUCCEEDED', rowsRead: 459, rowsInserted: 459 });
    const again = await client.gql(IMPORT, { uploadId: body.uploadId }, staff('staff'));
    expect(again.data?.importPriceList).toMatchObject({ __typename: 'UploadNotFound', code: 'UPLOAD_NOT_FOUND' });
  });

  it('imports an upload once when two requests name it at the same moment', async () => {
    const lines = readFileSync(FIXTURE_PRICE_LIST, 'utf8').trimEnd().split('\n');
    const { body } = await upload(lines.slice(0, 3).join('\n'));
    const answers = await Promise.all(
      [1, 2, 3].map(() => client.gql(IMPORT, { uploadId: body.uploadId }, staff('staff'))),
    );
    const kinds = answers.map((answer) => answer.data?.importPriceList.__typename).sort();
    expect(kinds).toEqual(['PriceListImport', 'UploadNotFound', 'UploadNotFound']);
    await waitFor(
      answers.find((answer) => answer.data?.importPriceList.__typename === 'PriceListImport')!.data!.importPriceList.id,
    );
  });

  it('reports a malformed upload with line and column', async () => {
    const lines = readFileSync(FIXTURE_PRICE_LIST, 'utf8').trimEnd().split('\n');
    const { body } = await upload([lines[0], lines[1]!.replace(',US,USD,', ',US,DOLLARS,')].join('\n'));
    const started = await client.gql(IMPORT, { uploadId: body.uploadId }, staff('admin'));
    expect(await waitFor(started.data!.importPriceList.id)).toMatchObject({
      status: 'FAILED',
      errorLine: 2,
      errorColumn: 'Currency',
    });
  });

  it('names the import after the uploaded file, as its last path part, and refuses control characters in the name', async () => {
    const lines = readFileSync(FIXTURE_PRICE_LIST, 'utf8').trimEnd().split('\n');
    const named = async (fileName: string | null) => {
      const { body } = await upload(lines.slice(0, 3).join('\n'));
      const started = await client.gql(
        `mutation($u: ID!, $f: ShortText) { importPriceList(uploadId: $u, fileName: $f) { ... on PriceListImport { id sourceName } } }`,
        { u: body.uploadId, f: fileName },
        staff('staff'),
      );
      await waitFor(started.data!.importPriceList.id);
      return started.data!.importPriceList.sourceName as string;
    };
    expect(await named('nce-prices-november.csv')).toBe('nce-prices-november.csv');
    expect(await named('C:\\Users\\sam\\..\\prices 2026.csv')).toBe('prices 2026.csv');
    // A control character is refused at the boundary, as in every one-line text.
    const { body } = await upload(lines.slice(0, 3).join('\n'));
    const refused = await client.gql(
      `mutation($u: ID!, $f: ShortText) { importPriceList(uploadId: $u, fileName: $f) { __typename } }`,
      { u: body.uploadId, f: 'prices\u0007.csv' },
      staff('staff'),
    );
    expect(refused.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/U\+0007/),
      extensions: { code: 'BAD_USER_INPUT' },
    });
    expect(await named(null)).toMatch(/^upload [0-9a-f-]{36}$/);
  });

  it('answers an unknown upload with a typed business error and its fix', async () => {
    const response = await client.gql(IMPORT, { uploadId: '00000000-0000-0000-0000-000000000000' }, staff('staff'));
    expect(response.data?.importPriceList).toMatchObject({
      __typename: 'UploadNotFound',
      code: 'UPLOAD_NOT_FOUND',
      fix: { kind: 'ACTION' },
    });
  });

  it('refuses anonymous callers and roles without the permission', async () => {
    const anonymous = await client.gql(IMPORT, { uploadId: 'x' });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const credit = await client.gql(IMPORT, { uploadId: 'x' }, staff('credit'));
    expect(credit.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await upload('x', staff('support'))).status).toBe(403);
    const response = await fetch(`${client.http.url}/uploads`, {
      method: 'POST',
      body: 'x',
      headers: { 'x-csrf-protection': '1' },
    });
    expect(response.status).toBe(401);
    const withoutHeader = await fetch(`${client.http.url}/uploads`, {
      method: 'POST',
      body: 'x',
      headers: { 'x-test-principal': JSON.stringify(staff('admin')) },
    });
    expect(withoutHeader.status).toBe(400);
  });

  it('lists imports newest first with cursor pagination', async () => {
    const query = `query($after: Cursor) { priceListImports(first: 1, after: $after) { nodes { id startedAt } pageInfo { hasNextPage endCursor } } }`;
    const first = await client.gql(query, {}, staff('staff'));
    expect(first.data?.priceListImports.nodes).toHaveLength(1);
    expect(first.data?.priceListImports.pageInfo.hasNextPage).toBe(true);
    const second = await client.gql(query, { after: first.data?.priceListImports.pageInfo.endCursor }, staff('staff'));
    expect(second.data?.priceListImports.nodes[0].id).not.toBe(first.data?.priceListImports.nodes[0].id);
  });
});

describe('health', () => {
  it('answers /healthz when the database is reachable', async () => {
    const t = await createTestApp();
    const client = await TestClient.start(t.app);
    try {
      const response = await fetch(`${client.http.url}/healthz`);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ status: 'ok', database: t.app.db.kind });
      await t.app.db.close();
      expect((await fetch(`${client.http.url}/healthz`)).status).toBe(503);
    } finally {
      await client.stop();
      await t.close();
    }
  });
});
