import type { ApiModule } from '../platform/module.js';
import { EmailMessageEntity } from './email-message.entity.js';
import { MailService, outboxOnly, SmtpTransport } from './mail.service.js';

declare module '../app.js' {
  interface App {
    mail: MailService;
  }
}

/** Outgoing mail: an outbox delivered over SMTP by a job. */
export const mailModule: ApiModule = {
  name: 'mail',
  entities: [EmailMessageEntity],
  services: ({ config, db, clock, jobs }) => ({ mail: new MailService(db, clock, jobs, config.smtpUrl ? new SmtpTransport(config.smtpUrl) : outboxOnly, config.mailFrom) }),
};
