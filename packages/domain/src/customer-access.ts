import { fail, ok, type Outcome } from './verdict.js';

/** R8: portal logins are unique across all customers, compared case-insensitively. */
export const LOGIN_MIN = 3;
export const LOGIN_MAX = 64;

export type LoginError = 'LOGIN_EMPTY' | 'LOGIN_FORMAT' | 'LOGIN_LENGTH';

/** The uniqueness key of a login: trimmed and lower-cased. */
export const loginKey = (login: string): string => login.trim().toLowerCase();

/** A login is letters, digits, dot, dash, underscore or an email address; it starts with a letter or digit. */
export function parseLogin(input: string): Outcome<string, LoginError> {
  const login = input.trim();
  const fix = {
    kind: 'field' as const,
    field: 'portalLogin',
    label: 'Best practice: name the login after the customer’s company',
  };
  if (login === '') return fail('LOGIN_EMPTY', 'Enter a login for the customer portal.', fix);
  if (login.length < LOGIN_MIN || login.length > LOGIN_MAX) {
    return fail(
      'LOGIN_LENGTH',
      `A login has ${LOGIN_MIN} to ${LOGIN_MAX} characters; this one has ${login.length}.`,
      fix,
    );
  }
  if (!/^[A-Za-z0-9][A-Za-z0-9._@+-]*$/.test(login) || (login.includes('@') && !/^[^@]+@[^@]+\.[^@]+$/.test(login))) {
    return fail(
      'LOGIN_FORMAT',
      'A login may contain letters, digits and . _ - + @, and starts with a letter or digit.',
      fix,
    );
  }
  return ok(login);
}

/** R8: the suggested login, named after the customer's company rather than its contact. */
export function suggestLogin(companyName: string): string {
  const slug = companyName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '.')
    .replace(/^\.+|\.+$/g, '')
    .slice(0, LOGIN_MAX);
  return slug.length >= LOGIN_MIN ? slug : `${slug || 'customer'}.portal`.slice(0, LOGIN_MAX);
}

/** The login prefilled from the administrative contact (R8), before the reseller renames it. */
export function loginFromContact(email: string): string {
  return email.trim().toLowerCase();
}

/** No characters that read alike (0/O/o, 1/l/I, 5/S, 2/Z, 8/B). */
const ALPHABETS = {
  upper: 'ACDEFGHJKLMNPQRTUVWXY',
  lower: 'abcdefghijkmnpqrstuvwxyz',
  digit: '34679',
  symbol: '!#%+=?@',
};
export const PASSWORD_ALPHABET = Object.values(ALPHABETS).join('');
export const PASSWORD_LENGTH = 16;

/**
 * R8: a generated portal password: 16 characters, at least one of each class, none ambiguous.
 * `randomInt(n)` returns a uniformly random integer in [0, n) — pass a cryptographic source.
 */
export function generatePassword(randomInt: (exclusiveMax: number) => number, length = PASSWORD_LENGTH): string {
  if (length < Object.keys(ALPHABETS).length) throw new RangeError('password too short to hold every character class');
  const pick = (alphabet: string) => alphabet[randomInt(alphabet.length)]!;
  const chars = Object.values(ALPHABETS).map(pick);
  while (chars.length < length) chars.push(pick(PASSWORD_ALPHABET));
  for (let i = chars.length - 1; i > 0; i -= 1) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join('');
}
