import type { SortColumns } from '../platform/list-sort.js';
import DataLoader from 'dataloader';
import { In } from 'typeorm';
import type { Database } from '../db/database.js';
import { updateAtVersion } from '../db/versioned.js';
import { containsPattern, keysetPage, type KeyOrder } from '../platform/cursor.js';
import type { RequestContext, Transactional } from '../platform/request-context.js';
import { CustomerEntity } from './customer.entity.js';

export type CustomerColumns = Omit<
  CustomerEntity,
  'id' | 'resellerId' | 'portalPassword' | 'createdAt' | 'updatedAt' | 'version'
>;

/** The columns the customers list sorts on, each with the direction it starts in. */
export const CUSTOMER_SORTS = {
  NAME: { column: 'company_name', property: 'companyName', direction: 'ASC' },
  SEGMENT: { column: 'segment', property: 'segment', direction: 'ASC' },
  CREATED: { column: 'created_at', property: 'createdAt', direction: 'DESC' },
} satisfies SortColumns<string>;

/** End customers (customer): one row each, changed only at the version the writer read. */
export class CustomersRepository {
  constructor(private readonly db: Database) {}

  /** In `ctx`'s transaction if one is open. */
  byId(ctx: RequestContext, id: string): Promise<CustomerEntity | null> {
    return this.db.managerOf(ctx).findOneBy(CustomerEntity, { id });
  }

  byPortalLoginKey(ctx: RequestContext, key: string): Promise<CustomerEntity | null> {
    return this.db.managerOf(ctx).findOneBy(CustomerEntity, { portalLoginKey: key });
  }

  async page(
    filter: { resellerId?: string | null; search?: string | null; segment?: string | null },
    first: number,
    after: string | null | undefined,
    order: KeyOrder,
  ): Promise<{ customers: CustomerEntity[]; hasNextPage: boolean; endCursor: string | null }> {
    const query = this.db.read.createQueryBuilder(CustomerEntity, 'c');
    if (filter.resellerId) query.andWhere('c.reseller_id = :resellerId', { resellerId: filter.resellerId });
    if (filter.segment) query.andWhere('c.segment = :segment', { segment: filter.segment });
    if (filter.search?.trim())
      query.andWhere("c.search_text LIKE :q ESCAPE '\\'", { q: containsPattern(filter.search.trim()) });
    const page = await keysetPage(query, { alias: 'c', order, first, after });
    return { customers: page.rows, hasNextPage: page.hasNextPage, endCursor: page.endCursor };
  }

  insert(tx: Transactional, customer: Omit<CustomerEntity, 'version'>): Promise<CustomerEntity> {
    return tx.transaction.save(tx.transaction.create(CustomerEntity, customer));
  }

  /** Writes `columns` if the customer is still at `version`; the customer as saved, or null when it moved on. */
  async updateAt(
    tx: Transactional,
    id: string,
    version: number,
    columns: CustomerColumns,
    at: string,
  ): Promise<CustomerEntity | null> {
    return updateAtVersion(tx.transaction, CustomerEntity, id, version, { ...columns, updatedAt: at });
  }

  async setPortalPassword(tx: Transactional, customer: CustomerEntity, encrypted: string): Promise<void> {
    await tx.transaction.update(CustomerEntity, customer.id, {
      portalPassword: encrypted,
      version: customer.version + 1,
    });
  }

  /** Customers' names by id: one statement for a page of records that name a customer. */
  names(): DataLoader<string, string | null> {
    return new DataLoader(async (ids) => {
      const rows = await this.db.read.find(CustomerEntity, {
        select: { id: true, companyName: true },
        where: { id: In([...ids]) },
      });
      return ids.map((id) => rows.find((c) => c.id === id)?.companyName ?? null);
    });
  }
}
