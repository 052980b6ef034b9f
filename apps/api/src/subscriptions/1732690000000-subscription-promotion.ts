import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

/** S17: the promotion the current term is priced with (null: none); a renewal keeps it only within its dates. */
export class SubscriptionPromotion1732690000000 implements MigrationInterface {
  name = 'SubscriptionPromotion1732690000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn(
      'subscription',
      new TableColumn({ name: 'promotion_id', type: 'varchar', length: '64', isNullable: true }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('subscription', 'promotion_id');
  }
}
