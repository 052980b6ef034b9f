import type { ApiModule } from '../platform/module.js';
import { EmailMessageEntity } from './email-message.entity.js';
import { MailService, outboxOnly, SmtpTransport } from './mail.service.js';
import type DataLoader from 'dataloader';
import { OutboxRepository } from './outbox.repository.js';

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
      new OutboxRepository(db),
      clock,
      jobs,
      config.smtpUrl ? new SmtpTransport(config.smtpUrl) : outboxOnly,
      config.mailFrom,
    ),
  }),
  loaders: ({ db }) => ({ emailsByOrder: new OutboxRepository(db).byOrder() }),
};

export type { MailService } from './mail.service.js';
