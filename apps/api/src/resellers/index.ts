import { RESELLER_NAMES } from './published.js';
import type { ApiModule } from '../platform/module.js';
import { ResellerActivationEntity } from './reseller-activation.entity.js';
import { ResellerEntity } from './reseller.entity.js';
import { ResellerResolver } from './reseller.resolver.js';
import { ResellerService } from './reseller.service.js';
import DataLoader from 'dataloader';
import { In } from 'typeorm';

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
    const resellers = new ResellerService(db, clock, audit, jobs, partnerCenter, staff, {
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
  loaders: ({ db }) => ({
    activationByReseller: new DataLoader(async (ids) => {
      const rows = await db.read.findBy(ResellerActivationEntity, { resellerId: In([...ids]) });
      return ids.map((id) => rows.find((r) => r.resellerId === id) ?? null);
    }),
    resellerName: new DataLoader(async (ids) => {
      const rows = await db.read.find(ResellerEntity, {
        select: { id: true, companyName: true },
        where: { id: In([...ids]) },
      });
      return ids.map((id) => rows.find((r) => r.id === id)?.companyName ?? null);
    }),
  }),
};

export type { ResellerService } from './reseller.service.js';
export type { ResellerEntity } from './reseller.entity.js';
// The GraphQL type other contexts' schemas build on.
export { Reseller } from './reseller.types.js';
