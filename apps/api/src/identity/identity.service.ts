import { randomUUID } from 'node:crypto';
import { checkNewPassword } from '@nce/domain';
import { IsNull, type EntityManager } from 'typeorm';
import type { AuditService } from '../audit/index.js';
import type { Database } from '../db/database.js';
import { packedColumns, unpack } from '../db/sql.js';
import { Forbidden, type RequestContext, type Transactional } from '../platform/request-context.js';
import { fail, ok, type Result } from '../platform/result.js';
import type { Clock } from '../platform/clock.js';
import { hasPermission, Permission, STAFF_ROLES, type Principal, type StaffRole } from '../platform/permissions.js';
import type { PasswordHasher } from './password-hasher.js';
import { PasswordResetEntity } from './password-reset.entity.js';
import { SessionEntity } from './session.entity.js';
import { SignInFailureEntity } from './sign-in-failure.entity.js';
import { newToken, tokenHash } from './tokens.js';
import { UserEntity } from './user.entity.js';

const MINUTE = 60_000;
export const SESSION_IDLE_MS = 2 * 60 * MINUTE;
export const SESSION_ABSOLUTE_MS = 12 * 60 * MINUTE;
export const PASSWORD_RESET_TTL_MS = 60 * MINUTE;
export const FAILURE_WINDOW_MS = 15 * MINUTE;
export const ACCOUNT_FAILURE_LIMIT = 5;
export const ADDRESS_FAILURE_LIMIT = 30;
const LAST_SEEN_RESOLUTION_MS = MINUTE;

export const emailKey = (email: string): string => email.trim().toLowerCase();

/** A session begun: its token (for the cookie), when it ends, and whose it is. */
export interface Session {
  token: string;
  expiresAt: Date;
  user: UserEntity;
}

/** The details of a TOO_MANY_ATTEMPTS refusal. */
export interface Throttled {
  retryAfterSeconds: number;
}

/** A refused password; `field` is the input at fault. */
const refusedPassword = (code: string, message: string, field?: string) =>
  fail(code, message, { fix: field ? { kind: 'field', field, label: message } : null });

export type Authentication = { principal: Principal } | { problem: 'SESSION_EXPIRED' } | null;

export function principalOf(
  user: Pick<UserEntity, 'id' | 'email' | 'kind' | 'roles' | 'resellerId'>,
  sessionId?: string,
): Principal {
  if (user.kind === 'RESELLER')
    return { kind: 'reseller', userId: user.id, email: user.email, resellerId: user.resellerId!, sessionId };
  const roles = user.roles.split(',').filter((r): r is StaffRole => (STAFF_ROLES as readonly string[]).includes(r));
  return { kind: 'staff', userId: user.id, email: user.email, roles, sessionId };
}

