import {
  billingPlanFitsTerm,
  parseBillingPlan,
  parseMoney,
  parsePriceSegment,
  parseTerm,
  type BillingPlan,
  type PriceSegment,
  type Term,
} from '@nce/domain';

/** The columns of Microsoft's NCE licence-based price list, in the order Microsoft writes them. */
export const PRICE_LIST_COLUMNS = [
  'ChangeIndicator',
  'ProductTitle',
  'ProductId',
  'SkuId',
  'SkuTitle',
  'Publisher',
  'SkuDescription',
  'UnitOfMeasure',
  'TermDuration',
  'BillingPlan',
  'Market',
  'Currency',
  'UnitPrice',
  'PricingTierRangeMin',
  'PricingTierRangeMax',
  'EffectiveStartDate',
  'EffectiveEndDate',
  'Tags',
  'ERPPrice',
  'Segment',
] as const;
export type PriceListColumn = (typeof PRICE_LIST_COLUMNS)[number];

export interface PriceListRow {
  line: number;
  productId: string;
  productTitle: string;
  publisher: string;
  skuId: string;
  skuTitle: string;
  skuDescription: string;
  unitOfMeasure: string;
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

/** Where a file is wrong: 1-based line of the file, the column's header name, and what is wrong. */
export interface PriceListFault {
  line: number;
  column: string | null;
  message: string;
}

export class PriceListError extends Error {
  constructor(readonly fault: PriceListFault) {
    super(`line ${fault.line}${fault.column ? `, column ${fault.column}` : ''}: ${fault.message}`);
  }
}

export function checkHeader(header: readonly string[]): PriceListFault | null {
  const present = new Set(header.map((name) => name.trim()));
  const missing = PRICE_LIST_COLUMNS.filter((column) => !present.has(column));
  if (missing.length > 0)
    return { line: 1, column: missing[0] ?? null, message: `the header lacks column(s) ${missing.join(', ')}` };
  const seen = new Set<string>();
  for (const name of header) {
    if (seen.has(name)) return { line: 1, column: name, message: `column ${name} appears twice in the header` };
    seen.add(name);
  }
  return null;
}

type Raw = Record<string, string | undefined>;

const LIMITS: Partial<Record<PriceListColumn, number>> = {
  ProductTitle: 300,
  SkuTitle: 300,
  Publisher: 200,
  SkuDescription: 4000,
  UnitOfMeasure: 50,
  Tags: 300,
  ChangeIndicator: 16,
};

/** Checks and converts one data row; the first fault found is reported with its column. */
export function parsePriceListRow(raw: Raw, line: number): PriceListRow {
  const fault = (column: PriceListColumn, message: string): never => {
    throw new PriceListError({ line, column, message });
  };
  const text = (column: PriceListColumn, required: boolean): string => {
    const value = (raw[column] ?? '').trim();
    if (required && value === '') fault(column, 'is empty but required');
    const limit = LIMITS[column];
    if (limit !== undefined && value.length > limit)
      fault(column, `is ${value.length} characters long; at most ${limit} allowed`);
    return value;
  };
  const outcome = <T>(column: PriceListColumn, result: { ok: true; value: T } | { ok: false; message: string }): T =>
    result.ok ? result.value : fault(column, result.message);

  const productId = text('ProductId', true).toUpperCase();
  if (!/^[A-Z0-9]{4,32}$/.test(productId))
    fault('ProductId', `"${productId}" is not a product ID (4–32 letters and digits)`);
  const skuId = text('SkuId', true).toUpperCase();
  if (!/^[A-Z0-9]{1,16}$/.test(skuId)) fault('SkuId', `"${skuId}" is not a SKU ID (1–16 letters and digits)`);

  const market = text('Market', true).toUpperCase();
  if (!/^[A-Z]{2}$/.test(market)) fault('Market', `"${market}" is not a two-letter market (country) code`);
  const currency = text('Currency', true).toUpperCase();
  const term = outcome('TermDuration', parseTerm(text('TermDuration', false)));
  const billingPlan = outcome('BillingPlan', parseBillingPlan(text('BillingPlan', true)));
  outcome('BillingPlan', billingPlanFitsTerm(term, billingPlan));

  const tierMin: number = tierBound(text('PricingTierRangeMin', false), 'PricingTierRangeMin', fault) ?? 0;
  const tierMax = tierBound(text('PricingTierRangeMax', false), 'PricingTierRangeMax', fault);
  if (tierMax !== null && tierMax < tierMin)
    fault('PricingTierRangeMax', `${tierMax} is below the tier minimum ${tierMin}`);

  const effectiveStart = date(text('EffectiveStartDate', true), 'EffectiveStartDate', fault) as string;
  const effectiveEnd = date(text('EffectiveEndDate', false), 'EffectiveEndDate', fault);
  if (effectiveEnd !== null && effectiveEnd < effectiveStart)
    fault('EffectiveEndDate', `${effectiveEnd} is before the start date ${effectiveStart}`);

  return {
    line,
    productId,
    productTitle: text('ProductTitle', true),
    publisher: text('Publisher', true),
    skuId,
    skuTitle: text('SkuTitle', true),
    skuDescription: text('SkuDescription', false),
    unitOfMeasure: text('UnitOfMeasure', false) || 'Licenses',
    segment: outcome('Segment', parsePriceSegment(text('Segment', true))),
    market,
    currency: outcome('Currency', parseMoney('0', currency)).currency,
    term,
    billingPlan,
    tierMin,
    tierMax,
    effectiveStart,
    effectiveEnd,
    unitPriceMinor: outcome('UnitPrice', parseMoney(text('UnitPrice', true), currency)).amountMinor,
    erpPriceMinor: outcome('ERPPrice', parseMoney(text('ERPPrice', false) || text('UnitPrice', true), currency))
      .amountMinor,
    changeIndicator: text('ChangeIndicator', false) || 'Unchanged',
    tags: text('Tags', false),
  };
}

function tierBound(
  value: string,
  column: PriceListColumn,
  fault: (c: PriceListColumn, m: string) => never,
): number | null {
  if (value === '') return null;
  if (!/^\d{1,9}$/.test(value)) fault(column, `"${value}" is not a whole number of seats`);
  return Number(value);
}

/** Microsoft writes dates as ISO dates or date-times ("2026-11-01T00:00:00.0000000Z"); we keep the date. */
function date(value: string, column: PriceListColumn, fault: (c: PriceListColumn, m: string) => never): string | null {
  if (value === '') return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+Z?)?$/.exec(value);
  if (!match) return fault(column, `"${value}" is not a date (YYYY-MM-DD)`);
  const iso = `${match[1]}-${match[2]}-${match[3]}`;
  const parsed = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== iso)
    fault(column, `"${value}" is not a real calendar date`);
  return iso;
}
