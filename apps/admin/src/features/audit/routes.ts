import { lazyPage, type Feature } from '../../app/feature';
import { PERMISSIONS } from '../../app/permissions';

export const auditFeature: Feature = {
  routes: [
    {
      path: 'audit',
      page: lazyPage(() => import('./AuditPage'), 'AuditPage'),
      permission: PERMISSIONS.auditRead,
      what: 'see the audit trail',
    },
  ],
  nav: [{ label: 'Audit', path: '/audit', permission: PERMISSIONS.auditRead }],
};
