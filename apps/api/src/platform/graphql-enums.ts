import { BILLING_PLANS, CUSTOMER_SEGMENTS, PRICE_SEGMENTS, TERMS } from '@nce/domain';
import { registerEnumType } from 'type-graphql';

/** GraphQL enums built from the domain's lists, so the schema and the rules cannot drift apart. */
const enumOf = <T extends string>(values: readonly T[]) =>
  Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };

export const CustomerSegmentEnum = enumOf(CUSTOMER_SEGMENTS);
export const PriceSegmentEnum = enumOf(PRICE_SEGMENTS);
export const TermEnum = enumOf(TERMS);
export const BillingPlanEnum = enumOf(BILLING_PLANS);
export const ProductKindEnum = enumOf(['SUBSCRIPTION', 'PERPETUAL'] as const);

registerEnumType(CustomerSegmentEnum, {
  name: 'CustomerSegment',
  description: 'Who the end customer is. Government buys at the Commercial price.',
});
registerEnumType(PriceSegmentEnum, {
  name: 'PriceSegment',
  description: 'The segments Microsoft publishes prices for.',
});
registerEnumType(TermEnum, {
  name: 'Term',
  description: 'Term duration: P1M monthly, P1Y annual, P3Y triennial, NONE for perpetual software.',
});
registerEnumType(BillingPlanEnum, { name: 'BillingPlan' });
registerEnumType(ProductKindEnum, {
  name: 'ProductKind',
  description: 'Subscription (NCE term) or perpetual software (one-off purchase).',
});
