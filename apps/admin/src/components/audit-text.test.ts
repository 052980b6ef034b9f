import { describe, expect, it } from 'vitest';
import { fieldLabel, operationLabel, valueText } from './audit-text';

describe('audit history in words', () => {
  it('names operations, known or not, without their codes', () => {
    expect(operationLabel('resellers.runChecks')).toBe('Checked identifiers with Microsoft');
    expect(operationLabel('billing.closeMonth')).toBe('Billing close month');
    expect(fieldLabel('creditLimitMinor')).toBe('credit limit minor');
  });

  it('shows stored JSON and status codes as words', () => {
    expect(
      valueText('[{"code":"MPN_ID_VALID","status":"PASS"},{"code":"RESELLER_DOMAIN_VALID","status":"FAIL"}]'),
    ).toBe('mpn id valid: pass; reseller domain valid: fail');
    expect(valueText('{"line1":"1 Main St","city":"Irvine"}')).toBe('line1: 1 Main St, city: Irvine');
    expect(valueText('PARTIALLY_RETURNED')).toBe('partially returned');
    expect(valueText(null)).toBe('—');
    expect(valueText('[redacted]')).toBe('[redacted]');
    expect(valueText('Contoso Ltd')).toBe('Contoso Ltd');
    expect(valueText('"newcomer@demo.test"')).toBe('newcomer@demo.test');
    expect(valueText('true')).toBe('yes');
  });
});
