import { money, pricedOffer, promotedPrice, type PriceSegment, type Term } from '@nce/domain';
import { isoDate } from '../platform/clock.js';
import type { RequestContext } from '../platform/request-context.js';
import type { Pricer, PricingService } from '../pricing/index.js';
import type { PriceOffer, RenewalPrice, SubscriptionsRepository } from './subscriptions.repository.js';

/** A next term's price with the price-book rule that set it, in words (null: the partner price). */
export type TermPrice = RenewalPrice & { priceRule: string | null };

/**
 * Whose a term is and what it is for: the reseller, customer and subscription whose books price it, and the offer.
 * `subscriptionId`: the subscription whose next term it is (a book of its own overrides the customer's).
 */
export interface TermOffer extends PriceOffer {
  resellerId: string;
  customerId: string;
  subscriptionId: string;
  productTitle: string;
}

/**
 * S3: what a new term costs the reseller (a renewal, a term or billing change, a trial's conversion): the price
 * list's price in effect on the day, less a promotion that carries (S17), priced by the reseller's price book as it
 * stands that day. A term already running keeps the price it began with; only new terms come through here.
 */
export class TermPrices {
  constructor(
    private readonly subscriptions: Pick<SubscriptionsRepository, 'pricesFor'>,
    private readonly pricing: Pick<PricingService, 'pricerFor'>,
  ) {}

  /** List prices for new terms, one for each offer by its index, in one statement (see `pricesFor`). */
  listed(ctx: RequestContext, offers: readonly PriceOffer[], at: Date): Promise<(RenewalPrice | null)[]> {
    return this.subscriptions.pricesFor(ctx, offers, at);
  }

  /** List prices, each less its promotion's discount, priced by its reseller's (or customer's) book on `at`'s day. */
  async priced(
    ctx: RequestContext,
    at: Date,
    items: readonly { offer: TermOffer; listed: RenewalPrice; discountBasisPoints: number }[],
  ): Promise<TermPrice[]> {
    const day = isoDate(at);
    const pricers = new Map<string, Pricer>();
    const out: TermPrice[] = [];
    for (const { offer, listed, discountBasisPoints } of items) {
      const party = `${offer.resellerId}\u0000${offer.customerId}\u0000${offer.subscriptionId}`;
      let pricer = pricers.get(party);
      if (!pricer) {
        pricer = await this.pricing.pricerFor(ctx, offer, day);
        pricers.set(party, pricer);
      }
      const cost = promotedPrice(money(listed.unitPriceMinor, offer.currency), discountBasisPoints);
      const book = pricer(
        pricedOffer(
          { ...offer, term: offer.term as Term, segment: offer.segment as PriceSegment },
          cost,
          money(listed.retailPriceMinor, offer.currency),
        ),
      );
      out.push({ ...listed, unitPriceMinor: book.price.amountMinor, priceRule: book.label });
    }
    return out;
  }

  /** One new term's price without a promotion; null when the price list has none for it on the day. */
  async priceFor(ctx: RequestContext, offer: TermOffer, at: Date): Promise<TermPrice | null> {
    const [listed] = await this.listed(ctx, [offer], at);
    if (!listed) return null;
    return (await this.priced(ctx, at, [{ offer, listed, discountBasisPoints: 0 }]))[0]!;
  }
}
