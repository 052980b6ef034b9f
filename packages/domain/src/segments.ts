import { allow, deny, type Verdict } from './verdict.js';

/** Who the end customer is (R3, R20). Government is a customer segment, not a price segment. */
export const CUSTOMER_SEGMENTS = ['COMMERCIAL', 'EDUCATION', 'NONPROFIT', 'GOVERNMENT'] as const;
export type CustomerSegment = (typeof CUSTOMER_SEGMENTS)[number];

/** The segments Microsoft publishes prices for (R3). */
export const PRICE_SEGMENTS = ['COMMERCIAL', 'EDUCATION', 'NONPROFIT'] as const;
export type PriceSegment = (typeof PRICE_SEGMENTS)[number];

export const isCustomerSegment = (value: string): value is CustomerSegment =>
  (CUSTOMER_SEGMENTS as readonly string[]).includes(value);

/** R20: Government end users buy at the commercial price. */
export function priceSegmentFor(segment: CustomerSegment): PriceSegment {
  return segment === 'GOVERNMENT' ? 'COMMERCIAL' : segment;
}

export const SEGMENT_LABELS: Record<CustomerSegment, string> = {
  COMMERCIAL: 'Commercial',
  EDUCATION: 'Education',
  NONPROFIT: 'Nonprofit',
  GOVERNMENT: 'Government',
};

export type SegmentMismatchCode = 'CART_SEGMENT_MISMATCH';

/** A cart priced for one segment cannot be checked out for a customer of another (R3, R20). */
export function cartSegmentFits(
  cartPriceSegment: PriceSegment,
  customer: CustomerSegment,
): Verdict<SegmentMismatchCode> {
  const needed = priceSegmentFor(customer);
  if (cartPriceSegment === needed) return allow();
  return deny(
    'CART_SEGMENT_MISMATCH',
    `The cart is priced for ${SEGMENT_LABELS[cartPriceSegment]} customers, but this customer is ${SEGMENT_LABELS[customer]}` +
      (customer === 'GOVERNMENT' ? ' (Government buys at the Commercial price)' : '') +
      '.',
    { kind: 'action', label: `Rebuild the cart from the ${SEGMENT_LABELS[needed]} catalog` },
  );
}
