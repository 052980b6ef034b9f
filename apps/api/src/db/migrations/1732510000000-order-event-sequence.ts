import { TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/** Events written within one millisecond need an order of their own: a per-order sequence number. */
export class OrderEventSequence1732510000000 implements MigrationInterface {
  name = 'OrderEventSequence1732510000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('order_event', new TableColumn({ name: 'seq', type: 'integer', isNullable: false, default: 0 }));
    await q.createIndex(
      'order_event',
      new TableIndex({ name: 'ix_order_event_seq', columnNames: ['order_id', 'seq'] }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('order_event', 'ix_order_event_seq');
    await q.dropColumn('order_event', 'seq');
  }
}
