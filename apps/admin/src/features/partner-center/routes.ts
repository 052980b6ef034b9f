import { lazyPage, type Feature } from '../../app/feature';
import { PERMISSIONS } from '../../app/permissions';

export const partnerCenterFeature: Feature = {
  routes: [
    {
      path: 'partner-center',
      page: lazyPage(() => import('./PartnerCenterPage'), 'PartnerCenterPage'),
      permission: PERMISSIONS.partnerCenterConnection,
      what: 'see which Partner Center the marketplace uses',
    },
  ],
  nav: [{ label: 'Partner Center', path: '/partner-center', permission: PERMISSIONS.partnerCenterConnection }],
};
