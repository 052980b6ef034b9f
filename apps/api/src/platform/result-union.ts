import { BusinessError } from './business-error.js';
import { NotFound, OperationRefused, ValidationFailed, VersionConflict } from './common.types.js';
import type { Failure, Result } from './result.js';

/** Builds the GraphQL member for a failure code that carries more than code, message and fix. */
export type FailureMember = (failure: Failure) => BusinessError;

const COMMON_MEMBERS: Readonly<Record<string, FailureMember>> = {
  VALIDATION_FAILED: ValidationFailed.from,
  VERSION_CONFLICT: VersionConflict.from,
  NOT_FOUND: NotFound.from,
};

/**
 * A service's result as its GraphQL union member: `success` for a value; for a failure, the member
 * `members` names for its code (or `members` itself, for unions with one failure member), else the common one
 * (validation, version conflict, not found), else
 * OperationRefused. The one place a Result becomes GraphQL.
 */
export function toUnion<T, S, F extends BusinessError>(
  result: Result<T>,
  success: (value: T) => S,
  member: (failure: Failure) => F,
): S | F;
export function toUnion<T, S>(
  result: Result<T>,
  success: (value: T) => S,
  members?: Readonly<Record<string, FailureMember>>,
): S | BusinessError;
export function toUnion<T, S>(
  result: Result<T>,
  success: (value: T) => S,
  members: Readonly<Record<string, FailureMember>> | FailureMember = {},
): S | BusinessError {
  if (result.ok) return success(result.value);
  if (typeof members === 'function') return members(result.failure);
  const member = members[result.failure.code] ?? COMMON_MEMBERS[result.failure.code];
  return member ? member(result.failure) : OperationRefused.from(result.failure);
}
