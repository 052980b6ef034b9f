import { lazyPage, type Feature } from '../../app/feature';
import { PERMISSIONS } from '../../app/permissions';

export const priceListsFeature: Feature = {
  routes: [
    {
      path: 'price-lists',
      page: lazyPage(() => import('./PriceListsPage'), 'PriceListsPage'),
      permission: PERMISSIONS.catalogImport,
      what: 'import price lists',
    },
  ],
  nav: [{ label: 'Price lists', path: '/price-lists', permission: PERMISSIONS.catalogImport }],
};
