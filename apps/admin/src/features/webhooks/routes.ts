import { lazyPage, type Feature } from '../../app/feature';
import { PERMISSIONS } from '../../app/permissions';

export const webhooksFeature: Feature = {
  routes: [
    {
      path: 'webhooks',
      page: lazyPage(() => import('./WebhooksPage'), 'WebhooksPage'),
      permission: PERMISSIONS.webhooksManage,
      what: 'manage webhooks',
    },
  ],
  nav: [{ label: 'Webhooks', path: '/webhooks', permission: PERMISSIONS.webhooksManage }],
};
