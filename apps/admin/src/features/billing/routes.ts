import { lazyPage, type Feature } from '../../app/feature';
import { PERMISSIONS } from '../../app/permissions';

export const billingFeature: Feature = {
  routes: [
    {
      path: 'billing',
      page: lazyPage(() => import('./BillingPage'), 'BillingPage'),
      permission: PERMISSIONS.billingReconcile,
      what: 'download reconciliation files',
    },
  ],
  nav: [{ label: 'Billing', path: '/billing', permission: PERMISSIONS.billingReconcile }],
};
