import type { ApiModule } from '../platform/module.js';
import { Subscriptions1732610000000 } from './1732610000000-subscriptions.js';
import { SeatBatchEntity, SubscriptionChargeEntity, SubscriptionEntity, SubscriptionEventEntity } from './entities.js';
import { SUBSCRIPTION_NAMES } from './published.js';
import { SubscriptionReminders1732630000000 } from './1732630000000-subscription-reminders.js';
import { SubscriptionPromotion1732690000000 } from './1732690000000-subscription-promotion.js';
import { ChargesByTime1732720000000 } from './1732720000000-charges-by-time.js';
import { ReminderService } from './reminder.service.js';
import { ChargePriceRule1732735000000 } from './1732735000000-charge-price-rule.js';
import { DriftChecks1732780000000 } from './1732780000000-drift-checks.js';
import { DriftCheckEntity, DriftDifferenceEntity } from './drift.entities.js';
import { DriftRepository } from './drift.repository.js';
import { DriftResolver } from './drift.resolver.js';
import { DriftPermission, DriftService } from './drift.service.js';
import { RenewalService } from './renewal.service.js';
import { SubscriptionResolver } from './subscription.resolver.js';
import { SubscriptionPermission, SubscriptionService } from './subscription.service.js';
import { TermPrices } from './term-prices.js';
import { SubscriptionsRepository } from './subscriptions.repository.js';

declare module '../app.js' {
  interface App {
    subscriptions: SubscriptionService;
    renewals: RenewalService;
    reminders: ReminderService;
    drift: DriftService;
  }
}

/** Subscriptions after Buy: seats and their windows, cancellation, auto-renew, scheduled changes, renewals. */
export const subscriptionsModule: ApiModule = {
  name: 'subscriptions',
  auditNames: { Subscription: SUBSCRIPTION_NAMES },
  entities: [
    SubscriptionEntity,
    SeatBatchEntity,
    SubscriptionEventEntity,
    SubscriptionChargeEntity,
    DriftCheckEntity,
    DriftDifferenceEntity,
  ],
  migrations: [
    Subscriptions1732610000000,
    SubscriptionReminders1732630000000,
    SubscriptionPromotion1732690000000,
    ChargesByTime1732720000000,
    DriftChecks1732780000000,
    ChargePriceRule1732735000000,
  ],
  resolvers: [SubscriptionResolver, DriftResolver],
  permissions: {
    [SubscriptionPermission.Read]: { roles: ['staff', 'credit', 'support'], resellers: true },
    [SubscriptionPermission.Manage]: { roles: ['staff'], resellers: true },
    [DriftPermission.Check]: { roles: ['staff'], resellers: false },
  },
  services: (app) => {
    const {
      config,
      db,
      clock,
      audit,
      jobs,
      mail,
      partnerCenter,
      terms,
      resellers,
      provisioning,
      notificationSettings,
      pricing,
    } = app;
    const repository = new SubscriptionsRepository(db, app.events);
    const prices = new TermPrices(repository, pricing);
    const subscriptions = new SubscriptionService(db, clock, audit, partnerCenter, terms, repository, prices);
    provisioning.onLineProvisioned((tx, line) => subscriptions.open(tx, line));
    provisioning.onOrderProvisioned((tx, orderId) => subscriptions.activate(tx, orderId));
    app.carts.useCoTermTargets((ctx, customerId, now) => repository.coTermTargets(ctx, customerId, now));
    // A subscription can be put on a price book of its own: its next terms price by it, over its customer's book.
    pricing.describeTargets('SUBSCRIPTION', async (ctx, id) => {
      const s = await repository.byId(ctx, id);
      return (
        s && { name: `${s.skuTitle} (${s.partnerSubscriptionId})`, customerId: s.customerId, resellerId: s.resellerId }
      );
    });
    return {
      subscriptions,
      renewals: new RenewalService(
        db,
        clock,
        jobs,
        audit,
        mail,
        terms,
        resellers,
        repository,
        prices,
        config.renewalScanIntervalMs,
      ),
      reminders: new ReminderService(
        db,
        clock,
        jobs,
        mail,
        notificationSettings,
        subscriptions,
        repository,
        () => app.publicUrl,
        config.reminderScanIntervalMs,
        app.events,
      ),
      drift: new DriftService(db, clock, jobs, audit, partnerCenter, new DriftRepository(db)),
    };
  },
};

export type { SubscriptionService } from './subscription.service.js';
export type { ChargesWritten } from './subscriptions.repository.js';
export type { SubscriptionChargeEntity } from './entities.js';
