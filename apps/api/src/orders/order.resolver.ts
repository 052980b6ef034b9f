import type { Fix as DomainFix, OrderState, PaymentMethod, Prerequisite as DomainPrerequisite } from '@nce/domain';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context.js';
import { Fix, FixKind } from '../platform/business-error.js';
import { Money } from '../platform/money.types.js';
import { actorForReseller, forbidden } from '../platform/ownership.js';
import { Permission, RequirePermission } from '../platform/permissions.js';
import type { CartResult as ServiceCartResult, CartView } from './cart.service.js';
import { ORDER_SORTS, type ListedOrder, type OrderSortKey } from './order-query.service.js';
import { SortDirection, sortOrder } from '../platform/list-sort.js';
import {
  BuyInput,
  BuyRefused,
  BuyResult,
  Cart,
  CartRefused,
  CartResult,
  EmailSent,
  Order,
  OrderConnection,
  OrderEvent,
  OrderPlaced,
  OrderSortEnum,
  Prerequisite,
  PricesChanged,
  PurchaseNotReady,
  PurchaseReadiness,
} from './order.types.js';
import { Code, Cursor, ShortText } from '../platform/text.types.js';

const money = (amountMinor: number, currency: string) => Money.of({ amountMinor, currency });
const toFix = (fix?: DomainFix | null) => (fix ? Object.assign(new Fix(), { ...fix, kind: fix.kind as FixKind }) : null);
const toPrerequisite = (p: DomainPrerequisite): Prerequisite => Object.assign(new Prerequisite(), { ...p, fix: toFix(p.fix) });

function toCart(view: CartView | null): Cart {
  if (!view) return Object.assign(new Cart(), { id: 'none', customerId: null, priceSegment: null, lines: [], total: null, version: 0 });
  const currency = view.cart.currency ?? 'USD';
  const lines = view.lines.map((l) => ({
    ...l,
    unitPrice: money(l.unitPriceMinor, l.currency),
    currentUnitPrice: l.currentUnitPriceMinor === null ? null : money(l.currentUnitPriceMinor, l.currency),
    lineTotal: money(l.unitPriceMinor * l.quantity, l.currency),
  }));
  return Object.assign(new Cart(), {
    id: view.cart.id,
    customerId: view.cart.customerId,
    priceSegment: view.cart.priceSegment,
    lines,
    total: view.cart.currency ? money(view.lines.reduce((sum, l) => sum + l.unitPriceMinor * l.quantity, 0), currency) : null,
    version: view.cart.version,
  });
}

const toCartResult = (result: ServiceCartResult): typeof CartResult =>
  result.ok
    ? toCart(result.view)
    : Object.assign(new CartRefused(), { code: result.refusal.code, message: result.refusal.message, fix: result.refusal.field ? toFix({ kind: 'field', field: result.refusal.field, label: result.refusal.message }) : null });

// A plain object built field by field (lists map hundreds of rows); type-graphql makes an Order of it for the field resolvers.
export const toOrder = (o: ListedOrder & Pick<Order, 'events'>): Order => ({
  events: o.events,
  id: o.id, soNumber: o.soNumber, resellerId: o.resellerId, resellerName: o.resellerName, customerId: o.customerId, customerName: o.customerName,
  status: o.status, paymentMethod: o.paymentMethod, poNumber: o.poNumber, total: money(o.totalMinor, o.currency), tenantDomain: o.tenantDomain,
  placedAt: o.placedAt, provisionedAt: o.provisionedAt, failureReason: o.failureReason,
  lines: o.lines.map((l) => ({
    lineNumber: l.lineNumber, productTitle: l.productTitle, skuTitle: l.skuTitle, term: l.term, billingPlan: l.billingPlan, quantity: l.quantity,
    unitPrice: money(l.unitPriceMinor, o.currency), lineTotal: money(l.lineTotalMinor, o.currency), subscriptionId: l.subscriptionId, status: l.status,
  })),
});

