import { Table, TableForeignKey, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { varchar } from '../migration-columns.js';

const id = () => ({ ...varchar('id', 36), isPrimary: true });
const version = () => ({ name: 'version', type: 'integer', isNullable: false });
const fk = (column: string, table: string, onDelete: 'CASCADE' | 'RESTRICT' = 'RESTRICT') =>
  new TableForeignKey({ columnNames: [column], referencedTableName: table, referencedColumnNames: ['id'], onDelete });

export class IdentityAudit1732470000000 implements MigrationInterface {
  name = 'IdentityAudit1732470000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'reseller',
        columns: [
          id(),
          varchar('company_name', 200),
          varchar('marketplace_id', 40),
          varchar('bcn', 20),
          varchar('status', 20),
          varchar('created_at', 30),
          varchar('updated_at', 30),
          version(),
        ],
        indices: [
          new TableIndex({ name: 'ux_reseller_marketplace_id', columnNames: ['marketplace_id'], isUnique: true }),
          new TableIndex({ name: 'ux_reseller_bcn', columnNames: ['bcn'], isUnique: true }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'app_user',
        columns: [
          id(),
          varchar('email', 254),
          varchar('email_key', 254),
          varchar('display_name', 120),
          varchar('kind', 10),
          varchar('roles', 100),
          varchar('reseller_id', 36, true),
          varchar('password_hash', 200),
          { name: 'active', type: 'boolean', isNullable: false },
          varchar('created_at', 30),
          varchar('updated_at', 30),
          varchar('password_changed_at', 30),
          version(),
        ],
        indices: [
          new TableIndex({ name: 'ux_app_user_email_key', columnNames: ['email_key'], isUnique: true }),
          new TableIndex({ name: 'ix_app_user_kind_name', columnNames: ['kind', 'display_name', 'id'] }),
          new TableIndex({ name: 'ix_app_user_reseller', columnNames: ['reseller_id'] }),
        ],
        foreignKeys: [fk('reseller_id', 'reseller')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'user_session',
        columns: [
          id(),
          varchar('token_hash', 64),
          varchar('user_id', 36),
          varchar('created_at', 30),
          varchar('last_seen_at', 30),
          varchar('expires_at', 30),
          varchar('revoked_at', 30, true),
          varchar('ip', 64, true),
          varchar('user_agent', 300, true),
        ],
        indices: [
          new TableIndex({ name: 'ux_user_session_token', columnNames: ['token_hash'], isUnique: true }),
          new TableIndex({ name: 'ix_user_session_user', columnNames: ['user_id'] }),
        ],
        foreignKeys: [fk('user_id', 'app_user', 'CASCADE')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'sign_in_failure',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          varchar('email_key', 254),
          varchar('ip', 64),
          varchar('at', 30),
        ],
        indices: [
          new TableIndex({ name: 'ix_sign_in_failure_email', columnNames: ['email_key', 'at'] }),
          new TableIndex({ name: 'ix_sign_in_failure_ip', columnNames: ['ip', 'at'] }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'password_reset',
        columns: [
          id(),
          varchar('token_hash', 64),
          varchar('user_id', 36),
          varchar('created_by', 36, true),
          varchar('created_at', 30),
          varchar('expires_at', 30),
          varchar('used_at', 30, true),
        ],
        indices: [new TableIndex({ name: 'ux_password_reset_token', columnNames: ['token_hash'], isUnique: true })],
        foreignKeys: [fk('user_id', 'app_user', 'CASCADE')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'audit_entry',
        columns: [
          id(),
          varchar('at', 30),
          varchar('actor_kind', 16),
          varchar('actor_user_id', 36, true),
          varchar('actor_email', 254, true),
          varchar('actor_roles', 100),
          varchar('on_behalf_of_reseller_id', 36, true),
          varchar('operation', 100),
          varchar('entity_type', 60),
          varchar('entity_id', 100),
          { name: 'changes', type: 'text', isNullable: false },
          varchar('request_id', 64, true),
        ],
        indices: [
          new TableIndex({ name: 'ix_audit_at', columnNames: ['at', 'id'] }),
          new TableIndex({ name: 'ix_audit_entity', columnNames: ['entity_type', 'entity_id', 'at'] }),
          new TableIndex({ name: 'ix_audit_actor', columnNames: ['actor_user_id', 'at'] }),
          new TableIndex({ name: 'ix_audit_operation', columnNames: ['operation', 'at'] }),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['audit_entry', 'password_reset', 'sign_in_failure', 'user_session', 'app_user', 'reseller'])
      await q.dropTable(table);
  }
}
