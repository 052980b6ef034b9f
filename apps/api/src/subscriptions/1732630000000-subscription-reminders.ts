import { TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Reminders sent once each: the last threshold reminded of a seat batch's window (hours), of the current term's
 * renewal and of a trial's end (days). Null: none yet. A renewal starts its term with none.
 */
export class SubscriptionReminders1732630000000 implements MigrationInterface {
  name = 'SubscriptionReminders1732630000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumns('subscription', [
      new TableColumn({ name: 'renewal_reminded_days', type: 'integer', isNullable: true }),
      new TableColumn({ name: 'trial_reminded_days', type: 'integer', isNullable: true }),
    ]);
    await q.addColumn(
      'subscription_seat_batch',
      new TableColumn({ name: 'window_reminded_hours', type: 'integer', isNullable: true }),
    );
    await q.createIndex(
      'subscription_seat_batch',
      new TableIndex({ name: 'ix_seat_batch_started', columnNames: ['started_at'] }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('subscription_seat_batch', 'ix_seat_batch_started');
    await q.dropColumn('subscription_seat_batch', 'window_reminded_hours');
    await q.dropColumn('subscription', 'trial_reminded_days');
    await q.dropColumn('subscription', 'renewal_reminded_days');
  }
}
