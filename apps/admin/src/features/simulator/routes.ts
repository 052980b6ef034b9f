import { lazyPage, type Feature } from '../../app/feature';
import { PERMISSIONS } from '../../app/permissions';

export const simulatorFeature: Feature = {
  routes: [
    {
      path: 'simulator',
      page: lazyPage(() => import('./SimulatorPage'), 'SimulatorPage'),
      permission: PERMISSIONS.simulatorManage,
      what: 'change the Partner Center simulator',
    },
  ],
  nav: [{ label: 'Simulator', path: '/simulator', permission: PERMISSIONS.simulatorManage }],
};
