import type { NotificationTopic } from '@nce/domain';
import type { Database } from '../db/database.js';
import type { RequestContext, Transactional } from '../platform/request-context.js';
import { NotificationSettingEntity } from './notification-setting.entity.js';

/** Users' email choices (user_notification_setting) and who is to be told of a topic. */
export class NotificationSettingsRepository {
  constructor(private readonly db: Database) {}

  of(ctx: RequestContext, userId: string): Promise<NotificationSettingEntity[]> {
    return this.db.managerOf(ctx).findBy(NotificationSettingEntity, { userId });
  }

  async set(tx: Transactional, setting: NotificationSettingEntity): Promise<void> {
    await tx.transaction.upsert(NotificationSettingEntity, setting, ['userId', 'topic']);
  }

  /** The active users of a reseller who have not turned `topic` off: their emails and names. */
  async recipients(
    ctx: RequestContext,
    resellerId: string,
    topic: NotificationTopic,
  ): Promise<{ email: string; displayName: string }[]> {
    const rows = await this.db.query<{ email: string; display_name: string }>(
      ctx,
      `SELECT u.email, u.display_name FROM app_user u
       LEFT JOIN user_notification_setting n ON n.user_id = u.id AND n.topic = ?
       WHERE u.reseller_id = ? AND u.kind = 'RESELLER' AND u.active = ? AND (n.enabled IS NULL OR n.enabled = ?)
       ORDER BY u.email`,
      [topic, resellerId, this.flag(true), this.flag(true)],
    );
    return rows.map((r) => ({ email: String(r.email), displayName: String(r.display_name) }));
  }

  private flag(value: boolean): number | boolean {
    return this.db.kind === 'postgres' ? value : value ? 1 : 0;
  }
}
