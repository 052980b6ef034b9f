import DataLoader from 'dataloader';
import { In } from 'typeorm';
import { CUSTOMERS } from '../customers/published.js';
import type { Database } from '../db/database.js';
import type { RequestContext, Transactional } from '../platform/request-context.js';
import { RESELLERS } from '../resellers/published.js';
import { CustomerTenantEntity } from './customer-tenant.entity.js';

/** Customers' tenant choices (customer_tenant), one row per customer, and what tenants read of resellers. */
export class CustomerTenantsRepository {
  constructor(private readonly db: Database) {}

  /** In `ctx`'s transaction if one is open. */
  ofCustomer(ctx: RequestContext, customerId: string): Promise<CustomerTenantEntity | null> {
    return this.db.managerOf(ctx).findOneBy(CustomerTenantEntity, { customerId });
  }

  /** The customer that requested this new domain (its key), if any. */
  holderOfNewDomain(ctx: RequestContext, key: string): Promise<CustomerTenantEntity | null> {
    return this.db.managerOf(ctx).findOneBy(CustomerTenantEntity, { newDomainKey: key });
  }

  /** Writes the whole choice (inserted or replaced). */
  async save(tx: Transactional, tenant: CustomerTenantEntity): Promise<void> {
    await tx.transaction.save(CustomerTenantEntity, tenant);
  }

  /** Changes some columns and moves the version on; answers the row as saved. */
  async change(
    tx: Transactional,
    current: CustomerTenantEntity,
    change: Partial<Omit<CustomerTenantEntity, 'customerId' | 'version'>>,
  ): Promise<CustomerTenantEntity> {
    await tx.transaction.update(CustomerTenantEntity, current.customerId, { ...change, version: current.version + 1 });
    return tx.transaction.findOneByOrFail(CustomerTenantEntity, { customerId: current.customerId });
  }

  /** The MPN location ID a reseller registered, if any. */
  async resellerMpnId(resellerId: string): Promise<string | null> {
    const [row] = await this.db.select<{ mpn_location_id: string | null }>(
      `SELECT r.mpn_location_id FROM ${RESELLERS} r WHERE r.id = ?`,
      [resellerId],
    );
    return row?.mpn_location_id ?? null;
  }

  /** A customer of another reseller whose chosen tenant is this domain, if any. */
  async linkedByAnotherReseller(
    domain: string,
    resellerId: string,
  ): Promise<{ customerId: string; resellerId: string } | null> {
    const [row] = await this.db.select<{ customer_id: string; reseller_id: string }>(
      `SELECT t.customer_id, c.reseller_id FROM customer_tenant t JOIN ${CUSTOMERS} c ON c.id = t.customer_id WHERE t.domain = ? AND c.reseller_id <> ? LIMIT 1`,
      [domain.toLowerCase(), resellerId],
    );
    return row ? { customerId: row.customer_id, resellerId: row.reseller_id } : null;
  }

  /** Each customer's tenant choice: one statement for a page of customers. */
  byCustomer(): DataLoader<string, CustomerTenantEntity | null> {
    return new DataLoader(async (ids) => {
      const rows = await this.db.read.findBy(CustomerTenantEntity, { customerId: In([...ids]) });
      return ids.map((id) => rows.find((t) => t.customerId === id) ?? null);
    });
  }
}
