import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

/** The credit line a reseller asks for. Requests made before it was asked stay without one. */
export class TermsRequestedLimit1732580000000 implements MigrationInterface {
  name = 'TermsRequestedLimit1732580000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumns('terms_request', [
      new TableColumn({ name: 'requested_limit_minor', type: 'bigint', isNullable: true }),
      new TableColumn({ name: 'requested_currency', type: 'varchar', length: '3', isNullable: true }),
    ]);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('terms_request', 'requested_currency');
    await q.dropColumn('terms_request', 'requested_limit_minor');
  }
}
