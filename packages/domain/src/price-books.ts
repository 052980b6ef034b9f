import { isIsoDay } from './calendar.js';
import type { Term } from './catalog.js';
import type { PriceSegment } from './segments.js';
import { fieldErrorsMessage, type FieldError } from './contact.js';
import { formatMoneyAmount, money, parseMoney, type Money } from './money.js';
import { fail, ok, type Outcome } from './verdict.js';

/**
 * Price books: what a reseller pays. A book is a set of rules over the imported price list, each a discount or an
 * uplift (in hundredths of a percent, or a fixed amount) on Microsoft's partner price (cost-plus) or on its
 * estimated retail price (retail-minus), for offers matching its scope, between two days. The master book is
 * the default; a reseller's book, a customer's and a subscription's override it, the most specific first.
 */
export type PriceBookLevel = 'SUBSCRIPTION' | 'CUSTOMER' | 'RESELLER' | 'MASTER';

/** Most specific first: the first level with a rule for the offer prices it. */
export const PRICE_BOOK_LEVELS: readonly PriceBookLevel[] = ['SUBSCRIPTION', 'CUSTOMER', 'RESELLER', 'MASTER'];

export interface PriceRuleScope {
  family?: string | null;
  productId?: string | null;
  skuId?: string | null;
  term?: Term | null;
  segment?: PriceSegment | null;
}

export type PriceAdjustment =
  /** Positive: an uplift; negative: a discount (-1000 is 10 % off). */
  | { kind: 'PERCENT'; basisPoints: number }
  /** Added to the basis in the offer's currency's minor units; negative takes off. */
  | { kind: 'FIXED'; amountMinor: number; currency: string };

export interface PriceRule {
  id: string;
  scope: PriceRuleScope;
  basis: 'COST' | 'RETAIL';
  adjustment: PriceAdjustment;
  /** YYYY-MM-DD, inclusive; `effectiveTo` null: open-ended. */
  effectiveFrom: string;
  effectiveTo: string | null;
}

export interface PriceBook {
  id: string;
  name: string;
  rules: readonly PriceRule[];
}

/** An offer of the price list as a book prices it. */
export interface PricedOffer {
  family: string;
  productId: string;
  skuId: string;
  term: Term;
  segment: PriceSegment;
  /** Microsoft's partner price (what the distributor pays). */
  cost: Money;
  /** Microsoft's estimated retail price. */
  retail: Money;
}

export interface BookPrice {
  price: Money;
  /** The rule that set it, its book and level; null: no rule matched, the partner price holds. */
  rule: { bookId: string; ruleId: string; level: PriceBookLevel } | null;
  /** The rule would have gone below the floor over cost; the floor was charged instead. */
  floored: boolean;
}

export interface PricingPolicy {
  /** The least a reseller pays over cost, in hundredths of a percent (0: never below cost). */
  floorBasisPoints: number;
}

/** How specific a scope is: a SKU beats a product beats a family; a term or segment breaks ties between those. */
export function scopeSpecificity(scope: PriceRuleScope): number {
  return (
    (scope.skuId ? 16 : 0) +
    (scope.productId ? 8 : 0) +
    (scope.family ? 4 : 0) +
    (scope.term ? 2 : 0) +
    (scope.segment ? 1 : 0)
  );
}

export function ruleMatches(rule: PriceRule, offer: PricedOffer, day: string): boolean {
  const s = rule.scope;
  return (
    (!s.family || s.family === offer.family) &&
    (!s.productId || s.productId === offer.productId) &&
    (!s.skuId || (s.skuId === offer.skuId && (!s.productId || s.productId === offer.productId))) &&
    (!s.term || s.term === offer.term) &&
    (!s.segment || s.segment === offer.segment) &&
    rule.effectiveFrom <= day &&
    (rule.effectiveTo === null || day <= rule.effectiveTo) &&
    (rule.adjustment.kind === 'PERCENT' || rule.adjustment.currency === offer.cost.currency)
  );
}

/**
 * The one rule of a book for an offer on a day: the most specific scope, then the latest start, then the smallest
 * id, so the order rules are stored in never matters.
 */
