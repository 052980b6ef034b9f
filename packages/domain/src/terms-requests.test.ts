import { describe, expect, it } from 'vitest';
import { money } from './money.js';
import {
  answeredWithinSla,
  availableCredit,
  isOpenTermsRequest,
  nextTermsRequestState,
  termsRequestSla,
  validateApproval,
  validateRejection,
  validateTermsRequest,
  TERMS_REQUEST_LIMIT_MAX_MINOR,
  type TermsRequestInput,
} from './terms-requests.js';

const valid: TermsRequestInput = {
  resellerMarketplaceId: 'MP-10042',
  bcn: '20-123456',
  companyName: 'Reseller Co',
  address: { line1: '1 Main St', city: 'Irvine', region: 'CA', postalCode: '92612', country: 'us' },
  contact: { name: 'Alex Doe', email: 'Alex@Reseller.example', phone: '+1 (949) 555-0100' },
  requestedLimit: '25,000',
};

describe('R23: terms request fields', () => {
  it('accepts a complete request and normalises it', () => {
    const result = validateTermsRequest(valid);
    expect(result).toMatchObject({
      ok: true,
      value: {
        bcn: '20-123456',
        address: { country: 'US' },
        contact: { email: 'alex@reseller.example', phone: '+19495550100' },
      },
    });
  });

  it('lists every missing or malformed field at once', () => {
    const result = validateTermsRequest({
      ...valid,
      bcn: '',
      companyName: ' ',
      address: { ...valid.address, postalCode: '', country: 'USA' },
      contact: { name: '', email: 'not-an-email', phone: '12' },
    });
    expect(result.ok).toBe(false);
    expect(result.errors?.map((e) => e.field).sort()).toEqual(
      [
        'address.country',
        'address.postalCode',
        'bcn',
        'companyName',
        'contact.email',
        'contact.name',
        'contact.phone',
      ].sort(),
    );
  });
});

describe('R23: the credit line asked for', () => {
  it.each([
    ['25,000', 2_500_000],
    ['25000', 2_500_000],
    ['25000.50', 2_500_050],
    [' 1,250,000.00 ', 125_000_000],
  ])('reads "%s" as %i cents', (requestedLimit, minor) => {
    expect(validateTermsRequest({ ...valid, requestedLimit })).toMatchObject({
      ok: true,
      value: { requestedLimit: { amountMinor: minor, currency: 'USD' } },
    });
  });

  it('keeps the currency given, upper-cased', () => {
    expect(validateTermsRequest({ ...valid, currency: 'eur' })).toMatchObject({
      ok: true,
      value: { requestedLimit: { amountMinor: 2_500_000, currency: 'EUR' } },
    });
  });

  it.each([
    ['', 'requestedLimit', 'REQUIRED'],
    ['0', 'requestedLimit', 'AMOUNT_NOT_POSITIVE'],
    ['-5', 'requestedLimit', 'AMOUNT_NOT_POSITIVE'],
    ['lots', 'requestedLimit', 'AMOUNT_FORMAT'],
    ['10.001', 'requestedLimit', 'AMOUNT_FORMAT'],
    ['100,000,000.01', 'requestedLimit', 'AMOUNT_TOO_LARGE'],
  ])('refuses "%s" with a reason on the amount field', (requestedLimit, field, code) => {
    const result = validateTermsRequest({ ...valid, requestedLimit });
    expect(result.ok).toBe(false);
    expect(result.errors).toEqual([expect.objectContaining({ field, code })]);
    expect(result.ok ? '' : result.message).toMatch(/credit line|amount/i);
  });

  it('refuses a currency that is not a three-letter code', () => {
    expect(validateTermsRequest({ ...valid, currency: 'dollars' }).errors).toEqual([
      expect.objectContaining({ field: 'currency', code: 'CURRENCY_INVALID' }),
    ]);
  });

  it('accepts the largest amount allowed exactly', () => {
    expect(validateTermsRequest({ ...valid, requestedLimit: '100,000,000' })).toMatchObject({
      ok: true,
      value: { requestedLimit: { amountMinor: TERMS_REQUEST_LIMIT_MAX_MINOR } },
    });
  });
});

