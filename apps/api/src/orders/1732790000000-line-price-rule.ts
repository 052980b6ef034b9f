import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

/** The price-book rule an order line was priced by, in words (null: the partner price, or bought before books). */
export class LinePriceRule1732790000000 implements MigrationInterface {
  name = 'LinePriceRule1732790000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn(
      'order_line',
      new TableColumn({ name: 'price_rule', type: 'varchar', length: '200', isNullable: true }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('order_line', 'price_rule');
  }
}
