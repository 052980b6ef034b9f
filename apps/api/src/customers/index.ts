import type { ApiModule } from '../platform/module.js';
import { localAddressRules } from './address-validator.js';
import { CustomerEntity } from './customer.entity.js';
import { CustomerResolver } from './customer.resolver.js';
import { CustomerService } from './customer.service.js';

declare module '../app.js' {
  interface App {
    customers: CustomerService;
  }
}

/** A reseller's end customers (the tenant choice is served here too, from the tenants context). */
export const customersModule: ApiModule = {
  name: 'customers',
  entities: [CustomerEntity],
  resolvers: [CustomerResolver],
  services: ({ db, clock, audit, secrets }) => ({ customers: new CustomerService(db, clock, audit, secrets, localAddressRules) }),
};
