import { GraphQLError } from 'graphql';

/** Opaque keyset cursors: the sort key of the last row, base64url-encoded. */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string, shape: readonly ('string' | 'number')[]): (string | number)[] {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length === shape.length && key.every((part, i) => typeof part === shape[i])) return key;
  } catch {
    // fall through to the error below
  }
  throw new GraphQLError('The cursor "after" is not one this API gave out; start again without it.', {
    extensions: { code: 'BAD_USER_INPUT', argumentName: 'after' },
  });
}

export const PAGE_SIZE_MAX = 100;

export function checkPageSize(first: number): number {
  if (!Number.isInteger(first) || first < 1 || first > PAGE_SIZE_MAX) {
    throw new GraphQLError(`"first" must be a whole number from 1 to ${PAGE_SIZE_MAX}, got ${first}.`, {
      extensions: { code: 'BAD_USER_INPUT', argumentName: 'first' },
    });
  }
  return first;
}

/** LIKE pattern matching `text` anywhere, with LIKE's wildcards in `text` taken literally (ESCAPE '\'). */
export const containsPattern = (text: string): string => `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
