import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Co-termed and trial first terms: the end a cart line was asked to end with (null: a full term), and the end of
 * an order line's first term when it is not a full one.
 */
export class LineEndDates1732660000000 implements MigrationInterface {
  name = 'LineEndDates1732660000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn(
      'cart_line',
      new TableColumn({ name: 'end_with', type: 'varchar', length: '36', isNullable: true }),
    );
    await q.addColumn(
      'order_line',
      new TableColumn({ name: 'term_end', type: 'varchar', length: '30', isNullable: true }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('order_line', 'term_end');
    await q.dropColumn('cart_line', 'end_with');
  }
}
