import { lazyPage, type Feature } from '../../app/feature';
import { PERMISSIONS } from '../../app/permissions';

export const priceBooksFeature: Feature = {
  routes: [
    {
      path: 'price-books',
      page: lazyPage(() => import('./PriceBooksPage'), 'PriceBooksPage'),
      permission: PERMISSIONS.pricingManage,
      what: 'manage price books',
    },
  ],
  nav: [{ label: 'Price books', path: '/price-books', permission: PERMISSIONS.pricingManage }],
};