export function ruleFor(book: PriceBook, offer: PricedOffer, day: string): PriceRule | null {
  let best: PriceRule | null = null;
  for (const rule of book.rules) {
    if (!ruleMatches(rule, offer, day)) continue;
    if (!best) {
      best = rule;
      continue;
    }
    const bySpecificity = scopeSpecificity(rule.scope) - scopeSpecificity(best.scope);
    if (
      bySpecificity > 0 ||
      (bySpecificity === 0 &&
        (rule.effectiveFrom > best.effectiveFrom || (rule.effectiveFrom === best.effectiveFrom && rule.id < best.id)))
    )
      best = rule;
  }
  return best;
}

/** The basis adjusted, rounded to the nearest minor unit (halves away from zero); never below zero. */
export function adjust(basis: Money, adjustment: PriceAdjustment): Money {
  const amount =
    adjustment.kind === 'FIXED'
      ? basis.amountMinor + adjustment.amountMinor
      : basis.amountMinor + roundHalfAwayFromZero((basis.amountMinor * adjustment.basisPoints) / 10_000);
  return money(Math.max(0, amount), basis.currency);
}

/** The least a reseller may pay for an offer: its cost plus the floor, rounded up. */
export const floorPrice = (cost: Money, policy: PricingPolicy): Money =>
  money(cost.amountMinor + Math.ceil((cost.amountMinor * policy.floorBasisPoints) / 10_000), cost.currency);

/**
 * What a reseller pays for an offer on a day: the rule of the most specific level whose book has one for it, never
 * below the floor over cost; the partner price when no book has a rule.
 */
export function bookPrice(
  books: Partial<Record<PriceBookLevel, PriceBook | null>>,
  offer: PricedOffer,
  day: string,
  policy: PricingPolicy,
): BookPrice {
  const floor = floorPrice(offer.cost, policy);
  for (const level of PRICE_BOOK_LEVELS) {
    const book = books[level];
    const rule = book ? ruleFor(book, offer, day) : null;
    if (!book || !rule) continue;
    const adjusted = adjust(rule.basis === 'COST' ? offer.cost : offer.retail, rule.adjustment);
    const floored = adjusted.amountMinor < floor.amountMinor;
    return {
      price: floored ? floor : adjusted,
      rule: { bookId: book.id, ruleId: rule.id, level },
      floored,
    };
  }
  return { price: offer.cost.amountMinor < floor.amountMinor ? floor : offer.cost, rule: null, floored: false };
}

export type PriceRuleCode = 'PRICE_RULE_DATES' | 'PRICE_RULE_ADJUSTMENT' | 'PRICE_RULE_SCOPE';

/** A rule as staff typed it: dates in order, an adjustment that cannot take a price below zero by itself. */
export function validatePriceRule(rule: PriceRule): Outcome<PriceRule, PriceRuleCode> {
  const day = /^\d{4}-\d{2}-\d{2}$/;
  if (!day.test(rule.effectiveFrom) || (rule.effectiveTo !== null && !day.test(rule.effectiveTo)))
    return fail('PRICE_RULE_DATES', 'Dates are days, YYYY-MM-DD.');
  if (rule.effectiveTo !== null && rule.effectiveTo < rule.effectiveFrom)
    return fail('PRICE_RULE_DATES', 'The rule must end on or after the day it starts.');
  const a = rule.adjustment;
  if (
    a.kind === 'PERCENT' &&
    (!Number.isSafeInteger(a.basisPoints) || a.basisPoints < -10_000 || a.basisPoints > 100_000)
  )
    return fail('PRICE_RULE_ADJUSTMENT', 'A percentage runs from -100 % (free) to +1,000 %.');
  if (a.kind === 'FIXED' && !Number.isSafeInteger(a.amountMinor))
    return fail('PRICE_RULE_ADJUSTMENT', 'A fixed amount is a whole number of minor units.');
  if (rule.scope.skuId && !rule.scope.productId) return fail('PRICE_RULE_SCOPE', 'A SKU is named with its product.');
  return ok(rule);
}

const roundHalfAwayFromZero = (value: number): number => Math.sign(value) * Math.round(Math.abs(value));

