import type { SortColumns } from '../platform/list-sort.js';
import DataLoader from 'dataloader';
import { In } from 'typeorm';
import type { Database } from '../db/database.js';
import { updateAtVersion } from '../db/versioned.js';
import { containsPattern, keysetPage, type KeyOrder } from '../platform/cursor.js';
import type { RequestContext, Transactional } from '../platform/request-context.js';
import { UserEntity, type UserKind } from './user.entity.js';

/** The columns a users list sorts on, each with the direction it starts in. */
export const USER_SORTS = {
  NAME: { column: 'display_name', property: 'displayName', direction: 'ASC' },
  EMAIL: { column: 'email_key', property: 'emailKey', direction: 'ASC' },
} satisfies SortColumns<string>;

/** User accounts (app_user): changed only at the version the writer read. */
export class UsersRepository {
  constructor(private readonly db: Database) {}

  /** In `ctx`'s transaction if one is open. */
  byId(ctx: RequestContext, id: string): Promise<UserEntity | null> {
    return this.db.managerOf(ctx).findOneBy(UserEntity, { id });
  }

  byEmailKey(ctx: RequestContext, key: string): Promise<UserEntity | null> {
    return this.db.managerOf(ctx).findOneBy(UserEntity, { emailKey: key });
  }

  emailKeyTaken(tx: Transactional, key: string): Promise<boolean> {
    return tx.transaction.existsBy(UserEntity, { emailKey: key });
  }

  staffAccount(tx: Transactional, id: string): Promise<UserEntity | null> {
    return tx.transaction.findOneBy(UserEntity, { id, kind: 'STAFF' });
  }

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

  insert(tx: Transactional, user: Omit<UserEntity, 'version'>): Promise<UserEntity> {
    return tx.transaction.save(tx.transaction.create(UserEntity, user));
  }

  /**
   * Writes `fields` if the account is still at `version` (checked in the statement, so it holds under
   * concurrent writers on any database): the account as saved, or the version current now.
   */
  async changeAt(
    tx: Transactional,
    id: string,
    version: number,
    fields: Partial<UserEntity>,
  ): Promise<{ saved: UserEntity } | { currentVersion: number | null }> {
    const saved = await updateAtVersion(tx.transaction, UserEntity, id, version, fields);
    if (saved) return { saved };
    return { currentVersion: (await tx.transaction.findOneBy(UserEntity, { id }))?.version ?? null };
  }

  async setPassword(tx: Transactional, userId: string, passwordHash: string, at: string): Promise<void> {
    await tx.transaction.update(UserEntity, userId, { passwordHash, passwordChangedAt: at, updatedAt: at });
  }

  /** Each reseller's users by name: one statement for a page of resellers. */
  byReseller(): DataLoader<string, UserEntity[]> {
    return new DataLoader(async (ids) => {
      const rows = await this.db.read.find(UserEntity, {
        where: { resellerId: In([...ids]) },
        order: { displayName: 'ASC' },
      });
      return ids.map((id) => rows.filter((u) => u.resellerId === id));
    });
  }
}
