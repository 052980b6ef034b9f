import type { App } from './app.js';

/**
 * Per-request batching: a list page asks once for all its rows' related records, not once per row. Each
 * context's module adds its loaders (and their types, by augmenting this interface).
 */
// Each module adds its loaders by declaration merging.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Loaders {}

export function createLoaders(app: App): Loaders {
  const loaders = {} as Loaders;
  for (const module of app.modules) Object.assign(loaders, module.loaders?.(app));
  return loaders;
}
