import { Table, TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * S20: corrections. A monthly invoice is corrected by a credit note that cancels it and a new invoice that replaces
 * it, both rows of `monthly_invoice` (kind, the invoice each corrects, a revision per party), and the new invoice's
 * adjustment lines. The party's uniqueness now counts revisions: the close issues revision 0.
 */
export class InvoiceCorrections1732760000000 implements MigrationInterface {
  name = 'InvoiceCorrections1732760000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumns('monthly_invoice', [
      new TableColumn({ name: 'kind', type: 'varchar', length: '12', default: "'INVOICE'" }),
      new TableColumn({ name: 'revision', type: 'integer', default: 0 }),
      new TableColumn({ name: 'corrects_id', type: 'varchar', length: '36', isNullable: true }),
      new TableColumn({ name: 'reason', type: 'varchar', length: '500', isNullable: true }),
    ]);
    await q.dropIndex('monthly_invoice', 'ux_monthly_invoice_party');
    await q.createIndex(
      'monthly_invoice',
      new TableIndex({
        name: 'ux_monthly_invoice_party',
        columnNames: ['month', 'reseller_id', 'currency', 'revision'],
        isUnique: true,
      }),
    );
    await q.createIndex(
      'monthly_invoice',
      new TableIndex({ name: 'ix_monthly_invoice_corrects', columnNames: ['corrects_id'] }),
    );
    await q.createTable(
      new Table({
        name: 'monthly_invoice_adjustment',
        columns: [
          { name: 'invoice_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'position', type: 'integer', isPrimary: true },
          { name: 'description', type: 'varchar', length: '200' },
          { name: 'amount_minor', type: 'bigint' },
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('monthly_invoice_adjustment');
    await q.query('DELETE FROM monthly_invoice WHERE revision > 0');
    await q.dropIndex('monthly_invoice', 'ix_monthly_invoice_corrects');
    await q.dropIndex('monthly_invoice', 'ux_monthly_invoice_party');
    await q.createIndex(
      'monthly_invoice',
      new TableIndex({
        name: 'ux_monthly_invoice_party',
        columnNames: ['month', 'reseller_id', 'currency'],
        isUnique: true,
      }),
    );
    await q.dropColumns('monthly_invoice', ['reason', 'corrects_id', 'revision', 'kind']);
  }
}
