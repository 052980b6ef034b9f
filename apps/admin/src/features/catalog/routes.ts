import { lazyPage, type Feature } from '../../app/feature';
import { PERMISSIONS } from '../../app/permissions';

export const catalogFeature: Feature = {
  routes: [
    { path: 'catalog', page: lazyPage(() => import('./CatalogPage'), 'CatalogPage') },
    { path: 'catalog/products/:productId', page: lazyPage(() => import('./ProductPage'), 'ProductPage') },
  ],
  nav: [{ label: 'Catalog', path: '/catalog', permission: PERMISSIONS.signedIn }],
};
