import { randomUUID } from 'node:crypto';

/**
 * A request's id: the caller's `x-request-id` when it is a plausible one, otherwise a new one. It is
 * passed along explicitly (response header, GraphQL context), not through AsyncLocalStorage, whose
 * promise hooks cost every promise of every request (~5% of the API's CPU under the Buy benchmark).
 */
export const requestIdFrom = (header: string | string[] | undefined): string => {
  const given = Array.isArray(header) ? header[0] : header;
  return given && /^[\w-]{1,64}$/.test(given) ? given : randomUUID();
};
