import { Table, TableForeignKey, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { varchar } from '../migration-columns.js';

const id = () => ({ ...varchar('id', 36), isPrimary: true });

export class TermsCredit1732520000000 implements MigrationInterface {
  name = 'TermsCredit1732520000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'terms_request',
        columns: [
          id(),
          varchar('reseller_id', 36),
          // Set while the request is open: one open request per reseller.
          varchar('open_key', 36, true),
          varchar('status', 24),
          varchar('marketplace_id', 40),
          varchar('bcn', 20),
          varchar('company_name', 200),
          varchar('address_line1', 200),
          varchar('address_line2', 200, true),
          varchar('city', 100),
          varchar('region', 60, true),
          varchar('postal_code', 20),
          varchar('country', 60),
          varchar('contact_name', 200),
          varchar('contact_email', 254),
          varchar('contact_phone', 40),
          varchar('submitted_at', 30),
          // When the credit team's answer clock (24–48 h) last started.
          varchar('waiting_since', 30),
          varchar('assignee_user_id', 36, true),
          varchar('assignee_email', 254, true),
          { name: 'credit_limit_minor', type: 'bigint', isNullable: true },
          varchar('currency', 3, true),
          varchar('payment_terms', 10, true),
          varchar('effective_from', 10, true),
          { name: 'decision_reason', type: 'text', isNullable: true },
          varchar('decided_at', 30, true),
          varchar('decided_by_email', 254, true),
          varchar('updated_at', 30),
          { name: 'version', type: 'integer', isNullable: false },
        ],
        indices: [
          new TableIndex({ name: 'ux_terms_request_open', columnNames: ['open_key'], isUnique: true }),
          new TableIndex({ name: 'ix_terms_request_queue', columnNames: ['status', 'submitted_at', 'id'] }),
          new TableIndex({ name: 'ix_terms_request_reseller', columnNames: ['reseller_id', 'submitted_at'] }),
        ],
        foreignKeys: [
          new TableForeignKey({
            columnNames: ['reseller_id'],
            referencedTableName: 'reseller',
            referencedColumnNames: ['id'],
            onDelete: 'RESTRICT',
          }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'terms_request_note',
        columns: [
          id(),
          varchar('request_id', 36),
          varchar('at', 30),
          { name: 'seq', type: 'integer', isNullable: false },
          varchar('author_email', 254, true),
          varchar('kind', 16),
          { name: 'text', type: 'text', isNullable: false },
        ],
        indices: [new TableIndex({ name: 'ix_terms_note_request', columnNames: ['request_id', 'seq'] })],
        foreignKeys: [
          new TableForeignKey({
            columnNames: ['request_id'],
            referencedTableName: 'terms_request',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
        ],
      }),
    );
    // Credit is a ledger, never one mutable number: the limit, each charge and each release are rows.
    await q.createTable(
      new Table({
        name: 'credit_ledger',
        columns: [
          id(),
          varchar('reseller_id', 36),
          varchar('at', 30),
          varchar('kind', 16),
          { name: 'amount_minor', type: 'bigint', isNullable: false },
          varchar('currency', 3),
          varchar('reference', 64, true),
          { name: 'note', type: 'text', isNullable: false },
        ],
        indices: [new TableIndex({ name: 'ix_credit_ledger_reseller', columnNames: ['reseller_id', 'at'] })],
        foreignKeys: [
          new TableForeignKey({
            columnNames: ['reseller_id'],
            referencedTableName: 'reseller',
            referencedColumnNames: ['id'],
            onDelete: 'RESTRICT',
          }),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['credit_ledger', 'terms_request_note', 'terms_request']) await q.dropTable(table);
  }
}
