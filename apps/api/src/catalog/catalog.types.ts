import { PageInfo } from '../platform/page-info.types.js';
import type { BillingPlan, CustomerSegment, PriceSegment, Term } from '@nce/domain';
import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import {
  BillingPlanEnum,
  CustomerSegmentEnum,
  PriceSegmentEnum,
  ProductKindEnum,
  TermEnum,
} from '../platform/graphql-enums.js';
import { Money } from '../platform/money.types.js';
import type { ProductKind } from './product.entity.js';
import { Code, ShortText } from '../platform/text.types.js';

@InputType({ description: 'What part of the catalog to browse.' })
export class CatalogFilterInput {
  @Field(() => CustomerSegmentEnum, {
    description: 'The end customer’s segment; Government resolves to Commercial prices.',
  })
  segment: CustomerSegment;

  @Field(() => Code, { nullable: true, description: 'Two-letter market; the server’s default market when omitted.' })
  market?: string | null;

  @Field(() => ShortText, {
    nullable: true,
    description: 'Text matched against product titles, publishers, SKU titles and IDs.',
  })
  search?: string | null;

  @Field(() => [TermEnum], { nullable: true })
  terms?: Term[] | null;

  @Field(() => [BillingPlanEnum], { nullable: true })
  billingPlans?: BillingPlan[] | null;

  @Field(() => ProductKindEnum, { nullable: true })
  kind?: ProductKind | null;
}

@ObjectType({ simpleResolvers: true, description: 'A promotion on a price, and the price with it.' })
export class PricePromotion {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => Float)
  discountPercent: number;

  @Field({ description: 'Its last day (YYYY-MM-DD).' })
  endDate: string;

  @Field(() => Money, { description: 'The unit price with the discount: what a cart is charged.' })
  unitPrice: Money;
}

@ObjectType({
  simpleResolvers: true,
  description:
    'A price-list row: what one unit of a SKU costs for a segment, market, term, billing plan and seat tier.',
})
export class Price {
  @Field(() => ID)
  id: string;

  @Field(() => PriceSegmentEnum)
  segment: PriceSegment;

  @Field()
  market: string;

  @Field(() => TermEnum)
  term: Term;

  @Field(() => BillingPlanEnum)
  billingPlan: BillingPlan;

  @Field(() => Money, { description: 'Price per unit for the term.' })
  unitPrice: Money;

  @Field(() => Money, { description: 'Microsoft’s estimated retail price per unit.' })
  erpPrice: Money;

  @Field(() => Int)
  tierMin: number;

  @Field(() => Int, { nullable: true })
  tierMax: number | null;

  @Field({ description: 'First day this price applies (YYYY-MM-DD).' })
  effectiveStart: string;

  @Field(() => String, {
    nullable: true,
    description: 'Last day this price applies (YYYY-MM-DD); null when open-ended.',
  })
  effectiveEnd: string | null;

  @Field({ description: 'Microsoft’s change indicator of the row (e.g. Unchanged, Changed, Added).' })
  changeIndicator: string;

  @Field({
    description: 'A free trial: 25 seats for 30 days, then converted to the paid SKU unless auto-renew is turned off.',
  })
  trial: boolean;

  @Field(() => PricePromotion, {
    nullable: true,
    description: 'The Microsoft promotion in effect today on this price (the largest discount), if any.',
  })
  promotion: PricePromotion | null;

  /** What the price is for (not a field): where price books find its product family, product and SKU. */
  offer: PricedItem;
}

/** The product and SKU a catalog price is for; one object per SKU, shared by its prices. */
export interface PricedItem {
  productId: string;
  productTitle: string;
  skuId: string;
}

@ObjectType({ simpleResolvers: true })
export class Sku {
  @Field(() => ID)
  id: string;

  @Field({ description: 'Microsoft’s SKU ID within the product, e.g. 0001.' })
  skuId: string;

  @Field()
  title: string;

  @Field()
  description: string;

  @Field()
  unitOfMeasure: string;

  @Field(() => [Price])
  prices: Price[];
}

@ObjectType({ simpleResolvers: true })
export class Product {
  @Field(() => ID, { description: 'Microsoft’s product ID, e.g. CFQ7TTC0LH18.' })
  id: string;

  @Field()
  title: string;

  @Field()
  publisher: string;

  @Field()
  description: string;

  @Field(() => ProductKindEnum)
  kind: ProductKind;

  @Field(() => [Sku], { description: 'SKUs with prices for the requested segment and market.' })
  skus: Sku[];
}

@ObjectType({ simpleResolvers: true })
export class ProductEdge {
  @Field()
  cursor: string;

  @Field(() => Product)
  node: Product;
}

@ObjectType({ simpleResolvers: true, description: 'One page of the catalog.' })
export class ProductConnection {
  @Field(() => [ProductEdge])
  edges: ProductEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => PriceSegmentEnum, {
    description: 'The price segment shown (Government customers see Commercial prices).',
  })
  priceSegment: PriceSegment;

  @Field()
  market: string;
}

@ObjectType()
export class Market {
  @Field()
  market: string;

  @Field()
  currency: string;
}
