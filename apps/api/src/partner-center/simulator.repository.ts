import type { Database } from '../db/database.js';
import { insertEntities, readNamed, rowSpec } from '../db/sql.js';
import type { RequestContext, Transactional } from '../platform/request-context.js';
import { SimPartnerEntity } from './sim-partner.entity.js';
import { SimSubscriptionEntity } from './sim-subscription.entity.js';
import { SimTenantEntity } from './sim-tenant.entity.js';

/** A tenant as the simulator answers with it, read by hand (no entity hydration). */
export type TenantRow = Pick<
  SimTenantEntity,
  | 'domain'
  | 'tenantId'
  | 'companyName'
  | 'government'
  | 'relationshipAccepted'
  | 'indirectResellers'
  | 'provisioningFails'
  | 'subscriptionChanges'
>;

/** Checked in db/row-specs.test.ts. */
export const TENANT_ROW = rowSpec<TenantRow>(SimTenantEntity, [
  ['domain', 'domain', 'text'],
  ['tenant_id', 'tenantId', 'text'],
  ['company_name', 'companyName', 'text'],
  ['government', 'government', 'flag'],
  ['relationship_accepted', 'relationshipAccepted', 'flag'],
  ['indirect_resellers', 'indirectResellers', 'text'],
  ['provisioning_fails', 'provisioningFails', 'flag'],
  ['subscription_changes', 'subscriptionChanges', 'text'],
]);
const TENANT_COLUMNS = TENANT_ROW.columns.map(([column]) => column).join(', ');

/** The simulator's world: partners (sim_partner) and tenants (sim_tenant) that Microsoft would know. */
export class SimulatorRepository {
  constructor(private readonly db: Database) {}

  partner(ctx: RequestContext, mpnId: string): Promise<SimPartnerEntity | null> {
    return this.db.managerOf(ctx).findOneBy(SimPartnerEntity, { mpnId });
  }

  partners(): Promise<SimPartnerEntity[]> {
    return this.db.read.find(SimPartnerEntity, { order: { companyName: 'ASC', mpnId: 'ASC' }, take: 500 });
  }

  tenant(ctx: RequestContext, domain: string): Promise<SimTenantEntity | null> {
    return this.db.managerOf(ctx).findOneBy(SimTenantEntity, { domain });
  }

  tenants(): Promise<SimTenantEntity[]> {
    return this.db.read.find(SimTenantEntity, { order: { domain: 'ASC' }, take: 500 });
  }

  /** Whether a tenant, or a partner's own tenant, has this domain. */
  async domainTaken(domain: string): Promise<boolean> {
    const [found] = await this.db.select(
      'SELECT 1 AS found FROM sim_tenant WHERE domain = ? UNION ALL SELECT 1 FROM sim_partner WHERE tenant_domain = ? LIMIT 1',
      [domain, domain],
    );
    return found !== undefined;
  }

  /** Asked before every purchase and every provisioned line. */
  async tenantRow(by: { domain: string } | { tenantId: string }): Promise<TenantRow | null> {
    const [row] = await this.db.select<Record<string, unknown>>(
      `SELECT ${TENANT_COLUMNS} FROM sim_tenant WHERE ${'domain' in by ? 'domain' : 'tenant_id'} = ?`,
      ['domain' in by ? by.domain : by.tenantId],
    );
    return row ? readNamed(TENANT_ROW, row, '', {} as TenantRow) : null;
  }

  async savePartner(tx: Transactional, partner: SimPartnerEntity): Promise<void> {
    await tx.transaction.save(SimPartnerEntity, partner);
  }

  async saveTenant(tx: Transactional, tenant: SimTenantEntity): Promise<void> {
    await tx.transaction.save(SimTenantEntity, tenant);
  }

  /** Inserts a tenant unless its domain is taken; false when it is. */
  async insertTenant(tx: Transactional, tenant: SimTenantEntity): Promise<boolean> {
    if (await tx.transaction.existsBy(SimTenantEntity, { domain: tenant.domain })) return false;
    await tx.transaction.insert(SimTenantEntity, tenant);
    return true;
  }

  subscription(ctx: RequestContext, subscriptionId: string): Promise<SimSubscriptionEntity | null> {
    return this.db.managerOf(ctx).findOneBy(SimSubscriptionEntity, { subscriptionId });
  }

  /** A tenant's subscriptions, as many as a customer holds (Microsoft pages at 300). */
  subscriptionsOf(ctx: RequestContext, tenantId: string): Promise<SimSubscriptionEntity[]> {
    return this.db
      .managerOf(ctx)
      .find(SimSubscriptionEntity, { where: { tenantId }, order: { subscriptionId: 'ASC' }, take: 300 });
  }

  async deleteSubscription(tx: Transactional, subscriptionId: string): Promise<void> {
    await tx.transaction.delete(SimSubscriptionEntity, { subscriptionId });
  }

  /** A subscription new to the simulator, in one statement (`save` looks for it first, then reads it back). */
  async insertSubscription(tx: Transactional, subscription: SimSubscriptionEntity): Promise<void> {
    await insertEntities(tx.transaction, SimSubscriptionEntity, [subscription]);
  }

  async saveSubscription(tx: Transactional, subscription: SimSubscriptionEntity): Promise<void> {
    await tx.transaction.save(SimSubscriptionEntity, subscription);
  }

  async setRelationship(tx: Transactional, domain: string, indirectResellers: string): Promise<void> {
    await tx.transaction.update(SimTenantEntity, domain, { relationshipAccepted: true, indirectResellers });
  }
}
