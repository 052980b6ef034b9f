import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { varchar } from '../db/migration-columns.js';

/** Price books: the master book every reseller starts on, other books' rules, and who is on which book. */
export class PriceBooks1732700000000 implements MigrationInterface {
  name = 'PriceBooks1732700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'price_book',
        columns: [{ ...varchar('id', 36), isPrimary: true }, varchar('name', 100), varchar('created_at', 30)],
        indices: [new TableIndex({ name: 'ux_price_book_name', columnNames: ['name'], isUnique: true })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'price_book_rule',
        columns: [
          { ...varchar('id', 36), isPrimary: true },
          varchar('book_id', 36),
          varchar('family', 100, true),
          varchar('product_id', 32, true),
          varchar('sku_id', 16, true),
          varchar('term', 4, true),
          varchar('segment', 16, true),
          varchar('basis', 8),
          varchar('kind', 8),
          { name: 'basis_points', type: 'integer', isNullable: true },
          { name: 'amount_minor', type: 'bigint', isNullable: true },
          varchar('currency', 3, true),
          varchar('effective_from', 10),
          varchar('effective_to', 10, true),
          varchar('created_at', 30),
          varchar('created_by', 254),
        ],
        foreignKeys: [{ columnNames: ['book_id'], referencedTableName: 'price_book', referencedColumnNames: ['id'] }],
        indices: [new TableIndex({ name: 'ix_price_book_rule_book', columnNames: ['book_id', 'effective_from'] })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'price_book_assignment',
        columns: [
          { ...varchar('level', 12), isPrimary: true },
          { ...varchar('target_id', 64), isPrimary: true },
          varchar('book_id', 36),
          varchar('assigned_at', 30),
        ],
        foreignKeys: [{ columnNames: ['book_id'], referencedTableName: 'price_book', referencedColumnNames: ['id'] }],
        indices: [new TableIndex({ name: 'ix_price_book_assignment_book', columnNames: ['book_id'] })],
      }),
    );
    // The master book: no rules, so every reseller pays the partner price, as before price books.
    await q.query(
      `INSERT INTO price_book (id, name, created_at) VALUES ('master', 'Master', '2026-11-28T00:00:00.000Z')`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('price_book_assignment');
    await q.dropTable('price_book_rule');
    await q.dropTable('price_book');
  }
}
