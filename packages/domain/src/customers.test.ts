import { describe, expect, it } from 'vitest';
import { validateCustomer, type CustomerInput } from './customers.js';

const valid: CustomerInput = {
  segment: 'COMMERCIAL',
  companyName: 'Contoso Pharmacy',
  address: { line1: '1 Main St', city: 'Irvine', region: 'CA', postalCode: '92612', country: 'US' },
  adminContact: { name: 'Eve Engineer', email: 'Eve@Reseller.example', phone: '+1 949 555 0101' },
  portalLogin: 'Contoso.Pharmacy',
};

describe('R5–R8: end customers', () => {
  it('accepts a complete customer; vendor-contract fields are optional (R7); the login key ignores case (R8)', () => {
    expect(validateCustomer(valid)).toMatchObject({
      ok: true,
      value: {
        portalLogin: 'Contoso.Pharmacy',
        portalLoginKey: 'contoso.pharmacy',
        vendorContractId: null,
        adminContact: { email: 'eve@reseller.example' },
      },
    });
  });

  it('R6: requires the administrative contact, who is emailed at provisioning', () => {
    const result = validateCustomer({ ...valid, adminContact: { name: '', email: 'x', phone: '' } });
    expect(result.errors?.map((e) => e.field)).toEqual([
      'adminContact.name',
      'adminContact.email',
      'adminContact.phone',
    ]);
  });

  it('reports address, segment and login faults together', () => {
    const result = validateCustomer({
      ...valid,
      segment: 'RETAIL' as never,
      address: { ...valid.address, region: '' },
      portalLogin: 'x',
    });
    expect(result.errors?.map((e) => e.field).sort()).toEqual(['address.region', 'portalLogin', 'segment']);
  });
});
