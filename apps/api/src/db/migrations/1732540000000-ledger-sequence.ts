import { TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/** Ledger entries written within one millisecond need an order of their own: a per-reseller sequence. */
export class LedgerSequence1732540000000 implements MigrationInterface {
  name = 'LedgerSequence1732540000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn(
      'credit_ledger',
      new TableColumn({ name: 'seq', type: 'integer', isNullable: false, default: 0 }),
    );
    await q.createIndex(
      'credit_ledger',
      new TableIndex({ name: 'ix_credit_ledger_seq', columnNames: ['reseller_id', 'seq'] }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('credit_ledger', 'ix_credit_ledger_seq');
    await q.dropColumn('credit_ledger', 'seq');
  }
}
