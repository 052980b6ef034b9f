import { useDebouncedValue } from '@mantine/hooks';
import { useCallback, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';

/** Rows a list asks for at a time, and the most the API gives in one page. */
export const PAGE_SIZE = 25;
const PAGE_MAX = 100;

export type Direction = 'ASC' | 'DESC';

/**
 * A list's filters, sort and how far it was paged, kept in the URL: a link, a reload or Back shows the same
 * list. Changing a filter or the sort starts again at the first page.
 */
export function useListParams<S extends string>(defaults: { sort: S; direction: Direction }) {
  const [params, setParams] = useSearchParams();
  const shownInUrl = Number(params.get('shown'));
  // The first request asks for as many rows as the URL says were shown; "Show more" then pages on from there.
  const [first, setFirst] = useState(() =>
    Number.isInteger(shownInUrl) && shownInUrl > PAGE_SIZE ? Math.min(shownInUrl, PAGE_MAX) : PAGE_SIZE,
  );

  const update = useCallback(
    (changes: Record<string, string | null>, restart = true) => {
      if (restart) setFirst(PAGE_SIZE);
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          if (restart) next.delete('shown');
          for (const [name, value] of Object.entries(changes)) {
            if (value) next.set(name, value);
            else next.delete(name);
          }
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );

  const sortParam = params.get('sort') as S | null;
  const dirParam = params.get('dir');
  const sort = sortParam ?? defaults.sort;
  const direction: Direction =
    dirParam === 'ASC' || dirParam === 'DESC' ? dirParam : sortParam ? 'ASC' : defaults.direction;
  const filterNames = [...params.keys()].filter((name) => !['sort', 'dir', 'shown'].includes(name));

  return {
    get: (name: string) => params.get(name) ?? '',
    set: (name: string, value: string | null) => update({ [name]: value }),
    /** Several filters at once (one URL change). */
    setAll: (changes: Record<string, string | null>) => update(changes),
    clear: () => update(Object.fromEntries(filterNames.map((name) => [name, null]))),
    filtered: filterNames.length > 0,
    sort,
    direction,
    /** Sort on `column`: first in the column's natural direction, then the other way. */
    toggleSort: (column: S, firstDirection: Direction) =>
      update({ sort: column, dir: column === sort ? (direction === 'ASC' ? 'DESC' : 'ASC') : firstDirection }),
    first,
    /** Pages on after `endCursor` and records in the URL how many rows are now shown. */
    showMore: async (
      fetchMore: (options: { variables: { after: string | null; first: number } }) => Promise<unknown>,
      endCursor: string | null | undefined,
      shown: number,
    ) => {
      await fetchMore({ variables: { after: endCursor ?? null, first: PAGE_SIZE } });
      update({ shown: String(shown + PAGE_SIZE) }, false);
    },
  };
}

export type ListParams<S extends string> = ReturnType<typeof useListParams<S>>;

/** A text filter typed into a box: the box answers at once, the URL (and so the query) after a pause. */
export function useTypedFilter(
  list: { get: (name: string) => string; set: (name: string, value: string | null) => void },
  name: string,
) {
  const inUrl = list.get(name);
  const [typed, setTyped] = useState(inUrl);
  const [debounced] = useDebouncedValue(typed, 300);
  useEffect(() => {
    if (debounced !== inUrl) list.set(name, debounced || null);
    // Only a settled change of what was typed writes the URL.
  }, [debounced]);
  // Clearing the filters (or Back) changes the URL under the box: the box follows.
  useEffect(() => {
    if (inUrl !== debounced) setTyped(inUrl);
  }, [inUrl]);
  return [typed, setTyped] as const;
}
