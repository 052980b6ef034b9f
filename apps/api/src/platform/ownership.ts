import { GraphQLError } from 'graphql';
import type { Actor } from './actor.js';
import { hasPermission, type Permission, type Principal } from './permissions.js';

/**
 * Reseller users reach only their own reseller's data; staff reach any reseller's with `permission`,
 * and what they change there is recorded as done on that reseller's behalf.
 */
export function actorForReseller(principal: Principal | null, actor: Actor, resellerId: string, permission: Permission): Actor {
  if (principal?.kind === 'reseller') {
    if (principal.resellerId !== resellerId) throw forbidden();
    return actor;
  }
  if (!hasPermission(principal, permission)) throw forbidden();
  return { ...actor, onBehalfOfResellerId: resellerId };
}

export const forbidden = () => new GraphQLError('You do not have permission to do this.', { extensions: { code: 'FORBIDDEN' } });
