import { money, productFamilyOf } from '@nce/domain';
import { Arg, Ctx, Field, FieldResolver, ID, ObjectType, Resolver, Root } from 'type-graphql';
import { Price } from '../catalog/index.js';
import type { Context } from '../context.js';
import { Money } from '../platform/money.types.js';
import { Permission } from '../platform/permissions.js';
import { mayReach } from '../platform/request-context.js';
import { isoDate } from '../platform/clock.js';

@ObjectType({ simpleResolvers: true, description: 'What a reseller pays for a catalog price, by its price book.' })
export class YourPrice {
  @Field(() => Money, { description: 'Per unit for the term: the price a cart is charged today.' })
  unitPrice: Money;

  @Field(() => String, { nullable: true, description: 'The price-book rule that set it; null: the partner price.' })
  rule: string | null;
}

@Resolver(() => Price)
export class YourPriceResolver {
  @FieldResolver(() => YourPrice, {
    nullable: true,
    description:
      'What the reseller pays today by its price book (a reseller user: its own; staff: the reseller named). Null when no reseller is named or reachable.',
  })
  async yourPrice(
    @Root() price: Price,
    @Ctx() ctx: Context,
    @Arg('resellerId', () => ID, { nullable: true }) resellerId?: string | null,
  ): Promise<YourPrice | null> {
    const principal = ctx.principal;
    const who = resellerId ?? (principal?.kind === 'reseller' ? principal.resellerId : null);
    if (!who || !principal || !mayReach(ctx, who, Permission.OrdersManage)) return null;
    // S17: the promotion in effect today discounts the partner price the book prices over; a trial stays free.
    const cost = price.promotion?.unitPrice ?? price.unitPrice;
    if (price.trial) return { unitPrice: cost, rule: null };
    const pricer = await ctx.app.pricing.pricerFor(ctx, { resellerId: who }, isoDate(ctx.clock.now()));
    const priced = pricer({
      family: productFamilyOf(price.offer.productTitle),
      productId: price.offer.productId,
      skuId: price.offer.skuId,
      term: price.term,
      segment: price.segment,
      cost: money(cost.amountMinor, cost.currency),
      retail: money(price.erpPrice.amountMinor, price.erpPrice.currency),
    });
    return { unitPrice: Money.of(priced.price), rule: priced.label };
  }
}
