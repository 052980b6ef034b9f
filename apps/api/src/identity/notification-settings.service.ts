import { isNotificationTopic, NOTIFICATION_TOPICS, NOTIFICATION_TOPIC_TEXT, type NotificationTopic } from '@nce/domain';
import type { AuditService } from '../audit/index.js';
import type { Database } from '../db/database.js';
import type { Clock } from '../platform/clock.js';
import { Permission } from '../platform/permissions.js';
import { requirePermission, type RequestContext } from '../platform/request-context.js';
import { invalidField, ok, type Result } from '../platform/result.js';
import type { NotificationSettingsRepository } from './notification-settings.repository.js';

export interface NotificationSetting {
  topic: NotificationTopic;
  label: string;
  description: string;
  enabled: boolean;
}

/** Which emails each user gets: their own choices, and who is told of a topic. */
export class NotificationSettingsService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly settings: NotificationSettingsRepository,
  ) {}

  /** The signed-in user's choice for every topic (on unless turned off). */
  async mine(ctx: RequestContext): Promise<NotificationSetting[]> {
    requirePermission(ctx, Permission.SignedIn);
    const chosen = ctx.principal ? await this.settings.of(ctx, ctx.principal.userId) : [];
    return NOTIFICATION_TOPICS.map((topic) => ({
      topic,
      ...NOTIFICATION_TOPIC_TEXT[topic],
      enabled: chosen.find((c) => c.topic === topic)?.enabled ?? true,
    }));
  }

  /** Turns one topic on or off for the signed-in user; audited. */
  async set(ctx: RequestContext, topic: string, enabled: boolean): Promise<Result<NotificationSetting[]>> {
    requirePermission(ctx, Permission.SignedIn);
    const principal = ctx.principal;
    if (!principal) return invalidField('topic', 'NOT_SIGNED_IN', 'Sign in to choose your emails.');
    if (!isNotificationTopic(topic))
      return invalidField('topic', 'UNKNOWN_TOPIC', `Emails are about ${NOTIFICATION_TOPICS.join(', ')}.`);
    await this.db.transaction(ctx, async (tx) => {
      const before = (await this.settings.of(tx, principal.userId)).find((c) => c.topic === topic)?.enabled ?? true;
      await this.settings.set(tx, {
        userId: principal.userId,
        topic,
        enabled,
        updatedAt: this.clock.now().toISOString(),
      });
      await this.audit.record(tx, {
        operation: 'identity.notificationSetting',
        entityType: 'User',
        entityId: principal.userId,
        changes: { [topic]: { before, after: enabled } },
      });
    });
    return ok(await this.mine(ctx));
  }

  /** The users of a reseller to email about `topic`: active, and not turned off. */
  recipients(ctx: RequestContext, resellerId: string, topic: NotificationTopic) {
    return this.settings.recipients(ctx, resellerId, topic);
  }
}
