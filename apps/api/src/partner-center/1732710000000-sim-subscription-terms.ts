import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The simulated Partner Center keeps each subscription's term and its first term's end, from which it knows the
 * current term's end (it renews while auto-renew is on) and the end dates a new subscription may co-term with.
 */
export class SimSubscriptionTerms1732710000000 implements MigrationInterface {
  name = 'SimSubscriptionTerms1732710000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumns('sim_subscription', [
      new TableColumn({ name: 'term', type: 'varchar', length: '8', isNullable: true }),
      new TableColumn({ name: 'term_end', type: 'varchar', length: '30', isNullable: true }),
    ]);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumns('sim_subscription', ['term', 'term_end']);
  }
}
