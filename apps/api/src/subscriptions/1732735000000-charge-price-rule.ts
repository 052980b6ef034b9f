import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

const priceRule = () => new TableColumn({ name: 'price_rule', type: 'varchar', length: '200', isNullable: true });

/**
 * The price-book rule that priced a subscription's running term and each charge, in words, for the reconciliation
 * file (null: the partner price, or written before it was kept). Its timestamp places it before the dashboard sums'
 * backfill (1732740000000), which reads the charges through their published relation, so a new database has the
 * column before anything reads it; a database that ran that backfill already just gains the column.
 */
export class ChargePriceRule1732735000000 implements MigrationInterface {
  name = 'ChargePriceRule1732735000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('subscription', priceRule());
    await q.addColumn('subscription_charge', priceRule());
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('subscription_charge', 'price_rule');
    await q.dropColumn('subscription', 'price_rule');
  }
}
