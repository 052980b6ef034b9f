import { lazyPage, type Feature } from '../../app/feature';

/** The signed-in user's own account; signing in and resetting a password are outside the shell (App.tsx). */
export const identityFeature: Feature = {
  routes: [{ path: 'account', page: lazyPage(() => import('./AccountPage'), 'AccountPage') }],
};
