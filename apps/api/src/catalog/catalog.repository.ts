import type { BillingPlan, PriceSegment, Term } from '@nce/domain';
import type { Database } from '../db/database.js';
import { packedColumns, portable, unpack } from '../db/sql.js';
import { containsPattern, decodeCursor } from '../platform/cursor.js';
import type { CatalogFilter, ProductView, SkuView } from './catalog.service.js';
import type { ProductKind } from './product.entity.js';

/** One price row with its SKU, in the order `withSkusAndPrices` unpacks them. */
const PRICE_ROW_COLUMNS = [
  'pr.id',
  'pr.sku_ref',
  's.product_id',
  's.sku_id',
  's.title',
  's.description',
  's.unit_of_measure',
  'pr.segment',
  'pr.market',
  'pr.currency',
  'pr.term',
  'pr.billing_plan',
  'pr.tier_min',
  'pr.tier_max',
  'pr.effective_start',
  'pr.effective_end',
  'pr.unit_price_minor',
  'pr.erp_price_minor',
  'pr.change_indicator',
] as const;

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
    const rows: ProductRow[] = await this.db.read.query(
      portable(
        this.db.kind,
        `SELECT p.id, p.title, p.publisher, p.description, p.kind FROM catalog_product p WHERE ${where.join(' AND ')} ORDER BY p.title, p.id LIMIT ?`,
      ),
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
    const rows: { packed: unknown }[] = await this.db.read.query(
      portable(
        this.db.kind,
        `SELECT ${packedColumns(this.db.kind, PRICE_ROW_COLUMNS)}
         FROM catalog_price pr JOIN catalog_sku s ON s.id = pr.sku_ref
         WHERE s.product_id IN (${products.map(() => '?').join(', ')}) AND ${prices.sql}
         ORDER BY s.product_id, s.sku_id, pr.term, pr.billing_plan, pr.tier_min, pr.effective_start`,
      ),
      [...products.map((p) => p.id), ...prices.params],
    );
    const skusByProduct = new Map<string, Map<number, SkuView>>();
    for (const packed of rows) {
      const [
        id,
        skuRef,
        productId,
        skuId,
        skuTitle,
        skuDescription,
        unitOfMeasure,
        segment,
        market,
        currency,
        term,
        billingPlan,
        tierMin,
        tierMax,
        effectiveStart,
        effectiveEnd,
        unitPriceMinor,
        erpPriceMinor,
        changeIndicator,
      ] = unpack(packed) as [
        number,
        number,
        string,
        string,
        string,
        string,
        string,
        PriceSegment,
        string,
        string,
        Term,
        BillingPlan,
        number,
        number | null,
        string,
        string | null,
        number | string,
        number | string,
        string,
      ];
      let skus = skusByProduct.get(productId);
      if (!skus) skusByProduct.set(productId, (skus = new Map()));
      let sku = skus.get(skuRef);
      if (!sku) {
        sku = { id: skuRef, skuId, title: skuTitle, description: skuDescription, unitOfMeasure, prices: [] };
        skus.set(skuRef, sku);
      }
      sku.prices.push({
        id,
        segment,
        market,
        currency,
        term,
        billingPlan,
        effectiveStart,
        effectiveEnd,
        changeIndicator,
        tierMin: Number(tierMin),
        tierMax: tierMax === null ? null : Number(tierMax),
        unitPriceMinor: Number(unitPriceMinor),
        erpPriceMinor: Number(erpPriceMinor),
      });
    }
    return products.map((p) => ({ ...p, skus: [...(skusByProduct.get(p.id)?.values() ?? [])] }));
  }
}
