import type { EntityManager } from 'typeorm';
import type { Clock } from './clock.js';
import { hasPermission, type ModulePermission, type Permission, type Principal } from './permissions.js';

/**
 * Who is asking, for whom and when, and the transaction the work runs in once one is open: the first
 * argument of every service method, reads included. The GraphQL context is one (it adds the request's
 * plumbing); jobs, scripts and HTTP routes make their own. The audit trail records it with every change.
 */
export interface RequestContext {
  readonly principal: Principal | null;
  readonly requestId: string;
  readonly ip?: string | null;
  /** Set when a staff user acts on behalf of a reseller; the audit keeps both identities. */
  readonly onBehalfOfResellerId?: string | null;
  readonly clock: Clock;
  /**
   * The open transaction, set by `Database.transaction(ctx, …)`. A service called with this context writes
   * in it, and a transaction opened with it joins it, so a change and everything it causes in other
   * contexts (the audit entry, the mail, the credit drawn) commit or roll back together.
   */
  readonly transaction?: EntityManager;
}

/** A context inside an open transaction. */
export type Transactional = RequestContext & { readonly transaction: EntityManager };

/** `ctx`, known to be inside a transaction; a write that must commit with the change it belongs to calls it. */
export function inTransaction(ctx: RequestContext): Transactional {
  if (!ctx.transaction)
    throw new Error('this write runs only inside a transaction: open one with db.transaction(ctx, …)');
  return ctx as Transactional;
}

/** For what the system does by itself (jobs, seeding, the CLI): no principal, every record in reach. */
export const systemContext = (clock: Clock, requestId: string): RequestContext => ({
  principal: null,
  requestId,
  clock,
});

/**
 * Refused for want of permission or ownership: an authorisation failure, answered as FORBIDDEN and never as a business
 * error.
 */
export class Forbidden extends Error {
  constructor() {
    super('You do not have permission to do this.');
    this.name = 'Forbidden';
  }
}

type AnyPermission = Permission | ModulePermission;

/** An argument that names nothing (an unknown id where no result union can say so): answered as BAD_USER_INPUT. */
export class BadInput extends Error {
  constructor(
    message: string,
    readonly argumentName: string,
  ) {
    super(message);
    this.name = 'BadInput';
  }
}

/**
 * Whether `ctx` may reach a reseller's records: that reseller's own users, staff holding any of
 * `permissions`, and the system itself (a job or script acts with no principal and is trusted).
 */
export function mayReach(ctx: RequestContext, resellerId: string, ...permissions: AnyPermission[]): boolean {
  const { principal } = ctx;
  if (!principal) return true;
  if (principal.kind === 'reseller') return principal.resellerId === resellerId;
  return permissions.some((permission) => hasPermission(principal, permission));
}

/**
 * Reseller users reach only their own reseller's data; staff reach any reseller's with `permission`, and
 * what they change there is recorded as done on that reseller's behalf. Throws Forbidden otherwise.
 */
export function actingFor<C extends RequestContext>(ctx: C, resellerId: string, ...permissions: AnyPermission[]): C {
  if (!mayReach(ctx, resellerId, ...permissions)) throw new Forbidden();
  return ctx.principal?.kind === 'staff' ? { ...ctx, onBehalfOfResellerId: resellerId } : ctx;
}

/** Throws Forbidden unless the principal holds `permission` (the system always does). */
export function requirePermission(ctx: RequestContext, permission: AnyPermission): void {
  if (ctx.principal && !hasPermission(ctx.principal, permission)) throw new Forbidden();
}

/** The reseller a reseller user is confined to, or the one a staff user asked about (undefined: all). */
export const ownReseller = (ctx: RequestContext, asked?: string | null): string | null | undefined =>
  ctx.principal?.kind === 'reseller' ? ctx.principal.resellerId : asked;
