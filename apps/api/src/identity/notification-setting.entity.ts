import type { NotificationTopic } from '@nce/domain';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A user's choice for one kind of email; a topic with no row is on. */
@Entity('user_notification_setting')
export class NotificationSettingEntity {
  @PrimaryColumn({ name: 'user_id', type: 'varchar', length: 36 })
  userId: string;

  @PrimaryColumn({ type: 'varchar', length: 32 })
  topic: NotificationTopic;

  @Column({ type: 'boolean' })
  enabled: boolean;

  @Column({ name: 'updated_at', type: 'varchar', length: 30 })
  updatedAt: string;
}
