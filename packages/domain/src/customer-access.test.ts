import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  generatePassword,
  loginFromContact,
  loginKey,
  parseLogin,
  PASSWORD_ALPHABET,
  suggestLogin,
} from './customer-access.js';

describe('R8: customer portal access', () => {
  it('compares logins case-insensitively', () => {
    expect(loginKey(' Contoso.Admin ')).toBe(loginKey('contoso.admin'));
  });

  it('suggests a login named after the company, not the contact', () => {
    expect(suggestLogin('Contoso Pharmacy, Ltd.')).toBe('contoso.pharmacy.ltd');
    expect(suggestLogin('Café Crème GmbH')).toBe('cafe.creme.gmbh');
    expect(parseLogin(suggestLogin('!!')).ok).toBe(true);
  });

  it('prefills from the administrative contact', () => {
    expect(loginFromContact(' Alex@Contoso.com ')).toBe('alex@contoso.com');
  });

  it.each([
    ['', 'LOGIN_EMPTY'],
    ['ab', 'LOGIN_LENGTH'],
    ['a'.repeat(65), 'LOGIN_LENGTH'],
    ['.contoso', 'LOGIN_FORMAT'],
    ['con toso', 'LOGIN_FORMAT'],
    ['a@b', 'LOGIN_FORMAT'],
  ])('refuses login %j with %s', (login, code) => {
    expect(parseLogin(login)).toMatchObject({ ok: false, code, fix: { field: 'portalLogin' } });
  });

  it('suggested logins are always valid', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 100 }), (company) => {
        expect(parseLogin(suggestLogin(company)).ok).toBe(true);
      }),
    );
  });

  it('generates 16-character passwords with every class and no look-alike characters', () => {
    fc.assert(
      fc.property(fc.infiniteStream(fc.nat()), (stream) => {
        const it = stream[Symbol.iterator]();
        const password = generatePassword((max) => it.next().value % max);
        expect(password).toHaveLength(16);
        expect([...password].every((c) => PASSWORD_ALPHABET.includes(c))).toBe(true);
        expect(password).toMatch(/[A-Z]/);
        expect(password).toMatch(/[a-z]/);
        expect(password).toMatch(/[0-9]/);
        expect(password).toMatch(/[^A-Za-z0-9]/);
        expect(password).not.toMatch(/[0O1lI5S2Z8B]/);
      }),
    );
  });
});
