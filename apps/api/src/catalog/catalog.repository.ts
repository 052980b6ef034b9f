import type { PriceSegment } from '@nce/domain';
import type { Database } from '../db/database.js';
import { portable, readPacked, rowSpec, selectOf } from '../db/sql.js';
import { containsPattern, decodeCursor } from '../platform/cursor.js';
import type { CatalogFilter, ProductView, SkuView } from './catalog.service.js';
import { PriceEntity } from './price.entity.js';
import type { ProductKind } from './product.entity.js';
import { SkuEntity } from './sku.entity.js';

/** What a catalog page reads of a price row (`pr`), column by column (checked in db/row-specs.test.ts). */
export const PRICE_ROW = rowSpec<PriceEntity>(PriceEntity, [
  ['id', 'id', 'number'],
  ['sku_ref', 'skuRef', 'number'],
  ['segment', 'segment', 'text'],
  ['market', 'market', 'text'],
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

/** And of the price's SKU (`s`), after the price's columns. */
export const SKU_ROW = rowSpec<SkuEntity>(SkuEntity, [
  ['product_id', 'productId', 'text'],
  ['sku_id', 'skuId', 'text'],
  ['title', 'title', 'text'],
  ['description', 'description', 'text'],
  ['unit_of_measure', 'unitOfMeasure', 'text'],
]);

const SKU_AT = PRICE_ROW.columns.length;

interface ProductRow {
  id: string;
  title: string;
  publisher: string;
  description: string;
  kind: ProductKind;
}

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
    const rows = await this.db.select<ProductRow>(
      `SELECT p.id, p.title, p.publisher, p.description, p.kind FROM catalog_product p WHERE ${where.join(' AND ')} ORDER BY p.title, p.id LIMIT ?`,
      [...params, first + 1],
    );
    return { products: await this.withSkusAndPrices(rows.slice(0, first), prices), more: rows.length > first };
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
    const rows: ProductRow[] = await this.db.read.query(
      portable(
        this.db.kind,
        'SELECT p.id, p.title, p.publisher, p.description, p.kind FROM catalog_product p WHERE p.id = ?',
      ),
      [productId.toUpperCase()],
    );
    const [product] = await this.withSkusAndPrices(rows, prices);
    return product ?? null;
  }

  /** The markets and currencies the catalog has prices in. */
  markets(): Promise<{ market: string; currency: string }[]> {
    return this.db.read.query('SELECT DISTINCT market, currency FROM catalog_price ORDER BY market, currency');
  }

  private async withSkusAndPrices(
    products: ProductRow[],
    prices: { sql: string; params: (string | number)[] },
  ): Promise<ProductView[]> {
    if (products.length === 0) return [];
    const columns = [...selectOf('pr', PRICE_ROW), ...selectOf('s', SKU_ROW)];
    const from = `FROM catalog_price pr JOIN catalog_sku s ON s.id = pr.sku_ref
         WHERE s.product_id IN (${products.map(() => '?').join(', ')}) AND ${prices.sql}
         ORDER BY s.product_id, s.sku_id, pr.term, pr.billing_plan, pr.tier_min, pr.effective_start`;
    const params = [...products.map((p) => p.id), ...prices.params];
    const rows = await this.db.selectValues(columns, from, params);
    const skusByProduct = new Map<string, Map<number, SkuView>>();
    for (const values of rows) {
      const { skuRef, ...price } = readPacked(PRICE_ROW, values, 0, {});
      const { productId, skuId, title, description, unitOfMeasure } = readPacked(SKU_ROW, values, SKU_AT, {});
      let skus = skusByProduct.get(productId);
      if (!skus) skusByProduct.set(productId, (skus = new Map()));
      let sku = skus.get(skuRef);
      if (!sku) {
        sku = { id: skuRef, skuId, title, description, unitOfMeasure, prices: [] };
        skus.set(skuRef, sku);
      }
      sku.prices.push(price);
    }
    return products.map((p) => ({ ...p, skus: [...(skusByProduct.get(p.id)?.values() ?? [])] }));
  }
}
