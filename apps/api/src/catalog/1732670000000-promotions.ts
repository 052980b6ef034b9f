import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

const varchar = (name: string, length: number) => ({ name, type: 'varchar', length: String(length) });

/** S17: Microsoft's promotions, a discount on one SKU's term and billing for a segment and market between two days. */
export class Promotions1732670000000 implements MigrationInterface {
  name = 'Promotions1732670000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'catalog_promotion',
        columns: [
          { ...varchar('id', 64), isPrimary: true },
          varchar('name', 200),
          varchar('product_id', 32),
          varchar('sku_id', 16),
          varchar('term', 4),
          varchar('billing_plan', 16),
          varchar('segment', 16),
          varchar('market', 2),
          { name: 'discount_bp', type: 'integer' },
          varchar('start_date', 10),
          varchar('end_date', 10),
          varchar('created_at', 30),
        ],
        indices: [
          new TableIndex({
            name: 'ix_catalog_promotion_offer',
            columnNames: ['product_id', 'sku_id', 'term', 'billing_plan', 'segment', 'market', 'start_date'],
          }),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('catalog_promotion');
  }
}
