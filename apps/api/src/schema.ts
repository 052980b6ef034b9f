import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { GraphQLError } from 'graphql';
import { buildSchema } from 'type-graphql';
import { AuditResolver } from './audit/audit.resolver.js';
import { CatalogResolver } from './catalog/catalog.resolver.js';
import { PriceListImportResolver } from './catalog/price-list-import.resolver.js';
import type { Context } from './context.js';
import { CustomerResolver } from './customers/customer.resolver.js';
import { IdentityResolver } from './identity/identity.resolver.js';
import { OrderResolver } from './orders/order.resolver.js';
import { hasPermission, type Permission } from './platform/permissions.js';
import { SimulatorResolver } from './partner-center/simulator.resolver.js';
import { ResellerResolver } from './resellers/reseller.resolver.js';
import { StaffResolver } from './staff/staff.resolver.js';
import { SupportResolver } from './support/support.resolver.js';
import { TermsResolver } from './terms/terms.resolver.js';

export const RESOLVERS = [IdentityResolver, StaffResolver, AuditResolver, CatalogResolver, PriceListImportResolver, ResellerResolver, SimulatorResolver, CustomerResolver, OrderResolver, TermsResolver, SupportResolver] as const;

/** No principal: sign in (again). The SPA tells an expired session from a missing one by `reason`. */
export class SignInRequired extends GraphQLError {
  constructor(reason: 'SESSION_EXPIRED' | 'SIGNED_OUT') {
    super(reason === 'SESSION_EXPIRED' ? 'Your session has expired; sign in again.' : 'Sign in to do this.', { extensions: { code: 'UNAUTHENTICATED', reason } });
  }
}

export function createSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: RESOLVERS,
    authChecker: ({ context }: { context: Context }, permissions: string[]) => {
      if (!context.principal) throw new SignInRequired(context.authProblem ?? 'SIGNED_OUT');
      return permissions.every((permission) => hasPermission(context.principal, permission as Permission));
    },
    authMode: 'error',
    validate: false,
  });
}
