import { randomUUID } from 'node:crypto';
import { IsNull } from 'typeorm';
import type { Database } from '../db/database.js';
import { packedColumns, readPacked, rowSpec, selectOf, unpack } from '../db/sql.js';
import type { Transactional } from '../platform/request-context.js';
import { PasswordResetEntity } from './password-reset.entity.js';
import { SessionEntity } from './session.entity.js';
import { SignInFailureEntity } from './sign-in-failure.entity.js';
import { UserEntity } from './user.entity.js';

/** A session with the columns of its user that make a principal, as one row. */
export interface SessionRow {
  sessionId: string;
  expiresAt: string;
  revokedAt: string | null;
  lastSeenAt: string;
  user: Pick<UserEntity, 'id' | 'email' | 'kind' | 'roles' | 'resellerId'> & { active: boolean };
}

/** What authentication reads of a session (`s`), column by column (checked in db/row-specs.test.ts). */
export const SESSION_ROW = rowSpec<SessionEntity>(SessionEntity, [
  ['id', 'id', 'text'],
  ['expires_at', 'expiresAt', 'text'],
  ['revoked_at', 'revokedAt', 'optionalText'],
  ['last_seen_at', 'lastSeenAt', 'text'],
]);

/** And of its user (`u`): what makes a principal, and whether the account is active. */
export const PRINCIPAL_ROW = rowSpec<UserEntity>(UserEntity, [
  ['id', 'id', 'text'],
  ['email', 'email', 'text'],
  ['kind', 'kind', 'text'],
  ['roles', 'roles', 'text'],
  ['reseller_id', 'resellerId', 'optionalText'],
  ['active', 'active', 'flag'],
]);

/** What sign-in keeps: sessions (user_session), failed attempts (sign_in_failure), reset links (password_reset). */
export class SessionsRepository {
  constructor(private readonly db: Database) {}

  /** Records an attempt as failed before its password is checked, committed at once; answers its id. */
  reserveFailure(emailKey: string, ip: string, at: string): Promise<number> {
    return this.db.transaction(async (m) => {
      const inserted = await m.insert(SignInFailureEntity, { emailKey: emailKey.slice(0, 254), ip, at });
      return Number(inserted.identifiers[0]!.id);
    });
  }

  async dropFailure(id: number): Promise<void> {
    await this.db.transaction((m) => m.delete(SignInFailureEntity, { id }));
  }

  /** Forgets the failed attempts of an account or of an address; answers how many. */
  async clearFailures(tx: Transactional, of: { emailKey: string } | { ip: string }): Promise<number> {
    const removed = await tx.transaction.delete(SignInFailureEntity, of);
    return removed.affected ?? 0;
  }

  /** Failed attempts since `since`, and the oldest of them, for an account and for an address. */
  async failuresSince(
    emailKey: string,
    ip: string,
    since: string,
  ): Promise<{ count: number; oldest: string | null }[]> {
    const window = (where: string, params: Record<string, string>) =>
      this.db.read
        .createQueryBuilder(SignInFailureEntity, 'f')
        .select('MIN(f.at)', 'oldest')
        .addSelect('COUNT(*)', 'count')
        .where(`${where} AND f.at >= :since`, { ...params, since })
        .getRawOne<{ oldest: string | null; count: string | number }>();
    const rows = await Promise.all([window('f.email_key = :key', { key: emailKey }), window('f.ip = :ip', { ip })]);
    return rows.map((row) => ({ count: Number(row?.count ?? 0), oldest: row?.oldest ?? null }));
  }

  async insertSession(tx: Transactional, session: SessionEntity): Promise<void> {
    await tx.transaction.insert(SessionEntity, session);
  }

  /**
   * The session of a token hash with its user, in one statement and with no entity hydration: every
   * request asks it.
   */
  async withUser(tokenHash: string): Promise<SessionRow | null> {
    const [row] = await this.db.select<{ packed: unknown }>(
      `SELECT ${packedColumns(this.db.kind, [...selectOf('s', SESSION_ROW), ...selectOf('u', PRINCIPAL_ROW)])}
       FROM user_session s JOIN app_user u ON u.id = s.user_id WHERE s.token_hash = ?`,
      [tokenHash],
    );
    if (!row) return null;
    const values = unpack(row);
    const session = readPacked(SESSION_ROW, values, 0, {});
    return {
      sessionId: session.id,
      expiresAt: session.expiresAt,
      revokedAt: session.revokedAt,
      lastSeenAt: session.lastSeenAt,
      user: readPacked(PRINCIPAL_ROW, values, SESSION_ROW.columns.length, {}),
    };
  }

  async seen(sessionId: string, at: string): Promise<void> {
    await this.db.transaction((m) => m.update(SessionEntity, sessionId, { lastSeenAt: at }));
  }

  async revoke(tx: Transactional, sessionId: string, at: string): Promise<void> {
    await tx.transaction.update(SessionEntity, { id: sessionId, revokedAt: IsNull() }, { revokedAt: at });
  }

  /** Ends every open session of a user, but `keep`. */
  async revokeAllOf(tx: Transactional, userId: string, at: string, keep: string | null = null): Promise<void> {
    const sessions = tx.transaction
      .createQueryBuilder()
      .update(SessionEntity)
      .set({ revokedAt: at })
      .where('user_id = :userId AND revoked_at IS NULL', { userId });
    if (keep) sessions.andWhere('id <> :keep', { keep });
    await sessions.execute();
  }

  /** A new reset link for a user; any earlier unused one stops working. */
  async issueReset(
    tx: Transactional,
    reset: Pick<PasswordResetEntity, 'tokenHash' | 'userId' | 'createdBy' | 'createdAt' | 'expiresAt'>,
  ): Promise<void> {
    const m = tx.transaction;
    await m.update(PasswordResetEntity, { userId: reset.userId, usedAt: IsNull() }, { usedAt: reset.createdAt });
    await m.insert(PasswordResetEntity, { id: randomUUID(), ...reset, usedAt: null });
  }

  resetByTokenHash(tokenHash: string): Promise<PasswordResetEntity | null> {
    return this.db.read.findOneBy(PasswordResetEntity, { tokenHash });
  }

  /** Marks a reset link used, if it still is unused: two uses of one link cannot both succeed. */
  async claimReset(tx: Transactional, id: string, at: string): Promise<boolean> {
    const claimed = await tx.transaction.update(PasswordResetEntity, { id, usedAt: IsNull() }, { usedAt: at });
    return !!claimed.affected;
  }
}
