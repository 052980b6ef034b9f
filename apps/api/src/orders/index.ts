import { ORDER_NAMES } from './published.js';
import type { ApiModule } from '../platform/module.js';
import { CartRepository } from './cart.repository.js';
import { CartService } from './cart.service.js';
import { CartEntity, CartLineEntity, OrderEventEntity, OrderLineEntity, SalesOrderEntity } from './entities.js';
import { OrderQueryService } from './order-query.service.js';
import { OrderResolver } from './order.resolver.js';
import { OrderStatusWriter } from './order-status.js';
import { ProvisioningRepository } from './provisioning.repository.js';
import { ProvisioningService } from './provisioning.service.js';
import { PurchaseRepository } from './purchase.repository.js';
import { PurchaseService } from './purchase.service.js';
import type DataLoader from 'dataloader';
import { OrdersRepository } from './orders.repository.js';
import { LineEndDates1732660000000 } from './1732660000000-line-end-dates.js';
import { LinePriceRule1732790000000 } from './1732790000000-line-price-rule.js';
import { LinePromotion1732680000000 } from './1732680000000-line-promotion.js';

declare module '../loaders.js' {
  interface Loaders {
    eventsByOrder: DataLoader<string, OrderEventEntity[]>;
  }
}

declare module '../app.js' {
  interface App {
    carts: CartService;
    orders: OrderQueryService;
    purchases: PurchaseService;
    provisioning: ProvisioningService;
    /** The one writer of an order's status; other contexts (returns) change an order through it. */
    orderStatus: OrderStatusWriter;
  }
}

/** Cart, readiness, Buy and provisioning: the purchase flow and the orders it writes. */
export const ordersModule: ApiModule = {
  name: 'orders',
  auditNames: { Order: ORDER_NAMES },
  entities: [CartEntity, CartLineEntity, SalesOrderEntity, OrderLineEntity, OrderEventEntity],
  migrations: [LineEndDates1732660000000, LinePromotion1732680000000, LinePriceRule1732790000000],
  resolvers: [OrderResolver],
  services: (app) => {
    const { config, db, clock, audit, jobs, partnerCenter, resellers, terms, tenants, customers, mail, pricing } = app;
    const carts = new CartService(db, clock, audit, new CartRepository(db), partnerCenter, pricing);
    const ordersRepository = new OrdersRepository(db);
    const orderStatus = new OrderStatusWriter(clock, audit, ordersRepository, app.events);
    const orders = new OrderQueryService(ordersRepository);
    return {
      carts,
      orderStatus,
      orders,
      purchases: new PurchaseService(
        db,
        clock,
        audit,
        jobs,
        partnerCenter,
        carts,
        orders,
        resellers,
        terms,
        new PurchaseRepository(db),
        config.distributorPartnerId,
        app.events,
      ),
      provisioning: new ProvisioningService(
        db,
        clock,
        jobs,
        partnerCenter,
        tenants,
        customers,
        mail,
        orderStatus,
        ordersRepository,
        new ProvisioningRepository(db),
        {
          provisioningDelayMs: config.provisioningDelayMs,
          publicUrl: () => app.publicUrl,
        },
      ),
    };
  },
  loaders: ({ db }) => ({ eventsByOrder: new OrdersRepository(db).eventsByOrder() }),
};

export { OrderMovedConcurrently, type OrderStatusWriter } from './order-status.js';
export type { OrderQueryService, OrderRow } from './order-query.service.js';
export type { OrderLineEntity, SalesOrderEntity } from './entities.js';
export type { ProvisionedLine } from './provisioning.service.js';
export type { CoTermTarget } from './cart.service.js';
