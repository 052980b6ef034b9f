import type { ApiModule } from '../platform/module.js';
import { ReconciliationRepository } from './reconciliation.repository.js';
import { BillingPermission, ReconciliationService } from './reconciliation.service.js';
import { billingRoutes } from './routes.js';

declare module '../app.js' {
  interface App {
    reconciliation: ReconciliationService;
  }
}

/** Billing: the month's charges for finance (S18, S19), read from the subscriptions context's charges. */
export const billingModule: ApiModule = {
  name: 'billing',
  permissions: { [BillingPermission.Reconcile]: { roles: ['staff', 'credit'], resellers: false } },
  routes: billingRoutes,
  services: ({ db }) => ({ reconciliation: new ReconciliationService(new ReconciliationRepository(db)) }),
};

export { BillingPermission } from './reconciliation.service.js';
