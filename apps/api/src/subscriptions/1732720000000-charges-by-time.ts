import { TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/** A month's charges in time order (billing's reconciliation export pages through them by time and id). */
export class ChargesByTime1732720000000 implements MigrationInterface {
  name = 'ChargesByTime1732720000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createIndex(
      'subscription_charge',
      new TableIndex({ name: 'ix_subscription_charge_at', columnNames: ['at', 'id'] }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('subscription_charge', 'ix_subscription_charge_at');
  }
}