@Resolver(() => Order)
export class OrderResolver {
  @RequirePermission(Permission.OrdersManage)
  @Query(() => Cart, { description: 'The reseller’s open cart (empty when there is none).' })
  async cart(@Arg('resellerId', () => ID) resellerId: string, @Ctx() ctx: Context): Promise<Cart> {
    actorForReseller(ctx.principal, ctx.actor, resellerId, Permission.OrdersManage);
    return toCart(await ctx.app.carts.view(resellerId));
  }

  @RequirePermission(Permission.OrdersManage)
  @Mutation(() => CartResult, { description: 'Adds one unit of a price row to the cart.' })
  async addToCart(@Arg('resellerId', () => ID) resellerId: string, @Arg('priceId', () => Int) priceId: number, @Ctx() ctx: Context): Promise<typeof CartResult> {
    return toCartResult(await ctx.app.carts.add(actorForReseller(ctx.principal, ctx.actor, resellerId, Permission.OrdersManage), resellerId, priceId));
  }

  @RequirePermission(Permission.OrdersManage)
  @Mutation(() => CartResult, { description: 'Changes a line’s quantity, within Microsoft’s seat limits.' })
  async setCartQuantity(@Arg('resellerId', () => ID) resellerId: string, @Arg('lineId', () => ID) lineId: string, @Arg('quantity', () => Int) quantity: number, @Ctx() ctx: Context): Promise<typeof CartResult> {
    return toCartResult(await ctx.app.carts.setQuantity(actorForReseller(ctx.principal, ctx.actor, resellerId, Permission.OrdersManage), resellerId, lineId, quantity));
  }

  @RequirePermission(Permission.OrdersManage)
  @Mutation(() => CartResult)
  async removeCartLine(@Arg('resellerId', () => ID) resellerId: string, @Arg('lineId', () => ID) lineId: string, @Ctx() ctx: Context): Promise<typeof CartResult> {
    return toCartResult(await ctx.app.carts.remove(actorForReseller(ctx.principal, ctx.actor, resellerId, Permission.OrdersManage), resellerId, lineId));
  }

  @RequirePermission(Permission.OrdersManage)
  @Mutation(() => CartResult, { description: 'Binds the cart to an existing customer of the reseller; its segment must fit the prices.' })
  async bindCartCustomer(@Arg('resellerId', () => ID) resellerId: string, @Arg('customerId', () => ID) customerId: string, @Ctx() ctx: Context): Promise<typeof CartResult> {
    return toCartResult(await ctx.app.carts.bindCustomer(actorForReseller(ctx.principal, ctx.actor, resellerId, Permission.OrdersManage), resellerId, customerId));
  }

  @RequirePermission(Permission.OrdersManage)
  @Query(() => PurchaseReadiness, { description: 'Pre-flight: every unmet prerequisite of the cart at once.' })
  async purchaseReadiness(@Arg('resellerId', () => ID) resellerId: string, @Arg('paymentMethod', () => Code, { nullable: true }) paymentMethod: string | null, @Ctx() ctx: Context): Promise<PurchaseReadiness> {
    actorForReseller(ctx.principal, ctx.actor, resellerId, Permission.OrdersManage);
    const readiness = await ctx.app.purchases.readiness(resellerId, paymentMethod as PaymentMethod | null);
    return { ...readiness, unmet: readiness.unmet.map(toPrerequisite), total: readiness.total ? Money.of(readiness.total) : null };
  }

