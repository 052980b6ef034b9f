import { auditModule } from './audit/index.js';
import { billingModule } from './billing/index.js';
import { catalogModule } from './catalog/index.js';
import type { Config } from './config.js';
import { customersModule } from './customers/index.js';
import { webhooksModule } from './webhooks/index.js';
import { exportsModule } from './exports/index.js';
import { Database } from './db/database.js';
import { identityModule } from './identity/index.js';
import { argon2Hasher, type PasswordHasher } from './identity/password-hasher.js';
import { mailModule } from './mail/index.js';
import { ordersModule } from './orders/index.js';
import { partnerCenterModule } from './partner-center/index.js';
import { pricingModule } from './pricing/index.js';
import { RunningClock, systemClock, type Clock } from './platform/clock.js';
import { JobQueue } from './platform/jobs/job-queue.js';
import { createLogger, type Logger } from './platform/logger.js';
import { DomainEvents } from './platform/domain-events.js';
import type { ApiModule } from './platform/module.js';
import { grantPermissions } from './platform/permissions.js';
import { loadSecretKey, SecretBox } from './platform/secret-box.js';
import { resellersModule } from './resellers/index.js';
import { staffModule } from './staff/index.js';
import { supportModule } from './support/index.js';
import { tenantsModule } from './tenants/index.js';
import { subscriptionsModule } from './subscriptions/index.js';
import { termsModule } from './terms/index.js';

/**
 * The bounded contexts, in dependency order: each module's services are built from the platform parts and
 * the modules before it. A new context is a new folder with an `index.ts` module, and one line here.
 */
export const MODULES: readonly ApiModule[] = [
  auditModule,
  catalogModule,
  identityModule,
  staffModule,
  partnerCenterModule,
  mailModule,
  resellersModule,
  customersModule,
  pricingModule,
  tenantsModule,
  termsModule,
  ordersModule,
  subscriptionsModule,
  billingModule,
  supportModule,
  exportsModule,
  webhooksModule,
];

/**
 * Every long-lived part of the API, built once at start and handed to resolvers through the context: the
 * platform parts below, and each context's services, which its module adds to this interface.
 */
export interface App {
  config: Config;
  db: Database;
  clock: Clock;
  logger: Logger;
  jobs: JobQueue;
  hasher: PasswordHasher;
  secrets: SecretBox;
  /** What happened, for systems outside (webhooks): published in the change's transaction. */
  events: DomainEvents;
  modules: readonly ApiModule[];
  /** Where users reach the product; fixed once the server listens when PUBLIC_URL names no port. */
  publicUrl: string;
  resetUrl(token: string): string;
}

export async function createApp(
  config: Config,
  overrides: { clock?: Clock; logger?: Logger; hasher?: PasswordHasher; modules?: readonly ApiModule[] } = {},
): Promise<App> {
  const modules = overrides.modules ?? MODULES;
  const clock = overrides.clock ?? (config.clockStart ? new RunningClock(config.clockStart) : systemClock);
  const logger = overrides.logger ?? createLogger(config.logLevel);
  const secrets = new SecretBox(loadSecretKey(config.secretsKey, config.dataDir));
  const db = await Database.open(config.database, { modules });
  // Filled in module by module: each module's services see the platform parts and the modules before it.
  const app = {
    config,
    db,
    clock,
    logger,
    jobs: new JobQueue(db, clock, logger, config.jobLeaseMs),
    hasher: overrides.hasher ?? argon2Hasher,
    secrets,
    events: new DomainEvents(),
    modules,
    publicUrl: config.publicUrl,
    resetUrl: (token: string) => `${app.publicUrl}/reset-password?token=${encodeURIComponent(token)}`,
  } as App;
  for (const module of modules) {
    if (module.permissions) grantPermissions(module.permissions);
    Object.assign(app, module.services?.(app));
  }
  return app;
}
