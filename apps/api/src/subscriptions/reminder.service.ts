import {
  formatMoney,
  money,
  reminderDue,
  RENEWAL_REMINDER_DAYS,
  TRIAL_REMINDER_DAYS,
  WINDOW_REMINDER_HOURS,
  type NotificationTopic,
} from '@nce/domain';
import type { Database } from '../db/database.js';
import type { DomainEvents } from '../platform/domain-events.js';
import type { NotificationSettingsService } from '../identity/index.js';
import type { MailService } from '../mail/index.js';
import type { Clock } from '../platform/clock.js';
import { yieldToEventLoop } from '../platform/event-loop.js';
import type { JobQueue } from '../platform/jobs/job-queue.js';
import { systemContext, type RequestContext } from '../platform/request-context.js';
import type { SubscriptionEntity } from './entities.js';
import { describeChanges, type SubscriptionService } from './subscription.service.js';
import type { SubscriptionsRepository } from './subscriptions.repository.js';

export const REMINDER_SCAN_JOB = 'subscriptions.reminder-scan';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Reminders decided per statement; a scan goes on until none is due. */
const PAGE = 200;

/**
 * Reminders by email to the reseller's users who have not turned them off: a seat batch's window closes in 48 and
 * 24 hours; a renewal comes in 60, 30 and 7 days, with the next term's price and scheduled changes; a trial ends in
 * 7 days and 1. Each is sent once: the threshold reminded is recorded in the transaction that queues the mail (and
 * the mail's key is the reminder's), so restarts, retries and several processes never send one twice.
 */
