import { randomInt } from 'node:crypto';
import { generatePassword, loginKey, requireEmail, type FieldError } from '@nce/domain';
import { isIP } from 'node:net';
import { MoreThanOrEqual } from 'typeorm';
import { AuditEntryEntity } from '../audit/audit-entry.entity.js';
import type { AuditService } from '../audit/index.js';
import { CustomerEntity } from '../customers/customer.entity.js';
import type { Database } from '../db/database.js';
import { emailKey, type IdentityService } from '../identity/identity.service.js';
import { SignInFailureEntity } from '../identity/sign-in-failure.entity.js';
import { UserEntity } from '../identity/user.entity.js';
import type { MailService } from '../mail/index.js';
import { actingFor, requirePermission, type RequestContext } from '../platform/request-context.js';
import { fail, ok, type Result } from '../platform/result.js';
import type { Clock } from '../platform/clock.js';
import { hasPermission, Permission } from '../platform/permissions.js';
import type { SecretBox } from '../platform/secret-box.js';
import { ResellerEntity } from '../resellers/reseller.entity.js';

const UNLOCK_OPERATION = 'support.unlockSignIn';
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
export const UNLOCKS_PER_ACCOUNT_PER_DAY = 3;
export const UNLOCKS_PER_ACTOR_PER_HOUR = 20;

/** R24: password and sign-in help from support. */
export class LoginHelpService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly identity: IdentityService,
    private readonly mail: MailService,
    private readonly secrets: SecretBox,
    private readonly resetUrl: (token: string) => string,
  ) {}

  /** Emails a reseller user a one-time link to set a new password; support never sees the link. */
  async sendPasswordReset(ctx: RequestContext, email: string): Promise<Result<UserEntity>> {
    requirePermission(ctx, Permission.SupportCases);
    const user = await this.db.read.findOneBy(UserEntity, { emailKey: emailKey(email) });
    if (!user || user.kind !== 'RESELLER') return fail('USER_NOT_FOUND', `No reseller user signs in as ${email}.`);
    const created = await this.identity.createPasswordReset(ctx, user.id);
    if (!created.ok) return fail('USER_NOT_FOUND', created.failure.message);
    await this.db.transaction((m) =>
      this.mail.enqueue(
        m,
        {
          to: user.email,
          subject: 'Set a new password for the NCE Marketplace',
          body: `Hello ${user.displayName},\n\nMarketplace support started a password reset for you. Set a new password within the hour:\n${this.resetUrl(created.value.token)}\n\nIf you did not ask for this, tell support.`,
          relatedType: 'User',
          relatedId: user.id,
        },
        `password-reset:${user.id}:${created.value.expiresAt.getTime()}`,
      ),
    );
    return ok(user);
  }

  /**
   * Lifts the lock that failed sign-ins put on an account. Support may unlock reseller users only (a staff
   * account needs an administrator), and unlocks are rationed, so that unlocking cannot become unlimited
   * guessing in cycles: an account at most UNLOCKS_PER_ACCOUNT_PER_DAY times a day, and one person at most
   * UNLOCKS_PER_ACTOR_PER_HOUR accounts an hour.
   */
  async unlock(ctx: RequestContext, email: string): Promise<Result<number>> {
    requirePermission(ctx, Permission.SupportCases);
    const actor = ctx;
    const problems: FieldError[] = [];
    requireEmail(problems, 'email', email, 'The email');
    if (problems.length > 0) return fail('EMAIL_INVALID', problems[0]!.message);
    const key = emailKey(email);
    const user = await this.db.read.findOneBy(UserEntity, { emailKey: key });
    if (!user) return fail('USER_NOT_FOUND', `No user signs in as ${email}.`);
    if (user.kind !== 'RESELLER' && !hasPermission(actor.principal, Permission.StaffManage)) {
      return fail('ADMIN_REQUIRED', `${email} is a staff account: only an administrator can unlock it.`);
    }
    const now = this.clock.now().getTime();
    const recent = (since: number, where: { entityId?: string; actorUserId?: string }) =>
      this.db.read.countBy(AuditEntryEntity, {
        operation: UNLOCK_OPERATION,
        at: MoreThanOrEqual(new Date(since).toISOString()),
        ...where,
      });
    if ((await recent(now - DAY_MS, { entityId: key })) >= UNLOCKS_PER_ACCOUNT_PER_DAY) {
      return fail(
        'UNLOCK_LIMIT',
        `${email} was unlocked ${UNLOCKS_PER_ACCOUNT_PER_DAY} times in the last 24 hours. Send a password reset link instead, or wait for the lock to end.`,
      );
    }
    if (
      actor.principal &&
      (await recent(now - HOUR_MS, { actorUserId: actor.principal.userId })) >= UNLOCKS_PER_ACTOR_PER_HOUR
    ) {
      return fail(
        'UNLOCK_LIMIT',
        `You unlocked ${UNLOCKS_PER_ACTOR_PER_HOUR} accounts in the last hour; ask an administrator if more need it.`,
      );
    }
    return this.db.transaction(async (m) => {
      const removed = await m.delete(SignInFailureEntity, { emailKey: key });
      await this.audit.record(m, actor, {
        operation: UNLOCK_OPERATION,
        entityType: 'Login',
        entityId: key,
        changes: { failedSignIns: { before: removed.affected ?? 0, after: 0 } },
      });
      return ok(removed.affected ?? 0);
    });
  }

  /** Lifts the lock on an address (every failure from it in the window): admins, when a shared address was locked. */
  async unlockAddress(ctx: RequestContext, address: string): Promise<Result<number>> {
    requirePermission(ctx, Permission.StaffManage);
    const actor = ctx;
    const ip = address.trim();
    if (!isIP(ip)) return fail('ADDRESS_INVALID', `"${address.slice(0, 60)}" is not an IP address.`);
    return this.db.transaction(async (m) => {
      const removed = await m.delete(SignInFailureEntity, { ip });
      await this.audit.record(m, actor, {
        operation: 'support.unlockSignInAddress',
        entityType: 'Address',
        entityId: ip,
        changes: { failedSignIns: { before: removed.affected ?? 0, after: 0 } },
      });
      return ok(removed.affected ?? 0);
    });
  }

  /** R8: a new customer-portal password; the old one stops working. Revealed through the audited path. */
  async regeneratePortalPassword(ctx: RequestContext, customerId: string): Promise<boolean> {
    requirePermission(ctx, Permission.SupportCases);
    return this.db.transaction(async (m) => {
      const customer = await m.findOneBy(CustomerEntity, { id: customerId });
      if (!customer) return false;
      const actor = actingFor(ctx, customer.resellerId, Permission.SupportCases);
      await m.update(CustomerEntity, customerId, {
        portalPassword: this.secrets.encrypt(generatePassword(randomInt)),
        version: customer.version + 1,
      });
      await this.audit.record(m, actor, {
        operation: 'support.regeneratePortalPassword',
        entityType: 'Customer',
        entityId: customerId,
        changes: { portalPassword: { before: '[redacted]', after: '[redacted]' } },
      });
      return true;
    });
  }

  /** Which customer (and reseller) a portal login belongs to. */
  async lookup(
    ctx: RequestContext,
    login: string,
  ): Promise<{ customer: CustomerEntity; reseller: ResellerEntity } | null> {
    requirePermission(ctx, Permission.SupportCases);
    const customer = await this.db.read.findOneBy(CustomerEntity, { portalLoginKey: loginKey(login) });
    if (!customer) return null;
    return { customer, reseller: await this.db.read.findOneByOrFail(ResellerEntity, { id: customer.resellerId }) };
  }
}
