import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A subscription as the simulated Partner Center provisioned or last changed it: its etag (a change must name it,
 * If-Match) and the fields a change sends. One made before the simulator kept them is known from its first change.
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

  /** P1M, P1Y or P3Y; null for one provisioned before the simulator kept terms, or without a term. */
  @Column({ type: 'varchar', length: 8, nullable: true })
  term: string | null;

  /** Its first term's end (a custom end when it co-termed); later terms follow while it auto-renews. */
  @Column({ name: 'term_end', type: 'varchar', length: 30, nullable: true })
  termEnd: string | null;

  /** When Microsoft was asked for it: it is set up `provisioningDelayMs` later. */
  @Column({ name: 'created_at', type: 'varchar', length: 30 })
  createdAt: string;

  @Column({ name: 'updated_at', type: 'varchar', length: 30 })
  updatedAt: string;
}
