import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A subscription as the simulated Partner Center last changed it: its etag (a change must name it, If-Match) and
 * the fields a change sends. Known from its first change on; one never changed is taken as the marketplace has it.
 */
@Entity('sim_subscription')
export class SimSubscriptionEntity {
  @PrimaryColumn({ name: 'subscription_id', type: 'varchar', length: 64 })
  subscriptionId: string;

  @Column({ name: 'tenant_id', type: 'varchar', length: 36, nullable: true })
  tenantId: string | null;

  @Column({ type: 'varchar', length: 64 })
  etag: string;

  @Column({ type: 'integer' })
  quantity: number;

  /** active, suspended or deleted, as Partner Center spells them. */
  @Column({ type: 'varchar', length: 16 })
  status: string;

  @Column({ name: 'auto_renew', type: 'boolean' })
  autoRenew: boolean;

  @Column({ name: 'updated_at', type: 'varchar', length: 30 })
  updatedAt: string;
}
