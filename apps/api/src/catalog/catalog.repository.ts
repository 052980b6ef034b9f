import type { PriceSegment } from '@nce/domain';
import type { Database } from '../db/database.js';
import { packedList, readPacked, rowSpec, selectOf } from '../db/sql.js';
import { containsPattern, decodeCursor } from '../platform/cursor.js';
import type { CatalogFilter, ProductView, SkuView } from './catalog.service.js';
import { PriceEntity } from './price.entity.js';
import type { ProductKind } from './product.entity.js';
import { SkuEntity } from './sku.entity.js';

/**
 * What a catalog page reads of a price row (`pr`), column by column (checked in db/row-specs.test.ts); its segment
 * and market are the page's own.
 */
export const PRICE_ROW = rowSpec<PriceEntity>(PriceEntity, [
  ['id', 'id', 'number'],
  ['sku_ref', 'skuRef', 'number'],
  ['currency', 'currency', 'text'],
  ['term', 'term', 'text'],
  ['billing_plan', 'billingPlan', 'text'],
  ['tier_min', 'tierMin', 'number'],
  ['tier_max', 'tierMax', 'optionalNumber'],
  ['effective_start', 'effectiveStart', 'text'],
  ['effective_end', 'effectiveEnd', 'optionalText'],
  ['unit_price_minor', 'unitPriceMinor', 'number'],
  ['erp_price_minor', 'erpPriceMinor', 'number'],
  ['change_indicator', 'changeIndicator', 'text'],
  ['tags', 'tags', 'text'],
]);

/** And of each SKU (`s`) of the page's products, once a SKU. */
export const SKU_ROW = rowSpec<SkuEntity>(SkuEntity, [
  ['id', 'id', 'number'],
  ['product_id', 'productId', 'text'],
  ['sku_id', 'skuId', 'text'],
  ['title', 'title', 'text'],
  ['description', 'description', 'text'],
  ['unit_of_measure', 'unitOfMeasure', 'text'],
]);

/** And of the product (`p`). */
const PRODUCT_COLUMNS = ['id', 'title', 'publisher', 'description', 'kind'] as const;

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A SKU's prices in the catalog's order: term, billing plan, first tier, then the earliest in effect. */
const priceOrder = (a: SkuView['prices'][number], b: SkuView['prices'][number]) =>
  byText(a.term, b.term) ||
  byText(a.billingPlan, b.billingPlan) ||
  a.tierMin - b.tierMin ||
  byText(a.effectiveStart, b.effectiveStart);

/** Conditions on a price row `pr` (joined to its SKU `s`) that the filter asks for; today's prices only. */
function priceConditions(
  filter: Required<Pick<CatalogFilter, 'terms' | 'billingPlans'>>,
  priceSegment: PriceSegment,
  market: string,
  today: string,
) {
  const where = [
    'pr.segment = ?',
    'pr.market = ?',
    'pr.effective_start <= ?',
    '(pr.effective_end IS NULL OR pr.effective_end >= ?)',
  ];
  const params: (string | number)[] = [priceSegment, market, today, today];
  if (filter.terms && filter.terms.length > 0) {
    where.push(`pr.term IN (${filter.terms.map(() => '?').join(', ')})`);
    params.push(...filter.terms);
  }
  if (filter.billingPlans && filter.billingPlans.length > 0) {
    where.push(`pr.billing_plan IN (${filter.billingPlans.map(() => '?').join(', ')})`);
    params.push(...filter.billingPlans);
  }
  return { sql: where.join(' AND '), params };
}

/** The catalog's tables (catalog_product, catalog_sku, catalog_price) as the catalog pages read them. */
export class CatalogRepository {
  constructor(private readonly db: Database) {}

