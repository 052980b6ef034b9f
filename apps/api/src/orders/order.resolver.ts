import type { OrderState, PaymentMethod } from '@nce/domain';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context.js';
import { SortDirection, sortOrder } from '../platform/list-sort.js';
import { Permission, RequirePermission } from '../platform/permissions.js';
import { toUnion } from '../platform/result-union.js';
import { selectedFields } from '../platform/selected-fields.js';
import { Code, Cursor, ShortText } from '../platform/text.types.js';
import { ORDER_SORTS, type OrderSortKey } from './order-query.service.js';
import { MONTH_END } from './cart.service.js';
import {
  BUY_FAILURES,
  BuyInput,
  BuyRefused,
  BuyResult,
  Cart,
  CartLineEndOption,
  CartRefused,
  CartResult,
  LineEndEnum,
  type LineEnd,
  EmailSent,
  Order,
  OrderConnection,
  OrderEvent,
  OrderPlaced,
  OrderSortEnum,
  PurchaseReadiness,
} from './order.types.js';

@Resolver(() => Order)
export class OrderResolver {
  @RequirePermission(Permission.OrdersManage)
  @Query(() => Cart, { description: 'The reseller’s open cart (empty when there is none).' })
  async cart(@Arg('resellerId', () => ID) resellerId: string, @Ctx() ctx: Context): Promise<Cart> {
    return Cart.of(await ctx.app.carts.view(ctx, resellerId));
  }

  @RequirePermission(Permission.OrdersManage)
  @Mutation(() => CartResult, { description: 'Adds one unit of a price row to the cart.' })
  async addToCart(
    @Arg('resellerId', () => ID) resellerId: string,
    @Arg('priceId', () => Int) priceId: number,
    @Ctx() ctx: Context,
  ): Promise<typeof CartResult> {
    return toUnion(await ctx.app.carts.add(ctx, resellerId, priceId), Cart.of, CartRefused.from);
  }

  @RequirePermission(Permission.OrdersManage)
  @Mutation(() => CartResult, { description: 'Changes a line’s quantity, within Microsoft’s seat limits.' })
  async setCartQuantity(
    @Arg('resellerId', () => ID) resellerId: string,
    @Arg('lineId', () => ID) lineId: string,
    @Arg('quantity', () => Int) quantity: number,
    @Ctx() ctx: Context,
  ): Promise<typeof CartResult> {
    return toUnion(await ctx.app.carts.setQuantity(ctx, resellerId, lineId, quantity), Cart.of, CartRefused.from);
  }

  @RequirePermission(Permission.OrdersManage)
  @Mutation(() => CartResult)
  async removeCartLine(
    @Arg('resellerId', () => ID) resellerId: string,
    @Arg('lineId', () => ID) lineId: string,
    @Ctx() ctx: Context,
  ): Promise<typeof CartResult> {
    return toUnion(await ctx.app.carts.remove(ctx, resellerId, lineId), Cart.of, CartRefused.from);
  }

  @RequirePermission(Permission.OrdersManage)
  @Query(() => [CartLineEndOption], {
    description: 'The ends a cart line’s first term can take (co-terming), each with its end date and cost at Buy.',
  })
  async cartLineEndOptions(
    @Arg('resellerId', () => ID) resellerId: string,
    @Arg('lineId', () => ID) lineId: string,
    @Ctx() ctx: Context,
  ): Promise<CartLineEndOption[]> {
    const options = await ctx.app.carts.endOptions(ctx, resellerId, lineId);
    return options.ok ? options.value.map(CartLineEndOption.of) : [];
  }

  @RequirePermission(Permission.OrdersManage)
  @Mutation(() => CartResult, {
    description:
      'Chooses what a line’s first term ends with: a full term, the end of a month, or a subscription of the cart’s customer.',
  })
  async setCartLineEnd(
    @Arg('resellerId', () => ID) resellerId: string,
    @Arg('lineId', () => ID) lineId: string,
    @Arg('endWith', () => LineEndEnum) endWith: LineEnd,
    @Arg('subscriptionId', () => ID, { nullable: true }) subscriptionId: string | null,
    @Ctx() ctx: Context,
  ): Promise<typeof CartResult> {
    const value = endWith === 'FULL_TERM' ? null : endWith === 'MONTH_END' ? MONTH_END : (subscriptionId ?? '');
    return toUnion(await ctx.app.carts.setLineEnd(ctx, resellerId, lineId, value), Cart.of, CartRefused.from);
  }

