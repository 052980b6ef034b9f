/**
 * What a reseller's users may be emailed about, each on or off per user. A user who never chose is emailed: these
 * reminders exist so that no one misses a window or a renewal by surprise.
 */
export const NOTIFICATION_TOPICS = ['SUBSCRIPTION_WINDOW', 'SUBSCRIPTION_RENEWAL', 'SUBSCRIPTION_TRIAL'] as const;
export type NotificationTopic = (typeof NOTIFICATION_TOPICS)[number];

export const NOTIFICATION_TOPIC_TEXT: Record<NotificationTopic, { label: string; description: string }> = {
  SUBSCRIPTION_WINDOW: {
    label: '7-day windows closing',
    description: 'When seats can be removed for a refund for only 48 more hours, and again 24 hours before.',
  },
  SUBSCRIPTION_RENEWAL: {
    label: 'Renewals coming',
    description: '60, 30 and 7 days before a subscription renews, with the next term’s price and scheduled changes.',
  },
  SUBSCRIPTION_TRIAL: {
    label: 'Trials ending',
    description: '7 days and 1 day before a trial converts to a paid subscription.',
  },
};

export const isNotificationTopic = (text: string): text is NotificationTopic =>
  (NOTIFICATION_TOPICS as readonly string[]).includes(text);

// The reminders' thresholds, each sent once: hours before a seat batch's window closes, days before a term ends
// (renewal) and before a trial ends.
export const WINDOW_REMINDER_HOURS = [48, 24] as const;
export const RENEWAL_REMINDER_DAYS = [60, 30, 7] as const;
export const TRIAL_REMINDER_DAYS = [7, 1] as const;

/**
 * The reminder due now for something `left` away (hours or days), given the threshold last reminded at (null:
 * none yet): the smallest threshold it has reached that is smaller than the last one; null when none is due.
 */
export function reminderDue(thresholds: readonly number[], left: number, lastReminded: number | null): number | null {
  if (left <= 0) return null;
  const reached = thresholds.filter((t) => left <= t && (lastReminded === null || t < lastReminded));
  return reached.length ? Math.min(...reached) : null;
}
