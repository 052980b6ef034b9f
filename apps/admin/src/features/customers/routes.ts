import { lazyPage, type Feature } from '../../app/feature';
import { PERMISSIONS } from '../../app/permissions';

export const customersFeature: Feature = {
  routes: [
    {
      path: 'customers',
      page: lazyPage(() => import('./CustomersPage'), 'CustomersPage'),
      permission: PERMISSIONS.customersRead,
      what: 'see customers',
    },
    {
      path: 'customers/:customerId',
      page: lazyPage(() => import('./CustomerPage'), 'CustomerPage'),
      permission: PERMISSIONS.customersRead,
      what: 'see customers',
    },
  ],
  nav: [{ label: 'Customers', path: '/customers', permission: PERMISSIONS.customersRead }],
};