describe('R23: terms request lifecycle', () => {
  it('is claimed, then approved or rejected; rejected requests can be resubmitted', () => {
    expect(nextTermsRequestState('SUBMITTED', 'CLAIM')).toEqual({ ok: true, to: 'IN_REVIEW' });
    expect(nextTermsRequestState('IN_REVIEW', 'APPROVE')).toEqual({ ok: true, to: 'APPROVED' });
    expect(nextTermsRequestState('IN_REVIEW', 'REJECT')).toEqual({ ok: true, to: 'REJECTED' });
    expect(nextTermsRequestState('REJECTED', 'RESUBMIT')).toEqual({ ok: true, to: 'SUBMITTED' });
    expect(nextTermsRequestState('IN_REVIEW', 'REQUEST_INFO')).toEqual({ ok: true, to: 'MORE_INFO_REQUESTED' });
    expect(nextTermsRequestState('MORE_INFO_REQUESTED', 'PROVIDE_INFO')).toEqual({ ok: true, to: 'SUBMITTED' });
  });

  it('cannot approve an unclaimed request, nor change a decided one', () => {
    expect(nextTermsRequestState('SUBMITTED', 'APPROVE')).toMatchObject({
      ok: false,
      code: 'ILLEGAL_TRANSITION',
      message: expect.stringMatching(/waiting for an analyst/),
    });
    expect(nextTermsRequestState('APPROVED', 'REJECT')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/final/),
    });
  });

  it('counts submitted, in-review and more-info requests as open (one per reseller)', () => {
    expect(['SUBMITTED', 'IN_REVIEW', 'MORE_INFO_REQUESTED'].every((s) => isOpenTermsRequest(s as never))).toBe(true);
    expect(['APPROVED', 'REJECTED', 'WITHDRAWN'].some((s) => isOpenTermsRequest(s as never))).toBe(false);
  });
});

describe('R23: the 24–48 hour answer window', () => {
  const submitted = new Date('2026-11-02T09:00:00Z');
  const at = (hours: number) => new Date(submitted.getTime() + hours * 3_600_000);

  it.each([
    [1, 'ON_TRACK'],
    [23.9, 'ON_TRACK'],
    [24, 'DUE_SOON'],
    [47.9, 'DUE_SOON'],
    [48, 'OVERDUE'],
    [100, 'OVERDUE'],
  ])('after %d hours an open request is %s', (hours, sla) => {
    expect(termsRequestSla('IN_REVIEW', submitted, at(hours))).toMatchObject({ sla, dueAt: at(48) });
  });

  it('stops the clock once answered or while waiting on the reseller', () => {
    expect(termsRequestSla('APPROVED', submitted, at(100)).sla).toBe('ANSWERED');
    expect(termsRequestSla('MORE_INFO_REQUESTED', submitted, at(100)).sla).toBe('ANSWERED');
  });
});

describe('R2/R23: approvals and credit', () => {
  it('needs a positive limit, known payment terms and a date', () => {
    expect(
      validateApproval({ creditLimit: money(5_000_000, 'USD'), paymentTerms: 'NET_30', effectiveFrom: '2026-12-01' })
        .ok,
    ).toBe(true);
    const bad = validateApproval({
      creditLimit: money(0, 'USD'),
      paymentTerms: 'NET_90' as never,
      effectiveFrom: 'soon',
    });
    expect(bad.errors?.map((e) => e.field)).toEqual(['creditLimit', 'paymentTerms', 'effectiveFrom']);
  });

  it('needs a reason to reject', () => {
    expect(validateRejection('  no ')).toMatchObject({ ok: false, code: 'REJECTION_REASON_REQUIRED' });
    expect(validateRejection('Insufficient trading history')).toMatchObject({ ok: true });
  });

  it('leaves the limit minus what is used, never less than zero', () => {
    expect(availableCredit(money(10_000, 'USD'), money(2_500, 'USD'))).toEqual(money(7_500, 'USD'));
    expect(availableCredit(money(10_000, 'USD'), money(12_000, 'USD'))).toEqual(money(0, 'USD'));
  });
});

describe('terms requests answered inside their SLA (the dashboard)', () => {
  it('counts an answer within 48 hours of the request’s waiting start as inside, a later one as not', () => {
    const waiting = new Date('2026-11-02T09:00:00Z');
    expect(answeredWithinSla(waiting, new Date('2026-11-04T09:00:00Z'))).toBe(true);
    expect(answeredWithinSla(waiting, new Date('2026-11-04T09:00:01Z'))).toBe(false);
  });
});
