import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { EntityManager } from 'typeorm';
import type { App } from '@nce/api/dist/app.js';
import { portable } from '@nce/api/dist/db/sql.js';
import { emailKey } from '@nce/api/dist/identity/identity.service.js';
import { systemContext } from '@nce/api/dist/platform/request-context.js';
import { seededRandom } from '@nce/api/dist/platform/seeded-random.js';
import { writeSamplePriceList } from '@nce/api/dist/scripts/generate-price-list.js';

export interface Sizes {
  resellers: number;
  customers: number;
  orders: number;
  /** Resellers (each with a user, a ready customer and fresh identifier checks) that the Buy workload drives. */
  buyers: number;
  priceRows?: number;
}

export interface Buyer {
  resellerId: string;
  email: string;
  customerId: string;
}

export interface Generated {
  staff: { email: string; password: string };
  buyers: Buyer[];
  buyerPassword: string;
  /** Commercial US price ids in effect today, for carts. */
  cartPriceIds: number[];
  seconds: number;
}

const STAFF_PASSWORD = 'bench-staff-password';
const BUYER_PASSWORD = 'bench-buyer-password';
/** Generated history ends here, before any real order the Buy workload places, so SO numbers never collide. */
const HISTORY_END = Date.parse('2026-10-31T23:00:00Z');
const HISTORY_DAYS = 700;

