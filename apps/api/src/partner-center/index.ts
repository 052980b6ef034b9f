import type { ApiModule } from '../platform/module.js';
import { SimSubscriptionScenario1732650000000 } from './1732650000000-sim-subscription-scenario.js';
import { SimSubscriptions1732700000000 } from './1732700000000-sim-subscriptions.js';
import { SimSubscriptionTerms1732710000000 } from './1732710000000-sim-subscription-terms.js';
import { PartnerCenterToken1732800000000 } from './1732800000000-partner-center-token.js';
import { PartnerCenterConnectionResolver } from './connection.resolver.js';
import { PartnerCenterConnection, PartnerCenterPermission } from './connection.service.js';
import { RefreshTokenAccessTokens } from './live/access-tokens.js';
import { LivePartnerCenter } from './live/live-partner-center.js';
import { PartnerCenterHttp } from './live/partner-center-http.js';
import type { PartnerCenter } from './partner-center.js';
import { PartnerCenterTokenEntity } from './partner-center-token.entity.js';
import { DatabaseRefreshTokenStore } from './partner-center-token.repository.js';
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
    partnerCenterConnection: PartnerCenterConnection;
    simulator: SimulatorService;
  }
}

/**
 * Microsoft Partner Center behind its port: the simulator staff can edit (the default), or Microsoft's REST API
 * (PARTNER_CENTER=live) through the live adapter, its refresh token rotated into the database.
 */
export const partnerCenterModule: ApiModule = {
  name: 'partner-center',
  entities: [SimPartnerEntity, SimTenantEntity, SimSubscriptionEntity, PartnerCenterTokenEntity],
  migrations: [
    SimSubscriptionScenario1732650000000,
    SimSubscriptions1732700000000,
    SimSubscriptionTerms1732710000000,
    PartnerCenterToken1732800000000,
  ],
  resolvers: [SimulatorResolver, PartnerCenterConnectionResolver],
  permissions: { [PartnerCenterPermission.Connection]: { roles: ['staff'], resellers: false } },
  services: ({ db, clock, audit, config, secrets }) => {
    const world = new SimulatorRepository(db);
    const settings = config.partnerCenter;
    const simulator = new SimulatorService(db, clock, audit, world);
    if (settings.mode === 'simulator')
      return {
        partnerCenter: new PartnerCenterSimulator(db, clock, world, config.provisioningDelayMs),
        partnerCenterConnection: new PartnerCenterConnection(settings, null),
        simulator,
      };
    const tokens = new DatabaseRefreshTokenStore(db, secrets, clock, settings.refreshToken);
    const http = new PartnerCenterHttp({
      baseUrl: settings.baseUrl,
      tokens: new RefreshTokenAccessTokens(
        {
          tenant: settings.tenant,
          appId: settings.appId,
          appSecret: settings.appSecret,
          authorityUrl: settings.authorityUrl,
        },
        tokens,
      ),
    });
    return {
      partnerCenter: new LivePartnerCenter(http),
      partnerCenterConnection: new PartnerCenterConnection(settings, { http, tokens }),
      simulator,
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
