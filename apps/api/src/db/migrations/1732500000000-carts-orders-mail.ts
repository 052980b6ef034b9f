import { Table, TableColumn, TableForeignKey, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { varchar } from '../migration-columns.js';

const int = (name: string, nullable = false) => ({ name, type: 'integer', isNullable: nullable });
const bigint = (name: string) => ({ name, type: 'bigint', isNullable: false });
const id = () => ({ ...varchar('id', 36), isPrimary: true });
const fk = (column: string, table: string, onDelete: 'CASCADE' | 'RESTRICT' = 'RESTRICT') =>
  new TableForeignKey({ columnNames: [column], referencedTableName: table, referencedColumnNames: ['id'], onDelete });

export class CartsOrdersMail1732500000000 implements MigrationInterface {
  name = 'CartsOrdersMail1732500000000';

  async up(q: QueryRunner): Promise<void> {
    // The simulator can be told to fail provisioning into a tenant, so a demo can show a failed order.
    await q.addColumn(
      'sim_tenant',
      new TableColumn({ name: 'provisioning_fails', type: 'boolean', isNullable: false, default: 'false' }),
    );
    await q.createTable(
      new Table({
        name: 'cart',
        columns: [
          id(),
          varchar('reseller_id', 36),
          // Set while the cart is open: one open cart per reseller.
          varchar('open_key', 36, true),
          varchar('customer_id', 36, true),
          varchar('price_segment', 16, true),
          varchar('currency', 3, true),
          varchar('status', 16),
          varchar('created_at', 30),
          varchar('updated_at', 30),
          { name: 'version', type: 'integer', isNullable: false },
        ],
        indices: [new TableIndex({ name: 'ux_cart_open', columnNames: ['open_key'], isUnique: true })],
        foreignKeys: [fk('reseller_id', 'reseller'), fk('customer_id', 'customer')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'cart_line',
        columns: [
          id(),
          varchar('cart_id', 36),
          int('price_id'),
          int('quantity'),
          bigint('unit_price_minor'),
          varchar('added_at', 30),
        ],
        indices: [new TableIndex({ name: 'ux_cart_line_price', columnNames: ['cart_id', 'price_id'], isUnique: true })],
        foreignKeys: [
          fk('cart_id', 'cart', 'CASCADE'),
          new TableForeignKey({
            columnNames: ['price_id'],
            referencedTableName: 'catalog_price',
            referencedColumnNames: ['id'],
            onDelete: 'RESTRICT',
          }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'so_sequence',
        columns: [{ ...varchar('day', 8), isPrimary: true }, int('last')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'sales_order',
        columns: [
          id(),
          varchar('so_number', 20),
          varchar('reseller_id', 36),
          varchar('customer_id', 36),
          varchar('status', 24),
          varchar('payment_method', 16),
          varchar('po_number', 40, true),
          varchar('currency', 3),
          bigint('total_minor'),
          varchar('idempotency_key', 120),
          varchar('request_hash', 64),
          varchar('tenant_domain', 120),
          varchar('placed_by_user_id', 36, true),
          varchar('placed_at', 30),
          varchar('provisioned_at', 30, true),
          { name: 'failure_reason', type: 'text', isNullable: true },
          varchar('updated_at', 30),
          { name: 'version', type: 'integer', isNullable: false },
        ],
        indices: [
          new TableIndex({ name: 'ux_sales_order_so', columnNames: ['so_number'], isUnique: true }),
          new TableIndex({
            name: 'ux_sales_order_idempotency',
            columnNames: ['reseller_id', 'idempotency_key'],
            isUnique: true,
          }),
          new TableIndex({ name: 'ix_sales_order_placed', columnNames: ['placed_at', 'id'] }),
          new TableIndex({ name: 'ix_sales_order_reseller', columnNames: ['reseller_id', 'placed_at', 'id'] }),
          new TableIndex({ name: 'ix_sales_order_customer', columnNames: ['customer_id', 'placed_at', 'id'] }),
          new TableIndex({ name: 'ix_sales_order_status', columnNames: ['status', 'placed_at', 'id'] }),
        ],
        foreignKeys: [fk('reseller_id', 'reseller'), fk('customer_id', 'customer')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'order_line',
        columns: [
          id(),
          varchar('order_id', 36),
          int('line_number'),
          int('price_id'),
          varchar('product_id', 32),
          varchar('product_title', 300),
          varchar('sku_id', 16),
          varchar('sku_title', 300),
          varchar('term', 4),
          varchar('billing_plan', 16),
          int('quantity'),
          bigint('unit_price_minor'),
          bigint('line_total_minor'),
          varchar('subscription_id', 64, true),
          varchar('status', 16),
        ],
        indices: [new TableIndex({ name: 'ix_order_line_order', columnNames: ['order_id', 'line_number'] })],
        foreignKeys: [fk('order_id', 'sales_order', 'CASCADE')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'order_event',
        columns: [
          id(),
          varchar('order_id', 36),
          varchar('at', 30),
          varchar('state', 24),
          { name: 'message', type: 'text', isNullable: false },
        ],
        indices: [new TableIndex({ name: 'ix_order_event_order', columnNames: ['order_id', 'at'] })],
        foreignKeys: [fk('order_id', 'sales_order', 'CASCADE')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'email_message',
        columns: [
          id(),
          varchar('to_address', 254),
          varchar('subject', 300),
          { name: 'body', type: 'text', isNullable: false },
          varchar('related_type', 40, true),
          varchar('related_id', 36, true),
          varchar('status', 16),
          varchar('transport', 16),
          varchar('created_at', 30),
          varchar('sent_at', 30, true),
          { name: 'error', type: 'text', isNullable: true },
        ],
        indices: [
          new TableIndex({ name: 'ix_email_related', columnNames: ['related_type', 'related_id'] }),
          new TableIndex({ name: 'ix_email_created', columnNames: ['created_at', 'id'] }),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'email_message',
      'order_event',
      'order_line',
      'sales_order',
      'so_sequence',
      'cart_line',
      'cart',
    ])
      await q.dropTable(table);
    await q.dropColumn('sim_tenant', 'provisioning_fails');
  }
}
