import { marginBasisPoints, money, type PriceSegment, type Term } from '@nce/domain';
import { createUnionType, Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { NotFound, OperationRefused, ValidationFailed } from '../platform/common.types.js';
import { PriceSegmentEnum, TermEnum } from '../platform/graphql-enums.js';
import { Money } from '../platform/money.types.js';
import { Code, ShortText } from '../platform/text.types.js';
import type { PriceBookEntity } from './entities.js';
import type { PriceBookView, PriceRulePreview, PriceRuleState, PriceRuleView } from './pricing.service.js';

export enum PriceBasisEnum {
  COST = 'COST',
  RETAIL = 'RETAIL',
}
registerEnumType(PriceBasisEnum, {
  name: 'PriceBasis',
  description: 'What a rule starts from: Microsoft’s partner price (cost-plus) or its estimated retail price.',
});

export enum PriceRuleStateEnum {
  SCHEDULED = 'SCHEDULED',
  IN_EFFECT = 'IN_EFFECT',
  ENDED = 'ENDED',
}
registerEnumType(PriceRuleStateEnum, { name: 'PriceRuleState' });

export enum PriceBookLevelEnum {
  RESELLER = 'RESELLER',
  CUSTOMER = 'CUSTOMER',
  SUBSCRIPTION = 'SUBSCRIPTION',
}
registerEnumType(PriceBookLevelEnum, {
  name: 'PriceBookLevel',
  description:
    'Who is put on a book: a reseller, one customer of a reseller (overriding the reseller’s book), or one ' +
    'subscription (its renewals and changes; overriding both).',
});

@ObjectType({ simpleResolvers: true, description: 'One rule of a price book; never edited, only ended.' })
export class PriceRule {
  @Field(() => ID)
  id: string;

  @Field(() => String, { nullable: true, description: 'The product family (first two words of product titles).' })
  family: string | null;

  @Field(() => String, { nullable: true })
  productId: string | null;

  @Field(() => String, { nullable: true })
  skuId: string | null;

  @Field(() => TermEnum, { nullable: true })
  term: Term | null;

  @Field(() => PriceSegmentEnum, { nullable: true })
  segment: PriceSegment | null;

  @Field(() => PriceBasisEnum)
  basis: 'COST' | 'RETAIL';

  @Field(() => Float, { nullable: true, description: 'Signed percent on the basis (-10: 10 % off).' })
  percent: number | null;

  @Field(() => Money, { nullable: true, description: 'Signed fixed amount added to the basis.' })
  amount: Money | null;

  @Field({ description: 'The rule in words, e.g. "Gold: cost + 5 %".' })
  label: string;

  @Field({ description: 'First day (YYYY-MM-DD).' })
  effectiveFrom: string;

  @Field(() => String, { nullable: true, description: 'Last day (YYYY-MM-DD), inclusive; null: open-ended.' })
  effectiveTo: string | null;

  @Field(() => PriceRuleStateEnum)
  state: PriceRuleState;

  @Field({ description: 'Who added it.' })
  createdBy: string;

  static of(this: void, { rule: r, label, state }: PriceRuleView): PriceRule {
    return {
      id: r.id,
      family: r.family,
      productId: r.productId,
      skuId: r.skuId,
      term: r.term,
      segment: r.segment,
      basis: r.basis,
      percent: r.kind === 'PERCENT' ? (r.basisPoints ?? 0) / 100 : null,
      amount: r.kind === 'FIXED' ? Money.of(money(r.amountMinor ?? 0, r.currency ?? 'USD')) : null,
      label,
      effectiveFrom: r.effectiveFrom,
      effectiveTo: r.effectiveTo,
      state,
      createdBy: r.createdBy,
    };
  }
}

@ObjectType({ simpleResolvers: true, description: 'A price book: rules over the price list, and who it prices.' })
export class PriceBook {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field({ description: 'The master book prices every reseller without a book of its own.' })
  master: boolean;

  @Field(() => [PriceRule])
  rules: PriceRule[];

  @Field(() => Int, { description: 'How many resellers it prices.' })
  resellerCount: number;

  @Field(() => [String], { description: 'The first resellers it prices, by name.' })
  resellerNames: string[];

  static of(this: void, view: PriceBookView): PriceBook {
    return {
      ...PriceBookRef.of(view.book),
      rules: view.rules.map(PriceRule.of),
      resellerCount: view.resellers.count,
      resellerNames: view.resellers.names,
    };
  }
}

@ObjectType('PriceBookRef', { simpleResolvers: true })
export class PriceBookRef {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field()
  master: boolean;

  static of(this: void, book: PriceBookEntity): PriceBookRef {
    return { id: book.id, name: book.name, master: book.id === 'master' };
  }
}

@ObjectType({ simpleResolvers: true })
export class PriceBookAssignment {
  @Field(() => PriceBookRef)
  book: PriceBookRef;

  @Field({ description: 'False: inherited (a customer from its reseller, a reseller from the master book).' })
  own: boolean;
}

@InputType({ description: 'A price rule: a scope (blank: every offer), a basis and one adjustment, from a day.' })
export class PriceRuleInput {
  @Field(() => ShortText, { nullable: true })
  family?: string | null;

  @Field(() => Code, { nullable: true })
  productId?: string | null;

  @Field(() => Code, { nullable: true })
  skuId?: string | null;

  @Field(() => TermEnum, { nullable: true })
  term?: Term | null;

  @Field(() => PriceSegmentEnum, { nullable: true })
  segment?: PriceSegment | null;

  @Field(() => PriceBasisEnum)
  basis: 'COST' | 'RETAIL';

  @Field(() => Float, { nullable: true, description: 'Signed percent, at most two decimals; or give `amount`.' })
  percent?: number | null;

  @Field(() => Code, { nullable: true, description: 'Signed decimal amount, e.g. "-2.50", in `currency`.' })
  amount?: string | null;

  @Field(() => Code, { nullable: true })
  currency?: string | null;

  @Field(() => Code, { description: 'First day, YYYY-MM-DD: today or later.' })
  effectiveFrom: string;

  @Field(() => Code, { nullable: true, description: 'Last day, YYYY-MM-DD, inclusive; blank: open-ended.' })
  effectiveTo?: string | null;
}

@ObjectType({
  simpleResolvers: true,
  description: 'One currency’s figures of a preview, one seat of each offer moved.',
})
export class PreviewTotals {
  @Field()
  currency: string;

  @Field(() => Money, { description: 'What the moved offers cost the distributor.' })
  cost: Money;

  @Field(() => Money)
  before: Money;

  @Field(() => Money)
  after: Money;

  @Field(() => Float, { description: 'Margin over cost as a percent of the price, before.' })
  marginBeforePercent: number;

  @Field(() => Float)
  marginAfterPercent: number;
}

@ObjectType({ simpleResolvers: true })
export class PreviewExample {
  @Field()
  productId: string;

  @Field()
  skuId: string;

  @Field(() => TermEnum)
  term: Term;

  @Field(() => PriceSegmentEnum)
  segment: PriceSegment;

  @Field(() => Money)
  before: Money;

  @Field(() => Money)
  after: Money;
}

@ObjectType({ simpleResolvers: true, description: 'What a rule would do, on its first day, before it is saved.' })
export class PriceRulePreviewResult {
  @Field(() => PriceBookRef)
  book: PriceBookRef;

  @Field({ description: 'The day previewed: the rule’s first day.' })
  day: string;

  @Field(() => Int, { description: 'Offers of the price list the rule reaches.' })
  inScope: number;

  @Field(() => Int, { description: 'Of those, offers whose price it moves for resellers on the book.' })
  moved: number;

  @Field(() => [PreviewTotals])
  totals: PreviewTotals[];

  @Field(() => [PreviewExample], { description: 'The first offers moved.' })
  examples: PreviewExample[];

  @Field(() => Int)
  resellerCount: number;

  @Field(() => [String])
  resellerNames: string[];

  static of(this: void, p: PriceRulePreview): PriceRulePreviewResult {
    return Object.assign(new PriceRulePreviewResult(), {
      book: PriceBookRef.of(p.book),
      day: p.day,
      inScope: p.inScope,
      moved: p.moved,
      totals: p.totals.map((t) => ({
        currency: t.currency,
        cost: Money.of(money(t.costMinor, t.currency)),
        before: Money.of(money(t.beforeMinor, t.currency)),
        after: Money.of(money(t.afterMinor, t.currency)),
        marginBeforePercent: marginBasisPoints(t.beforeMinor, t.costMinor) / 100,
        marginAfterPercent: marginBasisPoints(t.afterMinor, t.costMinor) / 100,
      })),
      examples: p.examples.map((e) => ({
        productId: e.offer.productId,
        skuId: e.offer.skuId,
        term: e.offer.term,
        segment: e.offer.segment,
        before: Money.of(e.before.price),
        after: Money.of(e.after.price),
      })),
      resellerCount: p.resellers.count,
      resellerNames: p.resellers.names,
    });
  }
}

@ObjectType({ simpleResolvers: true })
export class PriceBookSaved {
  @Field(() => PriceBookRef)
  book: PriceBookRef;

  static of(this: void, book: PriceBookEntity): PriceBookSaved {
    return Object.assign(new PriceBookSaved(), { book: PriceBookRef.of(book) });
  }
}

@ObjectType({ simpleResolvers: true })
export class PriceRuleSaved {
  @Field(() => PriceRule, { nullable: true, description: 'The rule now; null when ending it removed it.' })
  rule: PriceRule | null;

  static of(this: void, view: PriceRuleView | null): PriceRuleSaved {
    return Object.assign(new PriceRuleSaved(), { rule: view ? PriceRule.of(view) : null });
  }
}

export const SavePriceBookResult = createUnionType({
  name: 'SavePriceBookResult',
  types: () => [PriceBookSaved, ValidationFailed, NotFound, OperationRefused] as const,
});

export const SavePriceRuleResult = createUnionType({
  name: 'SavePriceRuleResult',
  types: () => [PriceRuleSaved, ValidationFailed, NotFound, OperationRefused] as const,
});

export const PreviewPriceRuleResult = createUnionType({
  name: 'PreviewPriceRuleResult',
  types: () => [PriceRulePreviewResult, ValidationFailed, NotFound, OperationRefused] as const,
});

@ObjectType({ simpleResolvers: true, description: 'A reseller’s markup for its end customers (suggested prices).' })
export class CustomerMarkup {
  @Field(() => ID, { nullable: true, description: 'The customer it is for; null: every customer.' })
  customerId: string | null;

  @Field(() => String, { nullable: true, description: 'The product family it is for; null: every family.' })
  family: string | null;

  @Field(() => Float)
  percent: number;

  static of(this: void, m: { customerId: string | null; family: string | null; basisPoints: number }): CustomerMarkup {
    return { customerId: m.customerId, family: m.family, percent: m.basisPoints / 100 };
  }
}

@InputType({ description: 'A markup for a customer, a family, both or everything; no percent removes it.' })
export class CustomerMarkupInput {
  @Field(() => ID, { nullable: true })
  customerId?: string | null;

  @Field(() => ShortText, { nullable: true })
  family?: string | null;

  @Field(() => Float, { nullable: true, description: '0 to 1,000, at most two decimals; null removes the markup.' })
  percent?: number | null;
}

@ObjectType({ simpleResolvers: true })
export class CustomerMarkupSaved {
  @Field(() => CustomerMarkup, { nullable: true, description: 'The markup now; null when removed.' })
  markup: CustomerMarkup | null;

  static of(
    this: void,
    m: { customerId: string | null; family: string | null; basisPoints: number } | null,
  ): CustomerMarkupSaved {
    return Object.assign(new CustomerMarkupSaved(), { markup: m ? CustomerMarkup.of(m) : null });
  }
}

export const SaveCustomerMarkupResult = createUnionType({
  name: 'SaveCustomerMarkupResult',
  types: () => [CustomerMarkupSaved, ValidationFailed, NotFound, OperationRefused] as const,
});
