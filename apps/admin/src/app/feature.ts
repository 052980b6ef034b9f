import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { PermissionName } from './permissions';

/**
 * A page of a feature: its path under the shell, and the permission it needs (with what it lets one do, said
 * when it is refused).
 */
export interface FeatureRoute {
  path: string;
  page: LazyExoticComponent<ComponentType>;
  permission?: PermissionName;
  what?: string;
}

/** An entry of the main navigation, shown to whoever holds its permission. */
export interface NavArea {
  label: string;
  path: string;
  permission: PermissionName;
}

/** What a feature folder adds to the app: its pages and its places in the navigation (features/<name>/routes.ts). */
export interface Feature {
  routes: FeatureRoute[];
  nav?: NavArea[];
}

/** A page loaded as its own chunk when first opened: `lazyPage(() => import('./OrdersPage'), 'OrdersPage')`. */
export function lazyPage<M extends Record<string, unknown>>(load: () => Promise<M>, name: keyof M & string) {
  return lazy(() => load().then((module) => ({ default: module[name] as ComponentType })));
}
