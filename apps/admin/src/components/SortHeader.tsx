import { Table, UnstyledButton } from '@mantine/core';
import type { Direction } from './list-params';

/**
 * A column header that sorts its list: the first click sorts in the column's natural direction
 * (names A→Z, dates and amounts newest or largest first), the next the other way.
 */
export function SortHeader<S extends string>(props: {
  label: string;
  column: S;
  list: { sort: S; direction: Direction; toggleSort: (column: S, firstDirection: Direction) => void };
  firstDirection?: Direction;
}) {
  const active = props.list.sort === props.column;
  const arrow = active ? (props.list.direction === 'ASC' ? '▲' : '▼') : '';
  return (
    <Table.Th aria-sort={active ? (props.list.direction === 'ASC' ? 'ascending' : 'descending') : 'none'}>
      <UnstyledButton
        fw={700}
        fz="sm"
        onClick={() => props.list.toggleSort(props.column, props.firstDirection ?? 'ASC')}
      >
        {props.label}
        {arrow && (
          <span aria-hidden="true" style={{ marginLeft: 4, fontSize: '0.7em' }}>
            {arrow}
          </span>
        )}
      </UnstyledButton>
    </Table.Th>
  );
}
