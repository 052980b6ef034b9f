import { describe, expect, it } from 'vitest';
import { fieldErrorsMessage } from './contact.js';
import { validateCustomer } from './customers.js';

describe('the message of a refused form', () => {
  it('names the first problem, and how many more, so a client that shows only it still says what is wrong', () => {
    expect(fieldErrorsMessage([{ message: 'Enter the company name.' }])).toBe('Enter the company name.');
    expect(fieldErrorsMessage([{ message: 'Enter the company name.' }, { message: 'x' }])).toBe(
      'Enter the company name. (and 1 more problem)',
    );
    expect(fieldErrorsMessage([{ message: 'A' }, { message: 'B' }, { message: 'C' }])).toBe('A (and 2 more problems)');
    expect(fieldErrorsMessage([])).toBe('The input was refused.');
  });

  it('is what a refused customer says at the top', () => {
    const refused = validateCustomer({
      segment: 'COMMERCIAL',
      companyName: '',
      address: { line1: '', city: '', postalCode: '', country: 'US' },
      adminContact: { name: '', email: 'x', phone: '' },
      portalLogin: '',
    });
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.message).toBe(fieldErrorsMessage(refused.errors!));
      expect(refused.message).toMatch(/^[A-Z].*\(and \d+ more problems\)$/);
      expect(refused.message).not.toMatch(/field\(s\)/);
    }
  });
});
