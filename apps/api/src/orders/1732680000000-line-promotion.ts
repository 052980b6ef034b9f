import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

/** S17: the promotion an order line was priced with (null: none). */
export class LinePromotion1732680000000 implements MigrationInterface {
  name = 'LinePromotion1732680000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn(
      'order_line',
      new TableColumn({ name: 'promotion_id', type: 'varchar', length: '64', isNullable: true }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('order_line', 'promotion_id');
  }
}
