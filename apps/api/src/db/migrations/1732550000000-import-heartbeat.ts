import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

/** A running import says it is alive, so a replica that starts fails only imports whose process died. */
export class ImportHeartbeat1732550000000 implements MigrationInterface {
  name = 'ImportHeartbeat1732550000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn(
      'catalog_import',
      new TableColumn({ name: 'heartbeat_at', type: 'varchar', length: '30', isNullable: true }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('catalog_import', 'heartbeat_at');
  }
}
