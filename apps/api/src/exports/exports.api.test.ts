import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditEntryEntity } from '../audit/audit-entry.entity.js';
import { SalesOrderEntity } from '../orders/entities.js';
import { systemContext } from '../platform/request-context.js';
import { buyProvisioned, demoResellerCaller, priceIdOfSku, type Caller } from '../test-support/purchases.js';
import { createTestApp, importPriceList, staff, TestClient, type TestApp } from '../test-support/test-app.js';
import { seedUsers } from '../test-support/users.js';

describe('list exports: what a list’s filters show, as CSV, streamed a page at a time', () => {
  let t: TestApp;
  let client: TestClient;
  let reseller: Caller;
  let resellerId: string;
  let resellerPrincipal: unknown;

  beforeAll(async () => {
    t = await createTestApp();
    await importPriceList(t.app);
    await seedUsers(t.app);
    client = await TestClient.start(t.app);
    ({ reseller, resellerId } = await demoResellerCaller(client));
    const me = (await reseller.gql('{ me { id email } }')).data?.me;
    resellerPrincipal = { kind: 'reseller', userId: me.id, email: me.email, resellerId };
    const price = await priceIdOfSku(reseller, 'Microsoft 365 Business Basic', 'P1M', 'MONTHLY');
    await buyProvisioned(t, reseller, resellerId, { customer: 'Export One', priceId: price, quantity: 1 });
    await buyProvisioned(t, reseller, resellerId, { customer: 'Export Two', priceId: price, quantity: 2 });
  });
  afterAll(async () => {
    await client.stop();
    await t.close();
  });

  const get = (path: string, principal?: unknown) =>
    fetch(`${client.http.url}${path}`, {
      headers: principal ? { 'x-test-principal': JSON.stringify(principal) } : {},
    });
  const csv = async (response: Response) => (await response.text()).trimEnd().split('\r\n');

  it('exports a reseller’s own orders, filtered as its list is, with the list’s columns', async () => {
    const all = await get('/exports/orders.csv', resellerPrincipal);
    expect(all.status).toBe(200);
    expect(all.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(all.headers.get('content-disposition')).toMatch(/^attachment; filename="orders-\d{4}-\d{2}-\d{2}\.csv"$/);
    const [header, ...rows] = await csv(all);
    expect(header).toBe('SO number,Placed,Status,Reseller,Customer,PO number,Payment,Total,Currency,Lines');
    const orders = await t.app.db.read.find(SalesOrderEntity, { order: { placedAt: 'DESC' } });
    expect(rows.map((r) => r.split(',')[0])).toEqual(orders.map((o) => o.soNumber));
    const filtered = await csv(
      await get(
        `/exports/orders.csv?filter=${encodeURIComponent(JSON.stringify({ search: 'Export Two' }))}`,
        resellerPrincipal,
      ),
    );
    expect(filtered).toHaveLength(2);
    expect(filtered[1]).toContain('Export Two');
  });

  it('streams every page of a long list: each entry once, in the list’s order', async () => {
    await t.app.db.transaction(systemContext(t.clock, 'test'), async (tx) => {
      for (let n = 0; n < 230; n += 1)
        await t.app.audit.record(tx, {
          operation: 'test.export',
          entityType: 'Test',
          entityId: `entry-${String(n).padStart(3, '0')}`,
          changes: { n: { before: null, after: n } },
        });
    });
    const rows = (await csv(await get('/exports/audit.csv', staff('admin')))).slice(1);
    expect(rows).toHaveLength(await t.app.db.read.count(AuditEntryEntity));
    const ids = rows.filter((r) => r.includes('test.export')).map((r) => /entry-\d{3}/.exec(r)![0]);
    expect(new Set(ids).size).toBe(230);
    const only = await csv(
      await get(
        `/exports/audit.csv?filter=${encodeURIComponent(JSON.stringify({ operation: 'test.export' }))}`,
        staff('admin'),
      ),
    );
    expect(only).toHaveLength(231);
  });

  it('refuses what the caller may not see, a list that is none, and a filter the list does not take', async () => {
    expect((await get('/exports/orders.csv')).status).toBe(401);
    expect((await get('/exports/resellers.csv', resellerPrincipal)).status).toBe(403);
    expect((await get('/exports/audit.csv', resellerPrincipal)).status).toBe(403);
    expect((await get('/exports/nothing.csv', staff('admin'))).status).toBe(404);
    const unknown = await get(`/exports/orders.csv?filter=${encodeURIComponent('{"colour":"red"}')}`, staff('admin'));
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { error: string }).error).toMatch(
      /no filter "colour"; it filters by resellerId, customerId/,
    );
    const wrongType = await get(
      `/exports/subscriptions.csv?filter=${encodeURIComponent('{"trial":"yes"}')}`,
      staff('admin'),
    );
    expect(((await wrongType.json()) as { error: string }).error).toBe('The filter "trial" is a boolean.');
    expect((await get('/exports/orders.csv?filter=%7Bnot-json', staff('admin'))).status).toBe(400);
    // Another reseller's orders: refused, not an empty file.
    const other = encodeURIComponent(JSON.stringify({ resellerId: '11111111-2222-4333-8444-555555555555' }));
    expect((await get(`/exports/orders.csv?filter=${other}`, resellerPrincipal)).status).toBe(403);
  });

  it('exports subscriptions, invoices, resellers and customers with their headers', async () => {
    const heads = await Promise.all(
      ['subscriptions', 'invoices', 'resellers', 'customers'].map(async (list) => {
        const response = await get(`/exports/${list}.csv`, staff('admin'));
        expect(response.status).toBe(200);
        return (await csv(response))[0];
      }),
    );
    expect(heads).toEqual([
      'Subscription,Reseller,Customer,Product,SKU,Term,Billing,Seats,Unit price,Currency,Status,Auto-renew,Trial,Term start,Term end',
      'Invoice,Kind,Corrects,Month,Reseller,Charges,Subtotal,Tax,Total,Paid by card,Due on terms,Due date,Currency',
      'Company,Marketplace ID,Status,Payment,MPN location ID,Reseller domain,Contact,Contact email,Country,Created',
      'Company,Segment,Admin contact,Admin email,Country,Created',
    ]);
    const subscriptions = (await csv(await get('/exports/subscriptions.csv', resellerPrincipal))).slice(1);
    expect(subscriptions).toHaveLength(2);
  });

  it('exports in the order the list shows (sort and direction), and refuses a direction that is none', async () => {
    const names = async (query: string) =>
      (await csv(await get(`/exports/customers.csv${query}`, staff('admin'))))
        .slice(1)
        .map((line) => line.split(',')[0]);
    const ascending = await names('?sort=NAME&direction=ASC');
    expect(ascending.length).toBeGreaterThan(1);
    expect(ascending).toEqual([...ascending].sort((a, b) => a!.localeCompare(b!)));
    expect(await names('?sort=NAME&direction=DESC')).toEqual([...ascending].reverse());
    expect(await names('?sort=NAME')).toEqual(ascending);
    expect((await get('/exports/customers.csv?direction=SIDEWAYS', staff('admin'))).status).toBe(400);
  });
});
