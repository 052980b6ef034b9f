import { lazyPage, type Feature } from '../../app/feature';
import { PERMISSIONS } from '../../app/permissions';

export const staffFeature: Feature = {
  routes: [
    {
      path: 'staff',
      page: lazyPage(() => import('./StaffPage'), 'StaffPage'),
      permission: PERMISSIONS.staffManage,
      what: 'manage staff accounts',
    },
  ],
  nav: [{ label: 'Staff', path: '/staff', permission: PERMISSIONS.staffManage }],
};
