import 'reflect-metadata';
import { createApp } from './dist/app.js';
import { loadConfig } from './dist/config.js';
const dir = process.argv[2];
process.env.SECRETS_KEY = Buffer.alloc(32, 7).toString('base64');
const app = await createApp(loadConfig({ DATABASE_URL: `sqlite:${dir}/bench-1.sqlite`, DATA_DIR: dir, NODE_ENV: 'test', ADMIN_DIST: '', LOG_LEVEL: 'warn' }, dir));
const [buyer] = await app.db.read.query("SELECT u.id, u.email, u.reseller_id, c.id AS customer_id FROM app_user u JOIN customer c ON c.reseller_id = u.reseller_id JOIN customer_tenant t ON t.customer_id = c.id WHERE u.email = 'buyer1@bench.test'");
const [price] = await app.db.read.query("SELECT pr.id FROM catalog_price pr JOIN catalog_sku s ON s.id = pr.sku_ref JOIN catalog_product p ON p.id = s.product_id WHERE pr.segment='COMMERCIAL' AND pr.market='US' AND p.kind='SUBSCRIPTION' AND pr.effective_start <= '2026-11-25' AND (pr.effective_end IS NULL OR pr.effective_end >= '2026-11-25') LIMIT 1");
const principal = { kind: 'reseller', userId: buyer.id, email: buyer.email, resellerId: buyer.reseller_id };
const actor = { principal, requestId: 'r', ip: '' };
const steps = { add: [0, 0], bind: [0, 0], buy: [0, 0], readiness: [0,0] };
const N = 100;
for (let i = 0; i < N; i++) {
  for (const [name, f] of [['add', () => app.carts.add(actor, buyer.reseller_id, price.id)], ['bind', () => app.carts.bindCustomer(actor, buyer.reseller_id, buyer.customer_id)], ['buy', () => app.purchases.buy(actor, buyer.reseller_id, { idempotencyKey: `probe-${Date.now()}-${i}` })]]) {
    app.db.statements.reset(); const t = performance.now();
    const r = await f();
    if (r.ok === false) { console.log(name, JSON.stringify(r).slice(0, 300)); process.exit(1); }
    steps[name][0] += performance.now() - t; steps[name][1] += app.db.statements.count;
  }
}
for (const [k, [ms, st]] of Object.entries(steps)) console.log(k, (ms / N).toFixed(2), 'ms', (st / N).toFixed(1), 'statements');
await app.db.close();
