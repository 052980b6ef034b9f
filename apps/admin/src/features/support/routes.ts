import { lazyPage, type Feature } from '../../app/feature';
import { PERMISSIONS } from '../../app/permissions';

export const supportFeature: Feature = {
  routes: [
    {
      path: 'support',
      page: lazyPage(() => import('./SupportQueuePage'), 'SupportQueuePage'),
      permission: PERMISSIONS.casesOpen,
      what: 'see support cases',
    },
    { path: 'support/:caseId', page: lazyPage(() => import('./SupportCasePage'), 'SupportCasePage') },
  ],
  nav: [{ label: 'Support', path: '/support', permission: PERMISSIONS.casesOpen }],
};