/** Deterministic ids: the same sizes give the same rows, run after run. */
const idOf = (prefix: number, n: number) =>
  `${prefix.toString(16).padStart(8, '0')}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

/** Multi-row INSERTs, chunked under both engines' bind-parameter limits. */
export async function bulkInsert(
  m: EntityManager,
  kind: App['db']['kind'],
  table: string,
  columns: string[],
  rows: unknown[][],
): Promise<void> {
  const perStatement = Math.max(1, Math.floor(30_000 / columns.length));
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  for (let i = 0; i < rows.length; i += perStatement) {
    const chunk = rows.slice(i, i + perStatement);
    // better-sqlite3 binds no booleans: SQLite stores them as 1 and 0.
    const values = kind === 'sqlite' ? chunk.flat().map((v) => (typeof v === 'boolean' ? Number(v) : v)) : chunk.flat();
    await m.query(
      portable(kind, `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${chunk.map(() => tuple).join(', ')}`),
      values,
    );
  }
}

/**
 * Fills a fresh, migrated database: the sample price list, resellers with users and Partner Center
 * records, customers, and an order history with lines. The resellers the Buy workload drives are made
 * ready through the services themselves (customer, existing tenant, attestation, identifier checks).
 */
export async function generate(app: App, sizes: Sizes, log: (line: string) => void = () => {}): Promise<Generated> {
  const started = Date.now();
  const { db } = app;
  const random = seededRandom(20261125);
  const nowIso = app.clock.now().toISOString();

  await mkdir(app.config.dataDir, { recursive: true });
  const csv = join(app.config.dataDir, 'bench-price-list.csv');
  const rows = await writeSamplePriceList(csv, sizes.priceRows);
  const imported = await app.priceLists.importFile(
    systemContext(app.clock, 'system:bench'),
    csv,
    'bench-price-list.csv',
  );
  if (!imported.ok) throw new Error(`the sample price list was rejected: ${imported.fault.message}`);
  log(`price list: ${rows} rows`);

  const today = nowIso.slice(0, 10);
  const prices: {
    id: number;
    unit_price_minor: string | number;
    product_id: string;
    product_title: string;
    sku_id: string;
    sku_title: string;
    term: string;
    billing_plan: string;
  }[] = await db.read.query(
    portable(
      db.kind,
      `SELECT pr.id, pr.unit_price_minor, p.id AS product_id, p.title AS product_title, s.sku_id, s.title AS sku_title, pr.term, pr.billing_plan
       FROM catalog_price pr JOIN catalog_sku s ON s.id = pr.sku_ref JOIN catalog_product p ON p.id = s.product_id
       WHERE pr.segment = 'COMMERCIAL' AND pr.market = 'US' AND p.kind = 'SUBSCRIPTION' AND pr.effective_start <= ? AND (pr.effective_end IS NULL OR pr.effective_end >= ?)
       ORDER BY pr.id LIMIT 400`,
    ),
    [today, today],
  );
  if (prices.length < 10) throw new Error('the sample price list has too few commercial US licence prices');

  const [staffHash, buyerHash] = await Promise.all([
    app.identity.hashPassword(STAFF_PASSWORD),
    app.identity.hashPassword(BUYER_PASSWORD),
  ]);
  const resellerIds = Array.from({ length: sizes.resellers }, (_, i) => idOf(1, i + 1));
  const mpnOf = (i: number) => String(3_000_000 + i);
  const domainOf = (i: number) => `benchreseller${i}.onmicrosoft.com`;

  await db.transaction(async (m) => {
    await bulkInsert(
      m,
      db.kind,
      'reseller',
      [
        'id',
        'company_name',
        'marketplace_id',
        'bcn',
        'status',
        'address_line1',
        'city',
        'region',
        'postal_code',
        'country',
        'contact_name',
        'contact_email',
        'contact_phone',
        'payment_method',
        'mpn_location_id',
        'reseller_domain',
        'search_text',
        'created_at',
        'updated_at',
        'version',
      ],
      resellerIds.map((id, i) => {
        const name = `Bench Reseller ${String(i + 1).padStart(4, '0')}`;
        return [
          id,
          name,
          `MP-${800000 + i}`,
          `80-${800000 + i}`,
          'ACTIVE',
          `${i + 1} Market St`,
          'Irvine',
          'CA',
          '92612',
          'US',
          `Contact ${i + 1}`,
          `contact${i + 1}@bench.example`,
          '+19495550100',
          'CREDIT_CARD',
          mpnOf(i),
          domainOf(i),
          `${name.toLowerCase()} mp-${800000 + i}`,
          nowIso,
          nowIso,
          1,
        ];
      }),
    );
    await bulkInsert(
      m,
      db.kind,
      'sim_partner',
      ['mpn_id', 'company_name', 'kind', 'csp_indirect_reseller', 'relationship_with_distributor', 'tenant_domain'],
      resellerIds.map((_, i) => [mpnOf(i), `Bench Reseller ${i + 1}`, 'LOCATION', true, true, domainOf(i)]),
    );
    const users: unknown[][] = [
      [
        '00000000-0000-4000-8000-00000000beef',
        'bench-staff@bench.test',
        emailKey('bench-staff@bench.test'),
        'Bench Staff',
        'STAFF',
        'staff',
        null,
        staffHash,
        true,
        nowIso,
        nowIso,
        nowIso,
        1,
      ],
    ];
    for (let i = 0; i < sizes.buyers; i += 1) {
      const email = `buyer${i + 1}@bench.test`;
      users.push([
        idOf(2, i + 1),
        email,
        emailKey(email),
        `Buyer ${i + 1}`,
        'RESELLER',
        '',
        resellerIds[i],
        buyerHash,
        true,
        nowIso,
        nowIso,
        nowIso,
        1,
      ]);
    }
    await bulkInsert(
      m,
      db.kind,
      'app_user',
      [
        'id',
        'email',
        'email_key',
        'display_name',
        'kind',
        'roles',
        'reseller_id',
        'password_hash',
        'active',
        'created_at',
        'updated_at',
        'password_changed_at',
        'version',
      ],
      users,
    );
    await bulkInsert(
      m,
      db.kind,
      'sim_tenant',
      // Each buyer's customer tenant accepted that buyer as its indirect reseller (R15).
      [
        'domain',
        'tenant_id',
        'company_name',
        'government',
        'relationship_accepted',
        'indirect_resellers',
        'created_by_marketplace',
        'provisioning_fails',
        'created_at',
      ],
      Array.from({ length: sizes.buyers }, (_, i) => [
        `benchcustomer${i + 1}.onmicrosoft.com`,
        idOf(3, i + 1),
        `Bench Customer ${i + 1}`,
        false,
        true,
        mpnOf(i),
        false,
        false,
        nowIso,
      ]),
    );
  });
  log(`resellers: ${sizes.resellers}, buyers: ${sizes.buyers}`);

  // The buyers go through the services, so their customers, tenants and checks are exactly what the product makes.
  const actor = systemContext(app.clock, 'system:bench');
  const buyers: Buyer[] = [];
  for (let i = 0; i < sizes.buyers; i += 1) {
    const resellerId = resellerIds[i]!;
    const created = await app.customers.create(actor, resellerId, {
      segment: 'COMMERCIAL',
      companyName: `Bench Customer ${i + 1}`,
      address: { line1: '1 Harbor Blvd', city: 'Irvine', region: 'CA', postalCode: '92612', country: 'US' },
      adminContact: { name: 'Eve Engineer', email: `eve${i + 1}@bench.example`, phone: '+19495550101' },
      portalLogin: `bench.customer${i + 1}`,
    });
    if (!created.ok) throw new Error(`bench customer refused: ${JSON.stringify(created.failure)}`);
    const chosen = await app.tenants.chooseExisting(actor, created.value.id, `benchcustomer${i + 1}.onmicrosoft.com`);
    if (!chosen.ok) throw new Error(`bench tenant refused: ${JSON.stringify(chosen.failure)}`);
    await app.tenants.attest(actor, created.value.id);
    await app.resellers.checks(actor, resellerId, true);
    buyers.push({ resellerId, email: `buyer${i + 1}@bench.test`, customerId: created.value.id });
  }

  const [{ portal_password: ciphertext }] = await db.read.query(
    portable(db.kind, 'SELECT portal_password FROM customer WHERE id = ?'),
    [buyers[0]?.customerId ?? ''],
  );
  const bulkCustomers = Math.max(0, sizes.customers - sizes.buyers);
  const customerIds: string[] = [];
  const customerReseller: string[] = [];
  for (let from = 0; from < bulkCustomers; from += 20_000) {
    const batch: unknown[][] = [];
    for (let i = from; i < Math.min(bulkCustomers, from + 20_000); i += 1) {
      const id = idOf(4, i + 1);
      const resellerId = resellerIds[i % resellerIds.length]!;
      const name = `Customer ${String(i + 1).padStart(6, '0')}`;
      customerIds.push(id);
      customerReseller.push(resellerId);
      batch.push([
        id,
        resellerId,
        'COMMERCIAL',
        name,
        `${(i % 900) + 1} Elm St`,
        'Irvine',
        'CA',
        '92612',
        'US',
        'Admin Person',
        `admin${i + 1}@customer.example`,
        '+19495550102',
        `customer.${i + 1}`,
        `customer.${i + 1}`,
        ciphertext ?? '',
        `${name.toLowerCase()} customer.${i + 1}`,
        nowIso,
        nowIso,
        1,
      ]);
    }
    await db.transaction((m) =>
      bulkInsert(
        m,
        db.kind,
        'customer',
        [
          'id',
          'reseller_id',
          'segment',
          'company_name',
          'address_line1',
          'city',
          'region',
          'postal_code',
          'country',
          'admin_name',
          'admin_email',
          'admin_phone',
          'portal_login',
          'portal_login_key',
          'portal_password',
          'search_text',
          'created_at',
          'updated_at',
          'version',
        ],
        batch,
      ),
    );
  }
  log(`customers: ${sizes.customers}`);

  if (customerIds.length > 0)
    await generateOrders(app, sizes.orders, customerIds, customerReseller, prices, random, log);

  await db.read.query('ANALYZE');
  const cartPriceIds = prices.slice(0, 64).map((p) => Number(p.id));
  return {
    staff: { email: 'bench-staff@bench.test', password: STAFF_PASSWORD },
    buyers,
    buyerPassword: BUYER_PASSWORD,
    cartPriceIds,
    seconds: (Date.now() - started) / 1000,
  };
}

/** Order history: 1–3 lines an order, spread over ~two years, SO numbers counted per day as the product does. */
async function generateOrders(
  app: App,
  count: number,
  customerIds: string[],
  customerReseller: string[],
  prices: {
    id: number;
    unit_price_minor: string | number;
    product_id: string;
    product_title: string;
    sku_id: string;
    sku_title: string;
    term: string;
    billing_plan: string;
  }[],
  random: () => number,
  log: (line: string) => void,
): Promise<void> {
  const { db } = app;
  const spacingMs = (HISTORY_DAYS * 86_400_000) / Math.max(1, count);
  const perDay = new Map<string, number>();
  const BATCH = 20_000;
  for (let from = 0; from < count; from += BATCH) {
    const orders: unknown[][] = [];
    const lines: unknown[][] = [];
    for (let n = from; n < Math.min(count, from + BATCH); n += 1) {
      const id = idOf(5, n + 1);
      const at = new Date(HISTORY_END - (count - n) * spacingMs);
      const iso = at.toISOString();
      const day = iso.slice(0, 10).replace(/-/g, '');
      const seq = (perDay.get(day) ?? 0) + 1;
      perDay.set(day, seq);
      const c = Math.floor(random() * customerIds.length);
      const lineCount = 1 + Math.floor(random() * 3);
      let total = 0;
      for (let l = 1; l <= lineCount; l += 1) {
        const price = prices[Math.floor(random() * prices.length)]!;
        const quantity = 1 + Math.floor(random() * 25);
        const unit = Number(price.unit_price_minor);
        total += unit * quantity;
        lines.push([
          idOf(6, n * 3 + l),
          id,
          l,
          price.id,
          price.product_id,
          price.product_title,
          price.sku_id,
          price.sku_title,
          price.term,
          price.billing_plan,
          quantity,
          unit,
          unit * quantity,
          `sub-${n + 1}-${l}`,
          0,
          'PROVISIONED',
        ]);
      }
      orders.push([
        id,
        `SO-${day}-${String(seq).padStart(6, '0')}`,
        customerReseller[c],
        customerIds[c],
        'PROVISIONED',
        'CREDIT_CARD',
        null,
        'USD',
        total,
        `history-${n + 1}`,
        'generated',
        `benchcustomer.onmicrosoft.com`,
        null,
        iso,
        iso,
        null,
        iso,
        1,
      ]);
    }
    await db.transaction(async (m) => {
      await bulkInsert(
        m,
        db.kind,
        'sales_order',
        [
          'id',
          'so_number',
          'reseller_id',
          'customer_id',
          'status',
          'payment_method',
          'po_number',
          'currency',
          'total_minor',
          'idempotency_key',
          'request_hash',
          'tenant_domain',
          'placed_by_user_id',
          'placed_at',
          'provisioned_at',
          'failure_reason',
          'updated_at',
          'version',
        ],
        orders,
      );
      await bulkInsert(
        m,
        db.kind,
        'order_line',
        [
          'id',
          'order_id',
          'line_number',
          'price_id',
          'product_id',
          'product_title',
          'sku_id',
          'sku_title',
          'term',
          'billing_plan',
          'quantity',
          'unit_price_minor',
          'line_total_minor',
          'subscription_id',
          'returned_quantity',
          'status',
        ],
        lines,
      );
    });
    if ((from / BATCH) % 10 === 9) log(`orders: ${Math.min(count, from + BATCH)} of ${count}`);
  }
  log(`orders: ${count}`);
}
