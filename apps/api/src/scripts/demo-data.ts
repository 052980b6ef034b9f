import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { App } from '../app.js';
import { emailKey } from '../identity/identity.service.js';
import { UserEntity } from '../identity/user.entity.js';
import { systemActor } from '../platform/actor.js';
import { ResellerEntity } from '../resellers/reseller.entity.js';
import { writeSamplePriceList } from './generate-price-list.js';

/** The demo sign-ins: one per staff role and one reseller user. Demo data only; never for production. */
export const DEMO_USERS = [
  { email: 'admin@demo.test', displayName: 'Ada Admin', roles: 'admin', password: 'demo-admin-password' },
  { email: 'staff@demo.test', displayName: 'Sam Staff', roles: 'staff', password: 'demo-staff-password' },
  { email: 'credit@demo.test', displayName: 'Cleo Credit', roles: 'credit', password: 'demo-credit-password' },
  { email: 'support@demo.test', displayName: 'Sid Support', roles: 'support', password: 'demo-support-password' },
  { email: 'reseller@demo.test', displayName: 'Rita Reseller', roles: '', password: 'demo-reseller-password' },
] as const;

export const DEMO_RESELLER = { companyName: 'Demo Reseller Co', marketplaceId: 'MP-100001', bcn: '20-100001' };

/** Fills an empty database with demo data; what exists is left alone, so it is safe to run again. */
export async function seedDemoData(app: App, options: { priceRows?: number } = {}): Promise<string[]> {
  const done: string[] = [];
  const [{ count }] = await app.db.read.query('SELECT COUNT(*) AS count FROM catalog_price');
  if (Number(count) === 0) {
    await mkdir(app.config.dataDir, { recursive: true });
    const file = join(app.config.dataDir, 'sample-price-list.csv');
    const rows = await writeSamplePriceList(file, options.priceRows);
    const result = await app.priceLists.run(await app.priceLists.begin('sample-price-list.csv'), createReadStream(file));
    if (!result.ok) throw new Error(`the sample price list was rejected: line ${result.fault.line}: ${result.fault.message}`);
    done.push(`imported the sample NCE price list (${rows} rows)`);
  }

  const now = app.clock.now().toISOString();
  const actor = systemActor('system:seed');
  const hashes = await Promise.all(DEMO_USERS.map((u) => app.identity.hashPassword(u.password)));
  const created = await app.db.transaction(async (m) => {
    let reseller = await m.findOneBy(ResellerEntity, { marketplaceId: DEMO_RESELLER.marketplaceId });
    if (!reseller) {
      reseller = await m.save(m.create(ResellerEntity, { id: randomUUID(), ...DEMO_RESELLER, status: 'ACTIVE', createdAt: now, updatedAt: now }));
      await app.audit.record(m, actor, { operation: 'seed.createReseller', entityType: 'Reseller', entityId: reseller.id });
    }
    let users = 0;
    for (const [i, demo] of DEMO_USERS.entries()) {
      if (await m.existsBy(UserEntity, { emailKey: emailKey(demo.email) })) continue;
      const isReseller = demo.roles === '';
      const user = await m.save(
        m.create(UserEntity, {
          id: randomUUID(),
          email: demo.email,
          emailKey: emailKey(demo.email),
          displayName: demo.displayName,
          kind: isReseller ? 'RESELLER' : 'STAFF',
          roles: demo.roles,
          resellerId: isReseller ? reseller.id : null,
          passwordHash: hashes[i]!,
          active: true,
          createdAt: now,
          updatedAt: now,
          passwordChangedAt: now,
        }),
      );
      await app.audit.record(m, actor, { operation: 'seed.createUser', entityType: 'User', entityId: user.id });
      users += 1;
    }
    return users;
  });
  if (created > 0) done.push(`created ${created} demo users`);
  return done;
}
