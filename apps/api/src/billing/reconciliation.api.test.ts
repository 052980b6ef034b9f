import { randomUUID } from 'node:crypto';
import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertRows, portable } from '../db/sql.js';
import { SubscriptionChargeEntity, SubscriptionEntity } from '../subscriptions/entities.js';
import { buyProvisioned, demoResellerCaller, priceIdFor, type Caller } from '../test-support/purchases.js';
import { createTestApp, importPriceList, TestClient, type TestApp } from '../test-support/test-app.js';
import { demo, seedUsers } from '../test-support/users.js';
import type { MismatchKind } from '@nce/domain';
import { systemContext } from '../platform/request-context.js';
import { monthRange, RECONCILIATION_COLUMNS, type MatchReport } from './reconciliation.service.js';

describe('billing: the month’s reconciliation file (S18, S19)', () => {
  let t: TestApp;
  let client: TestClient;
  let reseller: Caller;
  let resellerId: string;
  const cookies: Record<string, string> = {};
  let month: string;

  beforeAll(async () => {
    t = await createTestApp();
    await importPriceList(t.app);
    await seedUsers(t.app);
    client = await TestClient.start(t.app);
    ({ reseller, resellerId } = await demoResellerCaller(client));
    cookies.reseller = client.sessionCookie!;
    for (const role of ['staff', 'credit', 'support'] as const) {
      const browser = client.fork();
      await browser.signIn(demo(role).email, demo(role).password);
      cookies[role] = browser.sessionCookie!;
    }
    const monthly = await priceIdFor(reseller, 'P1M', 'MONTHLY');
    const annual = await priceIdFor(reseller, 'P1Y', 'MONTHLY');
    const first = await buyProvisioned(t, reseller, resellerId, { customer: 'Litware', priceId: monthly, quantity: 5 });
    await buyProvisioned(t, reseller, resellerId, { customer: 'Proseware', priceId: annual, quantity: 3 });
    // Two seats removed inside the window: a negative charge, whose minus must stay a number.
    const litware = await t.app.db.read.findOneByOrFail(SubscriptionEntity, { orderId: first.orderId });
    const removed = await reseller.gql(
      `mutation($id: ID!) { removeSubscriptionSeats(id: $id, quantity: 2, input: { idempotencyKey: "recon-remove-0001" }) { __typename } }`,
      { id: litware.id },
    );
    expect(removed.data?.removeSubscriptionSeats.__typename).toBe('SubscriptionChanged');
    // A reseller named to attack whoever opens the file in a spreadsheet.
    await t.app.db.read.query(portable(t.app.db.kind, 'UPDATE reseller SET company_name = ? WHERE id = ?'), [
      '=HYPERLINK("http://evil.example","Contoso, \\"Ltd\\"")',
      resellerId,
    ]);
    month = t.clock.now().toISOString().slice(0, 7);
  });
  afterAll(async () => {
    await client.stop();
    await t.close();
  });

  const download = (path: string, role?: string) =>
    fetch(`${client.http.url}${path}`, { headers: role ? { cookie: cookies[role]! } : {} });

  it('lists every charge of the month once, in time order, as spreadsheet-safe CSV and as JSON lines', async () => {
    const charges = await t.app.db.read.find(SubscriptionChargeEntity, { order: { at: 'ASC', id: 'ASC' } });
    expect(charges.map((c) => c.chargeType).sort()).toEqual(['new', 'new', 'removeQuantity']);

    const csv = await download(`/billing/reconciliation/${month}.csv`, 'staff');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.headers.get('content-disposition')).toBe(`attachment; filename="reconciliation-${month}.csv"`);
    expect(csv.headers.get('cache-control')).toBe('private, no-store');
    const [header, ...rows] = parseCsv(await csv.text()) as string[][];
    expect(header).toEqual([...RECONCILIATION_COLUMNS]);
    expect(rows.map((r) => r[header!.indexOf('ChargeId')])).toEqual(charges.map((c) => c.id));
    const cell = (row: string[], column: (typeof RECONCILIATION_COLUMNS)[number]) => row[header!.indexOf(column)]!;
    for (const [i, row] of rows.entries()) {
      const charge = charges[i]!;
      expect(Number(cell(row, 'Total'))).toBe(charge.amountMinor / 100);
      expect(Number(cell(row, 'BillableQuantity'))).toBe(charge.quantity);
      expect(cell(row, 'ChargeType')).toBe(charge.chargeType);
      expect(cell(row, 'OrderId')).toMatch(/^SO-/);
      expect(cell(row, 'CustomerTenantId')).toMatch(/^[0-9a-f-]{36}$/);
      // The formula is text: one apostrophe ahead, the rest as the reseller typed it.
      expect(cell(row, 'Reseller')).toBe('\'=HYPERLINK("http://evil.example","Contoso, \\"Ltd\\"")');
    }
    const refund = rows.find((r) => cell(r, 'ChargeType') === 'removeQuantity')!;
    expect(Number(cell(refund, 'Total'))).toBeLessThan(0);
    expect(cell(refund, 'Total')).toMatch(/^-\d/);

    const jsonl = await download(`/billing/reconciliation/${month}.jsonl`, 'credit');
    expect(jsonl.status).toBe(200);
    const lines = (await jsonl.text())
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.ChargeId)).toEqual(charges.map((c) => c.id));
    expect(lines.reduce((sum, l) => sum + Math.round(l.Total * 100), 0)).toBe(
      charges.reduce((sum, c) => sum + c.amountMinor, 0),
    );
  });

  // Microsoft's file as a plain CSV writer makes it (ours is spreadsheet-safe: a refund's total is a number there).
  const csvLine = (cells: string[]) =>
    `${cells.map((c) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')}\r\n`;
  const upload = (path: string, body: string, role?: string, csrf = true) =>
    fetch(`${client.http.url}${path}`, {
      method: 'POST',
      body,
      headers: {
        'content-type': 'text/csv',
        ...(csrf ? { 'x-csrf-protection': '1' } : {}),
        ...(role ? { cookie: cookies[role]! } : {}),
      },
    });

  it('matches Microsoft’s file against the month: every planted difference named, the rest paired', async () => {
    const [header, ...rows] = parseCsv(
      await (await download(`/billing/reconciliation/${month}.csv`, 'staff')).text(),
    ) as string[][];
    const col = (name: string) => header!.indexOf(name);
    const bought = rows.filter((r) => r[col('ChargeType')] === 'new');
    const refund = rows.find((r) => r[col('ChargeType')] === 'removeQuantity')!;
    // Microsoft bills one more seat on the first purchase, has no line for the refund, and one for a subscription
    // we never sold.
    const moreSeats = bought[0]!.map((cell, i) => (i === col('BillableQuantity') ? String(Number(cell) + 1) : cell));
    const stranger = bought[1]!.map((cell, i) =>
      i === col('SubscriptionId') ? 'a0a0a0a0-0000-4000-8000-000000000001' : cell,
    );
    const file = [header!, moreSeats, bought[1]!, stranger].map(csvLine).join('');
    expect(rows).toHaveLength(3);
    expect(refund).toBeDefined();

    const matched = await upload(`/billing/reconciliation/${month}/microsoft`, file, 'credit');
    expect(matched.status).toBe(200);
    const report = (await matched.json()) as MatchReport;
    expect(report).toMatchObject({ ourCharges: 3, microsoftLines: 3, matched: 1 });
    expect(report.counts).toEqual({
      MISSING_AT_MICROSOFT: 1,
      MISSING_HERE: 1,
      QUANTITY: 1,
      UNIT_PRICE: 0,
      TOTAL: 0,
      CURRENCY: 0,
    });
    const byKind = new Map(report.mismatches.map((m) => [m.kind, m]));
    expect(byKind.get('QUANTITY')).toMatchObject({
      ours: { ref: bought[0]![col('ChargeId')], quantity: Number(bought[0]![col('BillableQuantity')]) },
      microsoft: { ref: 'line 2', quantity: Number(bought[0]![col('BillableQuantity')]) + 1 },
    });
    expect(byKind.get('MISSING_AT_MICROSOFT')).toMatchObject({
      ours: { ref: refund[col('ChargeId')], totalMinor: Math.round(Number(refund[col('Total')]) * 100) },
      microsoft: null,
    });
    expect(byKind.get('MISSING_HERE')).toMatchObject({
      ours: null,
      microsoft: { ref: 'line 4', subscriptionId: 'a0a0a0a0-0000-4000-8000-000000000001' },
    });

    // Our own file, unchanged, matches line for line.
    const same = [header!, ...rows].map(csvLine).join('');
    const clean = (await (
      await upload(`/billing/reconciliation/${month}/microsoft`, same, 'staff')
    ).json()) as MatchReport;
    expect(clean.mismatches).toEqual([]);
    expect(clean.matched).toBe(3);
  });

  it('refuses a file it cannot read at its line and column, and anyone but finance', async () => {
    const path = `/billing/reconciliation/${month}/microsoft`;
    const noQuantity = await upload(path, 'SubscriptionId,ChargeType\r\nx,new\r\n', 'staff');
    expect(noQuantity.status).toBe(422);
    expect(((await noQuantity.json()) as { error: string }).error).toMatch(
      /^Line 1: The header lacks ChargeStartDate, ChargeEndDate, BillableQuantity, UnitPrice, Total, Currency/,
    );
    const columns =
      'SubscriptionId,ChargeType,ChargeStartDate,ChargeEndDate,BillableQuantity,UnitPrice,Total,Currency\r\n';
    const badTotal = await upload(
      path,
      `${columns}s1,new,2026-11-01,2026-12-01,2,10.00,20.00,USD\r\ns1,new,2026-11-01,2026-12-01,2,10.00,twenty,USD\r\n`,
      'staff',
    );
    expect(badTotal.status).toBe(422);
    expect(await badTotal.json()).toMatchObject({
      line: 3,
      column: 'Total',
      error: 'Line 3, Total: “twenty” is not an amount in USD.',
    });
    const badDate = await upload(path, `${columns}s1,new,01/11/2026,2026-12-01,2,10.00,20.00,USD\r\n`, 'staff');
    expect(await badDate.json()).toMatchObject({ line: 2, column: 'ChargeStartDate' });
    expect((await upload(path, columns, 'staff')).status).toBe(422);
    expect((await upload(path, columns, 'reseller')).status).toBe(403);
    expect((await upload(path, columns, 'support')).status).toBe(403);
    expect((await upload(path, columns)).status).toBe(401);
    expect((await upload(path, columns, 'staff', false)).status).toBe(400);
    expect((await upload('/billing/reconciliation/2026-13/microsoft', columns, 'staff')).status).toBe(400);
  });

  it('pages through a month of thousands of charges, leaving out the months either side', async () => {
    const template = await t.app.db.read.findOneByOrFail(SubscriptionChargeEntity, { chargeType: 'new' });
    const [year, m] = month.split('-').map(Number) as [number, number];
    const at = (day: number, i: number) =>
      new Date(Date.UTC(year, m - 1, day, 0, 0, 0, i % 1000) + Math.floor(i / 1000) * 1000).toISOString();
    const row = (when: string) => ({
      id: randomUUID(),
      subscription_id: template.subscriptionId,
      reseller_id: template.resellerId,
      charge_type: 'cycleCharge',
      quantity: 1,
      unit_price_minor: 100,
      amount_minor: 100,
      currency: 'USD',
      charge_start: when,
      charge_end: when,
      at: when,
      payment_method: 'CREDIT_CARD',
      reference: 'bench',
    });
    const inMonth = Array.from({ length: 2_345 }, (_, i) => row(at(1, i)));
    // The last instant of the month before and the first of the month after.
    const outside = [
      row(new Date(Date.UTC(year, m - 1, 1) - 1).toISOString()),
      row(new Date(Date.UTC(year, m, 1)).toISOString()),
    ];
    await t.app.db.transaction(async (tx) => {
      for (let i = 0; i < inMonth.length; i += 200)
        await insertRows(tx, 'subscription_charge', inMonth.slice(i, i + 200));
      await insertRows(tx, 'subscription_charge', outside);
    });
    const lines = (await (await download(`/billing/reconciliation/${month}.jsonl`, 'staff')).text())
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { ChargeId: string; ChargedAt: string });
    expect(lines).toHaveLength(3 + inMonth.length);
    expect(new Set(lines.map((l) => l.ChargeId)).size).toBe(lines.length);
    expect(lines.map((l) => l.ChargedAt)).toEqual([...lines.map((l) => l.ChargedAt)].sort());
    for (const o of outside) expect(lines.map((l) => l.ChargeId)).not.toContain(o.id);
  });

  it('writes a sample of Microsoft’s file with planted differences that the match finds, each where planted', async () => {
    const planted: MismatchKind[] = [];
    let file = '';
    for await (const chunk of t.app.reconciliation.microsoftSample(
      systemContext(t.clock, 'test'),
      monthRange(month)!,
      6,
      planted,
    ))
      file += chunk;
    expect(planted).toEqual([
      'QUANTITY',
      'MISSING_AT_MICROSOFT',
      'UNIT_PRICE',
      'MISSING_HERE',
      'QUANTITY',
      'MISSING_AT_MICROSOFT',
    ]);
    const report = (await (
      await upload(`/billing/reconciliation/${month}/microsoft`, file, 'staff')
    ).json()) as MatchReport;
    expect(report.counts).toEqual({
      MISSING_AT_MICROSOFT: 2,
      MISSING_HERE: 1,
      QUANTITY: 2,
      UNIT_PRICE: 1,
      TOTAL: 0,
      CURRENCY: 0,
    });
    expect(report.matched).toBe(report.ourCharges - 5);
    expect(report.microsoftLines).toBe(report.ourCharges - 2 + 1);
    // Nothing planted: the month's own file, every line paired.
    let clean = '';
    for await (const chunk of t.app.reconciliation.microsoftSample(
      systemContext(t.clock, 'test'),
      monthRange(month)!,
      0,
    ))
      clean += chunk;
    const matched = (await (
      await upload(`/billing/reconciliation/${month}/microsoft`, clean, 'staff')
    ).json()) as MatchReport;
    expect(matched.mismatches).toEqual([]);
    expect(matched.matched).toBe(matched.ourCharges);
  });

  it('is finance’s: resellers and support are refused, strangers asked to sign in, a bad month or format named', async () => {
    expect((await download(`/billing/reconciliation/${month}.csv`, 'reseller')).status).toBe(403);
    expect((await download(`/billing/reconciliation/${month}.csv`, 'support')).status).toBe(403);
    expect((await download(`/billing/reconciliation/${month}.csv`)).status).toBe(401);
    const bad = await download('/billing/reconciliation/2026-13.csv', 'staff');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: 'Name the month as YYYY-MM, e.g. 2026-11.' });
    expect((await download(`/billing/reconciliation/${month}.xlsx`, 'staff')).status).toBe(404);
  });
});
