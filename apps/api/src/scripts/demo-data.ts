import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { CustomerInput } from '@nce/domain';
import type { App } from '../app.js';
import { emailKey } from '../identity/identity.service.js';
import { UserEntity } from '../identity/user.entity.js';
import { systemContext } from '../platform/request-context.js';
import { SimPartnerEntity } from '../partner-center/sim-partner.entity.js';
import { SimTenantEntity } from '../partner-center/sim-tenant.entity.js';
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

export const DEMO_RESELLER = {
  companyName: 'Demo Reseller Co',
  marketplaceId: 'MP-100001',
  bcn: '20-100001',
  address: {
    line1: '3351 Michelson Dr',
    line2: null,
    city: 'Irvine',
    region: 'CA',
    postalCode: '92612',
    country: 'US',
  },
  contact: { name: 'Rita Reseller', email: 'reseller@demo.test', phone: '+19495550100' },
  mpnLocationId: '6543210',
  resellerDomain: 'resellerco.onmicrosoft.com',
  searchText: 'demo reseller co mp-100001 20-100001',
};

/** The simulated Partner Center: one partner or tenant for every answer Microsoft can give. */
export const DEMO_PARTNERS = [
  {
    mpnId: '6543210',
    companyName: 'Demo Reseller Co',
    kind: 'LOCATION',
    cspIndirectReseller: true,
    relationshipWithDistributor: true,
    tenantDomain: 'resellerco.onmicrosoft.com',
  },
  {
    mpnId: '1234567',
    companyName: 'Demo Reseller Co',
    kind: 'GLOBAL',
    cspIndirectReseller: true,
    relationshipWithDistributor: true,
    tenantDomain: null,
  },
  {
    mpnId: '7654321',
    companyName: 'Not Enrolled Ltd',
    kind: 'LOCATION',
    cspIndirectReseller: false,
    relationshipWithDistributor: false,
    tenantDomain: 'notenrolled.onmicrosoft.com',
  },
  {
    mpnId: '5555555',
    companyName: 'No Relationship Inc',
    kind: 'LOCATION',
    cspIndirectReseller: true,
    relationshipWithDistributor: false,
    tenantDomain: 'norelationship.onmicrosoft.com',
  },
] as const;

export const DEMO_TENANTS = [
  {
    domain: 'contoso.onmicrosoft.com',
    companyName: 'Contoso Ltd',
    government: false,
    relationshipAccepted: true,
    indirectResellers: '6543210',
  },
  {
    domain: 'fabrikam.onmicrosoft.com',
    companyName: 'Fabrikam Inc',
    government: false,
    relationshipAccepted: false,
    indirectResellers: '',
  },
  {
    domain: 'northwindschool.onmicrosoft.com',
    companyName: 'Northwind School',
    government: false,
    relationshipAccepted: true,
    indirectResellers: '6543210',
  },
  {
    domain: 'citygov.onmicrosoft.com',
    companyName: 'City of Springfield',
    government: true,
    relationshipAccepted: true,
    indirectResellers: '6543210',
  },
] as const;

const demoAddress = { line1: '1 Harbor Blvd', city: 'Irvine', region: 'CA', postalCode: '92612', country: 'US' };
export const DEMO_CUSTOMERS: { input: CustomerInput; tenant: string }[] = [
  {
    input: {
      segment: 'COMMERCIAL',
      companyName: 'Contoso Pharmacy',
      address: demoAddress,
      adminContact: { name: 'Eve Engineer', email: 'eve@resellerco.example', phone: '+19495550101' },
      portalLogin: 'contoso.pharmacy',
    },
    tenant: 'contoso.onmicrosoft.com',
  },
  {
    input: {
      segment: 'EDUCATION',
      companyName: 'Northwind School',
      address: demoAddress,
      adminContact: { name: 'Eve Engineer', email: 'eve@resellerco.example', phone: '+19495550101' },
      portalLogin: 'northwind.school',
    },
    tenant: 'northwindschool.onmicrosoft.com',
  },
];

