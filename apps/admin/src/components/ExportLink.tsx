import { Anchor } from '@mantine/core';

/**
 * "Export CSV" of a list: the API streams what the list's filters show, in the order it is sorted on screen, every
 * row, not just the page shown. Empty filters are left out.
 */
export function ExportLink({
  list,
  filter,
  sort,
}: {
  list: string;
  filter: Record<string, unknown>;
  sort?: { by: string; direction: string };
}) {
  const kept = Object.fromEntries(
    Object.entries(filter).filter(([, value]) => value !== null && value !== undefined && value !== ''),
  );
  const params = new URLSearchParams();
  if (Object.keys(kept).length) params.set('filter', JSON.stringify(kept));
  if (sort) {
    params.set('sort', sort.by);
    params.set('direction', sort.direction);
  }
  const query = params.size ? `?${params.toString()}` : '';
  return (
    <Anchor href={`/exports/${list}.csv${query}`} download size="sm">
      Export CSV
    </Anchor>
  );
}