  @RequirePermission(Permission.OrdersManage)
  @Mutation(() => BuyResult, { description: 'Buys the cart in one transaction and answers with the sales order number; idempotent by key.' })
  async buy(@Arg('resellerId', () => ID) resellerId: string, @Arg('input', () => BuyInput) input: BuyInput, @Ctx() ctx: Context): Promise<typeof BuyResult> {
    const actor = actorForReseller(ctx.principal, ctx.actor, resellerId, Permission.OrdersManage);
    if (input.paymentMethod && input.paymentMethod !== 'CREDIT_CARD' && input.paymentMethod !== 'TERMS') {
      return Object.assign(new BuyRefused(), { code: 'INVALID_REQUEST', message: 'The payment method is CREDIT_CARD or TERMS.', fix: toFix({ kind: 'field', field: 'paymentMethod', label: 'Choose a payment method' }) });
    }
    const result = await ctx.app.purchases.buy(actor, resellerId, { ...input, paymentMethod: input.paymentMethod as PaymentMethod | null });
    if (result.ok) return Object.assign(new OrderPlaced(), { order: toOrder(result.placed ?? (await ctx.app.orders.get(result.order.id))!), replayed: result.replayed });
    if (result.code === 'NOT_READY') return Object.assign(new PurchaseNotReady(), { code: result.code, message: result.message, unmet: result.unmet.map(toPrerequisite) });
    if (result.code === 'PRICES_CHANGED') {
      return Object.assign(new PricesChanged(), {
        code: result.code,
        message: result.message,
        changes: result.changes.map((c) => ({ title: c.title, before: money(c.before, c.currency), after: c.after === null ? null : money(c.after, c.currency) })),
      });
    }
    return Object.assign(new BuyRefused(), { code: result.code, message: result.message, fix: 'field' in result && result.field ? toFix({ kind: 'field', field: result.field, label: result.message }) : null });
  }

  @RequirePermission(Permission.OrdersRead)
  @Query(() => OrderConnection, { description: 'Orders, newest first; reseller users see only their own.' })
  async orders(
    @Arg('resellerId', () => ID, { nullable: true }) resellerId: string | null,
    @Arg('customerId', () => ID, { nullable: true }) customerId: string | null,
    @Arg('status', () => Code, { nullable: true }) status: string | null,
    @Arg('from', () => Code, { nullable: true }) from: string | null,
    @Arg('to', () => Code, { nullable: true }) to: string | null,
    @Arg('search', () => ShortText, { nullable: true, description: 'Part of the SO number, the PO number, the customer’s or the reseller’s name.' }) search: string | null,
    @Arg('sortBy', () => OrderSortEnum, { nullable: true }) sortBy: OrderSortKey | null,
    @Arg('direction', () => SortDirection, { nullable: true, description: 'The column’s own direction unless given: dates and totals descending, names ascending.' }) direction: SortDirection | null,
    @Arg('first', () => Int, { defaultValue: 25 }) first: number,
    @Arg('after', () => Cursor, { nullable: true }) after: string | null,
    @Ctx() { app, principal, actor }: Context,
  ): Promise<OrderConnection> {
    // A reseller asking for another reseller's orders is refused, not quietly answered with its own.
    if (resellerId && principal?.kind === 'reseller') actorForReseller(principal, actor, resellerId, Permission.OrdersRead);
    const scope = principal?.kind === 'reseller' ? principal.resellerId : resellerId;
    const page = await app.orders.list({ resellerId: scope, customerId, status: status as OrderState | null, from, to, search }, first, after, sortOrder(ORDER_SORTS, 'PLACED', sortBy, direction));
    return { nodes: page.orders.map(toOrder), pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor } };
  }

  @RequirePermission(Permission.OrdersRead)
  @Query(() => Order, { nullable: true })
  async order(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Order | null> {
    const order = await ctx.app.orders.get(id);
    if (!order) return null;
    actorForReseller(ctx.principal, ctx.actor, order.resellerId, Permission.OrdersRead);
    return Object.assign(toOrder(order), { events: order.events });
  }

  @RequirePermission(Permission.OrdersManage)
  @Mutation(() => BuyRefused, { nullable: true, description: 'Staff retry the provisioning of a failed order; null when it was restarted.' })
  async retryOrderProvisioning(@Arg('orderId', () => ID) orderId: string, @Ctx() ctx: Context): Promise<BuyRefused | null> {
    if (ctx.principal?.kind !== 'staff') throw forbidden();
    const result = await ctx.app.provisioning.retry(orderId);
    return result.ok ? null : Object.assign(new BuyRefused(), { code: 'RETRY_REFUSED', message: result.message, fix: null });
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
