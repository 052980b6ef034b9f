import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';

export class ToyTable1900000000000 implements MigrationInterface {
  name = 'ToyTable1900000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'toy',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'name', type: 'varchar', length: '100' },
          { name: 'painted', type: 'boolean', default: false },
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('toy');
  }
}
