import type { ApiModule } from '../platform/module.js';
import { exportRoutes } from './routes.js';

/** List exports: each list page of the SPA as CSV, through the services the lists use (no tables of its own). */
export const exportsModule: ApiModule = {
  name: 'exports',
  routes: exportRoutes,
};
