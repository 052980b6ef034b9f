import { lazyPage, type Feature } from '../../app/feature';
import { PERMISSIONS } from '../../app/permissions';

export const termsFeature: Feature = {
  routes: [
    {
      path: 'terms',
      page: lazyPage(() => import('./TermsQueuePage'), 'TermsQueuePage'),
      permission: PERMISSIONS.termsReview,
      what: 'review terms requests',
    },
    // The credit team and the request's reseller open a request; the API decides who may.
    { path: 'terms/:requestId', page: lazyPage(() => import('./TermsRequestPage'), 'TermsRequestPage') },
  ],
  nav: [{ label: 'Terms requests', path: '/terms', permission: PERMISSIONS.termsReview }],
};
