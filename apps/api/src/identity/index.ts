import { USER_NAMES } from './published.js';
import type { ApiModule } from '../platform/module.js';
import { NotificationSettings1732620000000 } from './1732620000000-notification-settings.js';
import { IdentityResolver } from './identity.resolver.js';
import { NotificationSettingEntity } from './notification-setting.entity.js';
import { NotificationSettingsRepository } from './notification-settings.repository.js';
import { NotificationSettingsResolver } from './notification-settings.resolver.js';
import { NotificationSettingsService } from './notification-settings.service.js';
import { IdentityService } from './identity.service.js';
import { PasswordResetEntity } from './password-reset.entity.js';
import { SessionEntity } from './session.entity.js';
import { SignInFailureEntity } from './sign-in-failure.entity.js';
import { UserEntity } from './user.entity.js';
import { UserAccounts } from './user-accounts.js';
import type DataLoader from 'dataloader';
import { SessionsRepository } from './sessions.repository.js';
import { UsersRepository } from './users.repository.js';

declare module '../loaders.js' {
  interface Loaders {
    usersByReseller: DataLoader<string, UserEntity[]>;
  }
}

declare module '../app.js' {
  interface App {
    identity: IdentityService;
    /** Accounts as staff administration and support change them. */
    accounts: UserAccounts;
    /** Which emails each user gets, and who is told of a topic. */
    notificationSettings: NotificationSettingsService;
  }
}

/** Users, sign-in, sessions and password resets. */
export const identityModule: ApiModule = {
  name: 'identity',
  auditNames: { User: USER_NAMES },
  entities: [UserEntity, SessionEntity, SignInFailureEntity, PasswordResetEntity, NotificationSettingEntity],
  migrations: [NotificationSettings1732620000000],
  resolvers: [IdentityResolver, NotificationSettingsResolver],
  services: ({ db, clock, audit, hasher }) => {
    const users = new UsersRepository(db);
    const sessions = new SessionsRepository(db);
    const identity = new IdentityService(db, clock, audit, hasher, users, sessions);
    return {
      identity,
      accounts: new UserAccounts(clock, hasher, identity, users, sessions),
      notificationSettings: new NotificationSettingsService(db, clock, audit, new NotificationSettingsRepository(db)),
    };
  },
  loaders: ({ db }) => ({ usersByReseller: new UsersRepository(db).byReseller() }),
};

export type { PasswordHasher } from './password-hasher.js';
export type { UserEntity } from './user.entity.js';
export type { UserKind } from './user.entity.js';
export type { AccountChange, UserAccounts } from './user-accounts.js';
export { USER_SORTS } from './users.repository.js';
export { emailKey } from './identity.service.js';
export type { IdentityService } from './identity.service.js';
export type { NotificationSettingsService } from './notification-settings.service.js';
