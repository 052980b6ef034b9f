import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

/** How the simulated Partner Center answers changes to a tenant's subscriptions: accept, refuse, or busy (409). */
export class SimSubscriptionScenario1732650000000 implements MigrationInterface {
  name = 'SimSubscriptionScenario1732650000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn(
      'sim_tenant',
      new TableColumn({ name: 'subscription_changes', type: 'varchar', length: '16', default: "'ACCEPT'" }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('sim_tenant', 'subscription_changes');
  }
}
