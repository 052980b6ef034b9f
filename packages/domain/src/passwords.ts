import { allow, deny, type Verdict } from './verdict.js';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

/** A short list of the passwords tried first by anyone guessing; longer lists belong to a breach service. */
const COMMON = new Set([
  'password1234',
  '123456789012',
  'qwertyuiopas',
  'letmein12345',
  'welcome12345',
  'password123!',
  'changeme1234',
  'administrator',
]);

export type PasswordPolicyCode =
  'PASSWORD_TOO_SHORT' | 'PASSWORD_TOO_LONG' | 'PASSWORD_TOO_COMMON' | 'PASSWORD_CONTAINS_EMAIL';

/** Sign-in passwords of staff and reseller users: length over complexity (OWASP ASVS 2.1). */
export function checkNewPassword(password: string, email: string): Verdict<PasswordPolicyCode> {
  const field = {
    kind: 'field' as const,
    field: 'newPassword',
    label: `Use ${PASSWORD_MIN_LENGTH} or more characters; a passphrase is best`,
  };
  if (password.length < PASSWORD_MIN_LENGTH)
    return deny('PASSWORD_TOO_SHORT', `A password needs at least ${PASSWORD_MIN_LENGTH} characters.`, field);
  if (password.length > PASSWORD_MAX_LENGTH)
    return deny('PASSWORD_TOO_LONG', `A password has at most ${PASSWORD_MAX_LENGTH} characters.`, field);
  if (COMMON.has(password.toLowerCase()))
    return deny('PASSWORD_TOO_COMMON', 'That password is among the first ones guessed; choose another.', field);
  const local = email.split('@')[0]?.toLowerCase() ?? '';
  if (local.length >= 4 && password.toLowerCase().includes(local))
    return deny('PASSWORD_CONTAINS_EMAIL', 'A password must not contain the email address.', field);
  return allow();
}
