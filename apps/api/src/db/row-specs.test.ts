import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LINE_ROW, ORDER_ROW } from '../orders/orders.repository.js';
import { createTestApp, type TestApp } from '../test-support/test-app.js';
import { readPacked, rowSpec, type RowSpec } from './sql.js';
import { SalesOrderEntity } from '../orders/entities.js';

/** Every hand-read row spec of the product. */
const SPECS: Record<string, RowSpec<never>> = {
  ORDER_ROW: ORDER_ROW as RowSpec<never>,
  LINE_ROW: LINE_ROW as RowSpec<never>,
};

const NUMERIC = new Set(['integer', 'int', 'bigint', 'numeric', 'real', 'double precision']);

describe('rows read by hand match the entities they stand for', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t?.close());

  for (const [name, spec] of Object.entries(SPECS)) {
    it(`${name}: each column exists, lands in the entity's property of that column, and is read as its type`, () => {
      const metadata = t.app.db.read.connection.getMetadata(spec.entity);
      for (const [column, property, kind] of spec.columns) {
        const found = metadata.findColumnWithDatabaseName(column);
        expect(found?.propertyName, `${name}: ${column}`).toBe(property);
        if (kind === 'number')
          expect(NUMERIC.has(String(found?.type)), `${name}: ${column} is ${String(found?.type)}`).toBe(true);
        if (kind === 'optionalText') expect(found?.isNullable, `${name}: ${column} is nullable`).toBe(true);
      }
    });
  }

  it('fails on a spec whose column went to another property (the check is not vacuous)', () => {
    const wrong = rowSpec<SalesOrderEntity>(SalesOrderEntity, [['po_number', 'soNumber', 'text']]);
    expect(
      t.app.db.read.connection.getMetadata(wrong.entity).findColumnWithDatabaseName('po_number')?.propertyName,
    ).not.toBe('soNumber');
  });

  it('reads values by the spec: text, numbers, and null for a missing optional text', () => {
    const spec = rowSpec<{ a: string; b: number; c: string | null }>(SalesOrderEntity, [
      ['x', 'a', 'text'],
      ['y', 'b', 'number'],
      ['z', 'c', 'optionalText'],
    ]);
    expect(readPacked(spec, ['skip', 7, '12', null], 1, { extra: true })).toEqual({
      extra: true,
      a: '7',
      b: 12,
      c: null,
    });
  });
});
