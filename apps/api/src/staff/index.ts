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
  services: (app) => ({
    staff: new StaffService(app.db, app.audit, app.accounts, (token) => app.resetUrl(token)),
  }),
};
export type { CreatedUser, StaffService } from './staff.service.js';
// GraphQL types other contexts' schemas build on.
export { CreateUserResult, User, UserCreated } from './staff.types.js';
