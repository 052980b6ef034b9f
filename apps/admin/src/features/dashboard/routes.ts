import { lazyPage, type Feature } from '../../app/feature';
import { PERMISSIONS } from '../../app/permissions';

export const dashboardFeature: Feature = {
  routes: [
    {
      path: 'dashboard',
      page: lazyPage(() => import('./DashboardPage'), 'DashboardPage'),
      permission: PERMISSIONS.reportsRead,
      what: 'see the business dashboard',
    },
  ],
  nav: [{ label: 'Dashboard', path: '/dashboard', permission: PERMISSIONS.reportsRead }],
};
