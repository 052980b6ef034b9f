import { lazyPage, type Feature } from '../../app/feature';
import { PERMISSIONS } from '../../app/permissions';

export const subscriptionsFeature: Feature = {
  routes: [
    {
      path: 'subscriptions',
      page: lazyPage(() => import('./SubscriptionsPage'), 'SubscriptionsPage'),
      permission: PERMISSIONS.subscriptionsRead,
      what: 'see subscriptions',
    },
    {
      path: 'subscriptions/:subscriptionId',
      page: lazyPage(() => import('./SubscriptionPage'), 'SubscriptionPage'),
      permission: PERMISSIONS.subscriptionsRead,
      what: 'see subscriptions',
    },
  ],
  nav: [{ label: 'Subscriptions', path: '/subscriptions', permission: PERMISSIONS.subscriptionsRead }],
};
