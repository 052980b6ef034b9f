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
import type { Actor } from '../platform/actor.js';
import type { Clock } from '../platform/clock.js';
import { hasPermission, Permission } from '../platform/permissions.js';
import type { SecretBox } from '../platform/secret-box.js';
import { ResellerEntity } from '../resellers/reseller.entity.js';

const UNLOCK_OPERATION = 'support.unlockSignIn';
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
export const UNLOCKS_PER_ACCOUNT_PER_DAY = 3;
export const UNLOCKS_PER_ACTOR_PER_HOUR = 20;

export type UnlockResult = { ok: true; cleared: number } | { ok: false; code: string; message: string };

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
  async sendPasswordReset(actor: Actor, email: string): Promise<{ ok: true; user: UserEntity } | { ok: false; message: string }> {
    const user = await this.db.read.findOneBy(UserEntity, { emailKey: emailKey(email) });
    if (!user || user.kind !== 'RESELLER') return { ok: false, message: `No reseller user signs in as ${email}.` };
    const created = await this.identity.createPasswordReset(actor, user.id);
    if (!created.ok) return { ok: false, message: created.message };
    await this.db.transaction((m) =>
      this.mail.enqueue(
        m,
        {
          to: user.email,
          subject: 'Set a new password for the NCE Marketplace',
          body: `Hello ${user.displayName},\n\nMarketplace support started a password reset for you. Set a new password within the hour:\n${this.resetUrl(created.token)}\n\nIf you did not ask for this, tell support.`,
          relatedType: 'User',
          relatedId: user.id,
        },
        `password-reset:${user.id}:${created.expiresAt.getTime()}`,
      ),
    );
    return { ok: true, user };
  }

  /**
   * Lifts the lock that failed sign-ins put on an account. Support may unlock reseller users only (a staff
   * account needs an administrator), and unlocks are rationed, so that unlocking cannot become unlimited
   * guessing in cycles: an account at most UNLOCKS_PER_ACCOUNT_PER_DAY times a day, and one person at most
   * UNLOCKS_PER_ACTOR_PER_HOUR accounts an hour.
   */
  async unlock(actor: Actor, email: string): Promise<UnlockResult> {
    const problems: FieldError[] = [];
    requireEmail(problems, 'email', email, 'The email');
    if (problems.length > 0) return { ok: false, code: 'EMAIL_INVALID', message: problems[0]!.message };
    const key = emailKey(email);
    const user = await this.db.read.findOneBy(UserEntity, { emailKey: key });
    if (!user) return { ok: false, code: 'USER_NOT_FOUND', message: `No user signs in as ${email}.` };
    if (user.kind !== 'RESELLER' && !hasPermission(actor.principal, Permission.StaffManage)) {
      return { ok: false, code: 'ADMIN_REQUIRED', message: `${email} is a staff account: only an administrator can unlock it.` };
    }
    const now = this.clock.now().getTime();
    const recent = (since: number, where: { entityId?: string; actorUserId?: string }) =>
      this.db.read.countBy(AuditEntryEntity, { operation: UNLOCK_OPERATION, at: MoreThanOrEqual(new Date(since).toISOString()), ...where });
    if ((await recent(now - DAY_MS, { entityId: key })) >= UNLOCKS_PER_ACCOUNT_PER_DAY) {
      return { ok: false, code: 'UNLOCK_LIMIT', message: `${email} was unlocked ${UNLOCKS_PER_ACCOUNT_PER_DAY} times in the last 24 hours. Send a password reset link instead, or wait for the lock to end.` };
    }
    if (actor.principal && (await recent(now - HOUR_MS, { actorUserId: actor.principal.userId })) >= UNLOCKS_PER_ACTOR_PER_HOUR) {
      return { ok: false, code: 'UNLOCK_LIMIT', message: `You unlocked ${UNLOCKS_PER_ACTOR_PER_HOUR} accounts in the last hour; ask an administrator if more need it.` };
    }
    return this.db.transaction(async (m) => {
      const removed = await m.delete(SignInFailureEntity, { emailKey: key });
      await this.audit.record(m, actor, { operation: UNLOCK_OPERATION, entityType: 'Login', entityId: key, changes: { failedSignIns: { before: removed.affected ?? 0, after: 0 } } });
      return { ok: true as const, cleared: removed.affected ?? 0 };
    });
  }

  /** Lifts the lock on an address (every failure from it in the window): admins, when a shared address was locked. */
  async unlockAddress(actor: Actor, address: string): Promise<UnlockResult> {
    const ip = address.trim();
    if (!isIP(ip)) return { ok: false, code: 'ADDRESS_INVALID', message: `"${address.slice(0, 60)}" is not an IP address.` };
    return this.db.transaction(async (m) => {
      const removed = await m.delete(SignInFailureEntity, { ip });
      await this.audit.record(m, actor, { operation: 'support.unlockSignInAddress', entityType: 'Address', entityId: ip, changes: { failedSignIns: { before: removed.affected ?? 0, after: 0 } } });
      return { ok: true as const, cleared: removed.affected ?? 0 };
    });
  }

  /** R8: a new customer-portal password; the old one stops working. Revealed through the audited path. */
  async regeneratePortalPassword(actor: Actor, customerId: string): Promise<boolean> {
    return this.db.transaction(async (m) => {
      const customer = await m.findOneBy(CustomerEntity, { id: customerId });
      if (!customer) return false;
      await m.update(CustomerEntity, customerId, { portalPassword: this.secrets.encrypt(generatePassword(randomInt)), version: customer.version + 1 });
      await this.audit.record(m, { ...actor, onBehalfOfResellerId: customer.resellerId }, { operation: 'support.regeneratePortalPassword', entityType: 'Customer', entityId: customerId, changes: { portalPassword: { before: '[redacted]', after: '[redacted]' } } });
      return true;
    });
  }

  /** Which customer (and reseller) a portal login belongs to. */
  async lookup(login: string): Promise<{ customer: CustomerEntity; reseller: ResellerEntity } | null> {
    const customer = await this.db.read.findOneBy(CustomerEntity, { portalLoginKey: loginKey(login) });
    if (!customer) return null;
    return { customer, reseller: await this.db.read.findOneByOrFail(ResellerEntity, { id: customer.resellerId }) };
  }
}
