import type { ApiModule } from '../platform/module.js';
import { CustomerTenantEntity } from './customer-tenant.entity.js';
import { TenantResolver } from './tenant.resolver.js';
import { TenantService } from './tenant.service.js';
import type DataLoader from 'dataloader';
import { CustomerTenantsRepository } from './customer-tenants.repository.js';

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
    tenants: new TenantService(
      db,
      clock,
      audit,
      partnerCenter,
      secrets,
      customers,
      new CustomerTenantsRepository(db),
      config.distributorPartnerId,
    ),
  }),
  loaders: ({ db }) => ({ tenantByCustomer: new CustomerTenantsRepository(db).byCustomer() }),
};

export type { CustomerTenantEntity } from './customer-tenant.entity.js';
export type { TenantResult, TenantService } from './tenant.service.js';
