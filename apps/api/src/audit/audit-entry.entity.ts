import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One change of state: who, on whose behalf, what, when, and the before/after of the changed fields. */
@Entity('audit_entry')
@Index('ix_audit_at', ['at', 'id'])
@Index('ix_audit_entity', ['entityType', 'entityId', 'at'])
@Index('ix_audit_actor', ['actorUserId', 'at'])
@Index('ix_audit_operation', ['operation', 'at'])
export class AuditEntryEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  /** ISO 8601 instant. */
  @Column({ type: 'varchar', length: 30 })
  at: string;

  @Column({ name: 'actor_kind', type: 'varchar', length: 16 })
  actorKind: 'staff' | 'reseller' | 'system' | 'anonymous';

  @Column({ name: 'actor_user_id', type: 'varchar', length: 36, nullable: true })
  actorUserId: string | null;

  @Column({ name: 'actor_email', type: 'varchar', length: 254, nullable: true })
  actorEmail: string | null;

  /** Comma-separated roles the actor held at the time. */
  @Column({ name: 'actor_roles', type: 'varchar', length: 100 })
  actorRoles: string;

  @Column({ name: 'on_behalf_of_reseller_id', type: 'varchar', length: 36, nullable: true })
  onBehalfOfResellerId: string | null;

  @Column({ type: 'varchar', length: 100 })
  operation: string;

  @Column({ name: 'entity_type', type: 'varchar', length: 60 })
  entityType: string;

  @Column({ name: 'entity_id', type: 'varchar', length: 100 })
  entityId: string;

  /** JSON: { field: { before, after } }, secrets redacted. */
  @Column({ type: 'text' })
  changes: string;

  @Column({ name: 'request_id', type: 'varchar', length: 64, nullable: true })
  requestId: string | null;
}
