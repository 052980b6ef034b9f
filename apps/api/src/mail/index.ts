import type { ApiModule } from '../platform/module.js';
import { EmailMessageEntity } from './email-message.entity.js';
import { MailService, outboxOnly, SmtpTransport } from './mail.service.js';
import DataLoader from 'dataloader';
import { In } from 'typeorm';

declare module '../loaders.js' {
  interface Loaders {
    emailsByOrder: DataLoader<string, EmailMessageEntity[]>;
  }
}

declare module '../app.js' {
  interface App {
    mail: MailService;
  }
}

/** Outgoing mail: an outbox delivered over SMTP by a job. */
export const mailModule: ApiModule = {
  name: 'mail',
  entities: [EmailMessageEntity],
  services: ({ config, db, clock, jobs }) => ({
    mail: new MailService(
      db,
      clock,
      jobs,
      config.smtpUrl ? new SmtpTransport(config.smtpUrl) : outboxOnly,
      config.mailFrom,
    ),
  }),
  loaders: ({ db }) => ({
    emailsByOrder: new DataLoader(async (ids) => {
      const rows = await db.read.find(EmailMessageEntity, {
        where: { relatedType: 'Order', relatedId: In([...ids]) },
        order: { createdAt: 'DESC', id: 'DESC' },
      });
      return ids.map((id) => rows.filter((e) => e.relatedId === id));
    }),
  }),
};

export type { MailService } from './mail.service.js';
