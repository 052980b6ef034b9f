import { TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/** The simulator finds a tenant by its id once for every order line it provisions: no scan of every tenant. */
export class SimTenantId1732560000000 implements MigrationInterface {
  name = 'SimTenantId1732560000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createIndex('sim_tenant', new TableIndex({ name: 'ix_sim_tenant_tenant_id', columnNames: ['tenant_id'] }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('sim_tenant', 'ix_sim_tenant_tenant_id');
  }
}
