import { createHash, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import { openRaw, type Query, type RawDatabase, type Row } from './sql.js';

/**
 * The raw reference: what the hardware and the driver allow for each workload. A bare node:http
 * handler, hand-written SQL on the same database through the same driver, JSON.stringify of the same
 * response shape the API's GraphQL answer has. It authenticates the same session cookie (two lookups),
 * so the API is not charged for work the reference skips. The API's figure is divided by this one.
 *
 * Usage: DATABASE_URL=sqlite:FILE|postgres://… PORT=0 node dist/reference.js
 */

const SESSION_COOKIE = 'nce_session';
const money = (amountMinor: unknown, currency: unknown) => ({
  amountMinor: Number(amountMinor),
  currency: String(currency),
});
const today = () => new Date().toISOString().slice(0, 10);

async function principal(db: RawDatabase, req: IncomingMessage): Promise<Row | null> {
  const cookie = (req.headers.cookie ?? '')
    .split(';')
    .map((p) => p.trim())
    .find((p) => p.startsWith(`${SESSION_COOKIE}=`));
  if (!cookie) return null;
  const hash = createHash('sha256')
    .update(decodeURIComponent(cookie.slice(SESSION_COOKIE.length + 1)))
    .digest('hex');
  const [session] = await db.query('SELECT user_id, expires_at, revoked_at FROM user_session WHERE token_hash = ?', [
    hash,
  ]);
  if (!session || session.revoked_at || session.expires_at <= new Date().toISOString()) return null;
  const [user] = await db.query('SELECT id, email, kind, roles, reseller_id, active FROM app_user WHERE id = ?', [
    session.user_id,
  ]);
  return user && user.active ? user : null;
}

async function catalog(db: RawDatabase, body: { search?: string; first: number }) {
  const day = today();
  const priceWhere =
    "pr.segment = 'COMMERCIAL' AND pr.market = 'US' AND pr.effective_start <= ? AND (pr.effective_end IS NULL OR pr.effective_end >= ?)";
  const params: unknown[] = [day, day];
  let search = '';
  if (body.search) {
    const pattern = `%${body.search.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    search = ` AND (p.search_text LIKE ? ESCAPE '\\' OR EXISTS (SELECT 1 FROM catalog_sku s2 WHERE s2.product_id = p.id AND s2.search_text LIKE ? ESCAPE '\\'))`;
    params.push(pattern, pattern);
  }
  const products = await db.query(
    `SELECT p.id, p.title, p.publisher, p.kind FROM catalog_product p
     WHERE EXISTS (SELECT 1 FROM catalog_sku s JOIN catalog_price pr ON pr.sku_ref = s.id WHERE s.product_id = p.id AND ${priceWhere})${search}
     ORDER BY p.title, p.id LIMIT ?`,
    [...params, body.first + 1],
  );
  const page = products.slice(0, body.first);
  const prices = page.length
    ? await db.query(
        `SELECT pr.id, pr.sku_ref, s.product_id, s.sku_id, s.title AS sku_title, pr.term, pr.billing_plan, pr.currency, pr.unit_price_minor, pr.tier_min, pr.tier_max
         FROM catalog_price pr JOIN catalog_sku s ON s.id = pr.sku_ref
         WHERE s.product_id IN (${page.map(() => '?').join(', ')}) AND ${priceWhere}
         ORDER BY s.product_id, s.sku_id, pr.term, pr.billing_plan, pr.tier_min, pr.effective_start`,
        [...page.map((p) => p.id), day, day],
      )
    : [];
  const skus = new Map<string, Map<number, Row>>();
  for (const r of prices) {
    const bySku = skus.get(r.product_id) ?? skus.set(r.product_id, new Map()).get(r.product_id)!;
    const sku =
      bySku.get(r.sku_ref) ??
      bySku.set(r.sku_ref, { id: String(r.sku_ref), skuId: r.sku_id, title: r.sku_title, prices: [] }).get(r.sku_ref)!;
    sku.prices.push({
      id: String(r.id),
      term: r.term,
      billingPlan: r.billing_plan,
      unitPrice: money(r.unit_price_minor, r.currency),
      tierMin: Number(r.tier_min),
      tierMax: r.tier_max === null ? null : Number(r.tier_max),
    });
  }
  const last = page[page.length - 1];
  return {
    data: {
      catalogProducts: {
        edges: page.map((p) => ({
          node: {
            id: p.id,
            title: p.title,
            publisher: p.publisher,
            kind: p.kind,
            skus: [...(skus.get(p.id)?.values() ?? [])],
          },
        })),
        pageInfo: {
          hasNextPage: products.length > body.first,
          endCursor: last ? Buffer.from(JSON.stringify([last.title, last.id])).toString('base64url') : null,
        },
      },
    },
  };
}

async function orders(db: RawDatabase, body: { first: number }) {
  const rows = await db.query(
    `SELECT o.id, o.so_number, o.status, o.currency, o.total_minor, o.placed_at, o.reseller_id, r.company_name AS reseller_name, o.customer_id, c.company_name AS customer_name
     FROM sales_order o JOIN reseller r ON r.id = o.reseller_id JOIN customer c ON c.id = o.customer_id
     ORDER BY o.placed_at DESC, o.id DESC LIMIT ?`,
    [body.first + 1],
  );
  const page = rows.slice(0, body.first);
  const lines = page.length
    ? await db.query(
        `SELECT order_id, line_number, sku_title, quantity, unit_price_minor, line_total_minor FROM order_line WHERE order_id IN (${page.map(() => '?').join(', ')}) ORDER BY line_number`,
        page.map((o) => o.id),
      )
    : [];
  const byOrder = new Map<string, Row[]>();
  for (const l of lines) (byOrder.get(l.order_id) ?? byOrder.set(l.order_id, []).get(l.order_id)!).push(l);
  const last = page[page.length - 1];
  return {
    data: {
      orders: {
        nodes: page.map((o) => ({
          id: o.id,
          soNumber: o.so_number,
          status: o.status,
          resellerName: o.reseller_name,
          customerName: o.customer_name,
          placedAt: o.placed_at,
          total: money(o.total_minor, o.currency),
          lines: (byOrder.get(o.id) ?? []).map((l) => ({
            lineNumber: Number(l.line_number),
            skuTitle: l.sku_title,
            quantity: Number(l.quantity),
            unitPrice: money(l.unit_price_minor, o.currency),
            lineTotal: money(l.line_total_minor, o.currency),
          })),
        })),
        pageInfo: {
          hasNextPage: rows.length > body.first,
          endCursor: last ? Buffer.from(JSON.stringify([last.placed_at, last.id])).toString('base64url') : null,
        },
      },
    },
  };
}

const audit = (q: Query, user: Row, operation: string, entityType: string, entityId: string) =>
  q(
    'INSERT INTO audit_entry (id, at, actor_kind, actor_user_id, actor_email, actor_roles, on_behalf_of_reseller_id, operation, entity_type, entity_id, changes, request_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    [
      randomUUID(),
      new Date().toISOString(),
      'reseller',
      user.id,
      user.email,
      'reseller',
      user.reseller_id,
      operation,
      entityType,
      entityId,
      '{}',
      randomUUID(),
    ],
  );

async function openCart(q: Query, resellerId: string): Promise<Row> {
  const [cart] = await q('SELECT * FROM cart WHERE open_key = ?', [resellerId]);
  if (cart) return cart;
  const now = new Date().toISOString();
  const created = {
    id: randomUUID(),
    reseller_id: resellerId,
    open_key: resellerId,
    customer_id: null,
    price_segment: null,
    currency: null,
    status: 'OPEN',
    created_at: now,
    updated_at: now,
    version: 1,
  };
  await q(
    'INSERT INTO cart (id, reseller_id, open_key, customer_id, price_segment, currency, status, created_at, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    Object.values(created),
  );
  return created;
}

async function cartView(q: Query, cartId: string) {
  const day = today();
  const lines = await q(
    `SELECT l.id, l.price_id, l.quantity, l.unit_price_minor, s.title AS sku_title, pr.currency,
            CASE WHEN pr.effective_start <= ? AND (pr.effective_end IS NULL OR pr.effective_end >= ?) THEN pr.unit_price_minor ELSE NULL END AS current_price
     FROM cart_line l JOIN catalog_price pr ON pr.id = l.price_id JOIN catalog_sku s ON s.id = pr.sku_ref WHERE l.cart_id = ? ORDER BY l.added_at, l.id`,
    [day, day, cartId],
  );
  return lines.map((l) => ({
    id: l.id,
    priceId: Number(l.price_id),
    quantity: Number(l.quantity),
    skuTitle: l.sku_title,
    unitPrice: money(l.unit_price_minor, l.currency),
    currentPrice: l.current_price === null ? null : Number(l.current_price),
  }));
}

async function addToCart(db: RawDatabase, user: Row, body: { priceId: number }) {
  return db.transaction(async (q) => {
    const day = today();
    const [price] = await q(
      'SELECT id, segment, currency, unit_price_minor FROM catalog_price WHERE id = ? AND effective_start <= ? AND (effective_end IS NULL OR effective_end >= ?)',
      [body.priceId, day, day],
    );
    if (!price) return { data: { addToCart: { __typename: 'CartRefused', code: 'PRICE_NOT_FOUND' } } };
    const cart = await openCart(q, user.reseller_id);
    const [line] = await q('SELECT id, quantity FROM cart_line WHERE cart_id = ? AND price_id = ?', [
      cart.id,
      body.priceId,
    ]);
    if (line) await q('UPDATE cart_line SET quantity = ? WHERE id = ?', [Number(line.quantity) + 1, line.id]);
    else
      await q(
        'INSERT INTO cart_line (id, cart_id, price_id, quantity, unit_price_minor, added_at) VALUES (?, ?, ?, ?, ?, ?)',
        [randomUUID(), cart.id, body.priceId, 1, price.unit_price_minor, new Date().toISOString()],
      );
    await q('UPDATE cart SET price_segment = ?, currency = ?, updated_at = ?, version = ? WHERE id = ?', [
      price.segment,
      price.currency,
      new Date().toISOString(),
      Number(cart.version) + 1,
      cart.id,
    ]);
    await audit(q, user, 'cart.add', 'Cart', cart.id);
    return {
      data: {
        addToCart: {
          __typename: 'Cart',
          id: cart.id,
          version: Number(cart.version) + 1,
          lines: await cartView(q, cart.id),
        },
      },
    };
  });
}

async function bindCustomer(db: RawDatabase, user: Row, body: { customerId: string }) {
  return db.transaction(async (q) => {
    const [customer] = await q('SELECT id, segment FROM customer WHERE id = ? AND reseller_id = ?', [
      body.customerId,
      user.reseller_id,
    ]);
    if (!customer) return { data: { bindCartCustomer: { __typename: 'CartRefused', code: 'CUSTOMER_NOT_FOUND' } } };
    const cart = await openCart(q, user.reseller_id);
    await q('UPDATE cart SET customer_id = ?, updated_at = ?, version = ? WHERE id = ?', [
      customer.id,
      new Date().toISOString(),
      Number(cart.version) + 1,
      cart.id,
    ]);
    await audit(q, user, 'cart.bindCustomer', 'Cart', cart.id);
    return {
      data: {
        bindCartCustomer: {
          __typename: 'Cart',
          id: cart.id,
          version: Number(cart.version) + 1,
          lines: await cartView(q, cart.id),
        },
      },
    };
  });
}

/**
 * The same checks the API makes before a Buy (reseller active, checks passed, tenant and attestation), then one
 * transaction.
 */
async function buy(db: RawDatabase, user: Row, body: { idempotencyKey: string }) {
  const resellerId = user.reseller_id;
  const [existing] = await db.query(
    'SELECT id, so_number FROM sales_order WHERE reseller_id = ? AND idempotency_key = ?',
    [resellerId, body.idempotencyKey],
  );
  if (existing)
    return {
      data: {
        buy: { __typename: 'OrderPlaced', replayed: true, order: { id: existing.id, soNumber: existing.so_number } },
      },
    };
  const [reseller] = await db.query('SELECT status, checks FROM reseller WHERE id = ?', [resellerId]);
  const [cart] = await db.query('SELECT * FROM cart WHERE open_key = ?', [resellerId]);
  const [tenant] = cart?.customer_id
    ? await db.query(
        'SELECT t.domain, t.attested_at, c.segment FROM customer_tenant t JOIN customer c ON c.id = t.customer_id WHERE t.customer_id = ?',
        [cart.customer_id],
      )
    : [];
  if (reseller?.status !== 'ACTIVE' || !cart || !tenant?.attested_at)
    return { data: { buy: { __typename: 'PurchaseNotReady', code: 'NOT_READY' } } };
  return db.transaction(async (q) => {
    const lines = await cartView(q, cart.id);
    if (lines.length === 0 || lines.some((l) => l.currentPrice !== l.unitPrice.amountMinor))
      return { data: { buy: { __typename: 'BuyRefused', code: 'CART_CHANGED' } } };
    const now = new Date();
    const day = now.toISOString().slice(0, 10).replace(/-/g, '');
    await q(
      'INSERT INTO so_sequence (day, last) VALUES (?, 1) ON CONFLICT (day) DO UPDATE SET last = so_sequence.last + 1',
      [day],
    );
    const [{ last }] = await q('SELECT last FROM so_sequence WHERE day = ?', [day]);
    const id = randomUUID();
    const soNumber = `SO-${day}-${String(last).padStart(6, '0')}`;
    const total = lines.reduce((sum, l) => sum + l.unitPrice.amountMinor * l.quantity, 0);
    const iso = now.toISOString();
    await q(
      'INSERT INTO sales_order (id, so_number, reseller_id, customer_id, status, payment_method, po_number, currency, total_minor, idempotency_key, request_hash, tenant_domain, placed_by_user_id, placed_at, provisioned_at, failure_reason, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      [
        id,
        soNumber,
        resellerId,
        cart.customer_id,
        'PLACED',
        'CREDIT_CARD',
        null,
        cart.currency,
        total,
        body.idempotencyKey,
        'reference',
        tenant.domain,
        user.id,
        iso,
        null,
        null,
        iso,
        1,
      ],
    );
    for (const [i, l] of lines.entries()) {
      await q(
        'INSERT INTO order_line (id, order_id, line_number, price_id, product_id, product_title, sku_id, sku_title, term, billing_plan, quantity, unit_price_minor, line_total_minor, subscription_id, returned_quantity, status) SELECT ?, ?, ?, pr.id, s.product_id, p.title, s.sku_id, s.title, pr.term, pr.billing_plan, ?, ?, ?, NULL, 0, ? FROM catalog_price pr JOIN catalog_sku s ON s.id = pr.sku_ref JOIN catalog_product p ON p.id = s.product_id WHERE pr.id = ?',
        [
          randomUUID(),
          id,
          i + 1,
          l.quantity,
          l.unitPrice.amountMinor,
          l.unitPrice.amountMinor * l.quantity,
          'PENDING',
          l.priceId,
        ],
      );
    }
    await q('INSERT INTO order_event (id, order_id, at, seq, state, message) VALUES (?, ?, ?, 1, ?, ?)', [
      randomUUID(),
      id,
      iso,
      'PLACED',
      `Order ${soNumber} placed.`,
    ]);
    await q("UPDATE cart SET open_key = NULL, status = 'CHECKED_OUT', updated_at = ?, version = ? WHERE id = ?", [
      iso,
      Number(cart.version) + 1,
      cart.id,
    ]);
    await q(
      'INSERT INTO job (id, kind, job_key, payload, status, run_at, attempts, max_attempts, locked_until, locked_by, last_error, created_at, finished_at) VALUES (?, ?, ?, ?, ?, ?, 0, 5, NULL, NULL, NULL, ?, NULL)',
      [randomUUID(), 'reference.noop', `reference:${id}`, JSON.stringify({ orderId: id }), 'DONE', iso, iso],
    );
    await audit(q, user, 'orders.buy', 'Order', id);
    return {
      data: {
        buy: {
          __typename: 'OrderPlaced',
          replayed: false,
          order: { id, soNumber, status: 'PLACED', total: money(total, cart.currency) },
        },
      },
    };
  });
}

async function readBody(req: IncomingMessage): Promise<any> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
}

async function main(): Promise<void> {
  const db = await openRaw(process.env.DATABASE_URL ?? '');
  const routes: Record<string, (user: Row, body: any) => Promise<unknown>> = {
    '/catalog': (_user, body) => catalog(db, body),
    '/orders': (user, body) =>
      user.kind === 'STAFF' ? orders(db, body) : Promise.resolve({ errors: [{ message: 'forbidden' }] }),
    '/cart/add': (user, body) => addToCart(db, user, body),
    '/cart/bind': (user, body) => bindCustomer(db, user, body),
    '/buy': (user, body) => buy(db, user, body),
  };
  const server = createServer(async (req, res) => {
    try {
      const route = routes[req.url ?? ''];
      if (!route || req.method !== 'POST') return void res.writeHead(404).end();
      const body = await readBody(req);
      const user = await principal(db, req);
      const result = user ? await route(user, body) : { errors: [{ message: 'unauthenticated' }] };
      const json = JSON.stringify(result);
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(json) }).end(json);
    } catch (error) {
      console.error(error);
      res.writeHead(500).end('{"errors":[{"message":"Internal server error"}]}');
    }
  });
  server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
    const address = server.address();
    console.log(`reference listening on ${typeof address === 'object' && address ? address.port : ''}`);
  });
  const stop = () => server.close(() => void db.close().then(() => process.exit(0)));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

void main();
