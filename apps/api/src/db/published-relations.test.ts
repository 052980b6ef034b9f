import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOG_OFFERS, CATALOG_PRICES, CATALOG_PROMOTIONS } from '../catalog/published.js';
import { CUSTOMER_NAMES, CUSTOMERS } from '../customers/published.js';
import { USER_NAMES } from '../identity/published.js';
import { ORDER_LINES, ORDER_NAMES, ORDERS, PROVISIONED_LINES } from '../orders/published.js';
import { RESELLER_NAMES, RESELLERS } from '../resellers/published.js';
import { SUBSCRIPTION_CHARGES, SUBSCRIPTION_NAMES, SUBSCRIPTIONS } from '../subscriptions/published.js';
import { CASE_NAMES } from '../support/published.js';
import { CUSTOMER_TENANTS } from '../tenants/published.js';
import { TERMS_REQUEST_NAMES, TERMS_REQUESTS } from '../terms/published.js';
import { createTestApp, type TestApp } from '../test-support/test-app.js';
import type { PublishedRelation } from './sql.js';

/** Every relation a context publishes for other contexts' SQL. */
const RELATIONS: readonly PublishedRelation[] = [
  CATALOG_PRICES,
  CATALOG_OFFERS,
  CATALOG_PROMOTIONS,
  CUSTOMERS,
  CUSTOMER_NAMES,
  USER_NAMES,
  ORDER_NAMES,
  ORDERS,
  PROVISIONED_LINES,
  RESELLERS,
  RESELLER_NAMES,
  CASE_NAMES,
  CUSTOMER_TENANTS,
  TERMS_REQUEST_NAMES,
  SUBSCRIPTION_NAMES,
  SUBSCRIPTION_CHARGES,
  SUBSCRIPTIONS,
  ORDER_LINES,
  TERMS_REQUESTS,
];

describe('published relations: the tables other contexts read, as their owners publish them', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t?.close());

  for (const relation of RELATIONS) {
    it(`${relation.name}: reads on the migrated database with exactly its published columns`, async () => {
      const columns = Object.keys(relation.columns);
      await t.app.db.read.query(`SELECT ${columns.map((c) => `x.${c}`).join(', ')} FROM ${relation} x WHERE 1 = 0`);
      const [row] = await t.app.db.select(`SELECT * FROM ${relation} x LIMIT 1`);
      if (row) expect(Object.keys(row).sort()).toEqual([...columns].sort());
    });
  }

  it('a join through a relation reads the owner’s table by its key, as a join on the table itself does', async () => {
    if (t.app.db.kind !== 'sqlite') return; // PostgreSQL always pulls a simple subquery up into the join.
    const plan = async (sql: string) =>
      ((await t.app.db.read.query(`EXPLAIN QUERY PLAN ${sql}`, ['x'])) as { detail: string }[]).map((r) => r.detail);
    const order = await plan(
      `SELECT o.id, r.company_name, c.company_name FROM sales_order o JOIN ${RESELLERS} r ON r.id = o.reseller_id JOIN ${CUSTOMERS} c ON c.id = o.customer_id WHERE o.id = ?`,
    );
    const cart = await plan(
      `SELECT r.id, cu.segment FROM ${RESELLERS} r LEFT JOIN cart c ON c.open_key = r.id LEFT JOIN ${CUSTOMERS} cu ON cu.id = c.customer_id WHERE r.id = ?`,
    );
    const lines = await plan(
      `SELECT l.id, o.sku_title FROM cart_line l JOIN ${CATALOG_OFFERS} o ON o.price_id = l.price_id WHERE l.cart_id = ?`,
    );
    expect(order.join(' | ')).toMatch(/SEARCH .*reseller/);
    for (const steps of [order, cart, lines]) {
      expect(steps.join(' | ')).not.toMatch(/MATERIALIZE|CO-ROUTINE|SCAN (r|c|cu|o|pr|s|p)\b/);
      expect(steps.every((step) => step.startsWith('SEARCH'))).toBe(true);
    }
  });

  it('a relation names only its own columns: a column it does not publish is not there', async () => {
    await expect(t.app.db.select(`SELECT x.admin_password FROM ${CUSTOMER_TENANTS} x`)).rejects.toThrow();
  });
});