  /**
   * One page of products (one more than `first`, to tell whether another follows), each with its SKUs and
   * the prices the filter selects in effect on `today`: two statements whatever the page size.
   */
  async page(
    filter: CatalogFilter,
    priceSegment: PriceSegment,
    market: string,
    today: string,
    first: number,
    after: string | null | undefined,
  ): Promise<{ products: ProductView[]; more: boolean }> {
    const prices = priceConditions(
      { terms: filter.terms ?? null, billingPlans: filter.billingPlans ?? null },
      priceSegment,
      market,
      today,
    );
    const where = [
      `EXISTS (SELECT 1 FROM catalog_sku s JOIN catalog_price pr ON pr.sku_ref = s.id WHERE s.product_id = p.id AND ${prices.sql})`,
    ];
    const params: (string | number)[] = [...prices.params];
    const search = filter.search?.trim();
    if (search) {
      where.push(
        `(p.search_text LIKE ? ESCAPE '\\' OR EXISTS (SELECT 1 FROM catalog_sku s2 WHERE s2.product_id = p.id AND s2.search_text LIKE ? ESCAPE '\\'))`,
      );
      params.push(containsPattern(search), containsPattern(search));
    }
    if (filter.kind) {
      where.push('p.kind = ?');
      params.push(filter.kind);
    }
    if (after) {
      const [title, id] = decodeCursor(after, ['string', 'string']) as [string, string];
      where.push('(p.title > ? OR (p.title = ? AND p.id > ?))');
      params.push(title, title, id);
    }
    const products = await this.withSkusAndPrices(
      `SELECT ${PRODUCT_COLUMNS.map((c) => `p.${c}`).join(', ')} FROM catalog_product p WHERE ${where.join(' AND ')}
       ORDER BY p.title, p.id LIMIT ?`,
      [...params, first + 1],
      prices,
      priceSegment,
      market,
    );
    return { products: products.slice(0, first), more: products.length > first };
  }

  /** One product with the SKUs and prices the filter selects in effect on `today`. */
  async product(
    productId: string,
    filter: CatalogFilter,
    priceSegment: PriceSegment,
    market: string,
    today: string,
  ): Promise<ProductView | null> {
    const prices = priceConditions(
      { terms: filter.terms ?? null, billingPlans: filter.billingPlans ?? null },
      priceSegment,
      market,
      today,
    );
    const [product] = await this.withSkusAndPrices(
      `SELECT ${PRODUCT_COLUMNS.map((c) => `p.${c}`).join(', ')} FROM catalog_product p WHERE p.id = ?`,
      [productId.toUpperCase()],
      prices,
      priceSegment,
      market,
    );
    return product ?? null;
  }

  /** The markets and currencies the catalog has prices in. */
  markets(): Promise<{ market: string; currency: string }[]> {
    return this.db.read.query('SELECT DISTINCT market, currency FROM catalog_price ORDER BY market, currency');
  }

  /**
   * The products `productsSql` selects (in its order), each with its SKUs that have prices the filter selects
   * and those prices: one statement, the products, their SKUs and the prices packed as three lists. A product
   * without such prices comes with no SKUs. SKUs and prices are put in order here, not by the database.
   */
  private async withSkusAndPrices(
    productsSql: string,
    productsParams: readonly (string | number)[],
    prices: { sql: string; params: (string | number)[] },
    segment: PriceSegment,
    market: string,
  ): Promise<ProductView[]> {
    const kind = this.db.kind;
    // A plain IN: the SKU table is small, and a hash of the page beats one index lookup a product (measured).
    const ofPage = 's.product_id IN (SELECT id FROM page)';
    const [productRows, skuRows, priceRows] = await this.db.selectLists(
      `WITH page AS MATERIALIZED (${productsSql})
       SELECT ${packedList(kind, PRODUCT_COLUMNS, 'FROM page', 'title, id')},
         ${packedList(kind, selectOf('s', SKU_ROW), `FROM catalog_sku s WHERE ${ofPage}`)},
         ${packedList(
           kind,
           selectOf('pr', PRICE_ROW),
           `FROM catalog_price pr JOIN catalog_sku s ON s.id = pr.sku_ref WHERE ${ofPage} AND ${prices.sql}`,
         )}`,
      [...productsParams, ...prices.params],
    );
    const skus = new Map<number, SkuView & { productId: string }>();
    for (const values of skuRows!) {
      const sku = readPacked(SKU_ROW, values, 0, { prices: [] as SkuView['prices'] });
      skus.set(sku.id, sku);
    }
    for (const values of priceRows!) {
      const { skuRef, ...price } = readPacked(PRICE_ROW, values, 0, { segment, market });
      skus.get(skuRef)?.prices.push(price);
    }
    const skusByProduct = new Map<string, SkuView[]>();
    for (const { productId, ...sku } of skus.values()) {
      if (sku.prices.length === 0) continue;
      sku.prices.sort(priceOrder);
      const list = skusByProduct.get(productId);
      if (list) list.push(sku);
      else skusByProduct.set(productId, [sku]);
    }
    return productRows!.map((values) => {
      const [id, title, publisher, description, productKind] = values as [string, string, string, string, ProductKind];
      const productSkus = skusByProduct.get(id) ?? [];
      productSkus.sort((a, b) => byText(a.skuId, b.skuId));
      return { id, title, publisher, description, kind: productKind, skus: productSkus };
    });
  }
}
