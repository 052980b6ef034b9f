import type { ApiModule } from '../platform/module.js';
import { CustomerTenantEntity } from './customer-tenant.entity.js';
import { TenantService } from './tenant.service.js';

declare module '../app.js' {
  interface App {
    tenants: TenantService;
  }
}

/** A customer's Microsoft tenant: new or existing, the reseller relationship, the attestation. */
export const tenantsModule: ApiModule = {
  name: 'tenants',
  entities: [CustomerTenantEntity],
  services: ({ config, db, clock, audit, partnerCenter, secrets }) => ({ tenants: new TenantService(db, clock, audit, partnerCenter, secrets, config.distributorPartnerId) }),
};