export class ReminderService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    jobs: JobQueue,
    private readonly mail: MailService,
    private readonly settings: NotificationSettingsService,
    private readonly subscriptions: SubscriptionService,
    private readonly repository: SubscriptionsRepository,
    private readonly publicUrl: () => string,
    scanEveryMs: number,
    private readonly events: DomainEvents | null = null,
  ) {
    jobs.every(REMINDER_SCAN_JOB, scanEveryMs, () => this.scan().then(() => undefined));
  }

  private get system(): RequestContext {
    return systemContext(this.clock, 'system:reminders');
  }

  /** Sends every reminder due now; answers how many reminders (not mails) it sent. */
  async scan(): Promise<number> {
    const now = this.clock.now();
    let sent = 0;
    for (;;) {
      const due = await this.repository.windowRemindersDue(now, WINDOW_REMINDER_HOURS, PAGE);
      for (const d of due) {
        const threshold = reminderDue(
          WINDOW_REMINDER_HOURS,
          (Date.parse(d.closesAt) - now.getTime()) / HOUR,
          d.reminded,
        );
        if (threshold === null) continue;
        const s = await this.repository.byId(this.system, d.subscriptionId);
        if (!s) continue;
        const closes = d.closesAt.replace('T', ' ').slice(0, 16);
        const done = await this.send(
          s,
          'SUBSCRIPTION_WINDOW',
          { batchId: d.batchId },
          threshold,
          d.reminded,
          `window:${d.batchId}:${threshold}`,
          `${threshold} hours left to remove seats: ${s.skuTitle}`,
          [
            `Seats of subscription ${s.partnerSubscriptionId} (${s.skuTitle}, ${s.quantity} seats) can be removed for a prorated refund until ${closes} UTC.`,
            'After that, Microsoft bills them for the whole term; the only way out is to turn auto-renew off.',
          ],
        );
        if (done) sent += 1;
        await yieldToEventLoop();
      }
      if (due.length < PAGE) break;
    }
    for (const kind of ['RENEWAL', 'TRIAL'] as const) {
      const thresholds = kind === 'RENEWAL' ? RENEWAL_REMINDER_DAYS : TRIAL_REMINDER_DAYS;
      for (;;) {
        const due = await this.repository.termRemindersDue(kind, now, thresholds, PAGE);
        for (const d of due) {
          const threshold = reminderDue(thresholds, (Date.parse(d.termEnd) - now.getTime()) / DAY, d.reminded);
          if (threshold === null) continue;
          const s = await this.repository.byId(this.system, d.subscriptionId);
          if (!s) continue;
          const done =
            kind === 'RENEWAL'
              ? await this.renewalReminder(s, threshold, d.reminded)
              : await this.send(
                  s,
                  'SUBSCRIPTION_TRIAL',
                  { subscriptionId: s.id, kind },
                  threshold,
                  d.reminded,
                  `trial:${s.id}:${s.termEnd}:${threshold}`,
                  `Trial ends in ${threshold} day(s): ${s.skuTitle}`,
                  [
                    `The trial ${s.partnerSubscriptionId} (${s.skuTitle}) ends on ${s.termEnd.slice(0, 10)} and then converts to a paid subscription.`,
                    'Schedule the conversion at the number of seats you need, or turn auto-renew off to let it end.',
                  ],
                );
          if (done) sent += 1;
          await yieldToEventLoop();
        }
        if (due.length < PAGE) break;
      }
    }
    return sent;
  }

  private async renewalReminder(s: SubscriptionEntity, threshold: number, was: number | null): Promise<boolean> {
    const next = await this.subscriptions.nextTerm(this.system, s);
    const price = next?.price
      ? `${formatMoney(money(next.price.unitPriceMinor, s.currency))} a seat, ${formatMoney(money(next.price.unitPriceMinor * next.quantity, s.currency))} for the first ${next.billingPlan.toLowerCase().replace('ly', '')} period`
      : 'the price list’s price on the renewal day';
    const scheduled = describeChanges(s.scheduledChanges);
    return this.send(
      s,
      'SUBSCRIPTION_RENEWAL',
      { subscriptionId: s.id, kind: 'RENEWAL' },
      threshold,
      was,
      `renewal:${s.id}:${s.termEnd}:${threshold}`,
      `Renews in ${threshold} days: ${s.skuTitle}, ${next?.quantity ?? s.quantity} seats`,
      [
        `Subscription ${s.partnerSubscriptionId} (${s.skuTitle}) renews on ${next ? next.renewsOn.toISOString().slice(0, 10) : s.termEnd.slice(0, 10)} for ${next?.term ?? s.term}: ${next?.quantity ?? s.quantity} seats at ${price}.`,
        scheduled
          ? `Changes scheduled for the next term: ${scheduled}.`
          : 'No changes are scheduled for the next term.',
        'Changes can be scheduled until a day before the term ends; to let it end instead, turn auto-renew off.',
      ],
    );
  }

  /** Records the reminder and queues its mail to every opted-in user, in one transaction; false if another did. */
  private async send(
    s: SubscriptionEntity,
    topic: NotificationTopic,
    target: Parameters<SubscriptionsRepository['markReminded']>[1],
    threshold: number,
    was: number | null,
    key: string,
    subject: string,
    lines: string[],
  ): Promise<boolean> {
    const recipients = await this.settings.recipients(this.system, s.resellerId, topic);
    const names = await this.repository.namesOf(this.system, s);
    return this.db.transaction(this.system, async (tx) => {
      if (!(await this.repository.markReminded(tx, target, threshold, was))) return false;
      for (const user of recipients)
        await this.mail.enqueue(
          tx,
          {
            to: user.email,
            subject,
            body: [
              `Hello ${user.displayName},`,
              '',
              `${names.customerName}:`,
              ...lines,
              '',
              `The subscription: ${this.publicUrl()}/subscriptions/${s.id}`,
              'You get this because subscription reminders are on for you; turn them off under My account.',
            ].join('\n'),
            relatedType: 'Subscription',
            relatedId: s.id,
          },
          `reminder:${key}:${user.email}`,
        );
      // Resellers' own systems hear of a closing window too (webhooks), whoever turned the mails off.
      if (topic === 'SUBSCRIPTION_WINDOW')
        await this.events?.publish(tx, [
          {
            type: 'subscription.windowClosing',
            resellerId: s.resellerId,
            subject: { type: 'subscription', id: s.id },
            at: this.clock.now().toISOString(),
            key: `window:${key}`,
            data: { subscriptionId: s.id, hoursLeft: threshold, ...target, skuTitle: s.skuTitle, quantity: s.quantity },
          },
        ]);
      return true;
    });
  }
}
