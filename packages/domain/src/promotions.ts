import { isIsoDay } from './calendar.js';
import { billingPlanFitsTerm, type BillingPlan, type Term } from './catalog.js';
import { requireText, fieldErrorsMessage, type FieldError } from './contact.js';
import { money, type Money } from './money.js';
import { PRICE_SEGMENTS, type PriceSegment } from './segments.js';
import { promotionCarriesInto } from './subscription-changes.js';
import { fail, ok, type Outcome } from './verdict.js';

/**
 * A Microsoft promotion: a discount on the partner price of one SKU's term and billing, for a segment and market,
 * between two days (inclusive). Microsoft publishes them per market and segment; staff enter them here.
 */
export interface Promotion {
  id: string;
  name: string;
  productId: string;
  skuId: string;
  term: Exclude<Term, 'NONE'>;
  billingPlan: BillingPlan;
  segment: PriceSegment;
  market: string;
  /** The discount in hundredths of a percent: 1500 is 15 %. */
  discountBasisPoints: number;
  /** YYYY-MM-DD, inclusive. */
  startDate: string;
  endDate: string;
}

export interface PromotionInput extends Omit<Promotion, 'discountBasisPoints'> {
  discountPercent: number;
}

/** What staff enter for a promotion: every field checked, every fault reported at once. */
export function validatePromotion(
  input: PromotionInput,
): Outcome<Promotion, 'VALIDATION_FAILED'> & { errors?: FieldError[] } {
  const errors: FieldError[] = [];
  const id = requireText(errors, 'id', input.id, 'The promotion ID', 64);
  if (id && !/^[\w:.-]{3,64}$/.test(id))
    errors.push({
      field: 'id',
      code: 'PROMOTION_ID_FORMAT',
      message: 'A promotion ID is 3 to 64 letters, digits or : . - _.',
    });
  const name = requireText(errors, 'name', input.name, 'The name', 200);
  const productId = requireText(errors, 'productId', input.productId, 'The product ID', 32).toUpperCase();
  const skuId = requireText(errors, 'skuId', input.skuId, 'The SKU ID', 16);
  if (input.term === ('NONE' as Term) || !['P1M', 'P1Y', 'P3Y'].includes(input.term))
    errors.push({ field: 'term', code: 'TERM_INVALID', message: 'A promotion is for a P1M, P1Y or P3Y term.' });
  else {
    const fits = billingPlanFitsTerm(input.term, input.billingPlan);
    if (!fits.ok) errors.push({ field: 'billingPlan', code: 'BILLING_PLAN_INVALID', message: fits.message });
  }
  if (!(PRICE_SEGMENTS as readonly string[]).includes(input.segment))
    errors.push({
      field: 'segment',
      code: 'SEGMENT_INVALID',
      message: 'The segment is Commercial, Education or Nonprofit.',
    });
  const market = (input.market ?? '').trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(market))
    errors.push({
      field: 'market',
      code: 'MARKET_INVALID',
      message: 'The market is a two-letter country code, e.g. US.',
    });
  const basisPoints = Math.round(input.discountPercent * 100);
  if (
    !Number.isFinite(input.discountPercent) ||
    Math.abs(input.discountPercent * 100 - basisPoints) > 1e-6 ||
    basisPoints < 1 ||
    basisPoints > 9999
  )
    errors.push({
      field: 'discountPercent',
      code: 'DISCOUNT_INVALID',
      message: 'The discount is more than 0 and less than 100 percent, with at most two decimals.',
    });
  const startOk = isIsoDay(input.startDate);
  const endOk = isIsoDay(input.endDate);
  if (!startOk)
    errors.push({ field: 'startDate', code: 'DATE_INVALID', message: 'The start date is a day, YYYY-MM-DD.' });
  if (!endOk) errors.push({ field: 'endDate', code: 'DATE_INVALID', message: 'The end date is a day, YYYY-MM-DD.' });
  if (startOk && endOk && input.endDate < input.startDate)
    errors.push({ field: 'endDate', code: 'DATES_REVERSED', message: 'The end date is on or after the start date.' });
  if (errors.length) return { ...fail('VALIDATION_FAILED', fieldErrorsMessage(errors)), errors };
  return ok({
    id,
    name,
    productId,
    skuId,
    term: input.term,
    billingPlan: input.billingPlan,
    segment: input.segment,
    market,
    discountBasisPoints: basisPoints,
    startDate: input.startDate,
    endDate: input.endDate,
  });
}

/** A unit price with a promotion's discount: the discount rounds down, so the price never drops below it. */
export const promotedPrice = (unit: Money, discountBasisPoints: number): Money =>
  money(unit.amountMinor - Math.floor((unit.amountMinor * discountBasisPoints) / 10_000), unit.currency);

/** Whether a promotion's days hold `day` (YYYY-MM-DD). */
export const promotionInEffect = (p: Pick<Promotion, 'startDate' | 'endDate'>, day: string): boolean =>
  p.startDate <= day && day <= p.endDate;

/**
 * S17: whether a subscription's promotion prices its next term: the next term is for the offer the promotion is
 * for, and the renewal falls within the promotion's dates.
 */
export function promotionRenews(
  p: Pick<Promotion, 'productId' | 'skuId' | 'term' | 'billingPlan' | 'startDate' | 'endDate'>,
  next: { productId: string; skuId: string; term: Term; billingPlan: BillingPlan },
  renewal: Date,
): boolean {
  return (
    p.productId === next.productId &&
    p.skuId === next.skuId &&
    p.term === next.term &&
    p.billingPlan === next.billingPlan &&
    promotionCarriesInto(
      { start: new Date(`${p.startDate}T00:00:00.000Z`), end: new Date(`${p.endDate}T23:59:59.999Z`) },
      renewal,
    )
  );
}
