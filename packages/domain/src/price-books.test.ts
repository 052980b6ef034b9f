import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { money } from './money.js';
import {
  adjust,
  bookPrice,
  floorPrice,
  PRICE_BOOK_LEVELS,
  priceRuleLabel,
  productFamilyOf,
  ruleFor,
  validatePriceRule,
  type PriceBook,
  type PriceBookLevel,
  type PricedOffer,
  type PriceRule,
} from './price-books.js';

const offer: PricedOffer = {
  family: 'Microsoft 365',
  productId: 'CFQ7TTC0LH18',
  skuId: '0001',
  term: 'P1Y',
  segment: 'COMMERCIAL',
  cost: money(10_000, 'USD'),
  retail: money(12_500, 'USD'),
};
const rule = (id: string, extra: Partial<PriceRule> = {}): PriceRule => ({
  id,
  scope: {},
  basis: 'COST',
  adjustment: { kind: 'PERCENT', basisPoints: 500 },
  effectiveFrom: '2026-01-01',
  effectiveTo: null,
  ...extra,
});
const book = (id: string, rules: PriceRule[]): PriceBook => ({ id, name: id, rules });
const day = '2026-11-28';
const noFloor = { floorBasisPoints: 0 };

describe('price books: what a reseller pays', () => {
  it('prices cost-plus and retail-minus, in percent or a fixed amount, rounding to the minor unit', () => {
    expect(adjust(offer.cost, { kind: 'PERCENT', basisPoints: 500 })).toEqual(money(10_500, 'USD'));
    expect(adjust(offer.retail, { kind: 'PERCENT', basisPoints: -1_000 })).toEqual(money(11_250, 'USD'));
    expect(adjust(money(999, 'USD'), { kind: 'PERCENT', basisPoints: 50 })).toEqual(money(1_004, 'USD')); // 4.995
    expect(adjust(offer.cost, { kind: 'FIXED', amountMinor: -250, currency: 'USD' })).toEqual(money(9_750, 'USD'));
    expect(adjust(offer.cost, { kind: 'PERCENT', basisPoints: -10_000 })).toEqual(money(0, 'USD'));
  });

  it('without a rule the partner price holds, as before price books', () => {
    expect(bookPrice({ MASTER: book('master', []) }, offer, day, noFloor)).toEqual({
      price: offer.cost,
      rule: null,
      floored: false,
    });
  });

  it('takes the most specific rule of a book: SKU over product over family, a term or segment breaking ties', () => {
    const rules = [
      rule('all'),
      rule('family', { scope: { family: 'Microsoft 365' }, adjustment: { kind: 'PERCENT', basisPoints: 400 } }),
      rule('product', { scope: { productId: offer.productId }, adjustment: { kind: 'PERCENT', basisPoints: 300 } }),
      rule('product-annual', {
        scope: { productId: offer.productId, term: 'P1Y' },
        adjustment: { kind: 'PERCENT', basisPoints: 250 },
      }),
      rule('sku', {
        scope: { productId: offer.productId, skuId: '0001' },
        adjustment: { kind: 'PERCENT', basisPoints: 200 },
      }),
      rule('other-sku', { scope: { productId: offer.productId, skuId: '0002' } }),
      rule('education', { scope: { segment: 'EDUCATION' } }),
    ];
    expect(ruleFor(book('b', rules), offer, day)?.id).toBe('sku');
    expect(ruleFor(book('b', rules.slice(0, 4)), offer, day)?.id).toBe('product-annual');
    expect(ruleFor(book('b', rules.slice(0, 2)), offer, day)?.id).toBe('family');
    expect(ruleFor(book('b', [rules[5]!, rules[6]!]), offer, day)).toBeNull();
  });

  it('applies a rule between its days only; a later start wins among equally specific rules', () => {
    const old = rule('old', { effectiveFrom: '2026-01-01', effectiveTo: '2026-11-30' });
    const next = rule('next', { effectiveFrom: '2026-12-01', adjustment: { kind: 'PERCENT', basisPoints: 900 } });
    const newer = rule('newer', { effectiveFrom: '2026-06-01', adjustment: { kind: 'PERCENT', basisPoints: 700 } });
    expect(ruleFor(book('b', [old, next]), offer, '2026-11-30')?.id).toBe('old');
    expect(ruleFor(book('b', [old, next]), offer, '2026-12-01')?.id).toBe('next');
    expect(ruleFor(book('b', [old, newer]), offer, day)?.id).toBe('newer');
    expect(ruleFor(book('b', [old]), offer, '2025-12-31')).toBeNull();
  });

  it('the most specific level with a rule wins: subscription, customer, reseller, then master', () => {
    const books = {
      MASTER: book('master', [rule('m', { adjustment: { kind: 'PERCENT', basisPoints: 1_000 } })]),
      RESELLER: book('gold', [rule('g', { adjustment: { kind: 'PERCENT', basisPoints: 300 } })]),
      CUSTOMER: book('contoso', [rule('c', { scope: { skuId: '9999', productId: 'X' } })]),
    };
    // The customer's book has no rule for this offer: the reseller's prices it.
    expect(bookPrice(books, offer, day, noFloor)).toEqual({
      price: money(10_300, 'USD'),
      rule: { bookId: 'gold', ruleId: 'g', level: 'RESELLER' },
      floored: false,
    });
    const withSubscription = {
      ...books,
      SUBSCRIPTION: book('deal', [
        rule('d', { basis: 'RETAIL', adjustment: { kind: 'PERCENT', basisPoints: -1_500 } }),
      ]),
    };
    expect(bookPrice(withSubscription, offer, day, noFloor).rule).toEqual({
      bookId: 'deal',
      ruleId: 'd',
      level: 'SUBSCRIPTION',
    });
  });

  it('never charges below the floor over cost, and says so', () => {
    const deep = {
      RESELLER: book('deep', [rule('d', { basis: 'RETAIL', adjustment: { kind: 'PERCENT', basisPoints: -3_000 } })]),
    };
    // 12,500 less 30 % is 8,750: below cost plus 2 % (10,200).
    expect(bookPrice(deep, offer, day, { floorBasisPoints: 200 })).toEqual({
      price: money(10_200, 'USD'),
      rule: { bookId: 'deep', ruleId: 'd', level: 'RESELLER' },
      floored: true,
    });
    expect(floorPrice(money(999, 'USD'), { floorBasisPoints: 150 })).toEqual(money(1_014, 'USD')); // rounded up
  });

  it('refuses rules that cannot be right', () => {
    expect(validatePriceRule(rule('r', { effectiveFrom: '2026-12-01', effectiveTo: '2026-11-01' }))).toMatchObject({
      ok: false,
      code: 'PRICE_RULE_DATES',
    });
    expect(validatePriceRule(rule('r', { effectiveFrom: '1 Dec' }))).toMatchObject({ code: 'PRICE_RULE_DATES' });
    expect(validatePriceRule(rule('r', { adjustment: { kind: 'PERCENT', basisPoints: -10_001 } }))).toMatchObject({
      code: 'PRICE_RULE_ADJUSTMENT',
    });
    expect(
      validatePriceRule(rule('r', { adjustment: { kind: 'FIXED', amountMinor: 1.5, currency: 'USD' } })),
    ).toMatchObject({
      code: 'PRICE_RULE_ADJUSTMENT',
    });
    expect(validatePriceRule(rule('r', { scope: { skuId: '0001' } }))).toMatchObject({ code: 'PRICE_RULE_SCOPE' });
    expect(validatePriceRule(rule('r'))).toMatchObject({ ok: true });
  });

  const arbitraryRule = (id: string) =>
    fc.record({
      id: fc.constant(id),
      scope: fc.record({
        family: fc.option(fc.constantFrom('Microsoft 365', 'Dynamics 365'), { nil: null }),
        productId: fc.option(fc.constantFrom(offer.productId, 'OTHER'), { nil: null }),
        skuId: fc.constant(null),
        term: fc.option(fc.constantFrom('P1M' as const, 'P1Y' as const), { nil: null }),
        segment: fc.option(fc.constantFrom('COMMERCIAL' as const, 'EDUCATION' as const), { nil: null }),
      }),
      basis: fc.constantFrom('COST' as const, 'RETAIL' as const),
      adjustment: fc.oneof(
        fc.record({ kind: fc.constant('PERCENT' as const), basisPoints: fc.integer({ min: -10_000, max: 5_000 }) }),
        fc.record({
          kind: fc.constant('FIXED' as const),
          amountMinor: fc.integer({ min: -20_000, max: 20_000 }),
          currency: fc.constant('USD'),
        }),
      ),
      effectiveFrom: fc.constantFrom('2026-01-01', '2026-06-01', '2026-11-28', '2026-12-01'),
      effectiveTo: fc.constantFrom(null, '2026-11-27', '2026-12-31'),
    });
  // Rule ids are unique within a book (they are its rows' keys).
  const arbitraryBooks = fc.record({
    levels: fc.tuple(
      ...PRICE_BOOK_LEVELS.map((level) =>
        fc
          .uniqueArray(fc.integer({ min: 0, max: 99 }), { maxLength: 4 })
          .chain((ids) =>
            fc.tuple(...ids.map((n) => arbitraryRule(`${level}-${n}`))).map((rules) => [level, rules] as const),
          ),
      ),
    ),
  });
  const arbitraryOffer = fc.record({
    cost: fc.integer({ min: 0, max: 1_000_000 }),
    markup: fc.integer({ min: 0, max: 50_000 }),
  });

  it('property: never below the floor over cost, a whole number of minor units, whatever the rules', () => {
    fc.assert(
      fc.property(arbitraryBooks, arbitraryOffer, fc.integer({ min: 0, max: 2_000 }), ({ levels }, o, floorBp) => {
        const priced = { ...offer, cost: money(o.cost, 'USD'), retail: money(o.cost + o.markup, 'USD') };
        const books = Object.fromEntries(levels.map(([level, rules]) => [level, book(level, [...rules])]));
        const result = bookPrice(books, priced, day, { floorBasisPoints: floorBp });
        expect(Number.isSafeInteger(result.price.amountMinor)).toBe(true);
        expect(result.price.amountMinor).toBeGreaterThanOrEqual(
          floorPrice(priced.cost, { floorBasisPoints: floorBp }).amountMinor,
        );
      }),
      { numRuns: 500 },
    );
  });

  it('property: the order rules are kept in never changes a price, and the most specific level with a rule decides', () => {
    fc.assert(
      fc.property(arbitraryBooks, arbitraryOffer, fc.integer(), ({ levels }, o, seed) => {
        const priced = { ...offer, cost: money(o.cost, 'USD'), retail: money(o.cost + o.markup, 'USD') };
        const books = Object.fromEntries(levels.map(([level, rules]) => [level, book(level, [...rules])]));
        const shuffled = Object.fromEntries(
          levels.map(([level, rules]) => [
            level,
            book(
              level,
              [...rules].sort(
                (a, b) => ((a.id.length * seed) % 7) - ((b.id.length * seed) % 7) || (a.id < b.id ? 1 : -1),
              ),
            ),
          ]),
        );
        const result = bookPrice(books, priced, day, noFloor);
        expect(bookPrice(shuffled, priced, day, noFloor)).toEqual(result);
        const deciding = PRICE_BOOK_LEVELS.find(
          (level: PriceBookLevel) => ruleFor(books[level]!, priced, day) !== null,
        );
        expect(result.rule?.level ?? null).toBe(deciding ?? null);
      }),
      { numRuns: 500 },
    );
  });
});

describe('price books: families and rules in words', () => {
  it('names a product family by the first two words of its title', () => {
    expect(productFamilyOf('Microsoft 365 E3')).toBe('Microsoft 365');
    expect(productFamilyOf('  Exchange   Online (Plan 1) ')).toBe('Exchange Online');
    expect(productFamilyOf('Visio')).toBe('Visio');
  });

  it('says which way a rule moves the price, and from what', () => {
    expect(priceRuleLabel('Gold', { basis: 'COST', adjustment: { kind: 'PERCENT', basisPoints: 500 } })).toBe(
      'Gold: cost + 5 %',
    );
    expect(priceRuleLabel('Master', { basis: 'RETAIL', adjustment: { kind: 'PERCENT', basisPoints: -1250 } })).toBe(
      'Master: retail − 12.5 %',
    );
    expect(
      priceRuleLabel('Edu', { basis: 'COST', adjustment: { kind: 'FIXED', amountMinor: -250, currency: 'USD' } }),
    ).toBe('Edu: cost − 2.50 USD');
    expect(
      priceRuleLabel('JP', { basis: 'COST', adjustment: { kind: 'FIXED', amountMinor: 300, currency: 'JPY' } }),
    ).toBe('JP: cost + 300 JPY');
  });
});
