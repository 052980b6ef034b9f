import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema, AuthenticationError } from 'type-graphql';
import { CatalogResolver } from './catalog/catalog.resolver.js';
import { PriceListImportResolver } from './catalog/price-list-import.resolver.js';
import type { Context } from './context.js';
import { hasPermission, type Permission } from './platform/permissions.js';

export const RESOLVERS = [CatalogResolver, PriceListImportResolver] as const;

export function createSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: RESOLVERS,
    authChecker: ({ context }: { context: Context }, permissions: string[]) => {
      if (!context.principal) throw new AuthenticationError();
      return permissions.every((permission) => hasPermission(context.principal, permission as Permission));
    },
    authMode: 'error',
    validate: false,
  });
}
