import type { ApiModule } from '../platform/module.js';
import { CustomerTenantEntity } from './customer-tenant.entity.js';
import { TenantResolver } from './tenant.resolver.js';
import { TenantService } from './tenant.service.js';
import DataLoader from 'dataloader';
import { In } from 'typeorm';

declare module '../loaders.js' {
  interface Loaders {
    tenantByCustomer: DataLoader<string, CustomerTenantEntity | null>;
  }
}

declare module '../app.js' {
  interface App {
    tenants: TenantService;
  }
}

/** A customer's Microsoft tenant: new or existing, the reseller relationship, the attestation. */
export const tenantsModule: ApiModule = {
  name: 'tenants',
  entities: [CustomerTenantEntity],
  resolvers: [TenantResolver],
  services: ({ config, db, clock, audit, partnerCenter, secrets, customers }) => ({
    tenants: new TenantService(db, clock, audit, partnerCenter, secrets, customers, config.distributorPartnerId),
  }),
  loaders: ({ db }) => ({
    tenantByCustomer: new DataLoader(async (ids) => {
      const rows = await db.read.findBy(CustomerTenantEntity, { customerId: In([...ids]) });
      return ids.map((id) => rows.find((t) => t.customerId === id) ?? null);
    }),
  }),
};

export type { CustomerTenantEntity } from './customer-tenant.entity.js';
export type { TenantResult, TenantService } from './tenant.service.js';
