import { systemContext } from '../platform/request-context.js';
import { readFileSync } from 'node:fs';
import { PassThrough, Readable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { portable } from '../db/sql.js';
import { IMPORT_ABANDONED_AFTER_MS } from './price-list-importer.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, FIXTURE_PRICE_LIST, importPriceList, type TestApp } from '../test-support/test-app.js';

const fixture = readFileSync(FIXTURE_PRICE_LIST, 'utf8');
const fixtureLines = fixture.trimEnd().split('\n');
const fromText = (text: string) => Readable.from([text]);
const cellsOf = (line: string): string[] => parse(line)[0];
const lineOf = (cells: string[]) => cells.map((c) => (/[",]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',');

async function counts(t: TestApp) {
  const [row] = await t.app.db.read.query(
    `SELECT (SELECT COUNT(*) FROM catalog_product) AS products, (SELECT COUNT(*) FROM catalog_sku) AS skus,
            (SELECT COUNT(*) FROM catalog_price) AS prices, (SELECT COUNT(*) FROM catalog_import_row) AS staged`,
  );
  return {
    products: Number(row.products),
    skus: Number(row.skus),
    prices: Number(row.prices),
    staged: Number(row.staged),
  };
}

describe('price-list importer', () => {
  let t: TestApp;
  beforeEach(async () => (t = await createTestApp()));
  afterEach(() => t.close());

  it('imports every row of the fixture into products, SKUs and prices', async () => {
    const result = await importPriceList(t.app);
    expect(result).toMatchObject({
      ok: true,
      rowsRead: fixtureLines.length - 1,
      rowsInserted: fixtureLines.length - 1,
      rowsUpdated: 0,
    });
    expect(await counts(t)).toEqual({ products: 5, skus: 16, prices: fixtureLines.length - 1, staged: 0 });
    const [perpetual] = await t.app.db.read.query(
      `SELECT kind FROM catalog_product WHERE title = 'Office Home & Business 2024'`,
    );
    expect(perpetual.kind).toBe('PERPETUAL');
    const record = await t.app.priceLists.get(systemContext(t.app.clock, 'test'), result.importId);
    expect(record).toMatchObject({ status: 'SUCCEEDED', rowsRead: fixtureLines.length - 1 });
  });

  it('is idempotent: the same file again adds nothing and reports every row unchanged', async () => {
    await importPriceList(t.app);
    const before = await counts(t);
    const again = await importPriceList(t.app, fromText(fixture));
    expect(again).toMatchObject({ ok: true, rowsInserted: 0, rowsUpdated: 0, rowsUnchanged: fixtureLines.length - 1 });
    expect(await counts(t)).toEqual(before);
  });

  it('updates a changed price in place', async () => {
    await importPriceList(t.app);
    const cells = cellsOf(fixtureLines[1]!);
    const unitPrice = 12;
    cells[unitPrice] = '99.99';
    const changed = [fixtureLines[0], lineOf(cells), ...fixtureLines.slice(2)].join('\n');
    const result = await importPriceList(t.app, fromText(changed));
    expect(result).toMatchObject({ ok: true, rowsInserted: 0, rowsUpdated: 1 });
    const [row] = await t.app.db.read.query(
      portable(
        t.app.db.kind,
        `SELECT pr.unit_price_minor AS price FROM catalog_price pr JOIN catalog_sku s ON s.id = pr.sku_ref
       WHERE s.product_id = ? AND s.sku_id = ? AND pr.segment = 'COMMERCIAL' AND pr.market = ? AND pr.term = ? AND pr.billing_plan = 'MONTHLY'`,
      ),
      [cells[2], cells[3], cells[10], cells[8]],
    );
    expect(Number(row.price)).toBe(9999);
  });

  it('rejects a malformed row with its line and column and writes nothing of the file', async () => {
    await importPriceList(t.app);
    const before = await counts(t);
    const cells = cellsOf(fixtureLines[300]!);
    cells[12] = '12;5';
    // A new product on line 2 that would be written if the importer wrote as it read.
    const newProduct = fixtureLines[1]!.replace('CFQ7TTC00001', 'NEWPRODUCT01');
    const bad = [
      fixtureLines[0],
      newProduct,
      ...fixtureLines.slice(2, 300),
      lineOf(cells),
      ...fixtureLines.slice(301),
    ].join('\n');
    const result = await importPriceList(t.app, fromText(bad));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fault).toMatchObject({ line: 301, column: 'UnitPrice' });
    expect(await counts(t)).toEqual(before);
    expect(await t.app.priceLists.get(systemContext(t.app.clock, 'test'), result.importId)).toMatchObject({
      status: 'FAILED',
      errorLine: 301,
      errorColumn: 'UnitPrice',
    });
  });

  it('rejects a file whose header lacks a column, at line 1', async () => {
    const header = fixtureLines[0]!.replace(',Segment', '');
    const result = await importPriceList(t.app, fromText([header, ...fixtureLines.slice(1)].join('\n')));
    expect(result).toMatchObject({ ok: false, fault: { line: 1, column: 'Segment' } });
    expect((await counts(t)).prices).toBe(0);
  });

  it('rejects a row with the wrong number of cells, naming the line', async () => {
    const result = await importPriceList(
      t.app,
      fromText([fixtureLines[0], fixtureLines[1], 'a,b,c', fixtureLines[2]].join('\n')),
    );
    expect(result).toMatchObject({ ok: false, fault: { line: 3 } });
    expect((await counts(t)).prices).toBe(0);
  });

  it('names the line and column of every CSV syntax error: a stray quote, an unclosed quote, a bad closing quote', async () => {
    const cells = cellsOf(fixtureLines[1]!);
    const titleAt = cells.findIndex((c) => c.length > 0 && /[A-Za-z]/.test(c));
    const header = cellsOf(fixtureLines[0]!);
    const withCell = (raw: string) =>
      [
        ...cells.slice(0, titleAt).map((c) => lineOf([c])),
        raw,
        ...cells.slice(titleAt + 1).map((c) => lineOf([c])),
      ].join(',');
    const cases = [
      { raw: 'Microsoft 365 E3 "Promo"', expected: /quote/i },
      { raw: '"Microsoft 365 E3"x', expected: /closing quote/i },
    ];
    for (const { raw, expected } of cases) {
      const result = await importPriceList(
        t.app,
        fromText([fixtureLines[0], fixtureLines[1], withCell(raw), fixtureLines[2]].join('\n')),
      );
      expect(result, `${raw} ${JSON.stringify(result)}`).toMatchObject({
        ok: false,
        fault: { line: 3, column: header[titleAt], message: expect.stringMatching(expected) },
      });
      expect(result.ok ? '' : result.fault.message).not.toMatch(/internal error/);
    }
    const unclosed = await importPriceList(
      t.app,
      fromText([fixtureLines[0], fixtureLines[1], withCell('"Microsoft 365 E3')].join('\n')),
    );
    expect(unclosed).toMatchObject({ ok: false, fault: { line: 3, message: expect.stringMatching(/quote/i) } });
    expect((await counts(t)).prices).toBe(0);
  });

  it('rejects a binary file, or one that is not UTF-8, saying so, with the line', async () => {
    const png = Buffer.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0xff, 0xfe,
    ]);
    expect(await importPriceList(t.app, Readable.from([png]))).toMatchObject({
      ok: false,
      fault: { line: 1, message: expect.stringMatching(/binary data|not UTF-8/) },
    });
    const latin1 = Buffer.from(
      [fixtureLines[0], fixtureLines[1]!.replace(/Microsoft/, 'Micr\u00f6soft')].join('\n'),
      'latin1',
    );
    expect(await importPriceList(t.app, Readable.from([latin1]))).toMatchObject({
      ok: false,
      fault: { line: 2, message: expect.stringMatching(/not UTF-8/) },
    });
    expect((await counts(t)).prices).toBe(0);
  });

  it('rejects two rows that price the same thing differently, naming both lines', async () => {
    const result = await importPriceList(
      t.app,
      fromText([fixtureLines[0], fixtureLines[1], fixtureLines[2], fixtureLines[1]].join('\n')),
    );
    expect(result).toMatchObject({ ok: false, fault: { line: 4, message: expect.stringMatching(/line 2/) } });
    expect(await counts(t)).toMatchObject({ prices: 0, staged: 0 });
  });

  it('rejects a file with a header and no rows', async () => {
    const result = await importPriceList(t.app, fromText(`${fixtureLines[0]}\n`));
    expect(result).toMatchObject({ ok: false, fault: { message: expect.stringMatching(/no price rows/) } });
  });

  it('marks an import interrupted by a stop as failed and drops its staged rows', async () => {
    const id = await t.app.priceLists.begin('interrupted.csv');
    await t.app.db.transaction((m) =>
      m.query(
        portable(
          t.app.db.kind,
          `INSERT INTO catalog_import_row (import_id, line, product_id, product_title, publisher, sku_id, sku_title, sku_description, unit_of_measure,
          product_search, sku_search, segment, market, currency, term, billing_plan, tier_min, tier_max, effective_start, effective_end,
          unit_price_minor, erp_price_minor, change_indicator, tags)
         VALUES (?, 2, 'P1', 'T', 'M', '0001', 'S', '', 'Licenses', 't', 's', 'COMMERCIAL', 'US', 'USD', 'P1Y', 'MONTHLY', 0, NULL, '2026-01-01', NULL, 100, 120, 'Unchanged', '')`,
        ),
        [id],
      ),
    );
    // Its heartbeat is fresh: a live process (another replica, say) may be running it.
    expect(await t.app.priceLists.abandonInterrupted()).toBe(0);
    t.clock.advance(IMPORT_ABANDONED_AFTER_MS - 1_000);
    expect(await t.app.priceLists.abandonInterrupted()).toBe(0);
    expect(await t.app.priceLists.get(systemContext(t.app.clock, 'test'), id)).toMatchObject({ status: 'RUNNING' });
    // No heartbeat for longer than that: its process died.
    t.clock.advance(2_000);
    expect(await t.app.priceLists.abandonInterrupted()).toBe(1);
    expect(await t.app.priceLists.get(systemContext(t.app.clock, 'test'), id)).toMatchObject({
      status: 'FAILED',
      errorMessage: expect.stringMatching(/interrupted/),
    });
    expect((await counts(t)).staged).toBe(0);
  });

  it('keeps the heartbeat of a running import fresh, so another replica starting meanwhile leaves it alone', async () => {
    t.app.priceLists.heartbeatMs = 100;
    const id = await t.app.priceLists.begin('slow.csv');
    const input = new PassThrough();
    const running = t.app.priceLists.run(id, input);
    input.write(readFileSync(FIXTURE_PRICE_LIST, 'utf8').split('\n').slice(0, 2).join('\n') + '\n');
    t.clock.advance(IMPORT_ABANDONED_AFTER_MS + 1_000);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(await t.app.priceLists.abandonInterrupted()).toBe(0);
    input.end();
    expect((await running).ok).toBe(true);
  });
});
