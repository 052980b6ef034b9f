import { randomUUID } from 'node:crypto';
import { requireEmail, requireText, type FieldError } from '@nce/domain';
import type { AuditService } from '../audit/index.js';
import { changesBetween } from '../audit/index.js';
import type { Database } from '../db/database.js';
import { emailKey, type IdentityService, PASSWORD_RESET_TTL_MS } from '../identity/identity.service.js';
import type { PasswordHasher } from '../identity/index.js';
import { SessionEntity } from '../identity/session.entity.js';
import { newToken } from '../identity/tokens.js';
import { UserEntity, type UserKind } from '../identity/user.entity.js';
import { Forbidden, requirePermission, type RequestContext } from '../platform/request-context.js';
import { fail, invalid, notFound, ok, versionConflict, type Result } from '../platform/result.js';
import type { Clock } from '../platform/clock.js';
import { containsPattern, keysetPage, type KeyOrder } from '../platform/cursor.js';
import { sortOrder, type SortColumns } from '../platform/list-sort.js';
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

/** The columns the users list sorts on, each with the direction it starts in. */
export const USER_SORTS = {
  NAME: { column: 'display_name', property: 'displayName', direction: 'ASC' },
  EMAIL: { column: 'email_key', property: 'emailKey', direction: 'ASC' },
} satisfies SortColumns<string>;

/** Staff accounts: admins create them, change their roles, disable them. */
export class StaffService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly hasher: PasswordHasher,
    private readonly identity: IdentityService,
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
    const query = this.db.read
      .createQueryBuilder(UserEntity, 'u')
      .where('u.kind = :kind', { kind: filter.kind ?? 'STAFF' });
    if (filter.search?.trim()) {
      query.andWhere("(LOWER(u.display_name) LIKE :q ESCAPE '\\' OR u.email_key LIKE :q ESCAPE '\\')", {
        q: containsPattern(filter.search.trim()),
      });
    }
    const page = await keysetPage(query, { alias: 'u', order, first, after });
    return { users: page.rows, hasNextPage: page.hasNextPage, endCursor: page.endCursor };
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
    const actor = ctx;
    const errors: FieldError[] = [];
    const email = requireEmail(errors, 'email', input.email, 'Email');
    const displayName = requireText(errors, 'displayName', input.displayName, 'Name', 120);
    const roles = resellerId ? [] : checkRoles(errors, input.roles);
    if (errors.length) return invalid(errors);
    const now = this.clock.now();
    const unusable = await this.hasher.hash(newToken());
    const token = newToken();
    return this.db.transaction(async (m) => {
      if (await m.existsBy(UserEntity, { emailKey: emailKey(email) })) {
        return fail('EMAIL_TAKEN', `A user with the email ${email} exists already.`, {
          fix: { kind: 'field', field: 'email', label: 'Use another email' },
        });
      }
      const user = m.create(UserEntity, {
        id: randomUUID(),
        email,
        emailKey: emailKey(email),
        displayName,
        kind: resellerId ? 'RESELLER' : 'STAFF',
        roles: roles.join(','),
        resellerId,
        passwordHash: unusable,
        active: true,
        createdAt: now.toISOString(),
        updatedAt: now.toISOString(),
        passwordChangedAt: now.toISOString(),
      });
      await m.save(user);
      await this.identity.issueReset(
        m,
        user.id,
        token,
        actor.principal?.userId ?? null,
        now,
        new Date(now.getTime() + PASSWORD_RESET_TTL_MS),
      );
      await this.audit.record(m, actor, {
        operation: resellerId ? 'resellers.createUser' : 'staff.createUser',
        entityType: 'User',
        entityId: user.id,
        changes: changesBetween(null, snapshot(user)),
      });
      return ok({ user, resetUrl: this.resetUrl(token) });
    });
  }

  /** Changes a staff user, refusing to overwrite a newer version (optimistic concurrency). */
  async update(ctx: RequestContext, change: UserChange): Promise<Result<UserEntity>> {
    this.requireAdmin(ctx);
    const actor = ctx;
    const errors: FieldError[] = [];
    const displayName =
      change.displayName == null ? undefined : requireText(errors, 'displayName', change.displayName, 'Name', 120);
    const roles = change.roles == null ? undefined : checkRoles(errors, change.roles);
    if (errors.length) return invalid(errors);
    return this.db.transaction(async (m) => {
      const user = await m.findOneBy(UserEntity, { id: change.id, kind: 'STAFF' });
      if (!user) return notFound('staff user', `No staff user with id ${change.id}.`);
      if (user.version !== change.version) return versionConflict('user', user.version);
      const self = actor.principal?.userId === user.id;
      if (
        self &&
        (change.active === false || (roles && !roles.includes('admin') && user.roles.split(',').includes('admin')))
      ) {
        return fail(
          'CANNOT_LOCK_OUT_SELF',
          'You cannot disable yourself or remove your own admin role; ask another admin.',
        );
      }
      const before = snapshot(user);
      const fields: Partial<UserEntity> = { updatedAt: this.clock.now().toISOString() };
      if (displayName !== undefined) fields.displayName = displayName;
      if (roles !== undefined) fields.roles = roles.join(',');
      if (change.active != null) fields.active = change.active;
      // The version in the WHERE clause makes the check hold under concurrent writers on any database.
      const updated = await m
        .createQueryBuilder()
        .update(UserEntity)
        .set({ ...fields, version: () => 'version + 1' })
        .where('id = :id AND version = :version', { id: user.id, version: change.version })
        .execute();
      if (updated.affected !== 1) {
        // Someone committed a change since we read: report the version that is current now.
        const now = await m.findOneBy(UserEntity, { id: user.id });
        return versionConflict('user', now?.version ?? user.version + 1);
      }
      const saved = await m.findOneByOrFail(UserEntity, { id: user.id });
      if (change.active === false) {
        await m
          .createQueryBuilder()
          .update(SessionEntity)
          .set({ revokedAt: saved.updatedAt })
          .where('user_id = :id AND revoked_at IS NULL', { id: user.id })
          .execute();
      }
      await this.audit.record(m, actor, {
        operation: 'staff.updateUser',
        entityType: 'User',
        entityId: user.id,
        changes: changesBetween(before, snapshot(saved)),
      });
      return ok(saved);
    });
  }

  private requireAdmin(ctx: RequestContext): void {
    if (ctx.principal?.kind === 'reseller') throw new Forbidden();
    requirePermission(ctx, Permission.StaffManage);
  }
}
