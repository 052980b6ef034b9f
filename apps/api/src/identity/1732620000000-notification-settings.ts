import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';

/** Per-user email choices (subscription reminders); no row means the topic is on. */
export class NotificationSettings1732620000000 implements MigrationInterface {
  name = 'NotificationSettings1732620000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'user_notification_setting',
        columns: [
          { name: 'user_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'topic', type: 'varchar', length: '32', isPrimary: true },
          { name: 'enabled', type: 'boolean', isNullable: false },
          { name: 'updated_at', type: 'varchar', length: '30', isNullable: false },
        ],
        foreignKeys: [{ columnNames: ['user_id'], referencedTableName: 'app_user', referencedColumnNames: ['id'] }],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('user_notification_setting');
  }
}
