import { Table, TableForeignKey, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { varchar } from '../migration-columns.js';

export class CustomersTenants1732490000000 implements MigrationInterface {
  name = 'CustomersTenants1732490000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'customer',
        columns: [
          { ...varchar('id', 36), isPrimary: true },
          varchar('reseller_id', 36),
          varchar('segment', 16),
          varchar('company_name', 200),
          varchar('address_line1', 200),
          varchar('address_line2', 200, true),
          varchar('city', 100),
          varchar('region', 60, true),
          varchar('postal_code', 20),
          varchar('country', 2),
          varchar('admin_name', 200),
          varchar('admin_email', 254),
          varchar('admin_phone', 40),
          varchar('vendor_contract_id', 60, true),
          varchar('portal_login', 64),
          varchar('portal_login_key', 64),
          { name: 'portal_password', type: 'text', isNullable: false },
          { name: 'search_text', type: 'text', isNullable: false },
          varchar('created_at', 30),
          varchar('updated_at', 30),
          { name: 'version', type: 'integer', isNullable: false },
        ],
        indices: [
          new TableIndex({ name: 'ux_customer_portal_login', columnNames: ['portal_login_key'], isUnique: true }),
          new TableIndex({ name: 'ix_customer_reseller_name', columnNames: ['reseller_id', 'company_name', 'id'] }),
          new TableIndex({ name: 'ix_customer_name', columnNames: ['company_name', 'id'] }),
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
        name: 'customer_tenant',
        columns: [
          { ...varchar('customer_id', 36), isPrimary: true },
          varchar('choice', 10),
          varchar('domain', 120),
          varchar('new_domain_key', 120, true),
          varchar('state', 16),
          varchar('tenant_id', 36, true),
          varchar('admin_user', 160, true),
          { name: 'admin_password', type: 'text', isNullable: true },
          varchar('attested_at', 30, true),
          varchar('attested_by_user_id', 36, true),
          varchar('attested_by_email', 254, true),
          varchar('updated_at', 30),
          { name: 'version', type: 'integer', isNullable: false },
        ],
        // Two customers cannot ask for the same new domain.
        indices: [
          new TableIndex({ name: 'ux_customer_tenant_new_domain', columnNames: ['new_domain_key'], isUnique: true }),
        ],
        foreignKeys: [
          new TableForeignKey({
            columnNames: ['customer_id'],
            referencedTableName: 'customer',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('customer_tenant');
    await q.dropTable('customer');
  }
}
