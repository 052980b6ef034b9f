import { fieldErrorsMessage, type FieldError } from '@nce/domain';

/** How a failure can be put right: a link to follow, a field to change, or an action to take. */
export interface FixSpec {
  kind: 'link' | 'field' | 'action';
  label: string;
  href?: string | null;
  field?: string | null;
}

/**
 * An expected business failure: the one shape every service returns. `details` carries what a particular
 * code adds (the version now stored, the date a window closed, free alternatives), read by the GraphQL
 * member registered for that code.
 */
export interface Failure<D extends object = object> {
  readonly code: string;
  readonly message: string;
  readonly fix?: FixSpec | null;
  readonly fields?: readonly FieldError[];
  readonly details?: D;
}

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly failure: Failure };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

export const fail = <D extends object>(
  code: string,
  message: string,
  more: { fix?: FixSpec | null; details?: D } = {},
): { ok: false; failure: Failure<D> } => ({
  ok: false,
  failure: { code, message, ...more },
});

/** The input has fields at fault; nothing was changed. */
export const invalid = (fields: readonly FieldError[], message?: string): { ok: false; failure: Failure } => ({
  ok: false,
  failure: { code: 'VALIDATION_FAILED', message: message ?? fieldErrorsMessage(fields), fields },
});

export const invalidField = (field: string, code: string, message: string) => invalid([{ field, code, message }]);

/** Someone else changed the record since it was read; `entity` names it for the message. */
export const versionConflict = (
  entity: string,
  currentVersion: number,
): { ok: false; failure: Failure<{ entity: string; currentVersion: number }> } =>
  fail(
    'VERSION_CONFLICT',
    `This ${entity} was changed by someone else while you edited it. Reload it, then apply your change again.`,
    {
      fix: { kind: 'action', label: 'Reload and edit again' },
      details: { entity, currentVersion },
    },
  );

export const notFound = (entity: string, message = `No such ${entity}.`) =>
  fail('NOT_FOUND', message, { details: { entity } });

/** A failure's details, typed by the code that carries them. */
export const detailsOf = <D extends object>(failure: Failure): Partial<D> => (failure.details ?? {}) as Partial<D>;
