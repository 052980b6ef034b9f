import { requireEmail, requireText, type FieldError } from '@nce/domain';
import type { AuditService } from '../audit/index.js';
import { changesBetween } from '../audit/index.js';
import type { Database } from '../db/database.js';
import {
  USER_SORTS,
  type AccountChange,
  type UserAccounts,
  type UserEntity,
  type UserKind,
} from '../identity/index.js';
import { Forbidden, requirePermission, type RequestContext } from '../platform/request-context.js';
import { fail, invalid, notFound, ok, versionConflict, type Result } from '../platform/result.js';
import type { KeyOrder } from '../platform/cursor.js';
import { sortOrder } from '../platform/list-sort.js';
import { Permission, STAFF_ROLES, type StaffRole } from '../platform/permissions.js';

export interface NewUser {
  email: string;
  displayName: string;
  roles: string[];
}

export interface UserChange {
  id: string;
  version: number;
  displayName?: string | null;
  roles?: string[] | null;
  active?: boolean | null;
}

/** A user created with no usable password, and the one-time link that sets one. */
export interface CreatedUser {
  user: UserEntity;
  resetUrl: string;
}

const snapshot = (u: UserEntity) => ({ email: u.email, displayName: u.displayName, roles: u.roles, active: u.active });

function checkRoles(errors: FieldError[], roles: string[]): StaffRole[] {
  const unknown = roles.filter((r) => !(STAFF_ROLES as readonly string[]).includes(r));
  if (roles.length === 0)
    errors.push({ field: 'roles', code: 'REQUIRED', message: 'Give the user at least one role.' });
  if (unknown.length)
    errors.push({
      field: 'roles',
      code: 'ROLE_UNKNOWN',
      message: `Unknown role(s): ${unknown.join(', ')}. Roles are ${STAFF_ROLES.join(', ')}.`,
    });
  return [...new Set(roles)].filter((r): r is StaffRole => (STAFF_ROLES as readonly string[]).includes(r)).sort();
}

/** Staff accounts: admins create them, change their roles, disable them. */
export class StaffService {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditService,
    private readonly accounts: UserAccounts,
    private readonly resetUrl: (token: string) => string,
  ) {}

  /** Staff users for admins (StaffManage); a reseller's users are listed on the reseller. */
  async list(
    ctx: RequestContext,
    filter: { search?: string | null; kind?: UserKind | null },
    first: number,
    after?: string | null,
    order: KeyOrder = sortOrder(USER_SORTS, 'NAME'),
  ) {
    this.requireAdmin(ctx);
    return this.accounts.page({ search: filter.search, kind: filter.kind ?? 'STAFF' }, first, after, order);
  }

  /**
   * Creates a staff user, or with `resellerId` a reseller's user, with no usable password, and returns
   * a one-time link to set one.
   */
  async create(ctx: RequestContext, input: NewUser, resellerId: string | null = null): Promise<Result<CreatedUser>> {
    // Staff accounts are the admins'; a reseller's users are created by staff who manage resellers (the caller checked
    // which reseller).
    if (resellerId) requirePermission(ctx, Permission.ResellersManage);
    else this.requireAdmin(ctx);
    const errors: FieldError[] = [];
    const email = requireEmail(errors, 'email', input.email, 'Email');
    const displayName = requireText(errors, 'displayName', input.displayName, 'Name', 120);
    const roles = resellerId ? [] : checkRoles(errors, input.roles);
    if (errors.length) return invalid(errors);
    const secrets = await this.accounts.secretsForNew();
    return this.db.transaction(ctx, async (tx) => {
      const user = await this.accounts.create(
        tx,
        { email, displayName, kind: resellerId ? 'RESELLER' : 'STAFF', roles, resellerId },
        secrets,
      );
      if (!user) {
        return fail('EMAIL_TAKEN', `A user with the email ${email} exists already.`, {
          fix: { kind: 'field', field: 'email', label: 'Use another email' },
        });
      }
      await this.audit.record(tx, {
        operation: resellerId ? 'resellers.createUser' : 'staff.createUser',
        entityType: 'User',
        entityId: user.id,
        changes: changesBetween(null, snapshot(user)),
      });
      return ok({ user, resetUrl: this.resetUrl(secrets.token) });
    });
  }

  /** Changes a staff user, refusing to overwrite a newer version (optimistic concurrency). */
  async update(ctx: RequestContext, change: UserChange): Promise<Result<UserEntity>> {
    this.requireAdmin(ctx);
    const errors: FieldError[] = [];
    const displayName =
      change.displayName == null ? undefined : requireText(errors, 'displayName', change.displayName, 'Name', 120);
    const roles = change.roles == null ? undefined : checkRoles(errors, change.roles);
    if (errors.length) return invalid(errors);
    return this.db.transaction(ctx, async (tx) => {
      const user = await this.accounts.staffAccount(tx, change.id);
      if (!user) return notFound('staff user', `No staff user with id ${change.id}.`);
      if (user.version !== change.version) return versionConflict('user', user.version);
      const self = ctx.principal?.userId === user.id;
      if (
        self &&
        (change.active === false || (roles && !roles.includes('admin') && user.roles.split(',').includes('admin')))
      ) {
        return fail(
          'CANNOT_LOCK_OUT_SELF',
          'You cannot disable yourself or remove your own admin role; ask another admin.',
        );
      }
      const fields: AccountChange = {};
      if (displayName !== undefined) fields.displayName = displayName;
      if (roles !== undefined) fields.roles = roles.join(',');
      if (change.active != null) fields.active = change.active;
      const changed = await this.accounts.change(tx, user, change.version, fields);
      if (!('saved' in changed)) return versionConflict('user', changed.currentVersion);
      await this.audit.record(tx, {
        operation: 'staff.updateUser',
        entityType: 'User',
        entityId: user.id,
        changes: changesBetween(snapshot(user), snapshot(changed.saved)),
      });
      return ok(changed.saved);
    });
  }

  private requireAdmin(ctx: RequestContext): void {
    if (ctx.principal?.kind === 'reseller') throw new Forbidden();
    requirePermission(ctx, Permission.StaffManage);
  }
}
