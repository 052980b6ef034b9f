import { registerEnumType } from 'type-graphql';
import type { KeyOrder } from './cursor.js';

export enum SortDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(SortDirection, {
  name: 'SortDirection',
  description: 'Ascending (A→Z, oldest, smallest first) or descending.',
});

/**
 * The columns a list may be sorted on, each with the direction it starts in (dates newest or oldest first, names A→Z).
 */
export type SortColumns<K extends string> = Record<
  K,
  { column: string; direction: 'ASC' | 'DESC'; type?: 'string' | 'number'; property?: string }
>;

/** The order a list is read in: the chosen column (or the default) and the chosen direction (or the column's own). */
export function sortOrder<K extends string>(
  columns: SortColumns<K>,
  fallback: K,
  sortBy?: K | null,
  direction?: SortDirection | null,
): KeyOrder {
  const name = sortBy && sortBy in columns ? sortBy : fallback;
  const chosen = columns[name];
  return {
    name,
    column: chosen.column,
    direction: direction ?? chosen.direction,
    type: chosen.type,
    property: chosen.property,
  };
}

/** A GraphQL enum of a list's sort columns, named e.g. `OrderSort`. */
export function sortEnum<K extends string>(
  name: string,
  columns: SortColumns<K>,
  description: string,
): { [P in K]: P } {
  const values = Object.fromEntries(Object.keys(columns).map((k) => [k, k])) as { [P in K]: P };
  registerEnumType(values, { name, description });
  return values;
}
