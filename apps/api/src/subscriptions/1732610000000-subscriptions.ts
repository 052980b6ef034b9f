import { randomUUID } from 'node:crypto';
import { billingPeriodAt, termEndOf, type BillingPlan, type Term } from '@nce/domain';
import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { CATALOG_PRICES } from '../catalog/published.js';
import { insertRows } from '../db/sql.js';
import { PROVISIONED_LINES } from '../orders/published.js';
import { CUSTOMER_TENANTS } from '../tenants/published.js';
import { varchar } from '../db/migration-columns.js';

const id = () => ({ ...varchar('id', 36), isPrimary: true });
const bigint = (name: string) => ({ name, type: 'bigint', isNullable: false });
const integer = (name: string, defaultValue?: number) => ({
  name,
  type: 'integer',
  isNullable: false,
  ...(defaultValue === undefined ? {} : { default: defaultValue }),
});
const flag = (name: string, defaultValue: boolean) => ({
  name,
  type: 'boolean',
  isNullable: false,
  default: defaultValue,
});

/**
 * Subscriptions (S1): one for every provisioned line, with its seat batches, history and charges. Lines
 * provisioned before this version become subscriptions here, each on the term that began when its order was
 * provisioned; one whose term has ended since is renewed (or expired) by the renewal job on its first run, as
 * Microsoft did meanwhile. Nothing here reads the clock: the backfill is the same whenever it runs.
 */
