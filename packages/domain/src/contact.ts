/** Field-level validation shared by forms: people, email addresses, phone numbers. */
/**
 * The top-level message of a refused form: the first problem, and how many more, so a client showing only
 * this message still says what is wrong.
 */
export function fieldErrorsMessage(errors: readonly { message: string }[]): string {
  if (errors.length === 0) return 'The input was refused.';
  if (errors.length === 1) return errors[0]!.message;
  return `${errors[0]!.message} (and ${errors.length - 1} more ${errors.length === 2 ? 'problem' : 'problems'})`;
}

export interface FieldError {
  field: string;
  code: string;
  message: string;
}

export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;

/** E.164-ish: an optional +, then 7–15 digits; spaces, dots, dashes and brackets are ignored. */
export function normalisePhone(input: string): string | null {
  const trimmed = input.trim();
  if (!/^\+?[\d\s().-]+$/.test(trimmed)) return null;
  const digits = trimmed.replace(/\D/g, '');
  if (digits.length < 7 || digits.length > 15) return null;
  return `${trimmed.startsWith('+') ? '+' : ''}${digits}`;
}

export function requireText(
  errors: FieldError[],
  field: string,
  value: string | null | undefined,
  label: string,
  max = 200,
): string {
  const text = (value ?? '').trim();
  if (text === '') errors.push({ field, code: 'REQUIRED', message: `${label} is required.` });
  else if (text.length > max)
    errors.push({ field, code: 'TOO_LONG', message: `${label} has at most ${max} characters.` });
  return text;
}

export function requireEmail(
  errors: FieldError[],
  field: string,
  value: string | null | undefined,
  label: string,
): string {
  const email = requireText(errors, field, value, label, 254).toLowerCase();
  if (email && !EMAIL.test(email))
    errors.push({ field, code: 'EMAIL_FORMAT', message: `${label} is not an email address.` });
  return email;
}

export function requirePhone(
  errors: FieldError[],
  field: string,
  value: string | null | undefined,
  label: string,
): string {
  const text = requireText(errors, field, value, label, 40);
  if (!text) return text;
  const phone = normalisePhone(text);
  if (!phone)
    errors.push({
      field,
      code: 'PHONE_FORMAT',
      message: `${label} is not a phone number (7 to 15 digits, optionally starting with +).`,
    });
  return phone ?? text;
}
