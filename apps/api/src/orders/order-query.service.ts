import { Permission } from '../platform/permissions.js';
import { actingFor, ownReseller, type RequestContext } from '../platform/request-context.js';
import { checkPageSize, type KeyOrder } from '../platform/cursor.js';
import { sortOrder, type SortDirection } from '../platform/list-sort.js';
import type { OrderEventEntity, OrderLineEntity, SalesOrderEntity } from './entities.js';
import {
  ORDER_SORTS,
  type ListedOrder,
  type OrderFilter,
  type OrderRow,
  type OrdersRepository,
  type ShownFields,
} from './orders.repository.js';

export {
  ORDER_SORTS,
  type ListedOrder,
  type OrderFilter,
  type OrderRow,
  type OrderSortKey,
} from './orders.repository.js';

/** Orders for lists and detail pages, each reached only by its reseller's users or staff who read orders. */
export class OrderQueryService {
  constructor(private readonly orders: OrdersRepository) {}

  /** The list's order from a sort and direction as the SPA names them (an unknown sort: the list's default). */
  orderBy(sortBy?: string | null, direction?: SortDirection | null): KeyOrder {
    return sortOrder(ORDER_SORTS, 'PLACED', sortBy as keyof typeof ORDER_SORTS | null, direction);
  }

  /** A page of orders; a reseller's users see their own only, and asking for another reseller's is refused. */
  async list(
    ctx: RequestContext,
    filter: OrderFilter,
    first: number,
    after?: string | null,
    order: KeyOrder = sortOrder(ORDER_SORTS, 'PLACED'),
    /** What the caller shows of each order and line; every column is read without it. */
    shown?: ShownFields,
  ): Promise<{ orders: ListedOrder[]; hasNextPage: boolean; endCursor: string | null }> {
    checkPageSize(first);
    if (filter.resellerId) actingFor(ctx, filter.resellerId, Permission.OrdersRead);
    return this.orders.page({ ...filter, resellerId: ownReseller(ctx, filter.resellerId) }, first, after, order, shown);
  }

  /**
   * One order line and its order, for a context that acts on a line (a return): its reseller's users, or
   * staff with `permission`; null when there is no such line.
   */
  async lineWithOrder(
    ctx: RequestContext,
    lineId: string,
    permission: Permission,
  ): Promise<{ order: SalesOrderEntity; line: OrderLineEntity } | null> {
    const found = await this.orders.lineWithOrder(lineId);
    if (found) actingFor(ctx, found.order.resellerId, permission);
    return found;
  }

  /** An order its reseller's users, or staff who read orders, may see; null when there is none. */
  async get(ctx: RequestContext, id: string): Promise<(OrderRow & { events: OrderEventEntity[] }) | null> {
    const order = await this.orders.withLinesAndEvents(id);
    if (order) actingFor(ctx, order.resellerId, Permission.OrdersRead);
    return order;
  }
}
