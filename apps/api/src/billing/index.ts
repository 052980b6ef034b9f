import type { ApiModule } from '../platform/module.js';
import { MonthlyInvoices1732730000000 } from './1732730000000-monthly-invoices.js';
import { RevenueSums1732740000000 } from './1732740000000-revenue-sums.js';
import { InvoiceCorrections1732760000000 } from './1732760000000-invoice-corrections.js';
import {
  BillingRunEntity,
  MonthlyInvoiceAdjustmentEntity,
  MonthlyInvoiceEntity,
  RevenueDayEntity,
  RevenueResellerMonthEntity,
} from './entities.js';
import { RevenueRepository } from './revenue.repository.js';
import { DashboardService } from './dashboard.service.js';
import { MonthlyBillingResolver } from './monthly-billing.resolver.js';
import { MonthlyBillingService } from './monthly-billing.service.js';
import { MonthlyInvoicesRepository } from './monthly-invoices.repository.js';
import { ReconciliationRepository } from './reconciliation.repository.js';
import { BillingPermission, ReconciliationService } from './reconciliation.service.js';
import { billingRoutes } from './routes.js';

declare module '../app.js' {
  interface App {
    reconciliation: ReconciliationService;
    monthlyBilling: MonthlyBillingService;
    dashboard: DashboardService;
  }
}

/**
 * Billing: the month's charges for finance (S18, S19), read from the subscriptions context's charges: the
 * reconciliation file, Microsoft's file matched against it, and the month's close into invoices (S18, S20).
 */
export const billingModule: ApiModule = {
  name: 'billing',
  entities: [
    BillingRunEntity,
    MonthlyInvoiceEntity,
    MonthlyInvoiceAdjustmentEntity,
    RevenueDayEntity,
    RevenueResellerMonthEntity,
  ],
  migrations: [MonthlyInvoices1732730000000, RevenueSums1732740000000, InvoiceCorrections1732760000000],
  resolvers: [MonthlyBillingResolver],
  permissions: {
    [BillingPermission.Reconcile]: { roles: ['staff', 'credit'], resellers: false },
    [BillingPermission.Close]: { roles: ['staff', 'credit'], resellers: false },
    [BillingPermission.Reports]: { roles: ['staff', 'credit'], resellers: true },
  },
  routes: billingRoutes,
  services: (app) => {
    const { db, clock, jobs, audit, resellers, config, subscriptions, mail } = app;
    const revenue = new RevenueRepository(db);
    // The dashboard's sums stay current with every charge written, in its transaction.
    subscriptions.onChargesWritten((tx, charges) =>
      revenue.add(
        tx.transaction,
        charges.map((c) => c.id),
      ),
    );
    return {
      reconciliation: new ReconciliationService(new ReconciliationRepository(db)),
      monthlyBilling: new MonthlyBillingService(
        db,
        clock,
        jobs,
        audit,
        resellers,
        new MonthlyInvoicesRepository(db),
        mail,
        {
          taxRateBasisPoints: config.taxRateBasisPoints,
          netDays: config.billingNetDays,
        },
        () => app.publicUrl,
        app.events,
      ),
      dashboard: new DashboardService(revenue, (ctx, resellerId) => app.pricing.markups(ctx, resellerId)),
    };
  },
};

export { BillingPermission } from './reconciliation.service.js';
