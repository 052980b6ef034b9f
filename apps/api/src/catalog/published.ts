import { PublishedRelation } from '../db/sql.js';

const PRICE_COLUMNS = {
  price_id: 'pr.id',
  segment: 'pr.segment',
  currency: 'pr.currency',
  term: 'pr.term',
  billing_plan: 'pr.billing_plan',
  unit_price_minor: 'pr.unit_price_minor',
  /** Microsoft's estimated retail price (ERP), what retail-minus price-book rules start from. */
  erp_price_minor: 'pr.erp_price_minor',
  tier_min: 'pr.tier_min',
  tier_max: 'pr.tier_max',
  effective_start: 'pr.effective_start',
  effective_end: 'pr.effective_end',
  tags: 'pr.tags',
  market: 'pr.market',
} as const;

/** What other contexts' SQL may read of a price row: what it costs, for whom, and when it is in effect. */
export const CATALOG_PRICES = new PublishedRelation('catalog prices', 'catalog_price pr', PRICE_COLUMNS);

/** A price with the SKU and the product it is for: one row per price, for lines that show what was chosen. */
export const CATALOG_OFFERS = new PublishedRelation(
  'catalog offers',
  'catalog_price pr JOIN catalog_sku s ON s.id = pr.sku_ref JOIN catalog_product p ON p.id = s.product_id',
  { ...PRICE_COLUMNS, sku_id: 's.sku_id', sku_title: 's.title', product_id: 'p.id', product_title: 'p.title' },
);

/** S17: the promotions other contexts price with: a discount on one offer between two days (inclusive). */
export const CATALOG_PROMOTIONS = new PublishedRelation('catalog promotions', 'catalog_promotion pm', {
  id: 'pm.id',
  name: 'pm.name',
  product_id: 'pm.product_id',
  sku_id: 'pm.sku_id',
  term: 'pm.term',
  billing_plan: 'pm.billing_plan',
  segment: 'pm.segment',
  market: 'pm.market',
  discount_bp: 'pm.discount_bp',
  start_date: 'pm.start_date',
  end_date: 'pm.end_date',
});
