import type { RequestContext } from '../platform/request-context.js';
import { priceSegmentFor, type BillingPlan, type CustomerSegment, type PriceSegment, type Term } from '@nce/domain';
import { isoDate } from '../platform/clock.js';
import { checkPageSize, encodeCursor } from '../platform/cursor.js';
import type { CatalogRepository } from './catalog.repository.js';
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
    private readonly defaultMarket: string,
  ) {}

  /** One page of products, each with its SKUs and their prices: two SQL statements whatever the page size. */
  async browse(ctx: RequestContext, filter: CatalogFilter, first: number, after?: string | null): Promise<CatalogPage> {
    checkPageSize(first);
    const priceSegment = priceSegmentFor(filter.segment);
    const market = (filter.market ?? this.defaultMarket).toUpperCase();
    const { products, more } = await this.catalog.page(
      filter,
      priceSegment,
      market,
      isoDate(ctx.clock.now()),
      first,
      after,
    );
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
    const product = await this.catalog.product(
      productId,
      filter,
      priceSegmentFor(filter.segment),
      market,
      isoDate(ctx.clock.now()),
    );
    return product && product.skus.length > 0 ? product : null;
  }

  /** The markets and currencies the catalog has prices in. */
  markets(_ctx: RequestContext): Promise<{ market: string; currency: string }[]> {
    return this.catalog.markets();
  }
}