/**
 * A product's family, which price rules may be scoped by: the first two words of its title ("Microsoft 365 E3" →
 * "Microsoft 365", "Exchange Online (Plan 1)" → "Exchange Online"). Microsoft's price list names no family; its
 * titles lead with the family's name.
 */
export function productFamilyOf(title: string): string {
  return title.trim().split(/\s+/).slice(0, 2).join(' ');
}

/** A rule in words, as shown beside the price it set: "Gold: cost + 5 %", "Master: retail − 2.50 USD". */
export function priceRuleLabel(bookName: string, rule: Pick<PriceRule, 'basis' | 'adjustment'>): string {
  const basis = rule.basis === 'COST' ? 'cost' : 'retail';
  const a = rule.adjustment;
  const negative = a.kind === 'PERCENT' ? a.basisPoints < 0 : a.amountMinor < 0;
  const size =
    a.kind === 'PERCENT'
      ? `${Math.abs(a.basisPoints) / 100} %`
      : `${formatMoneyAmount(money(Math.abs(a.amountMinor), a.currency))} ${a.currency}`;
  return `${bookName}: ${basis} ${negative ? '−' : '+'} ${size}`;
}

/** One currency's figures of a preview: what the offers cost, and what resellers pay before and after. */
export interface PreviewTotals {
  currency: string;
  costMinor: number;
  beforeMinor: number;
  afterMinor: number;
}

export interface PriceChangePreview {
  /** Offers the changed book has a say in (a rule of it matches, before or after). */
  inScope: number;
  /** Of those, the offers whose price the change moves. */
  moved: number;
  /** One seat of each moved offer, summed per currency, so margins before and after can be compared. */
  totals: PreviewTotals[];
  /** The first moved offers (at most `limit`), with their prices before and after. */
  examples: { offer: PricedOffer; before: BookPrice; after: BookPrice }[];
}

/**
 * What a change to a book does on a day: each offer priced by the book before and after (as the book a reseller is
 * on), counting those that move and summing their cost and prices per currency.
 */
export function previewPriceChange(
  offers: Iterable<PricedOffer>,
  before: PriceBook,
  after: PriceBook,
  day: string,
  policy: PricingPolicy,
  limit = 10,
): PriceChangePreview {
  let inScope = 0;
  let moved = 0;
  const totals = new Map<string, PreviewTotals>();
  const examples: PriceChangePreview['examples'] = [];
  for (const offer of offers) {
    if (!ruleFor(before, offer, day) && !ruleFor(after, offer, day)) continue;
    inScope += 1;
    const was = bookPrice({ MASTER: before }, offer, day, policy);
    const now = bookPrice({ MASTER: after }, offer, day, policy);
    if (was.price.amountMinor === now.price.amountMinor) continue;
    moved += 1;
    const sum = totals.get(offer.cost.currency) ?? {
      currency: offer.cost.currency,
      costMinor: 0,
      beforeMinor: 0,
      afterMinor: 0,
    };
    sum.costMinor += offer.cost.amountMinor;
    sum.beforeMinor += was.price.amountMinor;
    sum.afterMinor += now.price.amountMinor;
    totals.set(offer.cost.currency, sum);
    if (examples.length < limit) examples.push({ offer, before: was, after: now });
  }
  return {
    inScope,
    moved,
    totals: [...totals.values()].sort((a, b) => a.currency.localeCompare(b.currency)),
    examples,
  };
}

/** A price's margin over its cost, in hundredths of a percent of the price (0 for a free price). */
export const marginBasisPoints = (priceMinor: number, costMinor: number): number =>
  priceMinor === 0 ? 0 : Math.round(((priceMinor - costMinor) * 10_000) / priceMinor);

/** A rule as staff type it: the adjustment as a signed percent or a signed decimal amount in a currency. */
export interface PriceRuleInput {
  family?: string | null;
  productId?: string | null;
  skuId?: string | null;
  term?: Term | null;
  segment?: PriceSegment | null;
  basis: 'COST' | 'RETAIL';
  /** -10 is 10 % off the basis, 5 is 5 % over it; at most two decimals. */
  percent?: number | null;
  /** "-2.50" takes 2.50 off the basis, "3" adds 3; in `currency`. */
  amount?: string | null;
  currency?: string | null;
  effectiveFrom: string;
  effectiveTo?: string | null;
}

