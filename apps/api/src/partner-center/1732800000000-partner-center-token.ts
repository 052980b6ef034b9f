import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { varchar } from '../db/migration-columns.js';

/** The live Partner Center's refresh token as Microsoft last rotated it (encrypted), and the consent it came from. */
export class PartnerCenterToken1732800000000 implements MigrationInterface {
  name = 'PartnerCenterToken1732800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'partner_center_token',
        columns: [
          { ...varchar('id', 20), isPrimary: true },
          { name: 'token', type: 'text' },
          varchar('seeded_from', 64),
          varchar('updated_at', 30),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('partner_center_token');
  }
}
