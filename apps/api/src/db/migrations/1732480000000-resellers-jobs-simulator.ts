import { Table, TableColumn, TableForeignKey, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

const varchar = (name: string, length: number, nullable = false, defaultValue?: string) => ({
  name,
  type: 'varchar',
  length: String(length),
  isNullable: nullable,
  ...(defaultValue !== undefined ? { default: `'${defaultValue}'` } : {}),
});
const bool = (name: string, defaultValue: boolean) => ({
  name,
  type: 'boolean',
  isNullable: false,
  default: defaultValue ? 'true' : 'false',
});

export class ResellersJobsSimulator1732480000000 implements MigrationInterface {
  name = 'ResellersJobsSimulator1732480000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumns('reseller', [
      new TableColumn(varchar('address_line1', 200, false, '')),
      new TableColumn(varchar('address_line2', 200, true)),
      new TableColumn(varchar('city', 100, false, '')),
      new TableColumn(varchar('region', 60, true)),
      new TableColumn(varchar('postal_code', 20, false, '')),
      new TableColumn(varchar('country', 2, false, '')),
      new TableColumn(varchar('contact_name', 200, false, '')),
      new TableColumn(varchar('contact_email', 254, false, '')),
      new TableColumn(varchar('contact_phone', 40, false, '')),
      new TableColumn(varchar('payment_method', 16, false, 'CREDIT_CARD')),
      new TableColumn(varchar('mpn_location_id', 10, true)),
      new TableColumn(varchar('reseller_domain', 120, true)),
      new TableColumn({ name: 'checks', type: 'text', isNullable: true }),
      new TableColumn(varchar('checks_at', 30, true)),
      new TableColumn({ name: 'search_text', type: 'text', isNullable: false, default: "''" }),
    ]);
    await q.createIndex('reseller', new TableIndex({ name: 'ix_reseller_name', columnNames: ['company_name', 'id'] }));
    await q.createIndex(
      'reseller',
      new TableIndex({ name: 'ix_reseller_status_name', columnNames: ['status', 'company_name', 'id'] }),
    );

    await q.createTable(
      new Table({
        name: 'reseller_activation',
        columns: [
          { ...varchar('id', 36), isPrimary: true },
          varchar('reseller_id', 36),
          varchar('requested_by_user_id', 36, true),
          varchar('requested_at', 30),
          varchar('completes_after', 30),
          varchar('completed_at', 30, true),
          varchar('status', 16),
        ],
        indices: [
          new TableIndex({ name: 'ux_reseller_activation_reseller', columnNames: ['reseller_id'], isUnique: true }),
        ],
        foreignKeys: [
          new TableForeignKey({
            columnNames: ['reseller_id'],
            referencedTableName: 'reseller',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
        ],
      }),
    );

    // Durable background work: survives restarts, runs once per key, retried with backoff.
    await q.createTable(
      new Table({
        name: 'job',
        columns: [
          { ...varchar('id', 36), isPrimary: true },
          varchar('kind', 60),
          varchar('job_key', 200, true),
          { name: 'payload', type: 'text', isNullable: false },
          varchar('status', 16),
          varchar('run_at', 30),
          { name: 'attempts', type: 'integer', isNullable: false, default: 0 },
          { name: 'max_attempts', type: 'integer', isNullable: false, default: 8 },
          varchar('locked_until', 30, true),
          varchar('locked_by', 64, true),
          { name: 'last_error', type: 'text', isNullable: true },
          varchar('created_at', 30),
          varchar('finished_at', 30, true),
        ],
        indices: [
          new TableIndex({ name: 'ux_job_key', columnNames: ['job_key'], isUnique: true }),
          new TableIndex({ name: 'ix_job_due', columnNames: ['status', 'run_at'] }),
        ],
      }),
    );

    // The Partner Center simulator's world: partners (MPN IDs) and customer tenants, editable by staff.
    await q.createTable(
      new Table({
        name: 'sim_partner',
        columns: [
          { ...varchar('mpn_id', 10), isPrimary: true },
          varchar('company_name', 200),
          varchar('kind', 10),
          bool('csp_indirect_reseller', true),
          bool('relationship_with_distributor', true),
          varchar('tenant_domain', 120, true),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'sim_tenant',
        columns: [
          { ...varchar('domain', 120), isPrimary: true },
          varchar('tenant_id', 36),
          varchar('company_name', 200),
          bool('government', false),
          bool('relationship_accepted', false),
          bool('created_by_marketplace', false),
          varchar('created_at', 30),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['sim_tenant', 'sim_partner', 'job', 'reseller_activation']) await q.dropTable(table);
    await q.dropIndex('reseller', 'ix_reseller_status_name');
    await q.dropIndex('reseller', 'ix_reseller_name');
    for (const column of [
      'search_text',
      'checks_at',
      'checks',
      'reseller_domain',
      'mpn_location_id',
      'payment_method',
      'contact_phone',
      'contact_email',
      'contact_name',
      'country',
      'postal_code',
      'region',
      'city',
      'address_line2',
      'address_line1',
    ]) {
      await q.dropColumn('reseller', column);
    }
  }
}