/** Fills an empty database with demo data; what exists is left alone, so it is safe to run again. */
export async function seedDemoData(app: App, options: { priceRows?: number } = {}): Promise<string[]> {
  const done: string[] = [];
  const [{ count }] = await app.db.read.query('SELECT COUNT(*) AS count FROM catalog_price');
  if (Number(count) === 0) {
    await mkdir(app.config.dataDir, { recursive: true });
    const file = join(app.config.dataDir, 'sample-price-list.csv');
    const rows = await writeSamplePriceList(file, options.priceRows);
    const result = await app.priceLists.importFile(
      systemContext(app.clock, 'system:seed'),
      file,
      'sample-price-list.csv',
    );
    if (!result.ok)
      throw new Error(`the sample price list was rejected: line ${result.fault.line}: ${result.fault.message}`);
    done.push(`imported the sample NCE price list (${rows} rows)`);
  }

  const now = app.clock.now().toISOString();
  const actor = systemContext(app.clock, 'system:seed');
  const hashes = await Promise.all(DEMO_USERS.map((u) => app.identity.hashPassword(u.password)));
  const created = await app.db.transaction(actor, async (tx, m) => {
    for (const partner of DEMO_PARTNERS)
      if (!(await m.existsBy(SimPartnerEntity, { mpnId: partner.mpnId })))
        await m.insert(SimPartnerEntity, { ...partner });
    for (const tenant of DEMO_TENANTS) {
      if (!(await m.existsBy(SimTenantEntity, { domain: tenant.domain })))
        await m.insert(SimTenantEntity, {
          ...tenant,
          tenantId: randomUUID(),
          createdByMarketplace: false,
          provisioningFails: false,
          createdAt: now,
        });
    }
    let reseller = await m.findOneBy(ResellerEntity, { marketplaceId: DEMO_RESELLER.marketplaceId });
    if (!reseller) {
      reseller = await m.save(
        m.create(ResellerEntity, {
          id: randomUUID(),
          ...DEMO_RESELLER,
          status: 'ACTIVE',
          paymentMethod: 'CREDIT_CARD',
          createdAt: now,
          updatedAt: now,
        }),
      );
      await app.audit.record(tx, {
        operation: 'seed.createReseller',
        entityType: 'Reseller',
        entityId: reseller.id,
      });
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
      await app.audit.record(tx, { operation: 'seed.createUser', entityType: 'User', entityId: user.id });
      users += 1;
    }
    return users;
  });
  if (created > 0) done.push(`created ${created} demo users`);
  const demoReseller = await app.db.read.findOneByOrFail(ResellerEntity, {
    marketplaceId: DEMO_RESELLER.marketplaceId,
  });
  if (!demoReseller.checksAt) await app.resellers.checks(actor, demoReseller.id, true);
  if ((await app.customers.list(actor, { resellerId: demoReseller.id }, 1)).customers.length === 0) {
    for (const demoCustomer of DEMO_CUSTOMERS) {
      const created = await app.customers.create(actor, demoReseller.id, demoCustomer.input);
      if (!created.ok)
        throw new Error(
          `demo customer ${demoCustomer.input.companyName} was refused: ${JSON.stringify(created.failure)}`,
        );
      await app.tenants.chooseExisting(actor, created.value.id, demoCustomer.tenant);
      await app.tenants.attest(actor, created.value.id);
    }
    done.push(`created ${DEMO_CUSTOMERS.length} demo customers`);
  }
  return done;
}

/** The demo sign-ins, printed for a person at a terminal (demo data only: the passwords are published). */
export function demoSignInsText(): string {
  return [
    '  Demo sign-ins (demo data only):',
    ...DEMO_USERS.map(
      (user) => `    ${(user.roles || 'reseller').padEnd(9)} ${user.email.padEnd(20)} ${user.password}`,
    ),
  ].join('\n');
}
