import type { ApiModule } from '../platform/module.js';
import { SimSubscriptionScenario1732650000000 } from './1732650000000-sim-subscription-scenario.js';
import { SimSubscriptions1732700000000 } from './1732700000000-sim-subscriptions.js';
import { SimSubscriptionTerms1732710000000 } from './1732710000000-sim-subscription-terms.js';
import type { PartnerCenter } from './partner-center.js';
import { SimPartnerEntity } from './sim-partner.entity.js';
import { SimSubscriptionEntity } from './sim-subscription.entity.js';
import { SimTenantEntity } from './sim-tenant.entity.js';
import { SimulatorResolver } from './simulator.resolver.js';
import { SimulatorRepository } from './simulator.repository.js';
import { SimulatorService } from './simulator.service.js';
import { PartnerCenterSimulator } from './simulator.js';

declare module '../app.js' {
  interface App {
    partnerCenter: PartnerCenter;
    simulator: SimulatorService;
  }
}

/** Microsoft Partner Center behind its port, and the simulator staff can edit. */
export const partnerCenterModule: ApiModule = {
  name: 'partner-center',
  entities: [SimPartnerEntity, SimTenantEntity, SimSubscriptionEntity],
  migrations: [SimSubscriptionScenario1732650000000, SimSubscriptions1732700000000, SimSubscriptionTerms1732710000000],
  resolvers: [SimulatorResolver],
  services: ({ db, clock, audit, config }) => {
    const world = new SimulatorRepository(db);
    return {
      partnerCenter: new PartnerCenterSimulator(db, clock, world, config.provisioningDelayMs),
      simulator: new SimulatorService(db, clock, audit, world),
    };
  },
};

export {
  DomainTakenError,
  SubscriptionBusy,
  SubscriptionChangeRefused,
  SubscriptionEtagStale,
  type PartnerCenter,
  type PartnerSubscription,
  type SubscriptionPatch,
  type SubscriptionTransition,
} from './partner-center.js';
