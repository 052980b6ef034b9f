import { randomUUID } from 'node:crypto';
import type { Clock } from '../platform/clock.js';
import type { KeyOrder } from '../platform/cursor.js';
import type { RequestContext, Transactional } from '../platform/request-context.js';
import { emailKey, type IdentityService, PASSWORD_RESET_TTL_MS } from './identity.service.js';
import type { PasswordHasher } from './password-hasher.js';
import type { SessionsRepository } from './sessions.repository.js';
import { newToken } from './tokens.js';
import type { UserEntity, UserKind } from './user.entity.js';
import type { UsersRepository } from './users.repository.js';

export interface NewAccount {
  email: string;
  displayName: string;
  kind: UserKind;
  roles: readonly string[];
  resellerId: string | null;
}

/** A new account's unusable password hash and the reset token that replaces it. */
export interface NewAccountSecrets {
  readonly passwordHash: string;
  readonly token: string;
}

export type AccountChange = Partial<Pick<UserEntity, 'displayName' | 'roles' | 'active'>>;

/**
 * User accounts as the contexts that administer them see them: staff administration creates and changes
 * them, support finds them and lifts sign-in locks. The callers check permissions and write the audit
 * entry; every change runs in the caller's transaction.
 */
export class UserAccounts {
  constructor(
    private readonly clock: Clock,
    private readonly hasher: PasswordHasher,
    private readonly identity: IdentityService,
    private readonly users: UsersRepository,
    private readonly sessions: SessionsRepository,
  ) {}

  page(
    filter: { search?: string | null; kind: UserKind },
    first: number,
    after: string | null | undefined,
    order: KeyOrder,
  ): Promise<{ users: UserEntity[]; hasNextPage: boolean; endCursor: string | null }> {
    return this.users.page(filter, first, after, order);
  }

  byEmail(ctx: RequestContext, email: string): Promise<UserEntity | null> {
    return this.users.byEmailKey(ctx, emailKey(email));
  }

  /** Made before the transaction that creates the account opens: the hash is slow and would hold it up. */
  async secretsForNew(): Promise<NewAccountSecrets> {
    return { passwordHash: await this.hasher.hash(newToken()), token: newToken() };
  }

  /**
   * A new account with no usable password and a one-time reset link, issued by the principal of `tx`, that
   * sets one; null when the email is taken.
   */
  async create(tx: Transactional, account: NewAccount, secrets: NewAccountSecrets): Promise<UserEntity | null> {
    if (await this.users.emailKeyTaken(tx, emailKey(account.email))) return null;
    const now = this.clock.now();
    const user = await this.users.insert(tx, {
      id: randomUUID(),
      email: account.email,
      emailKey: emailKey(account.email),
      displayName: account.displayName,
      kind: account.kind,
      roles: account.roles.join(','),
      resellerId: account.resellerId,
      passwordHash: secrets.passwordHash,
      active: true,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
      passwordChangedAt: now.toISOString(),
    });
    await this.identity.issueReset(tx, user.id, secrets.token, now, new Date(now.getTime() + PASSWORD_RESET_TTL_MS));
    return user;
  }

  /** A staff account, for a change decided on it; null when there is none. */
  staffAccount(tx: Transactional, id: string): Promise<UserEntity | null> {
    return this.users.staffAccount(tx, id);
  }

  /**
   * Applies a change to the version the caller decided on: the account as it is now, or the version
   * current now when another change came first. A disabled account's sessions end with the change.
   */
  async change(
    tx: Transactional,
    user: UserEntity,
    version: number,
    change: AccountChange,
  ): Promise<{ saved: UserEntity } | { currentVersion: number }> {
    const changed = await this.users.changeAt(tx, user.id, version, {
      ...change,
      updatedAt: this.clock.now().toISOString(),
    });
    if (!('saved' in changed)) return { currentVersion: changed.currentVersion ?? user.version + 1 };
    if (change.active === false) await this.sessions.revokeAllOf(tx, user.id, changed.saved.updatedAt);
    return changed;
  }

  /** Forgets the failed sign-ins of an account or of an address, lifting its lock; answers how many. */
  clearFailures(tx: Transactional, of: { email: string } | { ip: string }): Promise<number> {
    return this.sessions.clearFailures(tx, 'email' in of ? { emailKey: emailKey(of.email) } : { ip: of.ip });
  }
}
