import { Column, Entity, PrimaryColumn } from 'typeorm';

export const SUBSCRIPTION_SCENARIOS = ['ACCEPT', 'REFUSE', 'BUSY', 'NO_UPGRADES'] as const;
export type SubscriptionScenario = (typeof SUBSCRIPTION_SCENARIOS)[number];

/** A Microsoft tenant as the simulated Partner Center knows it (R14, R15, R20, R21). */
@Entity('sim_tenant')
export class SimTenantEntity {
  /** `<prefix>.onmicrosoft.com`, lower-case. */
  @PrimaryColumn({ type: 'varchar', length: 120 })
  domain: string;

  @Column({ name: 'tenant_id', type: 'varchar', length: 36 })
  tenantId: string;

  @Column({ name: 'company_name', type: 'varchar', length: 200 })
  companyName: string;

  @Column({ type: 'boolean', default: false })
  government: boolean;

  // R21: the customer's global admin accepts the universal authorisation link.
  /** Whether the tenant's global admin accepted the distributor's authorisation link. */
  @Column({ name: 'relationship_accepted', type: 'boolean', default: false })
  relationshipAccepted: boolean;

  /**
   * The indirect resellers (MPN location IDs, comma-separated) the accepted relationship covers: the customer's
   * admin accepted an invitation that named them, or the marketplace created the tenant for their customer.
   */
  @Column({ name: 'indirect_resellers', type: 'varchar', length: 2000, default: '' })
  indirectResellers: string;

  @Column({ name: 'created_by_marketplace', type: 'boolean', default: false })
  createdByMarketplace: boolean;

  /** Injected failure: provisioning into this tenant fails (for demos and tests). */
  @Column({ name: 'provisioning_fails', type: 'boolean', default: false })
  provisioningFails: boolean;

  /**
   * Injected answers to subscription changes in this tenant: ACCEPT, REFUSE (400), BUSY (409, retry later) or
   * NO_UPGRADES (no transition is eligible).
   */
  @Column({ name: 'subscription_changes', type: 'varchar', length: 16, default: 'ACCEPT' })
  subscriptionChanges: SubscriptionScenario;

  @Column({ name: 'created_at', type: 'varchar', length: 30 })
  createdAt: string;
}
