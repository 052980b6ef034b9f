import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { GraphQLError } from 'graphql';

/** Opaque keyset cursors: the sort key of the last row, base64url-encoded. */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** `shape`: each part's type; 'key' is a sort key, text or a number. */
export function decodeCursor(cursor: string, shape: readonly ('string' | 'number' | 'key')[]): (string | number)[] {
  const fits = (part: unknown, type: 'string' | 'number' | 'key') =>
    type === 'key' ? typeof part === 'string' || typeof part === 'number' : typeof part === type;
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length === shape.length && key.every((part, i) => fits(part, shape[i]!))) return key;
  } catch {
    // fall through to the error below
  }
  throw notOurCursor();
}

const notOurCursor = () =>
  new GraphQLError('The cursor "after" is not one this API gave out; start again without it.', {
    extensions: { code: 'BAD_USER_INPUT', argumentName: 'after' },
  });

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

/** How a list is ordered: a column (or joined expression) and a direction; the row id breaks ties. */
export interface KeyOrder {
  /** The name the cursor carries, so a cursor from one order is not used with another. */
  name: string;
  /** SQL expression; a bare column name is taken as `alias.column`. */
  column: string;
  direction: 'ASC' | 'DESC';
  type?: 'string' | 'number';
  /** The entity property holding the key, for lists read through TypeORM. */
  property?: string;
}

/** The sort key and id a cursor holds, refused when it was given out for another order. */
export function decodeKeyset(after: string, order: KeyOrder): [string | number, string] {
  const [name, direction, key, id] = decodeCursor(after, ['string', 'string', 'key', 'string']);
  if (name !== order.name || direction !== order.direction) {
    throw new GraphQLError('The cursor "after" belongs to another sort order; start again without it.', {
      extensions: { code: 'BAD_USER_INPUT', argumentName: 'after' },
    });
  }
  if (typeof key !== (order.type ?? 'string')) throw notOurCursor();
  return [key!, String(id)];
}

export const encodeKeyset = (order: KeyOrder, key: string | number, id: string): string =>
  encodeCursor([order.name, order.direction, key, id]);

/** `(expr, id)` past the cursor in the list's direction, as SQL with `?` placeholders. */
export function keysetAfter(
  expression: string,
  idExpression: string,
  order: KeyOrder,
  after: string,
): { sql: string; params: (string | number)[] } {
  const [key, id] = decodeKeyset(after, order);
  const past = order.direction === 'ASC' ? '>' : '<';
  // A row value, not `key > ? OR (key = ? AND id > ?)`: the index is entered where the last page ended, where the OR
  // read again every row sharing the last key (thousands of subscriptions end on one month end).
  return {
    sql: `(${expression}, ${idExpression}) ${past} (?, ?)`,
    params: [key, id],
  };
}

/**
 * One keyset page of a query builder, ordered by one column then the id: the rows, whether more follow,
 * and the cursor to ask for them. No OFFSET, so a page costs the same wherever it is.
 */
export async function keysetPage<T extends ObjectLiteral & { id: string }>(
  query: SelectQueryBuilder<T>,
  options: { alias: string; first: number; after?: string | null } & (
    { order: KeyOrder } | { column: string; direction: 'ASC' | 'DESC'; key: (row: T) => string | number }
  ),
): Promise<{ rows: T[]; hasNextPage: boolean; endCursor: string | null }> {
  checkPageSize(options.first);
  const { alias } = options;
  const order: KeyOrder =
    'order' in options ? options.order : { name: options.column, column: options.column, direction: options.direction };
  const key = 'key' in options ? options.key : (row: T) => row[order.property ?? order.column] as string | number;
  const direction = order.direction;
  const expression = order.column.includes('.') ? order.column : `${alias}.${order.column}`;
  query
    .orderBy(expression, direction)
    .addOrderBy(`${alias}.id`, direction)
    .limit(options.first + 1);
  if (options.after) {
    const [keyValue, id] = decodeKeyset(options.after, order);
    const past = direction === 'ASC' ? '>' : '<';
    query.andWhere(
      `(${expression} ${past} :cursorKey OR (${expression} = :cursorKey AND ${alias}.id ${past} :cursorId))`,
      { cursorKey: keyValue, cursorId: id },
    );
  }
  const fetched = await query.getMany();
  const rows = fetched.slice(0, options.first);
  const last = rows[rows.length - 1];
  return {
    rows,
    hasNextPage: fetched.length > options.first,
    endCursor: last ? encodeKeyset(order, key(last), last.id) : null,
  };
}
