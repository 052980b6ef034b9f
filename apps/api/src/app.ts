import { AuditEntityNames } from './audit/entity-names.js';
import { AuditService } from './audit/audit.service.js';
import { CatalogService } from './catalog/catalog.service.js';
import { PriceListImporter } from './catalog/price-list-importer.js';
import { UploadStore } from './catalog/upload-store.js';
import type { Config } from './config.js';
import { Database } from './db/database.js';
import { IdentityService } from './identity/identity.service.js';
import { argon2Hasher, type PasswordHasher } from './identity/password-hasher.js';
import { RunningClock, systemClock, type Clock } from './platform/clock.js';
import { createLogger, type Logger } from './platform/logger.js';
import { PartnerCenterSimulator } from './partner-center/simulator.js';
import type { PartnerCenter } from './partner-center/partner-center.js';
import { SimulatorService } from './partner-center/simulator.service.js';
import { JobQueue } from './platform/jobs/job-queue.js';
import { ResellerService } from './resellers/reseller.service.js';
import { StaffService } from './staff/staff.service.js';
import { localAddressRules } from './customers/address-validator.js';
import { CustomerService } from './customers/customer.service.js';
import { loadSecretKey, SecretBox } from './platform/secret-box.js';
import { TenantService } from './tenants/tenant.service.js';
import { MailService, outboxOnly, SmtpTransport } from './mail/mail.service.js';
import { CartService } from './orders/cart.service.js';
import { OrderQueryService } from './orders/order-query.service.js';
import { ProvisioningService } from './orders/provisioning.service.js';
import { PurchaseService } from './orders/purchase.service.js';
import { TermsService } from './terms/terms.service.js';
import { CaseService } from './support/case.service.js';
import { InvoiceService } from './support/invoice.service.js';
import { LoginHelpService } from './support/login-help.service.js';
import { ReturnsService } from './support/returns.service.js';

/** Every long-lived part of the API, built once at start and handed to resolvers through the context. */
export interface App {
  config: Config;
  db: Database;
  clock: Clock;
  logger: Logger;
  audit: AuditService;
  identity: IdentityService;
  staff: StaffService;
  jobs: JobQueue;
  partnerCenter: PartnerCenter;
  simulator: SimulatorService;
  resellers: ResellerService;
  customers: CustomerService;
  tenants: TenantService;
  mail: MailService;
  carts: CartService;
  purchases: PurchaseService;
  provisioning: ProvisioningService;
  orders: OrderQueryService;
  terms: TermsService;
  cases: CaseService;
  returns: ReturnsService;
  invoices: InvoiceService;
  loginHelp: LoginHelpService;
  catalog: CatalogService;
  priceLists: PriceListImporter;
  uploads: UploadStore;
  /** Where users reach the product; fixed once the server listens when PUBLIC_URL names no port. */
  publicUrl: string;
  resetUrl(token: string): string;
}

export async function createApp(config: Config, overrides: { clock?: Clock; logger?: Logger; hasher?: PasswordHasher } = {}): Promise<App> {
  const clock = overrides.clock ?? (config.clockStart ? new RunningClock(config.clockStart) : systemClock);
  const logger = overrides.logger ?? createLogger(config.logLevel);
  const hasher = overrides.hasher ?? argon2Hasher;
  const secrets = new SecretBox(loadSecretKey(config.secretsKey, config.dataDir));
  const db = await Database.open(config.database);
  const uploads = new UploadStore(config.dataDir);
  const audit = new AuditService(db, clock, new AuditEntityNames(db));
  const priceLists = new PriceListImporter(db, clock, uploads, logger, audit);
  const identity = new IdentityService(db, clock, audit, hasher);
  const jobs = new JobQueue(db, clock, logger, config.jobLeaseMs);
  const partnerCenter = new PartnerCenterSimulator(db, clock);
  const resellers = new ResellerService(db, clock, audit, jobs, partnerCenter, { activationDelayMs: config.activationDelayMs, distributorPartnerId: config.distributorPartnerId });
  // R1: a reseller user's first sign-in places the account's activation order.
  identity.afterSignIn((m, user, actor) => (user.kind === 'RESELLER' && user.resellerId ? resellers.startActivationOnSignIn(m, user.resellerId, user.id, actor) : Promise.resolve()));
  const tenants = new TenantService(db, clock, audit, partnerCenter, secrets, config.distributorPartnerId);
  const mail = new MailService(db, clock, jobs, config.smtpUrl ? new SmtpTransport(config.smtpUrl) : outboxOnly, config.mailFrom);
  const carts = new CartService(db, clock, audit);
  const terms = new TermsService(db, clock, audit, mail, config.creditTeamEmail);
  const orders = new OrderQueryService(db);
  const cases = new CaseService(db, clock, audit);
  const app: App = {
    config,
    db,
    clock,
    logger,
    audit,
    identity,
    staff: new StaffService(db, clock, audit, hasher, identity),
    jobs,
    partnerCenter,
    simulator: new SimulatorService(db, clock, audit),
    resellers,
    customers: new CustomerService(db, clock, audit, secrets, localAddressRules),
    tenants,
    mail,
    carts,
    purchases: new PurchaseService(db, clock, audit, jobs, partnerCenter, carts, resellers, terms, config.distributorPartnerId),
    terms,
    provisioning: new ProvisioningService(db, clock, audit, jobs, partnerCenter, tenants, mail, { provisioningDelayMs: config.provisioningDelayMs, publicUrl: () => app.publicUrl }),
    orders,
    cases,
    returns: new ReturnsService(db, clock, audit, partnerCenter, cases),
    invoices: new InvoiceService(db, clock, audit, orders, mail, config.taxRateBasisPoints, () => app.publicUrl),
    loginHelp: new LoginHelpService(db, clock, audit, identity, mail, secrets, (token) => app.resetUrl(token)),
    catalog: new CatalogService(db, clock, config.defaultMarket),
    priceLists,
    uploads,
    publicUrl: config.publicUrl,
    resetUrl: (token) => `${app.publicUrl}/reset-password?token=${encodeURIComponent(token)}`,
  };
  return app;
}
