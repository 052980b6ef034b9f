import { randomUUID } from 'node:crypto';
import nodemailer, { type Transporter } from 'nodemailer';
import { inTransaction, type RequestContext } from '../platform/request-context.js';
import type { Clock } from '../platform/clock.js';
import type { JobQueue } from '../platform/jobs/job-queue.js';
import type { EmailMessageEntity } from './email-message.entity.js';
import type { OutboxRepository } from './outbox.repository.js';

export const SEND_MAIL_JOB = 'mail.send';

export interface OutgoingMail {
  to: string;
  subject: string;
  body: string;
  relatedType?: string;
  relatedId?: string;
}

/** Where mail goes: an SMTP server, or — with none configured — the local outbox only. */
export interface MailTransport {
  readonly name: 'smtp' | 'outbox';
  deliver(mail: OutgoingMail, from: string): Promise<void>;
}

export class SmtpTransport implements MailTransport {
  readonly name = 'smtp' as const;
  private readonly transporter: Transporter;

  constructor(url: string) {
    this.transporter = nodemailer.createTransport(url);
  }

  async deliver(mail: OutgoingMail, from: string): Promise<void> {
    await this.transporter.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.body });
  }
}

export const outboxOnly: MailTransport = { name: 'outbox', deliver: async () => {} };

/**
 * Mail is sent by a durable job enqueued in the transaction of the change that calls for it, so a
 * committed change always sends its mail and a rolled-back one never does. Every message is kept.
 */
export class MailService {
  constructor(
    private readonly outbox: OutboxRepository,
    private readonly clock: Clock,
    private readonly jobs: JobQueue,
    private readonly transport: MailTransport,
    private readonly from: string,
  ) {
    jobs.register(SEND_MAIL_JOB, (payload) => this.deliver(payload as unknown as OutgoingMail & { messageId: string }));
  }

  /**
   * Queues a mail in the context's open transaction: it is sent only if the change it tells of commits.
   * `key` makes it once-only (e.g. one provisioning mail per order).
   */
  async enqueue(ctx: RequestContext, mail: OutgoingMail, key: string): Promise<void> {
    await this.jobs.enqueue(
      inTransaction(ctx).transaction,
      SEND_MAIL_JOB,
      { ...mail, messageId: randomUUID() },
      { key: `${SEND_MAIL_JOB}:${key}` },
    );
  }

  /** The messages kept about a record, newest first (the system's and tests' view of what was sent). */
  list(
    _ctx: RequestContext,
    filter: { relatedType?: string; relatedId?: string },
    take = 50,
  ): Promise<EmailMessageEntity[]> {
    return this.outbox.list(filter, take);
  }

  private async deliver(mail: OutgoingMail & { messageId: string }): Promise<void> {
    if (await this.outbox.sent(mail.messageId)) return;
    await this.transport.deliver(mail, this.from);
    const now = this.clock.now().toISOString();
    await this.outbox.keep({
      id: mail.messageId,
      to: mail.to,
      subject: mail.subject,
      body: mail.body,
      relatedType: mail.relatedType ?? null,
      relatedId: mail.relatedId ?? null,
      status: this.transport.name === 'smtp' ? 'SENT' : 'WRITTEN',
      transport: this.transport.name,
      createdAt: now,
      sentAt: now,
      error: null,
    });
  }
}
