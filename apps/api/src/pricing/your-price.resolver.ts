import { markupFor, money, pricedOffer, suggestedCustomerPrice, type CustomerMarkup } from '@nce/domain';
import { Arg, Ctx, Field, FieldResolver, Float, ID, ObjectType, Resolver, Root } from 'type-graphql';
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

  @Field(() => Money, { description: 'What the reseller might charge its customer: its price with its own markup.' })
  suggestedPrice: Money;

  @Field(() => Float, { description: 'The reseller’s markup that made the suggestion, in percent (0: none set).' })
  markupPercent: number;

  @Field(() => Money, { description: 'The reseller’s margin at the suggested price.' })
  resellerMargin: Money;
}

/** A reseller's markups, read once a request (a catalog page prices hundreds of offers). */
const markupsOfRequest = new WeakMap<object, Map<string, Promise<CustomerMarkup[]>>>();

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
    @Arg('customerId', () => ID, { nullable: true, description: 'The customer the suggestion is for.' })
    customerId?: string | null,
  ): Promise<YourPrice | null> {
    const principal = ctx.principal;
    const who = resellerId ?? (principal?.kind === 'reseller' ? principal.resellerId : null);
    if (!who || !principal || !mayReach(ctx, who, Permission.OrdersManage)) return null;
    // S17: the promotion in effect today discounts the partner price the book prices over; a trial stays free.
    const cost = price.promotion?.unitPrice ?? price.unitPrice;
    const offer = pricedOffer(
      { ...price.offer, term: price.term, segment: price.segment },
      money(cost.amountMinor, cost.currency),
      money(price.erpPrice.amountMinor, price.erpPrice.currency),
    );
    const markups = await this.markupsOf(ctx, who);
    const withSuggestion = (unitPrice: Money, rule: string | null): YourPrice => {
      const suggested = suggestedCustomerPrice(
        money(unitPrice.amountMinor, unitPrice.currency),
        markupFor(markups, { customerId: customerId ?? null, family: offer.family }),
      );
      return {
        unitPrice,
        rule,
        suggestedPrice: Money.of(suggested.price),
        markupPercent: suggested.basisPoints / 100,
        resellerMargin: Money.of(suggested.margin),
      };
    };
    if (price.trial) return withSuggestion(cost, null);
    const pricer = await ctx.app.pricing.pricerFor(ctx, { resellerId: who }, isoDate(ctx.clock.now()));
    const priced = pricer(offer);
    return withSuggestion(Money.of(priced.price), priced.label);
  }

  private markupsOf(ctx: Context, resellerId: string): Promise<CustomerMarkup[]> {
    let byReseller = markupsOfRequest.get(ctx);
    if (!byReseller) markupsOfRequest.set(ctx, (byReseller = new Map()));
    let markups = byReseller.get(resellerId);
    if (!markups) {
      markups = ctx.app.pricing.markups(ctx, resellerId);
      byReseller.set(resellerId, markups);
    }
    return markups;
  }
}
