import type { ApiModule } from '../platform/module.js';
import { Webhooks1732770000000 } from './1732770000000-webhooks.js';
import { WebhookDeliveryEntity, WebhookEndpointEntity } from './entities.js';
import { HttpWebhookSender } from './webhook-sender.js';
import { WebhookService, WebhooksPermission } from './webhook.service.js';
import { WebhooksRepository } from './webhooks.repository.js';
import { WebhooksResolver } from './webhooks.resolver.js';

declare module '../app.js' {
  interface App {
    webhooks: WebhookService;
  }
}

/**
 * Webhooks: events of orders, subscriptions and invoices pushed, signed, to resellers' own systems and the
 * distributor's, through an outbox written in each change's transaction and a job per delivery.
 */
export const webhooksModule: ApiModule = {
  name: 'webhooks',
  entities: [WebhookEndpointEntity, WebhookDeliveryEntity],
  migrations: [Webhooks1732770000000],
  resolvers: [WebhooksResolver],
  permissions: { [WebhooksPermission.Manage]: { roles: ['staff'], resellers: true } },
  services: ({ db, clock, jobs, audit, secrets, config, events }) => {
    const webhooks = new WebhookService(
      db,
      clock,
      jobs,
      audit,
      secrets,
      new WebhooksRepository(db),
      new HttpWebhookSender(config.webhooksAllowPrivateTargets),
      { allowPrivateTargets: config.webhooksAllowPrivateTargets },
    );
    events.subscribe((tx, published) => webhooks.onEvents(tx, published));
    return { webhooks };
  },
};

export { WebhooksPermission } from './webhook.service.js';
