import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type JobStatus = 'PENDING' | 'RUNNING' | 'DONE' | 'FAILED';

@Entity('job')
@Index('ix_job_claim', ['status', 'runAt', 'id'])
export class JobEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 60 })
  kind: string;

  /** At most one job per key: enqueuing the same key twice keeps the first. */
  @Column({ name: 'job_key', type: 'varchar', length: 200, nullable: true, unique: true })
  key: string | null;

  @Column({ type: 'text' })
  payload: string;

  @Column({ type: 'varchar', length: 16 })
  status: JobStatus;

  @Column({ name: 'run_at', type: 'varchar', length: 30 })
  runAt: string;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ name: 'max_attempts', type: 'integer', default: 8 })
  maxAttempts: number;

  @Column({ name: 'locked_until', type: 'varchar', length: 30, nullable: true })
  lockedUntil: string | null;

  @Column({ name: 'locked_by', type: 'varchar', length: 64, nullable: true })
  lockedBy: string | null;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  @Column({ name: 'created_at', type: 'varchar', length: 30 })
  createdAt: string;

  @Column({ name: 'finished_at', type: 'varchar', length: 30, nullable: true })
  finishedAt: string | null;
}
