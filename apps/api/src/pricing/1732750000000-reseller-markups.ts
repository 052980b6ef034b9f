import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/** Resellers' own markups for their end customers: what the suggested customer prices are made of. */
export class ResellerMarkups1732750000000 implements MigrationInterface {
  name = 'ResellerMarkups1732750000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'reseller_markup',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'reseller_id', type: 'varchar', length: '36' },
          { name: 'scope_key', type: 'varchar', length: '150' },
          { name: 'customer_id', type: 'varchar', length: '36', isNullable: true },
          { name: 'family', type: 'varchar', length: '100', isNullable: true },
          { name: 'basis_points', type: 'integer' },
          { name: 'updated_at', type: 'varchar', length: '30' },
        ],
        indices: [
          new TableIndex({
            name: 'ux_reseller_markup_scope',
            columnNames: ['reseller_id', 'scope_key'],
            isUnique: true,
          }),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('reseller_markup');
  }
}
