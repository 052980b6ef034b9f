import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { varchar } from '../db/migration-columns.js';

const bigint = (name: string) => ({ name, type: 'bigint' });

/** S18, S20: the month's close (billing_run) and the invoices it issues, one per reseller and currency. */
export class MonthlyInvoices1732730000000 implements MigrationInterface {
  name = 'MonthlyInvoices1732730000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'billing_run',
        columns: [
          { ...varchar('month', 7), isPrimary: true },
          varchar('status', 12),
          varchar('started_at', 30),
          varchar('started_by', 254),
          varchar('finished_at', 30, true),
          { name: 'invoices', type: 'integer', default: 0 },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'monthly_invoice',
        columns: [
          { ...varchar('id', 36), isPrimary: true },
          varchar('number', 20),
          varchar('month', 7),
          varchar('reseller_id', 36),
          varchar('currency', 3),
          { name: 'charges', type: 'integer' },
          bigint('subtotal_minor'),
          bigint('tax_minor'),
          bigint('total_minor'),
          bigint('paid_minor'),
          bigint('due_minor'),
          varchar('due_date', 10),
          { name: 'tax_rate_bp', type: 'integer' },
          varchar('issued_at', 30),
        ],
        indices: [
          new TableIndex({
            name: 'ux_monthly_invoice_party',
            columnNames: ['month', 'reseller_id', 'currency'],
            isUnique: true,
          }),
          new TableIndex({ name: 'ux_monthly_invoice_number', columnNames: ['number'], isUnique: true }),
          new TableIndex({ name: 'ix_monthly_invoice_reseller', columnNames: ['reseller_id', 'month'] }),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('monthly_invoice');
    await q.dropTable('billing_run');
  }
}
