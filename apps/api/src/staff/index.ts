import type { ApiModule } from '../platform/module.js';
import { StaffResolver } from './staff.resolver.js';
import { StaffService } from './staff.service.js';

declare module '../app.js' {
  interface App {
    staff: StaffService;
  }
}

/** Staff users and their roles; reseller users are created here too. */
export const staffModule: ApiModule = {
  name: 'staff',
  resolvers: [StaffResolver],
  services: ({ db, clock, audit, hasher, identity }) => ({ staff: new StaffService(db, clock, audit, hasher, identity) }),
};
