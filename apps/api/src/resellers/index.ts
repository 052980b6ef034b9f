import { RESELLER_NAMES } from './published.js';
import type { ApiModule } from '../platform/module.js';
import { ResellerActivationEntity } from './reseller-activation.entity.js';
import { ResellerEntity } from './reseller.entity.js';
import { ResellerResolver } from './reseller.resolver.js';
import { ResellerService } from './reseller.service.js';
import type DataLoader from 'dataloader';
import { ResellersRepository } from './resellers.repository.js';

declare module '../loaders.js' {
  interface Loaders {
    activationByReseller: DataLoader<string, ResellerActivationEntity | null>;
    resellerName: DataLoader<string, string | null>;
  }
}

declare module '../app.js' {
  interface App {
    resellers: ResellerService;
  }
}

/** Reseller accounts, their activation and their identifiers' checks with Microsoft. */
export const resellersModule: ApiModule = {
  name: 'resellers',
  auditNames: { Reseller: RESELLER_NAMES },
  entities: [ResellerEntity, ResellerActivationEntity],
  resolvers: [ResellerResolver],
  services: ({ config, db, clock, audit, jobs, partnerCenter, identity, staff }) => {
    const resellers = new ResellerService(db, clock, audit, jobs, partnerCenter, staff, new ResellersRepository(db), {
      activationDelayMs: config.activationDelayMs,
      distributorPartnerId: config.distributorPartnerId,
    });
    // R1: a reseller user's first sign-in places the account's activation order.
    identity.afterSignIn((actor, user) =>
      user.kind === 'RESELLER' && user.resellerId
        ? resellers.startActivationOnSignIn(actor, user.resellerId, user.id)
        : Promise.resolve(),
    );
    return { resellers };
  },
  loaders: ({ db }) => {
    const resellers = new ResellersRepository(db);
    return { activationByReseller: resellers.activations(), resellerName: resellers.names() };
  },
};

export type { ResellerService } from './reseller.service.js';
export type { ResellerEntity } from './reseller.entity.js';
// The GraphQL type other contexts' schemas build on.
export { Reseller } from './reseller.types.js';
