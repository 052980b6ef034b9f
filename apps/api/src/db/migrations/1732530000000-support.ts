import { Table, TableColumn, TableForeignKey, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { varchar } from '../migration-columns.js';

const id = () => ({ ...varchar('id', 36), isPrimary: true });
const fk = (column: string, table: string, onDelete: 'CASCADE' | 'RESTRICT' = 'RESTRICT') =>
  new TableForeignKey({ columnNames: [column], referencedTableName: table, referencedColumnNames: ['id'], onDelete });

export class Support1732530000000 implements MigrationInterface {
  name = 'Support1732530000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn(
      'order_line',
      new TableColumn({ name: 'returned_quantity', type: 'integer', isNullable: false, default: 0 }),
    );
    await q.createTable(
      new Table({
        name: 'support_case',
        columns: [
          id(),
          varchar('number', 20),
          varchar('reseller_id', 36),
          varchar('customer_id', 36, true),
          varchar('order_id', 36, true),
          varchar('type', 20),
          varchar('priority', 10),
          varchar('status', 24),
          varchar('subject', 200),
          varchar('assignee_user_id', 36, true),
          varchar('assignee_email', 254, true),
          varchar('opened_by_email', 254, true),
          varchar('opened_at', 30),
          varchar('updated_at', 30),
          { name: 'version', type: 'integer', isNullable: false },
        ],
        indices: [
          new TableIndex({ name: 'ux_support_case_number', columnNames: ['number'], isUnique: true }),
          new TableIndex({ name: 'ix_support_case_queue', columnNames: ['status', 'opened_at', 'id'] }),
          new TableIndex({ name: 'ix_support_case_reseller', columnNames: ['reseller_id', 'opened_at'] }),
        ],
        foreignKeys: [fk('reseller_id', 'reseller'), fk('customer_id', 'customer'), fk('order_id', 'sales_order')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'case_comment',
        columns: [
          id(),
          varchar('case_id', 36),
          varchar('at', 30),
          { name: 'seq', type: 'integer', isNullable: false },
          varchar('author_email', 254, true),
          varchar('kind', 16),
          { name: 'text', type: 'text', isNullable: false },
        ],
        indices: [new TableIndex({ name: 'ix_case_comment_case', columnNames: ['case_id', 'seq'] })],
        foreignKeys: [fk('case_id', 'support_case', 'CASCADE')],
      }),
    );
    // R24: a return's credit note; the idempotency key makes a retried return a no-op.
    await q.createTable(
      new Table({
        name: 'credit_note',
        columns: [
          id(),
          varchar('number', 24),
          varchar('order_id', 36),
          varchar('order_line_id', 36),
          varchar('case_id', 36, true),
          { name: 'quantity', type: 'integer', isNullable: false },
          { name: 'amount_minor', type: 'bigint', isNullable: false },
          varchar('currency', 3),
          varchar('refund_method', 16),
          varchar('idempotency_key', 120),
          varchar('issued_at', 30),
          varchar('issued_by_email', 254, true),
        ],
        indices: [
          new TableIndex({ name: 'ux_credit_note_number', columnNames: ['number'], isUnique: true }),
          new TableIndex({ name: 'ux_credit_note_idempotency', columnNames: ['idempotency_key'], isUnique: true }),
          new TableIndex({ name: 'ix_credit_note_order', columnNames: ['order_id'] }),
        ],
        foreignKeys: [fk('order_id', 'sales_order'), fk('order_line_id', 'order_line')],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['credit_note', 'case_comment', 'support_case']) await q.dropTable(table);
    await q.dropColumn('order_line', 'returned_quantity');
  }
}
