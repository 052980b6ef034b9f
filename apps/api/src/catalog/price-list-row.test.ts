import { describe, expect, it } from 'vitest';
import { checkHeader, parsePriceListRow, PRICE_LIST_COLUMNS, PriceListError } from './price-list-row.js';

const valid: Record<string, string> = {
  ChangeIndicator: 'Unchanged',
  ProductTitle: 'Microsoft 365 E3',
  ProductId: 'CFQ7TTC0LFLZ',
  SkuId: '0001',
  SkuTitle: 'Microsoft 365 E3',
  Publisher: 'Microsoft Corporation',
  SkuDescription: 'Productivity suite',
  UnitOfMeasure: 'Licenses',
  TermDuration: 'P1Y',
  BillingPlan: 'Monthly',
  Market: 'US',
  Currency: 'USD',
  UnitPrice: '36.00',
  PricingTierRangeMin: '0',
  PricingTierRangeMax: '',
  EffectiveStartDate: '2026-11-01T00:00:00.0000000Z',
  EffectiveEndDate: '2026-11-30',
  Tags: 'License',
  ERPPrice: '43.2',
  Segment: 'Commercial',
};

const faultOf = (overrides: Record<string, string>) => {
  try {
    parsePriceListRow({ ...valid, ...overrides }, 7);
  } catch (error) {
    if (error instanceof PriceListError) return error.fault;
    throw error;
  }
  return null;
};

describe('price-list rows', () => {
  it('converts a valid row, money in minor units and dates as YYYY-MM-DD', () => {
    const row = parsePriceListRow(valid, 2);
    expect(row).toMatchObject({
      line: 2,
      productId: 'CFQ7TTC0LFLZ',
      segment: 'COMMERCIAL',
      term: 'P1Y',
      billingPlan: 'MONTHLY',
      unitPriceMinor: 3600,
      erpPriceMinor: 4320,
      effectiveStart: '2026-11-01',
      effectiveEnd: '2026-11-30',
      tierMin: 0,
      tierMax: null,
    });
  });

  it('reads perpetual software: blank term, one-time billing', () => {
    expect(parsePriceListRow({ ...valid, TermDuration: '', BillingPlan: 'OneTime' }, 2)).toMatchObject({
      term: 'NONE',
      billingPlan: 'ONE_TIME',
    });
  });

  it('maps Microsoft’s "Charity" segment to Nonprofit (R3)', () => {
    expect(parsePriceListRow({ ...valid, Segment: 'Charity' }, 2).segment).toBe('NONPROFIT');
  });

  it.each([
    [{ UnitPrice: 'twelve' }, 'UnitPrice', /not a decimal/],
    [{ UnitPrice: '-1.00' }, 'UnitPrice', /negative/],
    [{ UnitPrice: '1.001' }, 'UnitPrice', /more decimals/],
    [{ Currency: 'US' }, 'Currency', /ISO 4217/],
    [{ Market: 'USA' }, 'Market', /two-letter/],
    [{ TermDuration: 'P2Y' }, 'TermDuration', /term duration/],
    [{ BillingPlan: 'Weekly' }, 'BillingPlan', /billing plan/],
    [{ TermDuration: 'P1M', BillingPlan: 'Annual' }, 'BillingPlan', /cannot be billed annually/],
    [{ Segment: 'Government' }, 'Segment', /Government buys at the Commercial price/], // R20
    [{ ProductId: '' }, 'ProductId', /empty but required/],
    [{ ProductId: 'BAD ID!' }, 'ProductId', /not a product ID/],
    [{ EffectiveStartDate: '2026-02-30' }, 'EffectiveStartDate', /real calendar date/],
    [{ EffectiveEndDate: '2026-10-01' }, 'EffectiveEndDate', /before the start/],
    [{ PricingTierRangeMin: '5', PricingTierRangeMax: '2' }, 'PricingTierRangeMax', /below the tier minimum/],
    [{ PricingTierRangeMin: '1.5' }, 'PricingTierRangeMin', /whole number/],
    [{ ProductTitle: 'x'.repeat(301) }, 'ProductTitle', /at most 300/],
  ])('rejects %j at column %s with line number', (overrides, column, message) => {
    const fault = faultOf(overrides);
    expect(fault).toMatchObject({ line: 7, column });
    expect(fault?.message).toMatch(message);
  });

  it('checks the header names every column once', () => {
    expect(checkHeader(PRICE_LIST_COLUMNS)).toBeNull();
    expect(checkHeader(PRICE_LIST_COLUMNS.filter((c) => c !== 'UnitPrice'))).toMatchObject({
      line: 1,
      column: 'UnitPrice',
    });
    expect(checkHeader([...PRICE_LIST_COLUMNS, 'Segment'])).toMatchObject({
      line: 1,
      column: 'Segment',
      message: expect.stringMatching(/twice/),
    });
  });
});
