import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { varchar } from '../db/migration-columns.js';

/** The simulated Partner Center's subscriptions: the etag each change must name, and what the change set. */
export class SimSubscriptions1732700000000 implements MigrationInterface {
  name = 'SimSubscriptions1732700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'sim_subscription',
        columns: [
          { ...varchar('subscription_id', 64), isPrimary: true },
          varchar('tenant_id', 36, true),
          varchar('etag', 64),
          { name: 'quantity', type: 'integer' },
          varchar('status', 16),
          { name: 'auto_renew', type: 'boolean' },
          varchar('created_at', 30),
          varchar('updated_at', 30),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('sim_subscription');
  }
}