  @RequirePermission(Permission.OrdersManage)
  @Mutation(() => CartResult, {
    description: 'Binds the cart to an existing customer of the reseller; its segment must fit the prices.',
  })
  async bindCartCustomer(
    @Arg('resellerId', () => ID) resellerId: string,
    @Arg('customerId', () => ID) customerId: string,
    @Ctx() ctx: Context,
  ): Promise<typeof CartResult> {
    return toUnion(await ctx.app.carts.bindCustomer(ctx, resellerId, customerId), Cart.of, CartRefused.from);
  }

  @RequirePermission(Permission.OrdersManage)
  @Query(() => PurchaseReadiness, { description: 'Pre-flight: every unmet prerequisite of the cart at once.' })
  async purchaseReadiness(
    @Arg('resellerId', () => ID) resellerId: string,
    @Arg('paymentMethod', () => Code, { nullable: true }) paymentMethod: string | null,
    @Ctx() ctx: Context,
  ): Promise<PurchaseReadiness> {
    return PurchaseReadiness.of(
      await ctx.app.purchases.readiness(ctx, resellerId, paymentMethod as PaymentMethod | null),
    );
  }

  @RequirePermission(Permission.OrdersManage)
  @Mutation(() => BuyResult, {
    description: 'Buys the cart in one transaction and answers with the sales order number; idempotent by key.',
  })
  async buy(
    @Arg('resellerId', () => ID) resellerId: string,
    @Arg('input', () => BuyInput) input: BuyInput,
    @Ctx() ctx: Context,
  ): Promise<typeof BuyResult> {
    return toUnion(
      await ctx.app.purchases.buy(ctx, resellerId, {
        ...input,
        paymentMethod: input.paymentMethod as PaymentMethod | null,
      }),
      OrderPlaced.of,
      BUY_FAILURES,
    );
  }

  @RequirePermission(Permission.OrdersRead)
  @Query(() => OrderConnection, { description: 'Orders, newest first; reseller users see only their own.' })
  async orders(
    @Arg('resellerId', () => ID, { nullable: true }) resellerId: string | null,
    @Arg('customerId', () => ID, { nullable: true }) customerId: string | null,
    @Arg('status', () => Code, { nullable: true }) status: string | null,
    @Arg('from', () => Code, { nullable: true }) from: string | null,
    @Arg('to', () => Code, { nullable: true }) to: string | null,
    @Arg('search', () => ShortText, {
      nullable: true,
      description: 'Part of the SO number, the PO number, the customer’s or the reseller’s name.',
    })
    search: string | null,
    @Arg('sortBy', () => OrderSortEnum, { nullable: true }) sortBy: OrderSortKey | null,
    @Arg('direction', () => SortDirection, {
      nullable: true,
      description: 'The column’s own direction unless given: dates and totals descending, names ascending.',
    })
    direction: SortDirection | null,
    @Arg('first', () => Int, { defaultValue: 25 }) first: number,
    @Arg('after', () => Cursor, { nullable: true }) after: string | null,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<OrderConnection> {
    const page = await ctx.app.orders.list(
      ctx,
      { resellerId, customerId, status: status as OrderState | null, from, to, search },
      first,
      after,
      sortOrder(ORDER_SORTS, 'PLACED', sortBy, direction),
      { order: selectedFields(info, ['nodes']), line: selectedFields(info, ['nodes', 'lines']) },
    );
    return { nodes: page.orders.map(Order.of), pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor } };
  }

  @RequirePermission(Permission.OrdersRead)
  @Query(() => Order, { nullable: true })
  async order(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Order | null> {
    const order = await ctx.app.orders.get(ctx, id);
    return order && Order.of(order);
  }

  @RequirePermission(Permission.OrdersManage)
  @Mutation(() => BuyRefused, {
    nullable: true,
    description: 'Staff retry the provisioning of a failed order; null when it was restarted.',
  })
  async retryOrderProvisioning(
    @Arg('orderId', () => ID) orderId: string,
    @Ctx() ctx: Context,
  ): Promise<BuyRefused | null> {
    return toUnion(await ctx.app.provisioning.retry(ctx, orderId), () => null, BuyRefused.from);
  }

  @FieldResolver(() => [OrderEvent], { description: 'The timeline of the order’s states.' })
  async events(@Root() order: Order, @Ctx() { loaders }: Context): Promise<OrderEvent[]> {
    return order.events ?? loaders.eventsByOrder.load(order.id);
  }

  @FieldResolver(() => [EmailSent], { description: 'Messages sent about the order.' })
  async emails(@Root() order: Order, @Ctx() { loaders }: Context): Promise<EmailSent[]> {
    return loaders.emailsByOrder.load(order.id);
  }
}
