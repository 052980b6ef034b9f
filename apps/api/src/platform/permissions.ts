import { Authorized } from 'type-graphql';

/** What an operation needs. Roles grant permissions; operations declare the permission they need. */
export enum Permission {
  CatalogImport = 'catalog:import',
}

export type StaffRole = 'admin' | 'staff' | 'credit' | 'support';

export const ROLE_PERMISSIONS: Record<StaffRole, readonly Permission[]> = {
  admin: Object.values(Permission),
  staff: [Permission.CatalogImport],
  credit: [],
  support: [],
};

export type Principal =
  | { kind: 'staff'; userId: string; roles: readonly StaffRole[] }
  | { kind: 'reseller'; userId: string; resellerId: string };

export function hasPermission(principal: Principal | null, permission: Permission): boolean {
  if (!principal) return false;
  if (principal.kind === 'staff') return principal.roles.some((role) => ROLE_PERMISSIONS[role].includes(permission));
  return false;
}

/** Operations declared open to anyone, signed in or not. Kept so a test can prove nothing is open by accident. */
export const publicOperations = new Set<string>();

const operationKey = (target: object, method: string | symbol) => `${(target as { constructor: { name: string } }).constructor.name}.${String(method)}`;

/** The operation needs `permission`; checked before the resolver runs. */
export const RequirePermission = (permission: Permission): MethodDecorator => Authorized(permission);

/** The operation is deliberately open to anonymous callers. */
export const Public = (): MethodDecorator => (target, method) => {
  publicOperations.add(operationKey(target, method));
};

export const isPublicOperation = (target: { name: string }, method: string): boolean => publicOperations.has(`${target.name}.${method}`);
