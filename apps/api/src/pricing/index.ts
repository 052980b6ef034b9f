import type { ApiModule } from '../platform/module.js';
import { PriceBooks1732700000000 } from './1732700000000-price-books.js';
import { ResellerMarkups1732750000000 } from './1732750000000-reseller-markups.js';
import { PriceBookAssignmentEntity, PriceBookEntity, PriceRuleEntity, ResellerMarkupEntity } from './entities.js';
import { PriceBooksInEffect } from './price-books-in-effect.js';
import { PriceBooksRepository } from './price-books.repository.js';
import { PricingResolver } from './pricing.resolver.js';
import { PricingPermission, PricingService } from './pricing.service.js';
import { YourPriceResolver } from './your-price.resolver.js';

declare module '../app.js' {
  interface App {
    pricing: PricingService;
  }
}

/** Price books: what resellers pay over Microsoft's price list, for the cart, Buy and renewals. */
export const pricingModule: ApiModule = {
  name: 'pricing',
  entities: [PriceBookEntity, PriceRuleEntity, PriceBookAssignmentEntity, ResellerMarkupEntity],
  migrations: [PriceBooks1732700000000, ResellerMarkups1732750000000],
  resolvers: [PricingResolver, YourPriceResolver],
  permissions: { [PricingPermission.Manage]: { roles: ['staff'], resellers: false } },
  services: ({ db, audit, config }) => {
    const books = new PriceBooksRepository(db);
    return {
      pricing: new PricingService(db, audit, books, new PriceBooksInEffect(books), {
        floorBasisPoints: config.priceFloorBasisPoints,
      }),
    };
  },
};

export { PricingPermission, type PricingService } from './pricing.service.js';
export type { PartyPrice, Pricer, PricingParty } from './price-books-in-effect.js';
