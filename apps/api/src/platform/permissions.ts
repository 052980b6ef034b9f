import { Authorized } from 'type-graphql';

/**
 * What an operation needs. Roles grant permissions; every query and mutation declares the one it
 * needs (or that it is public), and a test fails on any that declares neither.
 */
export enum Permission {
  /** Any signed-in user, staff or reseller: their own session, password, the catalog. */
  SignedIn = 'signed-in',
  CatalogImport = 'catalog:import',
  ResellersRead = 'resellers:read',
  ResellersManage = 'resellers:manage',
  CustomersRead = 'customers:read',
  CustomersManage = 'customers:manage',
  OrdersRead = 'orders:read',
  OrdersManage = 'orders:manage',
  TermsReview = 'terms:review',
  /** Asking for terms: resellers for themselves, staff on their behalf. */
  TermsSubmit = 'terms:submit',
  CreditLimitsRead = 'credit-limits:read',
  SupportCases = 'support:cases',
  /** Opening and following one's own support cases (resellers), or any (support). */
  CasesOpen = 'cases:open',
  /** Revealing customer portal passwords and tenant temporary passwords (audited). */
  SecretsReveal = 'secrets:reveal',
  SimulatorManage = 'simulator:manage',
  StaffManage = 'staff:manage',
  AuditRead = 'audit:read',
}

export const STAFF_ROLES = ['admin', 'staff', 'credit', 'support'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

const P = Permission;

/** The role matrix (identity issue): admin has everything; the others what their desk needs. */
export const ROLE_PERMISSIONS: Record<StaffRole, readonly Permission[]> = {
  admin: Object.values(Permission),
  staff: [
    P.SignedIn,
    P.TermsSubmit,
    P.CreditLimitsRead,
    P.CatalogImport,
    P.ResellersRead,
    P.ResellersManage,
    P.CustomersRead,
    P.CustomersManage,
    P.OrdersRead,
    P.OrdersManage,
    P.SecretsReveal,
    P.SimulatorManage,
    P.AuditRead,
  ],
  credit: [P.SignedIn, P.ResellersRead, P.TermsReview, P.CreditLimitsRead, P.OrdersRead],
  support: [P.SignedIn, P.SupportCases, P.CasesOpen, P.ResellersRead, P.CustomersRead, P.OrdersRead, P.SecretsReveal],
};

/** Reseller users act only on their own reseller's data; services enforce the ownership. */
export const RESELLER_PERMISSIONS: readonly Permission[] = [
  P.SignedIn,
  P.TermsSubmit,
  P.CasesOpen,
  P.CustomersRead,
  P.CustomersManage,
  P.OrdersRead,
  P.OrdersManage,
  P.SecretsReveal,
  P.CreditLimitsRead,
];

export type Principal =
  | { kind: 'staff'; userId: string; email: string; roles: readonly StaffRole[]; sessionId?: string }
  | { kind: 'reseller'; userId: string; email: string; resellerId: string; sessionId?: string };

/** A permission a context module declares for itself, named "<context>:<action>". */
export type ModulePermission = `${string}:${string}`;

/** Who holds a module's permission: staff roles (admin always), and reseller users when `resellers`. */
export interface PermissionGrant {
  roles: readonly StaffRole[];
  resellers?: boolean;
}

/** Permissions declared by modules (process-wide, like the GraphQL metadata the decorators write). */
const moduleGrants = new Map<string, PermissionGrant>();

/** Adds a module's permissions to the role matrix; `createApp` calls it for each module it builds. */
export function grantPermissions(grants: Readonly<Record<ModulePermission, PermissionGrant>>): void {
  for (const [permission, grant] of Object.entries(grants)) moduleGrants.set(permission, grant);
}

export function permissionsOf(principal: Principal | null): (Permission | ModulePermission)[] {
  if (!principal) return [];
  const declared = [...moduleGrants]
    .filter(([, grant]) =>
      principal.kind === 'reseller'
        ? grant.resellers === true
        : principal.roles.some((role) => role === 'admin' || grant.roles.includes(role)),
    )
    .map(([permission]) => permission as ModulePermission);
  if (principal.kind === 'reseller') return [...RESELLER_PERMISSIONS, ...declared];
  return [...new Set([...principal.roles.flatMap((role) => ROLE_PERMISSIONS[role] ?? []), ...declared])];
}

export const hasPermission = (principal: Principal | null, permission: Permission | ModulePermission): boolean =>
  permissionsOf(principal).includes(permission);

/** Operations declared open to anyone, signed in or not. Kept so a test can prove nothing is open by accident. */
export const publicOperations = new Set<string>();

const operationKey = (target: object, method: string | symbol) =>
  `${(target as { constructor: { name: string } }).constructor.name}.${String(method)}`;

/** The operation needs `permission`; checked before the resolver runs. */
export const RequirePermission = (permission: Permission | ModulePermission): MethodDecorator & PropertyDecorator =>
  Authorized(permission);

/** The operation is deliberately open to anonymous callers. */
export const Public = (): MethodDecorator => (target, method) => {
  publicOperations.add(operationKey(target, method));
};

export const isPublicOperation = (target: { name: string }, method: string): boolean =>
  publicOperations.has(`${target.name}.${method}`);