const blankToNull = (value: string | null | undefined): string | null => {
  const text = (value ?? '').trim();
  return text === '' ? null : text;
};

/**
 * A rule from what staff typed, every fault reported at once. A rule starts today or later: a change never reprices
 * what was charged already, nor a term already running (S3), whose price was fixed when it began.
 */
export function priceRuleFromInput(
  id: string,
  input: PriceRuleInput,
  today: string,
): Outcome<PriceRule, 'VALIDATION_FAILED'> & { errors?: FieldError[] } {
  const errors: FieldError[] = [];
  const family = blankToNull(input.family);
  const productId = blankToNull(input.productId)?.toUpperCase() ?? null;
  const skuId = blankToNull(input.skuId);
  if (family && family.length > 100)
    errors.push({ field: 'family', code: 'TOO_LONG', message: 'A product family has at most 100 characters.' });
  if (skuId && !productId)
    errors.push({ field: 'skuId', code: 'PRICE_RULE_SCOPE', message: 'A SKU is named with its product ID.' });
  if (input.basis !== 'COST' && input.basis !== 'RETAIL')
    errors.push({ field: 'basis', code: 'BASIS_INVALID', message: 'A rule starts from cost or from retail.' });
  const hasPercent = input.percent !== null && input.percent !== undefined;
  const amountText = blankToNull(input.amount);
  let adjustment: PriceAdjustment | null = null;
  if (hasPercent === (amountText !== null))
    errors.push({
      field: 'percent',
      code: 'ADJUSTMENT_REQUIRED',
      message: 'Give either a percentage or a fixed amount.',
    });
  else if (hasPercent) {
    const basisPoints = Math.round(input.percent! * 100);
    if (!Number.isFinite(input.percent!) || Math.abs(input.percent! * 100 - basisPoints) > 1e-6)
      errors.push({ field: 'percent', code: 'PERCENT_INVALID', message: 'A percentage has at most two decimals.' });
    else if (basisPoints < -10_000 || basisPoints > 100_000)
      errors.push({
        field: 'percent',
        code: 'PERCENT_INVALID',
        message: 'A percentage runs from -100 (free) to +1000.',
      });
    else adjustment = { kind: 'PERCENT', basisPoints };
  } else {
    const currency = (input.currency ?? '').trim().toUpperCase();
    const negative = amountText!.startsWith('-');
    const parsed = parseMoney(amountText!.replace(/^[-+]/, ''), currency);
    if (!parsed.ok)
      errors.push({
        field: parsed.code === 'CURRENCY_INVALID' ? 'currency' : 'amount',
        code: parsed.code,
        message:
          parsed.code === 'CURRENCY_INVALID'
            ? 'A fixed amount needs its currency, a three-letter code such as USD.'
            : `The amount: ${parsed.message}.`,
      });
    else
      adjustment = {
        kind: 'FIXED',
        amountMinor: negative ? -parsed.value.amountMinor : parsed.value.amountMinor,
        currency,
      };
  }
  const effectiveTo = blankToNull(input.effectiveTo);
  if (!isIsoDay(input.effectiveFrom))
    errors.push({ field: 'effectiveFrom', code: 'DATE_INVALID', message: 'The first day is a day, YYYY-MM-DD.' });
  else if (input.effectiveFrom < today)
    errors.push({
      field: 'effectiveFrom',
      code: 'PRICE_RULE_STARTS_IN_PAST',
      message: `A rule starts today (${today}) or later; prices already charged keep theirs.`,
    });
  if (effectiveTo !== null && !isIsoDay(effectiveTo))
    errors.push({ field: 'effectiveTo', code: 'DATE_INVALID', message: 'The last day is a day, YYYY-MM-DD.' });
  else if (effectiveTo !== null && isIsoDay(input.effectiveFrom) && effectiveTo < input.effectiveFrom)
    errors.push({ field: 'effectiveTo', code: 'DATES_REVERSED', message: 'The last day is on or after the first.' });
  if (errors.length || !adjustment) return { ...fail('VALIDATION_FAILED', fieldErrorsMessage(errors)), errors };
  return ok({
    id,
    scope: { family, productId, skuId, term: input.term ?? null, segment: input.segment ?? null },
    basis: input.basis,
    adjustment,
    effectiveFrom: input.effectiveFrom,
    effectiveTo,
  });
}

