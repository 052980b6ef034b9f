import { lazyPage, type Feature } from '../../app/feature';
import { PERMISSIONS } from '../../app/permissions';

export const resellersFeature: Feature = {
  routes: [
    {
      path: 'resellers',
      page: lazyPage(() => import('./ResellersPage'), 'ResellersPage'),
      permission: PERMISSIONS.resellersRead,
      what: 'see resellers',
    },
    // A reseller's users open their own account here; the API decides which reseller they may see.
    { path: 'resellers/:resellerId', page: lazyPage(() => import('./ResellerPage'), 'ResellerPage') },
  ],
  nav: [{ label: 'Resellers', path: '/resellers', permission: PERMISSIONS.resellersRead }],
};
