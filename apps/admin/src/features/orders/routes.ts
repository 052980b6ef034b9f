import { lazyPage, type Feature } from '../../app/feature';
import { PERMISSIONS } from '../../app/permissions';

export const ordersFeature: Feature = {
  routes: [
    {
      path: 'orders',
      page: lazyPage(() => import('./OrdersPage'), 'OrdersPage'),
      permission: PERMISSIONS.ordersRead,
      what: 'see orders',
    },
    {
      path: 'orders/:orderId',
      page: lazyPage(() => import('./OrderPage'), 'OrderPage'),
      permission: PERMISSIONS.ordersRead,
      what: 'see orders',
    },
    {
      path: 'purchase',
      page: lazyPage(() => import('./PurchasePage'), 'PurchasePage'),
      permission: PERMISSIONS.ordersManage,
      what: 'buy',
    },
  ],
  nav: [
    { label: 'New purchase', path: '/purchase', permission: PERMISSIONS.ordersManage },
    { label: 'Orders', path: '/orders', permission: PERMISSIONS.ordersRead },
  ],
};
