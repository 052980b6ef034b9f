import { TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The job worker claims due jobs in (status, run_at, id) order: with the id in the index, a claim of ten reads ten
 * index entries however many jobs are due at once (a renewal day queues 100,000 at the same instant).
 */
export class JobClaimOrder1732590000000 implements MigrationInterface {
  name = 'JobClaimOrder1732590000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createIndex('job', new TableIndex({ name: 'ix_job_claim', columnNames: ['status', 'run_at', 'id'] }));
    await q.dropIndex('job', 'ix_job_due');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.createIndex('job', new TableIndex({ name: 'ix_job_due', columnNames: ['status', 'run_at'] }));
    await q.dropIndex('job', 'ix_job_claim');
  }
}
