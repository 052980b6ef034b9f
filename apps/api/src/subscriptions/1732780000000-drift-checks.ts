import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { varchar } from '../db/migration-columns.js';

/** The daily comparison with Partner Center (drift_check) and the differences it found (drift_difference). */
export class DriftChecks1732780000000 implements MigrationInterface {
  name = 'DriftChecks1732780000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'drift_check',
        columns: [
          { ...varchar('id', 36), isPrimary: true },
          { name: 'number', type: 'integer' },
          varchar('status', 12),
          varchar('started_at', 30),
          varchar('started_by', 254),
          varchar('finished_at', 30, true),
          { name: 'checked', type: 'integer', default: 0 },
          { name: 'differences', type: 'integer', default: 0 },
        ],
        indices: [new TableIndex({ name: 'ux_drift_check_number', columnNames: ['number'], isUnique: true })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'drift_difference',
        columns: [
          { ...varchar('check_id', 36), isPrimary: true },
          { ...varchar('subscription_id', 36), isPrimary: true },
          { ...varchar('field', 12), isPrimary: true },
          varchar('ours', 40),
          varchar('theirs', 40),
          varchar('fix', 400),
        ],
        indices: [new TableIndex({ name: 'ix_drift_difference_check', columnNames: ['check_id', 'subscription_id'] })],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('drift_difference');
    await q.dropTable('drift_check');
  }
}
