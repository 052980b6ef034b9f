import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { varchar } from '../db/migration-columns.js';

/** Webhooks: endpoints of systems outside, and each event's delivery to each (the outbox). */
export class Webhooks1732770000000 implements MigrationInterface {
  name = 'Webhooks1732770000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'webhook_endpoint',
        columns: [
          { ...varchar('id', 36), isPrimary: true },
          varchar('reseller_id', 36, true),
          varchar('url', 2000),
          varchar('events', 1000),
          varchar('description', 200),
          varchar('secret_encrypted', 500),
          { name: 'active', type: 'boolean', default: true },
          varchar('created_at', 30),
          varchar('created_by', 254),
        ],
        indices: [new TableIndex({ name: 'ix_webhook_endpoint_reseller', columnNames: ['reseller_id'] })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'webhook_delivery',
        columns: [
          { ...varchar('id', 36), isPrimary: true },
          varchar('endpoint_id', 36),
          varchar('event_key', 200),
          varchar('event_type', 40),
          { name: 'payload', type: 'text' },
          varchar('status', 12),
          { name: 'attempts', type: 'integer', default: 0 },
          { name: 'last_status_code', type: 'integer', isNullable: true },
          varchar('last_response', 500, true),
          varchar('last_attempt_at', 30, true),
          varchar('delivered_at', 30, true),
          varchar('replay_of', 36, true),
          varchar('created_at', 30),
        ],
        indices: [
          new TableIndex({
            name: 'ux_webhook_delivery_event',
            columnNames: ['endpoint_id', 'event_key'],
            isUnique: true,
          }),
          new TableIndex({ name: 'ix_webhook_delivery_endpoint', columnNames: ['endpoint_id', 'created_at'] }),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('webhook_delivery');
    await q.dropTable('webhook_endpoint');
  }
}
