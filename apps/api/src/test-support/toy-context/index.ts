import type { ApiModule } from '../../platform/module.js';
import { ToyTable1900000000000 } from './1900000000000-toy.js';
import { ToyEntity } from './toy.entity.js';
import { ToyResolver } from './toy.resolver.js';
import { ToyService } from './toy.service.js';
import { ToysRepository } from './toys.repository.js';

declare module '../../app.js' {
  interface App {
    toys: ToyService;
  }
}

/**
 * A context that exists only in a test: everything it needs is in this folder, and an app built with
 * `[...MODULES, toyModule]` serves it (see module.test.ts).
 */
export const toyModule: ApiModule = {
  name: 'toys',
  entities: [ToyEntity],
  migrations: [ToyTable1900000000000],
  resolvers: [ToyResolver],
  permissions: { 'toys:read': { roles: ['staff', 'support'], resellers: true }, 'toys:write': { roles: ['staff'] } },
  services: ({ db, clock, jobs }) => ({ toys: new ToyService(db, clock, jobs, new ToysRepository(db)) }),
};
