import { randomUUID } from 'node:crypto';
import { checkNewPassword } from '@nce/domain';
import type { AuditService } from '../audit/index.js';
import type { Database } from '../db/database.js';
import { Forbidden, type RequestContext, type Transactional } from '../platform/request-context.js';
import { fail, ok, type Result } from '../platform/result.js';
import type { Clock } from '../platform/clock.js';
import { hasPermission, Permission, STAFF_ROLES, type Principal, type StaffRole } from '../platform/permissions.js';
import type { PasswordHasher } from './password-hasher.js';
import type { SessionsRepository } from './sessions.repository.js';
import { newToken, tokenHash } from './tokens.js';
import type { UserEntity } from './user.entity.js';
import type { UsersRepository } from './users.repository.js';

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
    private readonly users: UsersRepository,
    private readonly sessions: SessionsRepository,
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
    return ctx.principal ? this.users.byId(ctx, ctx.principal.userId) : null;
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
    const reservation = await this.sessions.reserveFailure(key, ip, now.toISOString());
    const throttled = await this.throttle(key, ip, now);
    if (throttled) {
      // A refused attempt was never verified: it does not count, so the lock ends on time.
      await this.sessions.dropFailure(reservation);
      return throttled;
    }

    const user = await this.users.byEmailKey(ctx, key);
    const passwordOk = await this.hasher.verify(
      user?.passwordHash ?? (await this.decoyHash),
      input.password.slice(0, 256),
    );
    // A disabled account answers as a wrong password does, so a guess cannot learn it was right.
    if (!user || !passwordOk || !user.active) return fail('INVALID_CREDENTIALS', 'The email or password is wrong.');

    const token = newToken();
    const expiresAt = new Date(now.getTime() + SESSION_ABSOLUTE_MS);
    const sessionId = randomUUID();
    await this.db.transaction(ctx, async (tx) => {
      await this.sessions.clearFailures(tx, { emailKey: key });
      await this.sessions.insertSession(tx, {
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
    const row = await this.sessions.withUser(tokenHash(token));
    if (!row) return { problem: 'SESSION_EXPIRED' };
    const { sessionId, expiresAt, revokedAt, lastSeenAt, user } = row;
    const now = this.clock.now();
    const idleSince = now.getTime() - Date.parse(lastSeenAt);
    if (revokedAt || now.toISOString() >= expiresAt || idleSince >= SESSION_IDLE_MS || !user.active)
      return { problem: 'SESSION_EXPIRED' };
    if (idleSince >= LAST_SEEN_RESOLUTION_MS) {
      await this.sessions.seen(sessionId, now.toISOString());
    }
    return { principal: principalOf(user, sessionId) };
  }

  async signOut(actor: RequestContext): Promise<void> {
    const sessionId = actor.principal?.sessionId;
    if (!sessionId) return;
    await this.db.transaction(actor, async (tx) => {
      await this.sessions.revoke(tx, sessionId, this.clock.now().toISOString());
      await this.audit.record(tx, { operation: 'identity.signOut', entityType: 'Session', entityId: sessionId });
    });
  }

  async changePassword(actor: RequestContext, currentPassword: string, newPassword: string): Promise<Result<void>> {
    const principal = actor.principal;
    if (!principal) return fail('UNAUTHENTICATED', 'Sign in first.');
    const user = await this.users.byId(actor, principal.userId);
    if (!user) return fail('UNAUTHENTICATED', 'Sign in first.');
    if (!(await this.hasher.verify(user.passwordHash, currentPassword.slice(0, 256)))) {
      return refusedPassword('CURRENT_PASSWORD_WRONG', 'The current password is wrong.', 'currentPassword');
    }
    const policy = checkNewPassword(newPassword, user.email);
    if (!policy.allowed) return refusedPassword(policy.code, policy.message, 'newPassword');
    const passwordHash = await this.hasher.hash(newPassword);
    await this.db.transaction(actor, async (tx) => {
      await this.setPassword(tx, user.id, passwordHash, principal.sessionId ?? null);
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
    const user = await this.users.byId(actor, userId);
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
    await this.db.transaction(actor, async (tx) => {
      await this.issueReset(tx, user.id, token, now, expiresAt);
      await this.audit.record(tx, {
        operation: 'identity.createPasswordReset',
        entityType: 'User',
        entityId: user.id,
      });
    });
    return ok({ token, expiresAt, user });
  }

  /** A one-time reset link for a user, issued by the principal of `tx`; an earlier unused one stops working. */
  async issueReset(tx: Transactional, userId: string, token: string, now: Date, expiresAt: Date): Promise<void> {
    await this.sessions.issueReset(tx, {
      tokenHash: tokenHash(token),
      userId,
      createdBy: tx.principal?.userId ?? null,
      createdAt: now.toISOString(),
      expiresAt: expiresAt.toISOString(),
    });
  }

  async resetPassword(ctx: RequestContext, token: string, newPassword: string): Promise<Result<void>> {
    const now = this.clock.now();
    const reset = await this.sessions.resetByTokenHash(tokenHash(token));
    if (!reset || reset.usedAt || now.toISOString() >= reset.expiresAt) {
      return fail(
        'RESET_LINK_INVALID',
        'This reset link is invalid, used or expired; ask an administrator for a new one.',
      );
    }
    const user = await this.users.byId(ctx, reset.userId);
    if (!user)
      return fail(
        'RESET_LINK_INVALID',
        'This reset link is invalid, used or expired; ask an administrator for a new one.',
      );
    const policy = checkNewPassword(newPassword, user.email);
    if (!policy.allowed) return refusedPassword(policy.code, policy.message, 'newPassword');
    const passwordHash = await this.hasher.hash(newPassword);
    return this.db.transaction(ctx, async (tx) => {
      // Claim the token inside the transaction, so two uses of one link cannot both succeed.
      if (!(await this.sessions.claimReset(tx, reset.id, now.toISOString())))
        return fail('RESET_LINK_INVALID', 'This reset link has already been used.');
      await this.setPassword(tx, user.id, passwordHash, null);
      await this.sessions.clearFailures(tx, { emailKey: user.emailKey });
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
    tx: Transactional,
    userId: string,
    passwordHash: string,
    keepSessionId: string | null,
  ): Promise<void> {
    const now = this.clock.now().toISOString();
    await this.users.setPassword(tx, userId, passwordHash, now);
    await this.sessions.revokeAllOf(tx, userId, now, keepSessionId);
  }

  /** Whether the attempt just reserved is one too many: it is counted with those before it. */
  private async throttle(key: string, ip: string, now: Date): Promise<Result<Session> | null> {
    const since = new Date(now.getTime() - FAILURE_WINDOW_MS).toISOString();
    const [byAccount, byAddress] = await this.sessions.failuresSince(key, ip, since);
    const blocked = [
      { row: byAccount!, limit: ACCOUNT_FAILURE_LIMIT },
      { row: byAddress!, limit: ADDRESS_FAILURE_LIMIT },
    ].filter(({ row, limit }) => row.count > limit && row.oldest);
    if (blocked.length === 0) return null;
    const until = Math.max(...blocked.map(({ row }) => Date.parse(row.oldest!) + FAILURE_WINDOW_MS));
    const retryAfterSeconds = Math.max(1, Math.ceil((until - now.getTime()) / 1000));
    return fail<Throttled>(
      'TOO_MANY_ATTEMPTS',
      `Too many failed sign-ins. Try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s), or ask support to unlock the account.`,
      { details: { retryAfterSeconds } },
    );
  }
}
