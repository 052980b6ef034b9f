import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { money } from './money.js';
import {
  adjust,
  bookPrice,
  endCustomerMonths,
  floorPrice,
  PRICE_BOOK_LEVELS,
  marginBasisPoints,
  markupBasisPoints,
  markupFor,
  previewPriceChange,
  priceRuleFromInput,
  priceRuleLabel,
  pricedOffer,
  productFamilyOf,
  ruleFor,
  suggestedCustomerPrice,
  validatePriceRule,
  type CustomerMarkup,
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
    const item = {
      productTitle: 'Microsoft 365 E3',
      productId: 'P',
      skuId: '0001',
      term: 'P1Y' as const,
      segment: 'COMMERCIAL' as const,
    };
    expect(pricedOffer(item, money(100, 'USD'), money(120, 'USD'))).toEqual({
      family: 'Microsoft 365',
      productId: 'P',
      skuId: '0001',
      term: 'P1Y',
      segment: 'COMMERCIAL',
      cost: money(100, 'USD'),
      retail: money(120, 'USD'),
    });
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

describe('price books: previewing a change before it is saved', () => {
  const offers: PricedOffer[] = [
    offer,
    { ...offer, skuId: '0002', cost: money(2_000, 'USD'), retail: money(2_500, 'USD') },
    {
      ...offer,
      productId: 'CFQ7TTC0LF8Q',
      family: 'Exchange Online',
      cost: money(400, 'USD'),
      retail: money(500, 'USD'),
    },
    { ...offer, skuId: '0003', cost: money(900, 'EUR'), retail: money(1_000, 'EUR') },
  ];

  it('counts the offers in the rule’s reach and those it moves, and sums cost and prices per currency', () => {
    const before = book('gold', [rule('sku', { scope: { productId: offer.productId, skuId: '0002' } })]);
    const after = book('gold', [
      ...before.rules,
      rule('family', { scope: { family: 'Microsoft 365' }, adjustment: { kind: 'PERCENT', basisPoints: 1_000 } }),
    ]);
    const preview = previewPriceChange(offers, before, after, day, noFloor);
    // In reach: the three Microsoft 365 offers; SKU 0002 keeps its more specific rule, so two move.
    expect(preview.inScope).toBe(3);
    expect(preview.moved).toBe(2);
    expect(preview.totals).toEqual([
      { currency: 'EUR', costMinor: 900, beforeMinor: 900, afterMinor: 990 },
      { currency: 'USD', costMinor: 10_000, beforeMinor: 10_000, afterMinor: 11_000 },
    ]);
    expect(preview.examples.map((e) => [e.offer.skuId, e.before.price.amountMinor, e.after.price.amountMinor])).toEqual(
      [
        ['0001', 10_000, 11_000],
        ['0003', 900, 990],
      ],
    );
    expect(preview.examples[0]!.after.rule?.ruleId).toBe('family');
  });

  it('a rule that starts later moves nothing on a day before it starts; a rule whose price equals the old one moves nothing', () => {
    const later = book('gold', [rule('later', { effectiveFrom: '2027-01-01' })]);
    expect(previewPriceChange(offers, book('gold', []), later, day, noFloor)).toMatchObject({ inScope: 0, moved: 0 });
    const same = book('gold', [rule('zero', { adjustment: { kind: 'PERCENT', basisPoints: 0 } })]);
    expect(previewPriceChange(offers, book('gold', []), same, day, noFloor)).toMatchObject({ inScope: 4, moved: 0 });
  });

  it('property: moved offers are exactly those whose price differs, and the totals add up their prices', () => {
    fc.assert(
      fc.property(fc.integer({ min: -5_000, max: 5_000 }), fc.integer({ min: 1, max: 3 }), (bp, limit) => {
        const after = book('gold', [rule('all', { adjustment: { kind: 'PERCENT', basisPoints: bp } })]);
        const preview = previewPriceChange(offers, book('gold', []), after, day, noFloor, limit);
        const moving = offers.filter(
          (o) => bookPrice({ MASTER: after }, o, day, noFloor).price.amountMinor !== o.cost.amountMinor,
        );
        expect(preview.moved).toBe(moving.length);
        expect(preview.examples.length).toBe(Math.min(limit, moving.length));
        const usdAfter = moving
          .filter((o) => o.cost.currency === 'USD')
          .reduce((sum, o) => sum + bookPrice({ MASTER: after }, o, day, noFloor).price.amountMinor, 0);
        expect(preview.totals.find((t) => t.currency === 'USD')?.afterMinor ?? 0).toBe(usdAfter);
      }),
    );
  });

  it('states a margin as a share of the price', () => {
    expect(marginBasisPoints(11_000, 10_000)).toBe(909);
    expect(marginBasisPoints(10_000, 10_000)).toBe(0);
    expect(marginBasisPoints(0, 100)).toBe(0);
  });
});

describe('price books: a rule as staff type it', () => {
  const input = { basis: 'COST' as const, percent: 5, effectiveFrom: day };

  it('reads a percentage or a signed amount in a currency, and a scope with blanks left out', () => {
    const percent = priceRuleFromInput('r1', { ...input, family: ' Microsoft 365 ', productId: '', term: 'P1Y' }, day);
    expect(percent).toEqual({
      ok: true,
      value: {
        id: 'r1',
        scope: { family: 'Microsoft 365', productId: null, skuId: null, term: 'P1Y', segment: null },
        basis: 'COST',
        adjustment: { kind: 'PERCENT', basisPoints: 500 },
        effectiveFrom: day,
        effectiveTo: null,
      },
    });
    const fixed = priceRuleFromInput('r2', { ...input, percent: null, amount: '-2.50', currency: 'usd' }, day);
    expect(fixed.ok && fixed.value.adjustment).toEqual({ kind: 'FIXED', amountMinor: -250, currency: 'USD' });
  });

  it('S3: refuses a rule that starts before today, so nothing charged or running is repriced', () => {
    const past = priceRuleFromInput('r', { ...input, effectiveFrom: '2026-11-27' }, day);
    expect(past.ok).toBe(false);
    expect(past.errors?.map((e) => [e.field, e.code])).toEqual([['effectiveFrom', 'PRICE_RULE_STARTS_IN_PAST']]);
  });

  it('reports every fault at once', () => {
    const bad = priceRuleFromInput(
      'r',
      { basis: 'COST', percent: 5.001, skuId: '0001', effectiveFrom: '2026-02-30', effectiveTo: 'soon' },
      day,
    );
    expect(bad.errors?.map((e) => e.code)).toEqual([
      'PRICE_RULE_SCOPE',
      'PERCENT_INVALID',
      'DATE_INVALID',
      'DATE_INVALID',
    ]);
    expect(priceRuleFromInput('r', { basis: 'COST', effectiveFrom: day }, day).errors?.[0]?.code).toBe(
      'ADJUSTMENT_REQUIRED',
    );
    expect(
      priceRuleFromInput('r', { basis: 'COST', percent: 1, amount: '1', currency: 'USD', effectiveFrom: day }, day)
        .errors?.[0]?.code,
    ).toBe('ADJUSTMENT_REQUIRED');
    expect(priceRuleFromInput('r', { basis: 'COST', amount: '1', effectiveFrom: day }, day).errors?.[0]?.field).toBe(
      'currency',
    );
    expect(priceRuleFromInput('r', { ...input, percent: -101 }, day).errors?.[0]?.code).toBe('PERCENT_INVALID');
    expect(priceRuleFromInput('r', { ...input, effectiveTo: '2026-11-01' }, day).errors?.map((e) => e.code)).toEqual([
      'DATES_REVERSED',
    ]);
  });
});

describe('a reseller’s markup for its end customers', () => {
  const markups: CustomerMarkup[] = [
    { customerId: null, family: null, basisPoints: 1_000 },
    { customerId: null, family: 'Microsoft 365', basisPoints: 1_500 },
    { customerId: 'c1', family: null, basisPoints: 500 },
    { customerId: 'c1', family: 'Microsoft 365', basisPoints: 200 },
  ];

  it('takes the most specific markup: the customer’s family, the customer, the family, then everything', () => {
    expect(markupFor(markups, { customerId: 'c1', family: 'Microsoft 365' })?.basisPoints).toBe(200);
    expect(markupFor(markups, { customerId: 'c1', family: 'Exchange Online' })?.basisPoints).toBe(500);
    expect(markupFor(markups, { customerId: 'c2', family: 'Microsoft 365' })?.basisPoints).toBe(1_500);
    expect(markupFor(markups, { customerId: null, family: 'Visio' })?.basisPoints).toBe(1_000);
    expect(markupFor([], { customerId: null, family: 'Visio' })).toBeNull();
  });

  it('suggests the price with the markup rounded up, and the reseller’s margin on it', () => {
    expect(suggestedCustomerPrice(money(999, 'USD'), markups[0]!)).toEqual({
      price: money(1_099, 'USD'),
      margin: money(100, 'USD'),
      basisPoints: 1_000,
    });
    expect(suggestedCustomerPrice(money(999, 'USD'), null).price).toEqual(money(999, 'USD'));
    expect(markupBasisPoints(12.5)).toEqual({ ok: true, value: 1_250 });
    expect(markupBasisPoints(-1).ok).toBe(false);
    expect(markupBasisPoints(1.234).ok).toBe(false);
  });

  it('property: a suggestion is never below what the reseller pays, and the margin is the difference', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 100_000 }), (paid, bp) => {
        const s = suggestedCustomerPrice(money(paid, 'USD'), { customerId: null, family: null, basisPoints: bp });
        expect(s.price.amountMinor).toBeGreaterThanOrEqual(paid);
        expect(s.price.amountMinor - paid).toBe(s.margin.amountMinor);
      }),
    );
  });

  it('sums a reseller’s months with its end customers at its markups: what it paid, would charge, and keeps', () => {
    const markups = [
      { customerId: null, family: null, basisPoints: 1_000 },
      { customerId: 'c2', family: 'Microsoft 365', basisPoints: 2_500 },
    ];
    const charge = (month: string, customerId: string, family: string, amountMinor: number) => ({
      month,
      customerId,
      family,
      amountMinor,
      currency: 'USD',
    });
    expect(
      endCustomerMonths(
        [
          charge('2026-10', 'c1', 'Microsoft 365', 10_000),
          charge('2026-10', 'c2', 'Microsoft 365', 10_000),
          charge('2026-09', 'c2', 'Microsoft Teams', 999),
          charge('2026-10', 'c1', 'Microsoft 365', -1_000),
        ],
        markups,
      ),
    ).toEqual([
      { month: '2026-09', paidMinor: 999, salesMinor: 999 + 100, marginMinor: 100 },
      { month: '2026-10', paidMinor: 19_000, salesMinor: 11_000 + 12_500 - 1_100, marginMinor: 1_000 + 2_500 - 100 },
    ]);
    expect(endCustomerMonths([], markups)).toEqual([]);
  });
});
