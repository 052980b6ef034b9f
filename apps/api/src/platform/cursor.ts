import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
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

/**
 * One keyset page of a query builder, ordered by one column then the id: the rows, whether more follow,
 * and the cursor to ask for them. No OFFSET, so a page costs the same wherever it is.
 */
export async function keysetPage<T extends ObjectLiteral & { id: string }>(
  query: SelectQueryBuilder<T>,
  options: { alias: string; column: string; direction: 'ASC' | 'DESC'; first: number; after?: string | null; key: (row: T) => string },
): Promise<{ rows: T[]; hasNextPage: boolean; endCursor: string | null }> {
  checkPageSize(options.first);
  const { alias, column, direction } = options;
  query.orderBy(`${alias}.${column}`, direction).addOrderBy(`${alias}.id`, direction).limit(options.first + 1);
  if (options.after) {
    const [keyValue, id] = decodeCursor(options.after, ['string', 'string']);
    const past = direction === 'ASC' ? '>' : '<';
    query.andWhere(`(${alias}.${column} ${past} :cursorKey OR (${alias}.${column} = :cursorKey AND ${alias}.id ${past} :cursorId))`, { cursorKey: keyValue, cursorId: id });
  }
  const fetched = await query.getMany();
  const rows = fetched.slice(0, options.first);
  const last = rows[rows.length - 1];
  return { rows, hasNextPage: fetched.length > options.first, endCursor: last ? encodeCursor([options.key(last), last.id]) : null };
}
