import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRICE_ROW, SKU_ROW } from '../catalog/catalog.repository.js';
import { CUSTOMERS } from '../customers/published.js';
import { CART_LINE_ROW, CART_ROW, OFFER_ROW } from '../orders/cart.repository.js';
import { PROVISIONED_LINE_ROW, PROVISIONED_ORDER_ROW, TENANT_CHOICE_ROW } from '../orders/provisioning.repository.js';
import { TENANT_ROW } from '../partner-center/simulator.repository.js';
import { CUSTOMER_FACTS, RESELLER_FACTS, TENANT_FACTS } from '../orders/purchase.repository.js';
import { PRINCIPAL_ROW, SESSION_ROW } from '../identity/sessions.repository.js';
import { CUSTOMER_NAME, LINE_ROW, ORDER_ROW, RESELLER_NAME } from '../orders/orders.repository.js';
import {
  LISTED_SUBSCRIPTION_ROW,
  SUBSCRIPTION_CUSTOMER_NAME,
  SUBSCRIPTION_RESELLER_NAME,
} from '../subscriptions/subscriptions.repository.js';
import { createTestApp, type TestApp } from '../test-support/test-app.js';
import { aliasedSelectOf, PublishedRelation, readNamed, readPacked, rowSpec, type RowSpec } from './sql.js';
import { SalesOrderEntity } from '../orders/entities.js';

/** Every hand-read row spec of the product. */
const SPECS: Record<string, RowSpec<never>> = {
  ORDER_ROW: ORDER_ROW as RowSpec<never>,
  LINE_ROW: LINE_ROW as RowSpec<never>,
  RESELLER_NAME: RESELLER_NAME as RowSpec<never>,
  CUSTOMER_NAME: CUSTOMER_NAME as RowSpec<never>,
  PRICE_ROW: PRICE_ROW as RowSpec<never>,
  SKU_ROW: SKU_ROW as RowSpec<never>,
  SESSION_ROW: SESSION_ROW as RowSpec<never>,
  PRINCIPAL_ROW: PRINCIPAL_ROW as RowSpec<never>,
  CART_ROW: CART_ROW as RowSpec<never>,
  CART_LINE_ROW: CART_LINE_ROW as RowSpec<never>,
  OFFER_ROW: OFFER_ROW as RowSpec<never>,
  PROVISIONED_ORDER_ROW: PROVISIONED_ORDER_ROW as RowSpec<never>,
  TENANT_CHOICE_ROW: TENANT_CHOICE_ROW as RowSpec<never>,
  PROVISIONED_LINE_ROW: PROVISIONED_LINE_ROW as RowSpec<never>,
  TENANT_ROW: TENANT_ROW as RowSpec<never>,
  RESELLER_FACTS: RESELLER_FACTS as RowSpec<never>,
  CUSTOMER_FACTS: CUSTOMER_FACTS as RowSpec<never>,
  TENANT_FACTS: TENANT_FACTS as RowSpec<never>,
  LISTED_SUBSCRIPTION_ROW: LISTED_SUBSCRIPTION_ROW as RowSpec<never>,
  SUBSCRIPTION_RESELLER_NAME: SUBSCRIPTION_RESELLER_NAME as RowSpec<never>,
  SUBSCRIPTION_CUSTOMER_NAME: SUBSCRIPTION_CUSTOMER_NAME as RowSpec<never>,
};

// A generated key's type is a constructor (Number); declared columns name their SQL type.
const NUMERIC = new Set(['integer', 'int', 'int4', 'int8', 'bigint', 'numeric', 'real', 'double precision', 'number']);
const BOOLEAN = new Set(['boolean', 'bool']);

describe('rows read by hand match the entities they stand for', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t?.close());

  for (const [name, spec] of Object.entries(SPECS)) {
    it(`${name}: each column exists, lands in the property of that column, and is read as its type`, () => {
      const source = spec.source;
      if (source instanceof PublishedRelation) {
        // A relation of another context: its columns are what the owner publishes.
        for (const [column] of spec.columns)
          expect(Object.keys(source.columns), `${name}: ${column}`).toContain(column);
        return;
      }
      const metadata = t.app.db.read.connection.getMetadata(source);
      for (const [column, property, kind] of spec.columns) {
        const found = metadata.findColumnWithDatabaseName(column);
        expect(found?.propertyName, `${name}: ${column}`).toBe(property);
        const type = typeof found?.type === 'function' ? found.type.name.toLowerCase() : String(found?.type);
        if (kind === 'number' || kind === 'optionalNumber')
          expect(NUMERIC.has(type), `${name}: ${column} is ${type}`).toBe(true);
        if (kind === 'flag') expect(BOOLEAN.has(type), `${name}: ${column} is ${type}`).toBe(true);
        if (kind === 'optionalText' || kind === 'optionalNumber')
          expect(found?.isNullable, `${name}: ${column} is nullable`).toBe(true);
        if (kind === 'text' || kind === 'number')
          expect(found?.isNullable, `${name}: ${column} is required`).toBe(false);
      }
    });
  }

  it('fails on a relation spec that names a column the owner does not publish', () => {
    const wrong = rowSpec<{ secret: string }>(CUSTOMERS, [['portal_password', 'secret', 'text']]);
    expect(Object.keys((wrong.source as PublishedRelation).columns)).not.toContain('portal_password');
  });

  it('fails on a spec whose column went to another property (the check is not vacuous)', () => {
    const wrong = rowSpec<SalesOrderEntity>(SalesOrderEntity, [['po_number', 'soNumber', 'text']]);
    expect(
      t.app.db.read.connection
        .getMetadata(wrong.source as typeof SalesOrderEntity)
        .findColumnWithDatabaseName('po_number')?.propertyName,
    ).not.toBe('soNumber');
  });

  it('reads a row of named columns by the spec, under the prefix its select gave them', () => {
    const spec = rowSpec<{ a: string; b: number | null }>(SalesOrderEntity, [
      ['so_number', 'a', 'text'],
      ['total_minor', 'b', 'optionalNumber'],
    ]);
    expect(readNamed(spec, { x_so_number: 'SO-1', x_total_minor: '12', so_number: 'other' }, 'x_', {})).toEqual({
      a: 'SO-1',
      b: 12,
    });
    expect(aliasedSelectOf('o', spec as RowSpec<never>, 'x_')).toEqual([
      'o.so_number AS x_so_number',
      'o.total_minor AS x_total_minor',
    ]);
  });

  it('reads values by the spec: text, numbers, null for a missing optional, and flags as either engine packs them', () => {
    const spec = rowSpec<{ a: string; b: number; c: string | null; d: number | null; e: boolean; f: boolean }>(
      SalesOrderEntity,
      [
        ['x', 'a', 'text'],
        ['y', 'b', 'number'],
        ['z', 'c', 'optionalText'],
        ['w', 'd', 'optionalNumber'],
        ['v', 'e', 'flag'],
        ['u', 'f', 'flag'],
      ],
    );
    expect(readPacked(spec, ['skip', 7, '12', null, null, 1, false], 1, { extra: true })).toEqual({
      extra: true,
      a: '7',
      b: 12,
      c: null,
      d: null,
      e: true,
      f: false,
    });
    expect(readPacked(spec, ['7', '12', 'x', '3', true, 0], 0, {})).toMatchObject({ d: 3, e: true, f: false });
  });
});
