import { requireEmail, type FieldError } from '@nce/domain';
import { isIP } from 'node:net';
import type { AuditService } from '../audit/index.js';
import type { CustomerEntity, CustomerService } from '../customers/index.js';
import type { Database } from '../db/database.js';
import { emailKey, type IdentityService, type UserAccounts, type UserEntity } from '../identity/index.js';
import type { MailService } from '../mail/index.js';
import { requirePermission, type RequestContext } from '../platform/request-context.js';
import { fail, ok, type Result } from '../platform/result.js';
import type { Clock } from '../platform/clock.js';
import { hasPermission, Permission } from '../platform/permissions.js';
import type { ResellerEntity, ResellerService } from '../resellers/index.js';

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
    private readonly accounts: UserAccounts,
    private readonly customers: CustomerService,
    private readonly resellers: ResellerService,
    private readonly mail: MailService,
    private readonly resetUrl: (token: string) => string,
  ) {}

  /** Emails a reseller user a one-time link to set a new password; support never sees the link. */
  async sendPasswordReset(ctx: RequestContext, email: string): Promise<Result<UserEntity>> {
    requirePermission(ctx, Permission.SupportCases);
    const user = await this.accounts.byEmail(ctx, email);
    if (!user || user.kind !== 'RESELLER') return fail('USER_NOT_FOUND', `No reseller user signs in as ${email}.`);
    const created = await this.identity.createPasswordReset(ctx, user.id);
    if (!created.ok) return fail('USER_NOT_FOUND', created.failure.message);
    await this.db.transaction(ctx, (tx) =>
      this.mail.enqueue(
        tx,
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
    const user = await this.accounts.byEmail(ctx, email);
    if (!user) return fail('USER_NOT_FOUND', `No user signs in as ${email}.`);
    if (user.kind !== 'RESELLER' && !hasPermission(actor.principal, Permission.StaffManage)) {
      return fail('ADMIN_REQUIRED', `${email} is a staff account: only an administrator can unlock it.`);
    }
    const now = this.clock.now().getTime();
    const recent = (since: number, of: { entityId: string } | { actorUserId: string }) =>
      this.audit.count(ctx, UNLOCK_OPERATION, new Date(since), of);
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
    return this.db.transaction(actor, async (tx) => {
      const removed = await this.accounts.clearFailures(tx, { email });
      await this.audit.record(tx, {
        operation: UNLOCK_OPERATION,
        entityType: 'Login',
        entityId: key,
        changes: { failedSignIns: { before: removed, after: 0 } },
      });
      return ok(removed);
    });
  }

  /** Lifts the lock on an address (every failure from it in the window): admins, when a shared address was locked. */
  async unlockAddress(ctx: RequestContext, address: string): Promise<Result<number>> {
    requirePermission(ctx, Permission.StaffManage);
    const actor = ctx;
    const ip = address.trim();
    if (!isIP(ip)) return fail('ADDRESS_INVALID', `"${address.slice(0, 60)}" is not an IP address.`);
    return this.db.transaction(actor, async (tx) => {
      const removed = await this.accounts.clearFailures(tx, { ip });
      await this.audit.record(tx, {
        operation: 'support.unlockSignInAddress',
        entityType: 'Address',
        entityId: ip,
        changes: { failedSignIns: { before: removed, after: 0 } },
      });
      return ok(removed);
    });
  }

  /** R8: a new customer-portal password; the old one stops working. Revealed through the audited path. */
  async regeneratePortalPassword(ctx: RequestContext, customerId: string): Promise<boolean> {
    requirePermission(ctx, Permission.SupportCases);
    return this.customers.regeneratePortalPassword(ctx, customerId);
  }

  /** Which customer (and reseller) a portal login belongs to. */
  async lookup(
    ctx: RequestContext,
    login: string,
  ): Promise<{ customer: CustomerEntity; reseller: ResellerEntity } | null> {
    requirePermission(ctx, Permission.SupportCases);
    const customer = await this.customers.byPortalLogin(ctx, login);
    const reseller = customer && (await this.resellers.get(ctx, customer.resellerId));
    return customer && reseller ? { customer, reseller } : null;
  }
}
