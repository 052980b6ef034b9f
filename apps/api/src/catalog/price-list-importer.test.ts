import { systemContext } from '../platform/request-context.js';
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { portable } from '../db/sql.js';
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
    expect(await counts(t)).toEqual({ products: 5, skus: 17, prices: fixtureLines.length - 1, staged: 0 });
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

  const stageOneRow = (importId: string) =>
    t.app.db.transaction((m) =>
      m.query(
        portable(
          t.app.db.kind,
          `INSERT INTO catalog_import_row (import_id, line, product_id, product_title, publisher, sku_id, sku_title, sku_description, unit_of_measure,
          product_search, sku_search, segment, market, currency, term, billing_plan, tier_min, tier_max, effective_start, effective_end,
          unit_price_minor, erp_price_minor, change_indicator, tags)
         VALUES (?, 2, 'P1', 'T', 'M', '0001', 'S', '', 'Licenses', 't', 's', 'COMMERCIAL', 'US', 'USD', 'P1Y', 'MONTHLY', 0, NULL, '2026-01-01', NULL, 100, 120, 'Unchanged', '')`,
        ),
        [importId],
      ),
    );
  const system = () => systemContext(t.clock, 'test');
  const queueUpload = async (text: string) => {
    const { uploadId } = await t.app.uploads.save(Readable.from([text]), 10_000_000);
    const started = await t.app.priceLists.startFromUpload(system(), uploadId, 'prices.csv');
    if (!started.ok) throw new Error(started.failure.message);
    return { uploadId, importId: started.value.id };
  };
  const importStatus = async (id: string) => t.app.priceLists.get(system(), id);

  it('runs an import again from its first row once the process running it died, and applies the file once', async () => {
    const { importId } = await queueUpload(fixture);
    // A worker took the job, staged a row and died: its lease holds for a while.
    await stageOneRow(importId);
    const leaseUntil = new Date(t.clock.now().getTime() + t.app.config.jobLeaseMs).toISOString();
    await t.app.db.read.query(
      portable(
        t.app.db.kind,
        "UPDATE job SET status = 'RUNNING', attempts = 1, locked_by = 'dead-worker', locked_until = ? WHERE job_key LIKE ?",
      ),
      [leaseUntil, `%${importId}`],
    );
    expect(await t.app.jobs.runDue()).toBe(0);
    expect(await importStatus(importId)).toMatchObject({ status: 'RUNNING' });
    // Its lease runs out: the next worker runs the import from the start.
    t.clock.advance(t.app.config.jobLeaseMs + 1_000);
    expect(await t.app.jobs.runDue()).toBe(1);
    expect(await importStatus(importId)).toMatchObject({ status: 'SUCCEEDED', rowsRead: 459, rowsInserted: 459 });
    expect(await counts(t)).toMatchObject({ prices: 459, staged: 0 });
    expect((await t.app.uploads.usage()).files).toBe(0);
  });

  it('fails an import that keeps failing for a reason not in its file, once its attempts are spent, applying nothing', async () => {
    const { uploadId, importId } = await queueUpload(fixture);
    await t.app.uploads.removeTaken(uploadId);
    for (let attempt = 0; attempt < 3; attempt += 1) {
      expect(await t.app.jobs.runDue()).toBe(1);
      if (attempt < 2) expect(await importStatus(importId)).toMatchObject({ status: 'RUNNING' });
      t.clock.advance(10 * 60_000);
    }
    expect(await importStatus(importId)).toMatchObject({
      status: 'FAILED',
      errorMessage: expect.stringMatching(/^the import stopped \(.*ENOENT.*\); nothing of it was applied/),
    });
    expect(await counts(t)).toMatchObject({ prices: 0, staged: 0 });
    expect(await t.app.jobs.runDue()).toBe(0);
  });

  it('fails a bad file at once, with its line, without running it again', async () => {
    const { importId } = await queueUpload(fixtureLines.slice(0, 1).join('\n') + '\n');
    expect(await t.app.jobs.runDue()).toBe(1);
    expect(await importStatus(importId)).toMatchObject({
      status: 'FAILED',
      errorMessage: expect.stringMatching(/no price rows/),
    });
    t.clock.advance(10 * 60_000);
    expect(await t.app.jobs.runDue()).toBe(0);
  });
});
