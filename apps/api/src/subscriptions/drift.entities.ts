import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One comparison of every active subscription with Partner Center (daily, or when staff ask). */
@Entity('drift_check')
@Index('ux_drift_check_number', ['number'], { unique: true })
export class DriftCheckEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  /** 1, 2, 3…: the latest is the highest (checks may start at the same instant). */
  @Column({ type: 'integer' })
  number: number;

  @Column({ type: 'varchar', length: 12 })
  status: 'RUNNING' | 'DONE';

  @Column({ name: 'started_at', type: 'varchar', length: 30 })
  startedAt: string;

  @Column({ name: 'started_by', type: 'varchar', length: 254 })
  startedBy: string;

  @Column({ name: 'finished_at', type: 'varchar', length: 30, nullable: true })
  finishedAt: string | null;

  /** Subscriptions compared so far. */
  @Column({ type: 'integer', default: 0 })
  checked: number;

  @Column({ type: 'integer', default: 0 })
  differences: number;
}

/** A field on which a subscription and Partner Center's record of it differ, with the suggested fix. */
@Entity('drift_difference')
@Index('ix_drift_difference_check', ['checkId', 'subscriptionId'])
export class DriftDifferenceEntity {
  @PrimaryColumn({ name: 'check_id', type: 'varchar', length: 36 })
  checkId: string;

  @PrimaryColumn({ name: 'subscription_id', type: 'varchar', length: 36 })
  subscriptionId: string;

  @PrimaryColumn({ type: 'varchar', length: 12 })
  field: string;

  @Column({ type: 'varchar', length: 40 })
  ours: string;

  @Column({ type: 'varchar', length: 40 })
  theirs: string;

  @Column({ type: 'varchar', length: 400 })
  fix: string;
}
