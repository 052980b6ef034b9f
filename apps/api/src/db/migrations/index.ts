import { Catalog1732460000000 } from './1732460000000-catalog.js';

/** Every migration, oldest first. Schema changes are made only here, never by `synchronize`. */
export const MIGRATIONS = [Catalog1732460000000];