/** Sign-in, sessions and passwords of staff and reseller users. */
export class IdentityService {
  /** Verified against when the email is unknown, so a miss takes as long as a hit. */
  private decoyHash: Promise<string>;
  private readonly signInHooks: ((actor: Transactional, user: UserEntity) => Promise<void>)[] = [];

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly hasher: PasswordHasher,
  ) {
    this.decoyHash = hasher.hash(newToken());
  }

  /** Other contexts act on a sign-in inside its transaction (R1: activation on first sign-in). */
  afterSignIn(hook: (actor: Transactional, user: UserEntity) => Promise<void>): void {
    this.signInHooks.push(hook);
  }

  hashPassword(password: string): Promise<string> {
    return this.hasher.hash(password);
  }

  /** The signed-in user of `ctx`; null when nobody is signed in. */
  async me(ctx: RequestContext): Promise<UserEntity | null> {
    return ctx.principal ? this.db.read.findOneBy(UserEntity, { id: ctx.principal.userId }) : null;
  }

  async signIn(
    ctx: RequestContext,
    input: { email: string; password: string; ip: string; userAgent?: string | null },
  ): Promise<Result<Session>> {
    const key = emailKey(input.email);
    const ip = input.ip.slice(0, 64);
    const now = this.clock.now();
    // Reserve, then verify: the attempt is recorded as a failure (and committed) before its password is
    // checked, so attempts sent in parallel count each other; a right password removes the record again.
    const reservation = await this.db.transaction(async (m) => {
      const inserted = await m.insert(SignInFailureEntity, { emailKey: key.slice(0, 254), ip, at: now.toISOString() });
      return Number(inserted.identifiers[0]!.id);
    });
    const throttled = await this.throttle(key, ip, now);
    if (throttled) {
      // A refused attempt was never verified: it does not count, so the lock ends on time.
      await this.db.transaction((m) => m.delete(SignInFailureEntity, { id: reservation }));
      return throttled;
    }

    const user = await this.db.read.findOneBy(UserEntity, { emailKey: key });
    const passwordOk = await this.hasher.verify(
      user?.passwordHash ?? (await this.decoyHash),
      input.password.slice(0, 256),
    );
    // A disabled account answers as a wrong password does, so a guess cannot learn it was right.
    if (!user || !passwordOk || !user.active) return fail('INVALID_CREDENTIALS', 'The email or password is wrong.');

    const token = newToken();
    const expiresAt = new Date(now.getTime() + SESSION_ABSOLUTE_MS);
    const sessionId = randomUUID();
    await this.db.transaction(ctx, async (tx, m) => {
      await m.delete(SignInFailureEntity, { emailKey: key });
      await m.insert(SessionEntity, {
        id: sessionId,
        tokenHash: tokenHash(token),
        userId: user.id,
        createdAt: now.toISOString(),
        lastSeenAt: now.toISOString(),
        expiresAt: expiresAt.toISOString(),
        revokedAt: null,
        ip,
        userAgent: input.userAgent?.slice(0, 300) ?? null,
      });
      const actor: Transactional = { ...tx, principal: principalOf(user, sessionId), ip: input.ip };
      await this.audit.record(actor, { operation: 'identity.signIn', entityType: 'Session', entityId: sessionId });
      for (const hook of this.signInHooks) await hook(actor, user);
    });
    return ok({ token, expiresAt, user });
  }

  /**
   * The principal of a session cookie; SESSION_EXPIRED when it was valid once and no longer is. Every
   * request asks this, so it is one statement for the session and its user, with no entity hydration.
   */
  async authenticate(token: string | null | undefined): Promise<Authentication> {
    if (!token) return null;
    const [row] = await this.db.select<{ packed: unknown }>(
      `SELECT ${packedColumns(this.db.kind, ['s.id', 's.expires_at', 's.revoked_at', 's.last_seen_at', 'u.id', 'u.email', 'u.kind', 'u.roles', 'u.reseller_id', 'u.active'])}
       FROM user_session s JOIN app_user u ON u.id = s.user_id WHERE s.token_hash = ?`,
      [tokenHash(token)],
    );
    if (!row) return { problem: 'SESSION_EXPIRED' };
    const [sessionId, expiresAt, revokedAt, lastSeenAt, userId, email, kind, roles, resellerId, active] = unpack(
      row,
    ) as [
      string,
      string,
      string | null,
      string,
      string,
      string,
      UserEntity['kind'],
      string,
      string | null,
      boolean | number,
    ];
    const now = this.clock.now();
    const idleSince = now.getTime() - Date.parse(lastSeenAt);
    if (revokedAt || now.toISOString() >= expiresAt || idleSince >= SESSION_IDLE_MS || !active)
      return { problem: 'SESSION_EXPIRED' };
    if (idleSince >= LAST_SEEN_RESOLUTION_MS) {
      await this.db.transaction((m) => m.update(SessionEntity, sessionId, { lastSeenAt: now.toISOString() }));
    }
    return { principal: principalOf({ id: userId, email, kind, roles, resellerId }, sessionId) };
  }

  async signOut(actor: RequestContext): Promise<void> {
    const sessionId = actor.principal?.sessionId;
    if (!sessionId) return;
    await this.db.transaction(actor, async (tx, m) => {
      await m.update(
        SessionEntity,
        { id: sessionId, revokedAt: IsNull() },
        { revokedAt: this.clock.now().toISOString() },
      );
      await this.audit.record(tx, { operation: 'identity.signOut', entityType: 'Session', entityId: sessionId });
    });
  }

  async changePassword(actor: RequestContext, currentPassword: string, newPassword: string): Promise<Result<void>> {
    const principal = actor.principal;
    if (!principal) return fail('UNAUTHENTICATED', 'Sign in first.');
    const user = await this.db.read.findOneByOrFail(UserEntity, { id: principal.userId });
    if (!(await this.hasher.verify(user.passwordHash, currentPassword.slice(0, 256)))) {
      return refusedPassword('CURRENT_PASSWORD_WRONG', 'The current password is wrong.', 'currentPassword');
    }
    const policy = checkNewPassword(newPassword, user.email);
    if (!policy.allowed) return refusedPassword(policy.code, policy.message, 'newPassword');
    const passwordHash = await this.hasher.hash(newPassword);
    await this.db.transaction(actor, async (tx, m) => {
      await this.setPassword(m, user.id, passwordHash, principal.sessionId ?? null);
      await this.audit.record(tx, {
        operation: 'identity.changePassword',
        entityType: 'User',
        entityId: user.id,
        changes: { passwordHash: { before: '[redacted]', after: '[redacted]' } },
      });
    });
    return ok(undefined);
  }

  /** An admin creates a one-time reset token for a user; the link is handed over out of band. */
  async createPasswordReset(
    actor: RequestContext,
    userId: string,
  ): Promise<Result<{ token: string; expiresAt: Date; user: UserEntity }>> {
    const user = await this.db.read.findOneBy(UserEntity, { id: userId });
    if (!user) return fail('USER_NOT_FOUND', `No user with id ${userId}.`);
    // Admins reset anyone's password; support starts resets for reseller users only.
    if (
      actor.principal &&
      !(
        hasPermission(actor.principal, Permission.StaffManage) ||
        (user.kind === 'RESELLER' && hasPermission(actor.principal, Permission.SupportCases))
      )
    )
      throw new Forbidden();
    const token = newToken();
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + PASSWORD_RESET_TTL_MS);
    await this.db.transaction(actor, async (tx, m) => {
      await this.issueReset(m, user.id, token, actor.principal?.userId ?? null, now, expiresAt);
      await this.audit.record(tx, {
        operation: 'identity.createPasswordReset',
        entityType: 'User',
        entityId: user.id,
      });
    });
    return ok({ token, expiresAt, user });
  }

  async issueReset(
    m: EntityManager,
    userId: string,
    token: string,
    createdBy: string | null,
    now: Date,
    expiresAt: Date,
  ): Promise<void> {
    await m.update(PasswordResetEntity, { userId, usedAt: IsNull() }, { usedAt: now.toISOString() });
    await m.insert(PasswordResetEntity, {
      id: randomUUID(),
      tokenHash: tokenHash(token),
      userId,
      createdBy,
      createdAt: now.toISOString(),
      expiresAt: expiresAt.toISOString(),
      usedAt: null,
    });
  }

  async resetPassword(ctx: RequestContext, token: string, newPassword: string): Promise<Result<void>> {
    const now = this.clock.now();
    const reset = await this.db.read.findOneBy(PasswordResetEntity, { tokenHash: tokenHash(token) });
    if (!reset || reset.usedAt || now.toISOString() >= reset.expiresAt) {
      return fail(
        'RESET_LINK_INVALID',
        'This reset link is invalid, used or expired; ask an administrator for a new one.',
      );
    }
    const user = await this.db.read.findOneByOrFail(UserEntity, { id: reset.userId });
    const policy = checkNewPassword(newPassword, user.email);
    if (!policy.allowed) return refusedPassword(policy.code, policy.message, 'newPassword');
    const passwordHash = await this.hasher.hash(newPassword);
    return this.db.transaction(ctx, async (tx, m) => {
      // Claim the token inside the transaction, so two uses of one link cannot both succeed.
      const claimed = await m.update(
        PasswordResetEntity,
        { id: reset.id, usedAt: IsNull() },
        { usedAt: now.toISOString() },
      );
      if (!claimed.affected) return fail('RESET_LINK_INVALID', 'This reset link has already been used.');
      await this.setPassword(m, user.id, passwordHash, null);
      await m.delete(SignInFailureEntity, { emailKey: user.emailKey });
      await this.audit.record(
        { ...tx, principal: principalOf(user) },
        {
          operation: 'identity.resetPassword',
          entityType: 'User',
          entityId: user.id,
          changes: { passwordHash: { before: '[redacted]', after: '[redacted]' } },
        },
      );
      return ok(undefined);
    });
  }

  /** Sets a password and ends every other session of the user. */
  private async setPassword(
    m: EntityManager,
    userId: string,
    passwordHash: string,
    keepSessionId: string | null,
  ): Promise<void> {
    const now = this.clock.now().toISOString();
    await m.update(UserEntity, userId, { passwordHash, passwordChangedAt: now, updatedAt: now });
    const sessions = m
      .createQueryBuilder()
      .update(SessionEntity)
      .set({ revokedAt: now })
      .where('user_id = :userId AND revoked_at IS NULL', { userId });
    if (keepSessionId) sessions.andWhere('id <> :keep', { keep: keepSessionId });
    await sessions.execute();
  }

  /** Whether the attempt just reserved is one too many: it is counted with those before it. */
  private async throttle(key: string, ip: string, now: Date): Promise<Result<Session> | null> {
    const since = new Date(now.getTime() - FAILURE_WINDOW_MS).toISOString();
    const [byAccount, byAddress] = await Promise.all([
      this.db.read
        .createQueryBuilder(SignInFailureEntity, 'f')
        .select('MIN(f.at)', 'oldest')
        .addSelect('COUNT(*)', 'count')
        .where('f.email_key = :key AND f.at >= :since', { key, since })
        .getRawOne<{ oldest: string | null; count: string | number }>(),
      this.db.read
        .createQueryBuilder(SignInFailureEntity, 'f')
        .select('MIN(f.at)', 'oldest')
        .addSelect('COUNT(*)', 'count')
        .where('f.ip = :ip AND f.at >= :since', { ip, since })
        .getRawOne<{ oldest: string | null; count: string | number }>(),
    ]);
    const blocked = [
      { row: byAccount, limit: ACCOUNT_FAILURE_LIMIT },
      { row: byAddress, limit: ADDRESS_FAILURE_LIMIT },
    ].filter(({ row, limit }) => Number(row?.count ?? 0) > limit && row?.oldest);
    if (blocked.length === 0) return null;
    const until = Math.max(...blocked.map(({ row }) => Date.parse(row!.oldest!) + FAILURE_WINDOW_MS));
    const retryAfterSeconds = Math.max(1, Math.ceil((until - now.getTime()) / 1000));
    return fail<Throttled>(
      'TOO_MANY_ATTEMPTS',
      `Too many failed sign-ins. Try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s), or ask support to unlock the account.`,
      { details: { retryAfterSeconds } },
    );
  }
}