export class Subscriptions1732610000000 implements MigrationInterface {
  name = 'Subscriptions1732610000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'subscription',
        columns: [
          id(),
          varchar('partner_subscription_id', 64),
          varchar('etag', 64),
          varchar('reseller_id', 36),
          varchar('customer_id', 36),
          varchar('tenant_id', 36, true),
          varchar('order_id', 36),
          varchar('order_line_id', 36),
          integer('price_id'),
          varchar('product_id', 32),
          varchar('product_title', 300),
          varchar('sku_id', 16),
          varchar('sku_title', 300),
          varchar('segment', 16),
          varchar('currency', 3),
          varchar('term', 4),
          varchar('billing_plan', 16),
          integer('quantity'),
          bigint('unit_price_minor'),
          varchar('payment_method', 16),
          varchar('status', 16),
          varchar('status_since', 30),
          flag('auto_renew', true),
          flag('trial', false),
          varchar('term_start', 30),
          varchar('term_end', 30),
          { name: 'scheduled_changes', type: 'text', isNullable: true },
          integer('change_count', 0),
          varchar('created_at', 30),
          varchar('updated_at', 30),
          integer('version'),
        ],
        indices: [
          new TableIndex({
            name: 'ux_subscription_partner_id',
            columnNames: ['partner_subscription_id'],
            isUnique: true,
          }),
          new TableIndex({ name: 'ux_subscription_order_line', columnNames: ['order_line_id'], isUnique: true }),
          // The renewal job's scan, and the staff list's default order.
          new TableIndex({ name: 'ix_subscription_due', columnNames: ['status', 'term_end', 'id'] }),
          new TableIndex({ name: 'ix_subscription_status_since', columnNames: ['status', 'status_since', 'id'] }),
          new TableIndex({ name: 'ix_subscription_term_end', columnNames: ['term_end', 'id'] }),
          new TableIndex({ name: 'ix_subscription_reseller', columnNames: ['reseller_id', 'term_end', 'id'] }),
          new TableIndex({ name: 'ix_subscription_customer', columnNames: ['customer_id', 'term_end', 'id'] }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'subscription_seat_batch',
        columns: [
          id(),
          varchar('subscription_id', 36),
          varchar('kind', 16),
          integer('quantity'),
          integer('removed', 0),
          varchar('started_at', 30),
          bigint('unit_paid_minor'),
          integer('paid_days'),
        ],
        indices: [
          new TableIndex({ name: 'ix_seat_batch_subscription', columnNames: ['subscription_id', 'started_at'] }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'subscription_event',
        columns: [
          id(),
          varchar('subscription_id', 36),
          integer('seq'),
          varchar('at', 30),
          varchar('kind', 32),
          { name: 'message', type: 'text', isNullable: false },
          varchar('actor_email', 254, true),
          varchar('idempotency_key', 120, true),
          varchar('request_hash', 64, true),
        ],
        indices: [
          new TableIndex({ name: 'ix_subscription_event_order', columnNames: ['subscription_id', 'seq'] }),
          new TableIndex({ name: 'ux_subscription_event_key', columnNames: ['idempotency_key'], isUnique: true }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'subscription_charge',
        columns: [
          id(),
          varchar('subscription_id', 36),
          varchar('reseller_id', 36),
          varchar('charge_type', 24),
          integer('quantity'),
          bigint('unit_price_minor'),
          bigint('amount_minor'),
          varchar('currency', 3),
          varchar('charge_start', 30),
          varchar('charge_end', 30),
          varchar('at', 30),
          varchar('payment_method', 16),
          varchar('reference', 64),
        ],
        indices: [
          new TableIndex({ name: 'ix_subscription_charge_subscription', columnNames: ['subscription_id', 'at'] }),
          new TableIndex({ name: 'ix_subscription_charge_reseller', columnNames: ['reseller_id', 'at'] }),
        ],
      }),
    );
    await this.backfill(q);
  }

  private async backfill(q: QueryRunner): Promise<void> {
    const lines: Record<string, unknown>[] = await q.query(
      `SELECT p.*, pr.segment, t.tenant_id FROM ${PROVISIONED_LINES} p
       LEFT JOIN ${CATALOG_PRICES} pr ON pr.price_id = p.price_id LEFT JOIN ${CUSTOMER_TENANTS} t ON t.customer_id = p.customer_id
       WHERE p.term <> 'NONE' ORDER BY p.placed_at, p.line_id`,
    );
    for (const line of lines) {
      const start = new Date(String(line.provisioned_at ?? line.placed_at));
      const term = String(line.term) as Exclude<Term, 'NONE'>;
      const billingPlan = String(line.billing_plan) as BillingPlan;
      const end = termEndOf(start, term);
      const period = billingPeriodAt({ start, end, billingPlan }, start);
      const bought = Number(line.quantity);
      const returned = Number(line.returned_quantity);
      const unit = Number(line.unit_price_minor);
      const subscriptionId = randomUUID();
      const at = start.toISOString();
      await insertRows(q.manager, 'subscription', [
        {
          id: subscriptionId,
          partner_subscription_id: String(line.subscription_id),
          etag: randomUUID(),
          reseller_id: String(line.reseller_id),
          customer_id: String(line.customer_id),
          tenant_id: line.tenant_id === null || line.tenant_id === undefined ? null : String(line.tenant_id),
          order_id: String(line.order_id),
          order_line_id: String(line.line_id),
          price_id: Number(line.price_id),
          product_id: String(line.product_id),
          product_title: String(line.product_title),
          sku_id: String(line.sku_id),
          sku_title: String(line.sku_title),
          segment: String(line.segment ?? 'COMMERCIAL'),
          currency: String(line.currency),
          term,
          billing_plan: billingPlan,
          quantity: bought - returned,
          unit_price_minor: unit,
          payment_method: String(line.payment_method),
          status: returned >= bought ? 'DELETED' : 'ACTIVE',
          status_since: at,
          auto_renew: returned < bought,
          trial: false,
          term_start: at,
          term_end: end.toISOString(),
          scheduled_changes: null,
          change_count: 0,
          created_at: at,
          updated_at: at,
          version: 1,
        },
      ]);
      await insertRows(q.manager, 'subscription_seat_batch', [
        {
          id: randomUUID(),
          subscription_id: subscriptionId,
          kind: 'PURCHASE',
          quantity: bought,
          removed: returned,
          started_at: at,
          unit_paid_minor: unit,
          paid_days: period.days,
        },
      ]);
      await insertRows(q.manager, 'subscription_event', [
        {
          id: randomUUID(),
          subscription_id: subscriptionId,
          seq: 1,
          at,
          kind: 'PROVISIONED',
          message: `${bought} seat(s) provisioned${returned ? `; ${returned} returned since` : ''}.`,
          actor_email: null,
          idempotency_key: null,
          request_hash: null,
        },
      ]);
      await insertRows(q.manager, 'subscription_charge', [
        {
          id: randomUUID(),
          subscription_id: subscriptionId,
          reseller_id: String(line.reseller_id),
          charge_type: 'new',
          quantity: bought,
          unit_price_minor: unit,
          amount_minor: unit * bought,
          currency: String(line.currency),
          charge_start: at,
          charge_end: period.end.toISOString(),
          at,
          payment_method: String(line.payment_method),
          reference: String(line.order_id),
        },
      ]);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['subscription_charge', 'subscription_event', 'subscription_seat_batch', 'subscription'])
      await q.dropTable(table);
  }
}