/**
 * A reseller's own markup for its end customers: for one customer, one product family, both, or everything
 * (neither), in hundredths of a percent over what the reseller pays.
 */
export interface CustomerMarkup {
  customerId: string | null;
  family: string | null;
  basisPoints: number;
}

/** How specific a markup is: a customer's family beats a customer's, which beats a family's, which beats the rest. */
const markupSpecificity = (m: CustomerMarkup) => (m.customerId ? 2 : 0) + (m.family ? 1 : 0);

/** The markup that applies to an offer for a customer: the most specific matching one; none: null. */
export function markupFor(
  markups: readonly CustomerMarkup[],
  offer: { customerId: string | null; family: string },
): CustomerMarkup | null {
  let best: CustomerMarkup | null = null;
  for (const m of markups) {
    if (m.customerId && m.customerId !== offer.customerId) continue;
    if (m.family && m.family !== offer.family) continue;
    if (!best || markupSpecificity(m) > markupSpecificity(best)) best = m;
  }
  return best;
}

/**
 * What a reseller might charge its customer: its own price with its markup, rounded up to the minor unit (a
 * suggestion never falls below what the reseller pays), and the reseller's margin on it.
 */
export function suggestedCustomerPrice(
  resellerPrice: Money,
  markup: CustomerMarkup | null,
): { price: Money; margin: Money; basisPoints: number } {
  const basisPoints = markup?.basisPoints ?? 0;
  const amount = resellerPrice.amountMinor + Math.ceil((resellerPrice.amountMinor * basisPoints) / 10_000);
  return {
    price: money(amount, resellerPrice.currency),
    margin: money(amount - resellerPrice.amountMinor, resellerPrice.currency),
    basisPoints,
  };
}

/**
 * A reseller's business with its end customers month by month, as its markups price it: what it paid (its charges),
 * what it would have charged them at today's markups, and its margin. Charges by customer and product family.
 */
export function endCustomerMonths(
  charges: readonly { month: string; customerId: string; family: string; amountMinor: number; currency: string }[],
  markups: readonly CustomerMarkup[],
): { month: string; paidMinor: number; salesMinor: number; marginMinor: number }[] {
  const months = new Map<string, { month: string; paidMinor: number; salesMinor: number; marginMinor: number }>();
  for (const c of charges) {
    const suggested = suggestedCustomerPrice(money(c.amountMinor, c.currency), markupFor(markups, c));
    const sum = months.get(c.month) ?? { month: c.month, paidMinor: 0, salesMinor: 0, marginMinor: 0 };
    sum.paidMinor += c.amountMinor;
    sum.salesMinor += suggested.price.amountMinor;
    sum.marginMinor += suggested.margin.amountMinor;
    months.set(c.month, sum);
  }
  return [...months.values()].sort((a, b) => a.month.localeCompare(b.month));
}

/** A markup as a reseller types it: 0 to 1,000 percent with at most two decimals. */
export function markupBasisPoints(percent: number): Outcome<number, 'MARKUP_INVALID'> {
  const basisPoints = Math.round(percent * 100);
  if (
    !Number.isFinite(percent) ||
    Math.abs(percent * 100 - basisPoints) > 1e-6 ||
    basisPoints < 0 ||
    basisPoints > 100_000
  )
    return fail('MARKUP_INVALID', 'A markup runs from 0 to 1,000 percent, with at most two decimals.');
  return ok(basisPoints);
}

/** An offer of the price list as books price it, its family read from its product's title. */
export const pricedOffer = (
  item: { productTitle: string; productId: string; skuId: string; term: Term; segment: PriceSegment },
  cost: Money,
  retail: Money,
): PricedOffer => ({
  family: productFamilyOf(item.productTitle),
  productId: item.productId,
  skuId: item.skuId,
  term: item.term,
  segment: item.segment,
  cost,
  retail,
});
