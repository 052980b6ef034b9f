import { Anchor } from '@mantine/core';

/**
 * "Export CSV" of a list: the API streams what the list's filters show (the list's default order), every row, not
 * just the page on screen. Empty filters are left out.
 */
export function ExportLink({ list, filter }: { list: string; filter: Record<string, unknown> }) {
  const kept = Object.fromEntries(
    Object.entries(filter).filter(([, value]) => value !== null && value !== undefined && value !== ''),
  );
  const query = Object.keys(kept).length ? `?filter=${encodeURIComponent(JSON.stringify(kept))}` : '';
  return (
    <Anchor href={`/exports/${list}.csv${query}`} download size="sm">
      Export CSV
    </Anchor>
  );
}
