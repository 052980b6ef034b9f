import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { GraphQLError } from 'graphql';
import { buildSchema, type NonEmptyArray } from 'type-graphql';
import { MODULES } from './app.js';
import type { Context } from './context.js';
import type { ApiModule } from './platform/module.js';
import { hasPermission, type Permission } from './platform/permissions.js';

/** No principal: sign in (again). The SPA tells an expired session from a missing one by `reason`. */
export class SignInRequired extends GraphQLError {
  constructor(reason: 'SESSION_EXPIRED' | 'SIGNED_OUT') {
    super(reason === 'SESSION_EXPIRED' ? 'Your session has expired; sign in again.' : 'Sign in to do this.', {
      extensions: { code: 'UNAUTHENTICATED', reason },
    });
  }
}

/** The GraphQL schema of the given contexts' resolvers (every shipped context unless told). */
export function createSchema(modules: readonly ApiModule[] = MODULES): Promise<GraphQLSchema> {
  const resolvers = modules.flatMap((m) => m.resolvers ?? []);
  return buildSchema({
    resolvers: resolvers as unknown as NonEmptyArray<new (...args: never[]) => object>,
    authChecker: ({ context }: { context: Context }, permissions: string[]) => {
      if (!context.principal) throw new SignInRequired(context.authProblem ?? 'SIGNED_OUT');
      return permissions.every((permission) => hasPermission(context.principal, permission as Permission));
    },
    authMode: 'error',
    validate: false,
  });
}
