import { describe, expect, it } from 'vitest';
import { checkNewPassword } from './passwords.js';

describe('sign-in password policy', () => {
  it.each([
    ['short', 'PASSWORD_TOO_SHORT'],
    ['x'.repeat(129), 'PASSWORD_TOO_LONG'],
    ['Password1234', 'PASSWORD_TOO_COMMON'],
    ['my-alex.doe-secret', 'PASSWORD_CONTAINS_EMAIL'],
  ])('refuses %j with %s', (password, code) => {
    expect(checkNewPassword(password, 'alex.doe@example.com')).toMatchObject({
      allowed: false,
      code,
      fix: { field: 'newPassword' },
    });
  });

  it('accepts a long passphrase', () => {
    expect(checkNewPassword('correct horse battery staple', 'alex.doe@example.com')).toEqual({ allowed: true });
  });
});
