import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Which indirect resellers a tenant's accepted relationship covers (the simulator's copy of what Partner
 * Center knows). Tenants already accepted keep working for the resellers whose customers use them.
 */
export class TenantResellerCoverage1732570000000 implements MigrationInterface {
  name = 'TenantResellerCoverage1732570000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn(
      'sim_tenant',
      new TableColumn({
        name: 'indirect_resellers',
        type: 'varchar',
        length: '2000',
        isNullable: false,
        default: "''",
      }),
    );
    await q.query(
      `UPDATE sim_tenant SET indirect_resellers = COALESCE((
         SELECT MIN(r.mpn_location_id) FROM customer_tenant ct JOIN customer c ON c.id = ct.customer_id JOIN reseller r ON r.id = c.reseller_id
         WHERE ct.domain = sim_tenant.domain AND r.mpn_location_id IS NOT NULL), '')
       WHERE relationship_accepted = ${q.connection.options.type === 'postgres' ? 'true' : '1'}`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('sim_tenant', 'indirect_resellers');
  }
}
