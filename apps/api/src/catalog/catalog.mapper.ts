import { encodeCursor } from '../platform/cursor.js';
import { Money } from '../platform/money.types.js';
import type { CatalogPage, PriceView, ProductView } from './catalog.service.js';
import { Price, Product, ProductConnection, Sku } from './catalog.types.js';

const toPrice = (view: PriceView): Price =>
  Object.assign(new Price(), {
    ...view,
    id: String(view.id),
    unitPrice: Money.of({ amountMinor: view.unitPriceMinor, currency: view.currency }),
    erpPrice: Money.of({ amountMinor: view.erpPriceMinor, currency: view.currency }),
  });

export const toProduct = (view: ProductView): Product =>
  Object.assign(new Product(), {
    ...view,
    skus: view.skus.map((sku) => Object.assign(new Sku(), { ...sku, id: String(sku.id), prices: sku.prices.map(toPrice) })),
  });

export const toProductConnection = (page: CatalogPage): ProductConnection =>
  Object.assign(new ProductConnection(), {
    priceSegment: page.priceSegment,
    market: page.market,
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
    edges: page.products.map((product) => ({ cursor: encodeCursor([product.title, product.id]), node: toProduct(product) })),
  });
