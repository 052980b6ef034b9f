import { describe, expect, it } from 'vitest';
import { validateAddress } from './address.js';
import { checksAreStale, resellerCanBuy, validateReseller } from './resellers.js';

const us = { line1: '1 Main St', city: 'Irvine', region: 'ca', postalCode: '92612', country: 'us' };

describe('R7: addresses by country', () => {
  it('normalises a valid address: country and region upper-cased, postal code formatted, suite optional', () => {
    expect(validateAddress(us)).toEqual({ address: { ...us, region: 'CA', country: 'US', line2: null }, errors: [] });
    expect(
      validateAddress({ line1: '10 Downing St', city: 'London', postalCode: 'sw1a2aa', country: 'GB' }).address
        .postalCode,
    ).toBe('SW1A 2AA');
    expect(
      validateAddress({ line1: '1 Rue', city: 'Ottawa', region: 'ON', postalCode: 'k1a0b1', country: 'CA' }).address
        .postalCode,
    ).toBe('K1A 0B1');
  });

  it.each([
    [{ ...us, postalCode: '9261' }, 'address.postalCode', 'POSTAL_CODE_FORMAT'],
    [{ ...us, region: '' }, 'address.region', 'REQUIRED'],
    [{ ...us, region: 'XX' }, 'address.region', 'REGION_UNKNOWN'],
    [{ ...us, line1: '' }, 'address.line1', 'REQUIRED'],
    [{ ...us, country: 'USA' }, 'address.country', 'COUNTRY_FORMAT'],
    [
      { line1: 'Str. 1', city: 'Berlin', postalCode: '1011', country: 'DE' },
      'address.postalCode',
      'POSTAL_CODE_FORMAT',
    ],
  ])('refuses %j at %s (%s)', (input, field, code) => {
    expect(validateAddress(input).errors).toContainEqual(expect.objectContaining({ field, code }));
  });

  it('does not require a region where the country has none, nor a suite anywhere', () => {
    expect(validateAddress({ line1: 'Str. 1', city: 'Berlin', postalCode: '10115', country: 'DE' }).errors).toEqual([]);
  });
});

describe('reseller accounts', () => {
  const valid = {
    companyName: 'Reseller Co',
    marketplaceId: 'mp-100042',
    bcn: '20-100042',
    address: us,
    contact: { name: 'Alex', email: 'alex@reseller.example', phone: '+1 949 555 0100' },
  };

  it('accepts and normalises a complete reseller', () => {
    expect(validateReseller(valid)).toMatchObject({
      ok: true,
      value: { marketplaceId: 'MP-100042', address: { country: 'US' } },
    });
  });

  it('reports every field at fault at once', () => {
    const result = validateReseller({
      ...valid,
      companyName: '',
      marketplaceId: 'x',
      address: { ...us, postalCode: '' },
      contact: { name: '', email: 'no', phone: '' },
    });
    expect(result.errors?.map((e) => e.field).sort()).toEqual([
      'address.postalCode',
      'companyName',
      'contact.email',
      'contact.name',
      'contact.phone',
      'marketplaceId',
    ]);
  });

  it('R1: only an active account may buy', () => {
    expect(resellerCanBuy('ACTIVE')).toEqual({ ok: true, value: true });
    expect(resellerCanBuy('PENDING_ACTIVATION')).toMatchObject({ ok: false, code: 'ACCOUNT_NOT_ACTIVE' });
    expect(resellerCanBuy('SUSPENDED')).toMatchObject({ ok: false, code: 'ACCOUNT_SUSPENDED' });
  });

  it('R10: checks older than a day are asked again', () => {
    const now = new Date('2026-11-24T12:00:00Z');
    expect(checksAreStale(null, now)).toBe(true);
    expect(checksAreStale(new Date('2026-11-24T00:00:00Z'), now)).toBe(false);
    expect(checksAreStale(new Date('2026-11-23T11:59:59Z'), now)).toBe(true);
  });
});
