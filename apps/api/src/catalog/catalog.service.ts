import type { RequestContext } from '../platform/request-context.js';
import { priceSegmentFor, type BillingPlan, type CustomerSegment, type PriceSegment, type Term } from '@nce/domain';
import { isoDate } from '../platform/clock.js';
import { checkPageSize, encodeCursor } from '../platform/cursor.js';
import type { CatalogRepository } from './catalog.repository.js';
import type { PromotionEntity } from './promotion.entity.js';
import type { PromotionsInEffect } from './promotions-in-effect.js';
import type { ProductKind } from './product.entity.js';

export interface CatalogFilter {
  segment: CustomerSegment;
  market?: string | null;
  search?: string | null;
  terms?: Term[] | null;
  billingPlans?: BillingPlan[] | null;
  kind?: ProductKind | null;
}

export interface PriceView {
  id: number;
  segment: PriceSegment;
  market: string;
  currency: string;
  term: Term;
  billingPlan: BillingPlan;
  tierMin: number;
  tierMax: number | null;
  effectiveStart: string;
  effectiveEnd: string | null;
  unitPriceMinor: number;
  erpPriceMinor: number;
  changeIndicator: string;
  tags: string;
  /** S17: the promotion in effect for this price today, if any (the largest discount). */
  promotion?: { id: string; name: string; discountBasisPoints: number; endDate: string } | null;
}

export interface SkuView {
  id: number;
  skuId: string;
  title: string;
  description: string;
  unitOfMeasure: string;
  prices: PriceView[];
}

export interface ProductView {
  id: string;
  title: string;
  publisher: string;
  description: string;
  kind: ProductKind;
  skus: SkuView[];
}

export interface CatalogPage {
  priceSegment: PriceSegment;
  market: string;
  products: ProductView[];
  hasNextPage: boolean;
  endCursor: string | null;
}

/** Browsing the NCE catalog by segment (R3; Government sees Commercial prices, R20). */
export class CatalogService {
  constructor(
    private readonly catalog: CatalogRepository,
    private readonly promotions: PromotionsInEffect,
    private readonly defaultMarket: string,
  ) {}

  /**
   * One page of products, each with its SKUs and their prices, and the promotions in effect on them: two SQL
   * statements whatever the page size (three when the promotions are read again, every few seconds).
   */
  async browse(ctx: RequestContext, filter: CatalogFilter, first: number, after?: string | null): Promise<CatalogPage> {
    checkPageSize(first);
    const priceSegment = priceSegmentFor(filter.segment);
    const market = (filter.market ?? this.defaultMarket).toUpperCase();
    const day = isoDate(ctx.clock.now());
    const [{ products, more }, promotions] = await Promise.all([
      this.catalog.page(filter, priceSegment, market, day, first, after),
      this.promotions.get(priceSegment, market, day, ctx.clock.now()),
    ]);
    withPromotions(products, promotions);
    const last = products[products.length - 1];
    return {
      priceSegment,
      market,
      products,
      hasNextPage: more,
      endCursor: last ? encodeCursor([last.title, last.id]) : null,
    };
  }

  /** One product with the SKUs and prices the filter selects; null when it has none for that segment and market. */
  async product(ctx: RequestContext, productId: string, filter: CatalogFilter): Promise<ProductView | null> {
    const market = (filter.market ?? this.defaultMarket).toUpperCase();
    const day = isoDate(ctx.clock.now());
    const segment = priceSegmentFor(filter.segment);
    const [product, promotions] = await Promise.all([
      this.catalog.product(productId, filter, segment, market, day),
      this.promotions.get(segment, market, day, ctx.clock.now()),
    ]);
    if (product) withPromotions([product], promotions);
    return product && product.skus.length > 0 ? product : null;
  }

  /** The markets and currencies the catalog has prices in. */
  markets(_ctx: RequestContext): Promise<{ market: string; currency: string }[]> {
    return this.catalog.markets();
  }
}

/** S17: marks each price with the promotion in effect for it (they come largest discount first). */
function withPromotions(products: ProductView[], promotions: readonly PromotionEntity[]): void {
  if (promotions.length === 0) return;
  for (const product of products)
    for (const sku of product.skus)
      for (const price of sku.prices) {
        if (price.term === 'NONE') continue;
        const p = promotions.find(
          (x) =>
            x.productId === product.id &&
            x.skuId === sku.skuId &&
            x.term === price.term &&
            x.billingPlan === price.billingPlan,
        );
        if (p)
          price.promotion = { id: p.id, name: p.name, discountBasisPoints: p.discountBasisPoints, endDate: p.endDate };
      }
}
