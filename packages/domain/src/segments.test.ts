import { describe, expect, it } from 'vitest';
import { cartSegmentFits, CUSTOMER_SEGMENTS, priceSegmentFor } from './segments.js';

describe('segments', () => {
  it.each([
    ['COMMERCIAL', 'COMMERCIAL'],
    ['EDUCATION', 'EDUCATION'],
    ['NONPROFIT', 'NONPROFIT'],
    ['GOVERNMENT', 'COMMERCIAL'], // R20: Government buys at the commercial price
  ] as const)('R3/R20: a %s customer is priced as %s', (customer, price) => {
    expect(priceSegmentFor(customer)).toBe(price);
  });

  it('R20: a Commercial cart fits a Government customer', () => {
    expect(cartSegmentFits('COMMERCIAL', 'GOVERNMENT')).toEqual({ allowed: true });
  });

  it('R3: a cart priced for one segment cannot be checked out for a customer of another', () => {
    for (const customer of CUSTOMER_SEGMENTS) {
      for (const cart of ['COMMERCIAL', 'EDUCATION', 'NONPROFIT'] as const) {
        const verdict = cartSegmentFits(cart, customer);
        expect(verdict.allowed).toBe(cart === priceSegmentFor(customer));
        if (!verdict.allowed) {
          expect(verdict.code).toBe('CART_SEGMENT_MISMATCH');
          expect(verdict.fix?.kind).toBe('action');
        }
      }
    }
  });

  it('explains the Government rule when refusing an Education cart for a Government customer', () => {
    const verdict = cartSegmentFits('EDUCATION', 'GOVERNMENT');
    expect(verdict).toMatchObject({
      allowed: false,
      message: expect.stringMatching(/Government buys at the Commercial price/),
    });
  });
});
