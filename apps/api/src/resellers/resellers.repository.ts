import type { SortColumns } from '../platform/list-sort.js';
import DataLoader from 'dataloader';
import { In } from 'typeorm';
import type { Database } from '../db/database.js';
import { updateAtVersion } from '../db/versioned.js';
import { containsPattern, keysetPage, type KeyOrder } from '../platform/cursor.js';
import type { RequestContext, Transactional } from '../platform/request-context.js';
import { ResellerActivationEntity } from './reseller-activation.entity.js';
import { ResellerEntity } from './reseller.entity.js';

/** The columns the resellers list sorts on, each with the direction it starts in. */
export const RESELLER_SORTS = {
  NAME: { column: 'company_name', property: 'companyName', direction: 'ASC' },
  STATUS: { column: 'status', property: 'status', direction: 'ASC' },
  CREATED: { column: 'created_at', property: 'createdAt', direction: 'DESC' },
} satisfies SortColumns<string>;

/** Reseller accounts (reseller) and their activation orders (reseller_activation). */
export class ResellersRepository {
  constructor(private readonly db: Database) {}

  /** In `ctx`'s transaction if one is open. */
  byId(ctx: RequestContext, id: string): Promise<ResellerEntity | null> {
    return this.db.managerOf(ctx).findOneBy(ResellerEntity, { id });
  }

  exists(id: string): Promise<boolean> {
    return this.db.read.existsBy(ResellerEntity, { id });
  }

  /** The resellers holding this marketplace ID or this BCN. */
  async holdersOf(
    tx: Transactional,
    marketplaceId: string,
    bcn: string,
  ): Promise<{ byMarketplace: ResellerEntity | null; byBcn: ResellerEntity | null }> {
    const byMarketplace = await tx.transaction.findOneBy(ResellerEntity, { marketplaceId });
    const byBcn = await tx.transaction.findOneBy(ResellerEntity, { bcn });
    return { byMarketplace, byBcn };
  }

  async page(
    filter: { search?: string | null; status?: string | null },
    first: number,
    after: string | null | undefined,
    order: KeyOrder,
  ): Promise<{ resellers: ResellerEntity[]; hasNextPage: boolean; endCursor: string | null }> {
    const query = this.db.read.createQueryBuilder(ResellerEntity, 'r');
    if (filter.status) query.andWhere('r.status = :status', { status: filter.status });
    if (filter.search?.trim())
      query.andWhere("r.search_text LIKE :q ESCAPE '\\'", { q: containsPattern(filter.search.trim()) });
    const page = await keysetPage(query, { alias: 'r', order, first, after });
    return { resellers: page.rows, hasNextPage: page.hasNextPage, endCursor: page.endCursor };
  }

  insert(tx: Transactional, reseller: Partial<ResellerEntity>): Promise<ResellerEntity> {
    return tx.transaction.save(tx.transaction.create(ResellerEntity, reseller));
  }

  /** Writes `fields` if the reseller is still at `version`: the reseller as saved, or null when it moved on. */
  async updateAt(
    tx: Transactional,
    id: string,
    version: number,
    fields: Partial<ResellerEntity>,
  ): Promise<ResellerEntity | null> {
    return updateAtVersion(tx.transaction, ResellerEntity, id, version, fields);
  }

  /** Writes columns that carry no version of their own (the checks' results, the payment method). */
  async set(
    tx: Transactional,
    id: string,
    fields: Partial<Pick<ResellerEntity, 'checks' | 'checksAt' | 'paymentMethod'>>,
  ): Promise<void> {
    await tx.transaction.update(ResellerEntity, id, fields);
  }

  activationOf(ctx: RequestContext, resellerId: string): Promise<ResellerActivationEntity | null> {
    return this.db.managerOf(ctx).findOneBy(ResellerActivationEntity, { resellerId });
  }

  async insertActivation(tx: Transactional, activation: ResellerActivationEntity): Promise<void> {
    await tx.transaction.insert(ResellerActivationEntity, activation);
  }

  async completeActivation(tx: Transactional, activationId: string, at: string): Promise<void> {
    await tx.transaction.update(ResellerActivationEntity, activationId, { status: 'COMPLETED', completedAt: at });
  }

  /** Each reseller's activation order: one statement for a page of resellers. */
  activations(): DataLoader<string, ResellerActivationEntity | null> {
    return new DataLoader(async (ids) => {
      const rows = await this.db.read.findBy(ResellerActivationEntity, { resellerId: In([...ids]) });
      return ids.map((id) => rows.find((r) => r.resellerId === id) ?? null);
    });
  }

  /** Resellers' names by id: one statement for a page of records that name a reseller. */
  names(): DataLoader<string, string | null> {
    return new DataLoader(async (ids) => {
      const rows = await this.db.read.find(ResellerEntity, {
        select: { id: true, companyName: true },
        where: { id: In([...ids]) },
      });
      return ids.map((id) => rows.find((r) => r.id === id)?.companyName ?? null);
    });
  }
}
