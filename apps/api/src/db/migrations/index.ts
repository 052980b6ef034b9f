import { Catalog1732460000000 } from './1732460000000-catalog.js';
import { IdentityAudit1732470000000 } from './1732470000000-identity-audit.js';
import { ResellersJobsSimulator1732480000000 } from './1732480000000-resellers-jobs-simulator.js';
import { CustomersTenants1732490000000 } from './1732490000000-customers-tenants.js';
import { CartsOrdersMail1732500000000 } from './1732500000000-carts-orders-mail.js';
import { OrderEventSequence1732510000000 } from './1732510000000-order-event-sequence.js';
import { TermsCredit1732520000000 } from './1732520000000-terms-credit.js';
import { Support1732530000000 } from './1732530000000-support.js';
import { LedgerSequence1732540000000 } from './1732540000000-ledger-sequence.js';
import { ImportHeartbeat1732550000000 } from './1732550000000-import-heartbeat.js';
import { SimTenantId1732560000000 } from './1732560000000-sim-tenant-id.js';
import { TenantResellerCoverage1732570000000 } from './1732570000000-tenant-reseller-coverage.js';
import { TermsRequestedLimit1732580000000 } from './1732580000000-terms-requested-limit.js';
import { JobClaimOrder1732590000000 } from './1732590000000-job-claim-order.js';

/** Every migration, oldest first. Schema changes are made only here, never by `synchronize`. */
export const MIGRATIONS = [
  Catalog1732460000000,
  IdentityAudit1732470000000,
  ResellersJobsSimulator1732480000000,
  CustomersTenants1732490000000,
  CartsOrdersMail1732500000000,
  OrderEventSequence1732510000000,
  TermsCredit1732520000000,
  Support1732530000000,
  LedgerSequence1732540000000,
  ImportHeartbeat1732550000000,
  SimTenantId1732560000000,
  TenantResellerCoverage1732570000000,
  TermsRequestedLimit1732580000000,
  JobClaimOrder1732590000000,
];
