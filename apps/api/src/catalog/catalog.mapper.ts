import { isTrialOffer, money, promotedPrice } from '@nce/domain';
import { encodeCursor } from '../platform/cursor.js';
import { Money } from '../platform/money.types.js';
import type { CatalogPage, PriceView, ProductView } from './catalog.service.js';
import type { Price, PricedItem, Product, ProductConnection } from './catalog.types.js';

// Plain literals, not class instances: a page maps hundreds of prices, and spreading into freshly
// constructed instances cost ~3 µs a price (the bench's catalog profile). None of these types is in a union.
const toPrice = (v: PriceView, offer: PricedItem): Price => ({
  id: String(v.id),
  segment: v.segment,
  market: v.market,
  term: v.term,
  billingPlan: v.billingPlan,
  unitPrice: Money.of({ amountMinor: v.unitPriceMinor, currency: v.currency }),
  erpPrice: Money.of({ amountMinor: v.erpPriceMinor, currency: v.currency }),
  tierMin: v.tierMin,
  tierMax: v.tierMax,
  effectiveStart: v.effectiveStart,
  effectiveEnd: v.effectiveEnd,
  changeIndicator: v.changeIndicator,
  trial: isTrialOffer(v.tags),
  promotion: v.promotion
    ? {
        id: v.promotion.id,
        name: v.promotion.name,
        discountPercent: v.promotion.discountBasisPoints / 100,
        endDate: v.promotion.endDate,
        unitPrice: Money.of(promotedPrice(money(v.unitPriceMinor, v.currency), v.promotion.discountBasisPoints)),
      }
    : null,
  offer,
});

export const toProduct = (view: ProductView): Product => ({
  id: view.id,
  title: view.title,
  publisher: view.publisher,
  description: view.description,
  kind: view.kind,
  skus: view.skus.map((sku) => {
    const offer = { productId: view.id, productTitle: view.title, skuId: sku.skuId };
    return {
      id: String(sku.id),
      skuId: sku.skuId,
      title: sku.title,
      description: sku.description,
      unitOfMeasure: sku.unitOfMeasure,
      prices: sku.prices.map((price) => toPrice(price, offer)),
    };
  }),
});

export const toProductConnection = (page: CatalogPage): ProductConnection => ({
  priceSegment: page.priceSegment,
  market: page.market,
  pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
  edges: page.products.map((product) => ({
    cursor: encodeCursor([product.title, product.id]),
    node: toProduct(product),
  })),
});
