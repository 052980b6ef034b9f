import { randomInt } from 'node:crypto';
import { generatePassword, loginKey, requireEmail, type FieldError } from '@nce/domain';
import { GraphQLError } from 'graphql';
import type { AuditService } from '../audit/audit.service.js';
import { CustomerEntity } from '../customers/customer.entity.js';
import type { Database } from '../db/database.js';
import { emailKey, type IdentityService } from '../identity/identity.service.js';
import { SignInFailureEntity } from '../identity/sign-in-failure.entity.js';
import { UserEntity } from '../identity/user.entity.js';
import type { MailService } from '../mail/mail.service.js';
import type { Actor } from '../platform/actor.js';
import type { SecretBox } from '../platform/secret-box.js';
import { ResellerEntity } from '../resellers/reseller.entity.js';

/** R24: password and sign-in help from support. */
export class LoginHelpService {
  constructor(
    private readonly db: Database,
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

  /** Lifts the lock that failed sign-ins put on an account. */
  async unlock(actor: Actor, email: string): Promise<number> {
    const problems: FieldError[] = [];
    requireEmail(problems, 'email', email, 'The email');
    if (problems.length > 0) throw new GraphQLError(problems[0]!.message, { extensions: { code: 'BAD_USER_INPUT', argumentName: 'email' } });
    return this.db.transaction(async (m) => {
      const removed = await m.delete(SignInFailureEntity, { emailKey: emailKey(email) });
      await this.audit.record(m, actor, { operation: 'support.unlockSignIn', entityType: 'Login', entityId: emailKey(email), changes: { failedSignIns: { before: removed.affected ?? 0, after: 0 } } });
      return removed.affected ?? 0;
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
