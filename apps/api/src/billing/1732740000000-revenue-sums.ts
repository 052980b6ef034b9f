import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { RevenueRepository } from './revenue.repository.js';

const varchar = (name: string, length: number) => ({ name, type: 'varchar', length: String(length), isPrimary: true });
const sums = [
  { name: 'charges', type: 'integer' },
  { name: 'amount_minor', type: 'bigint' },
  { name: 'cost_minor', type: 'bigint' },
];

/** The dashboard's sums of charges, by day and by reseller and month, with every charge written so far in them. */
export class RevenueSums1732740000000 implements MigrationInterface {
  name = 'RevenueSums1732740000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'revenue_day',
        columns: [
          varchar('day', 10),
          varchar('segment', 16),
          varchar('family', 100),
          varchar('kind', 8),
          varchar('currency', 3),
          ...sums,
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'revenue_reseller_month',
        columns: [
          varchar('month', 7),
          varchar('reseller_id', 36),
          varchar('segment', 16),
          varchar('family', 100),
          varchar('kind', 8),
          varchar('currency', 3),
          ...sums,
        ],
      }),
    );
    await RevenueRepository.backfill(q.manager);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('revenue_reseller_month');
    await q.dropTable('revenue_day');
  }
}
