import type { BillingPlan, PriceSegment, Term } from '@nce/domain';
import { createUnionType, Field, Float, ID, InputType, ObjectType } from 'type-graphql';
import { NotFound, OperationRefused, ValidationFailed } from '../platform/common.types.js';
import { BillingPlanEnum, PriceSegmentEnum, TermEnum } from '../platform/graphql-enums.js';
import { PageInfo } from '../platform/page-info.types.js';
import { Code, ShortText } from '../platform/text.types.js';
import type { PromotionEntity } from './promotion.entity.js';

@ObjectType({
  simpleResolvers: true,
  description:
    'A Microsoft promotion: a discount on the partner price of one SKU’s term and billing, between two days.',
})
export class Promotion {
  @Field(() => ID, { description: 'Microsoft’s promotion ID.' })
  id: string;

  @Field()
  name: string;

  @Field()
  productId: string;

  @Field()
  skuId: string;

  @Field(() => TermEnum)
  term: Term;

  @Field(() => BillingPlanEnum)
  billingPlan: BillingPlan;

  @Field(() => PriceSegmentEnum)
  segment: PriceSegment;

  @Field()
  market: string;

  @Field(() => Float, { description: 'The discount on the partner price, in percent.' })
  discountPercent: number;

  @Field({ description: 'First day (YYYY-MM-DD).' })
  startDate: string;

  @Field({ description: 'Last day (YYYY-MM-DD), inclusive.' })
  endDate: string;

  static of(this: void, p: PromotionEntity): Promotion {
    return {
      id: p.id,
      name: p.name,
      productId: p.productId,
      skuId: p.skuId,
      term: p.term,
      billingPlan: p.billingPlan,
      segment: p.segment,
      market: p.market,
      discountPercent: p.discountBasisPoints / 100,
      startDate: p.startDate,
      endDate: p.endDate,
    };
  }
}

@ObjectType({ simpleResolvers: true })
export class PromotionConnection {
  @Field(() => [Promotion])
  nodes: Promotion[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;
}

@InputType({ description: 'A promotion as Microsoft announces it.' })
export class PromotionInput {
  @Field(() => Code, { description: 'Microsoft’s promotion ID.' })
  id: string;

  @Field(() => ShortText)
  name: string;

  @Field(() => Code)
  productId: string;

  @Field(() => Code)
  skuId: string;

  @Field(() => TermEnum)
  term: Exclude<Term, 'NONE'>;

  @Field(() => BillingPlanEnum)
  billingPlan: BillingPlan;

  @Field(() => PriceSegmentEnum)
  segment: PriceSegment;

  @Field(() => Code)
  market: string;

  @Field(() => Float, { description: 'More than 0 and less than 100, at most two decimals.' })
  discountPercent: number;

  @Field(() => Code, { description: 'YYYY-MM-DD.' })
  startDate: string;

  @Field(() => Code, { description: 'YYYY-MM-DD, inclusive.' })
  endDate: string;
}

@ObjectType({ simpleResolvers: true })
export class PromotionSaved {
  @Field(() => Promotion, { nullable: true, description: 'The promotion now; null when ending it removed it.' })
  promotion: Promotion | null;

  static of(this: void, p: PromotionEntity | null): PromotionSaved {
    return Object.assign(new PromotionSaved(), { promotion: p ? Promotion.of(p) : null });
  }
}

export const SavePromotionResult = createUnionType({
  name: 'SavePromotionResult',
  types: () => [PromotionSaved, ValidationFailed, NotFound, OperationRefused] as const,
});
