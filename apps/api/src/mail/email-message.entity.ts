import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Every message the marketplace sends, kept: the outbox staff can read, and the record of what was sent. */
@Entity('email_message')
export class EmailMessageEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'to_address', type: 'varchar', length: 254 })
  to: string;

  @Column({ type: 'varchar', length: 300 })
  subject: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ name: 'related_type', type: 'varchar', length: 40, nullable: true })
  relatedType: string | null;

  @Column({ name: 'related_id', type: 'varchar', length: 36, nullable: true })
  relatedId: string | null;

  /** SENT through SMTP, or WRITTEN to the local outbox when no SMTP server is configured. */
  @Column({ type: 'varchar', length: 16 })
  status: 'SENT' | 'WRITTEN';

  @Column({ type: 'varchar', length: 16 })
  transport: 'smtp' | 'outbox';

  @Column({ name: 'created_at', type: 'varchar', length: 30 })
  createdAt: string;

  @Column({ name: 'sent_at', type: 'varchar', length: 30, nullable: true })
  sentAt: string | null;

  @Column({ type: 'text', nullable: true })
  error: string | null;
}
