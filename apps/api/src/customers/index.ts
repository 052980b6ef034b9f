import { CUSTOMER_NAMES } from './published.js';
import type { ApiModule } from '../platform/module.js';
import { localAddressRules } from './address-validator.js';
import { CustomerEntity } from './customer.entity.js';
import { CustomerResolver } from './customer.resolver.js';
import { CustomerService } from './customer.service.js';
import type DataLoader from 'dataloader';
import { CustomersRepository } from './customers.repository.js';

declare module '../loaders.js' {
  interface Loaders {
    customerName: DataLoader<string, string | null>;
  }
}

declare module '../app.js' {
  interface App {
    customers: CustomerService;
  }
}

/** A reseller's end customers. */
export const customersModule: ApiModule = {
  name: 'customers',
  auditNames: { Customer: CUSTOMER_NAMES },
  entities: [CustomerEntity],
  resolvers: [CustomerResolver],
  services: ({ db, clock, audit, secrets, resellers }) => ({
    customers: new CustomerService(
      db,
      clock,
      audit,
      secrets,
      localAddressRules,
      resellers,
      new CustomersRepository(db),
    ),
  }),
  loaders: ({ db }) => ({ customerName: new CustomersRepository(db).names() }),
};
export type { CustomerEntity } from './customer.entity.js';
export type { CustomerService } from './customer.service.js';
// Values other contexts' resolvers build on (the tenants context adds Customer.tenant).
export { Customer, RevealedSecret } from './customer.types.js';
