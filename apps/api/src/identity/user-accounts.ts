import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { Database } from '../db/database.js';
import type { Clock } from '../platform/clock.js';
import { containsPattern, keysetPage, type KeyOrder } from '../platform/cursor.js';
import type { SortColumns } from '../platform/list-sort.js';
import { emailKey, type IdentityService, PASSWORD_RESET_TTL_MS } from './identity.service.js';
import type { PasswordHasher } from './password-hasher.js';
import { SessionEntity } from './session.entity.js';
import { SignInFailureEntity } from './sign-in-failure.entity.js';
import { newToken } from './tokens.js';
import { UserEntity, type UserKind } from './user.entity.js';

/** The columns a users list sorts on, each with the direction it starts in. */
export const USER_SORTS = {
  NAME: { column: 'display_name', property: 'displayName', direction: 'ASC' },
  EMAIL: { column: 'email_key', property: 'emailKey', direction: 'ASC' },
} satisfies SortColumns<string>;

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
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly hasher: PasswordHasher,
    private readonly identity: IdentityService,
  ) {}

  async page(
    filter: { search?: string | null; kind: UserKind },
    first: number,
    after: string | null | undefined,
    order: KeyOrder,
  ): Promise<{ users: UserEntity[]; hasNextPage: boolean; endCursor: string | null }> {
    const query = this.db.read.createQueryBuilder(UserEntity, 'u').where('u.kind = :kind', { kind: filter.kind });
    if (filter.search?.trim()) {
      query.andWhere("(LOWER(u.display_name) LIKE :q ESCAPE '\\' OR u.email_key LIKE :q ESCAPE '\\')", {
        q: containsPattern(filter.search.trim()),
      });
    }
    const page = await keysetPage(query, { alias: 'u', order, first, after });
    return { users: page.rows, hasNextPage: page.hasNextPage, endCursor: page.endCursor };
  }

  byEmail(email: string): Promise<UserEntity | null> {
    return this.db.read.findOneBy(UserEntity, { emailKey: emailKey(email) });
  }

  /** Made before the transaction that creates the account opens: the hash is slow and would hold it up. */
  async secretsForNew(): Promise<NewAccountSecrets> {
    return { passwordHash: await this.hasher.hash(newToken()), token: newToken() };
  }

  /** A new account with no usable password and a one-time reset token that sets one; null when the email is taken. */
  async create(
    m: EntityManager,
    account: NewAccount,
    secrets: NewAccountSecrets,
    issuedBy: string | null,
  ): Promise<UserEntity | null> {
    if (await m.existsBy(UserEntity, { emailKey: emailKey(account.email) })) return null;
    const now = this.clock.now();
    const user = m.create(UserEntity, {
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
    await m.save(user);
    const expires = new Date(now.getTime() + PASSWORD_RESET_TTL_MS);
    await this.identity.issueReset(m, user.id, secrets.token, issuedBy, now, expires);
    return user;
  }

  /** A staff account, for a change decided on it; null when there is none. */
  staffAccount(m: EntityManager, id: string): Promise<UserEntity | null> {
    return m.findOneBy(UserEntity, { id, kind: 'STAFF' });
  }

  /**
   * Applies a change to the version the caller decided on: the account as it is now, or the version
   * current now when another change came first. A disabled account's sessions end with the change.
   */
  async change(
    m: EntityManager,
    user: UserEntity,
    version: number,
    change: AccountChange,
  ): Promise<{ saved: UserEntity } | { currentVersion: number }> {
    const fields: Partial<UserEntity> = { ...change, updatedAt: this.clock.now().toISOString() };
    // The version in the WHERE clause makes the check hold under concurrent writers on any database.
    const updated = await m
      .createQueryBuilder()
      .update(UserEntity)
      .set({ ...fields, version: () => 'version + 1' })
      .where('id = :id AND version = :version', { id: user.id, version })
      .execute();
    if (updated.affected !== 1) {
      const now = await m.findOneBy(UserEntity, { id: user.id });
      return { currentVersion: now?.version ?? user.version + 1 };
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
    return { saved };
  }

  /** Forgets the failed sign-ins of an account or of an address, lifting its lock; answers how many. */
  async clearFailures(m: EntityManager, of: { email: string } | { ip: string }): Promise<number> {
    const removed = await m.delete(
      SignInFailureEntity,
      'email' in of ? { emailKey: emailKey(of.email) } : { ip: of.ip },
    );
    return removed.affected ?? 0;
  }
}
