import { useQuery } from '@apollo/client/react';
import { Button, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { ORDER_STATES } from '@nce/domain';
import { Link } from 'react-router';
import type { OrderSort, SortDirection } from '../../gql/graphql';
import { useListParams, useTypedFilter } from '../../components/list-params';
import { SortHeader } from '../../components/SortHeader';
import { PERMISSIONS } from '../../app/permissions';
import { useSession } from '../../app/session';
import { QueryState } from '../../components/QueryState';
import { ShowMore } from '../../components/ShowMore';
import { StatusBadge } from '../../components/StatusBadge';
import { ORDERS } from './operations';
import { dateTime } from '../../components/format';
import { ExportLink } from '../../components/ExportLink';

const STATUS_CHOICES = [
  { value: '', label: 'Any status' },
  ...ORDER_STATES.map((state) => ({
    value: state,
    label: state.charAt(0) + state.slice(1).replace(/_/g, ' ').toLowerCase(),
  })),
];

/** A date typed as YYYY-MM-DD, as the instant its day starts in UTC; "to" is exclusive, so its next day. */
const dayStart = (day: string, plusDays = 0) =>
  /^\d{4}-\d{2}-\d{2}$/.test(day)
    ? new Date(Date.parse(`${day}T00:00:00Z`) + plusDays * 86_400_000).toISOString()
    : null;

export function OrdersPage() {
  const { can } = useSession();
  // Search, status, dates, sort and paging live in the URL: a link or a reload shows the same list.
  const list = useListParams<OrderSort>({ sort: 'PLACED', direction: 'DESC' });
  const [typed, setTyped] = useTypedFilter(list, 'q');
  const status = list.get('status');
  const from = list.get('from');
  const to = list.get('to');
  const variables = {
    search: list.get('q') || null,
    status: status || null,
    from: dayStart(from),
    to: dayStart(to, 1),
    sortBy: list.sort,
    direction: list.direction as SortDirection,
    first: list.first,
  };
  const { data, loading, error, fetchMore, refetch } = useQuery(ORDERS, {
    variables,
    fetchPolicy: 'cache-and-network',
  });
  const orders = data?.orders.nodes ?? [];
  const filtered = list.filtered;
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          Orders
        </Title>
        <Group>
          <ExportLink
            sort={{ by: list.sort, direction: list.direction }}
            list="orders"
            filter={{ search: variables.search, status: variables.status, from: variables.from, to: variables.to }}
          />
          {can(PERMISSIONS.ordersManage) && (
            <Button component={Link} to="/purchase">
              New purchase
            </Button>
          )}
        </Group>
      </Group>
      <Group align="flex-end">
        <TextInput
          label="Search"
          placeholder="SO or PO number, customer, reseller"
          value={typed}
          onChange={(e) => setTyped(e.currentTarget.value)}
          w={300}
        />
        <Select
          label="Status"
          data={STATUS_CHOICES}
          value={status}
          onChange={(value) => list.set('status', value)}
          allowDeselect={false}
          w={200}
        />
        <TextInput
          label="Placed from"
          type="date"
          value={from}
          onChange={(e) => list.set('from', e.currentTarget.value)}
          w={170}
        />
        <TextInput
          label="Placed until"
          type="date"
          value={to}
          onChange={(e) => list.set('to', e.currentTarget.value)}
          w={170}
        />
        {filtered && (
          <Button variant="subtle" onClick={() => (setTyped(''), list.clear())}>
            Clear filters
          </Button>
        )}
      </Group>
      <QueryState
        loading={loading}
        error={error}
        empty={orders.length === 0}
        emptyText={filtered ? 'No order matches these filters.' : 'No orders yet.'}
        onRetry={() => void refetch()}
      >
        <Table striped highlightOnHover aria-label="Orders">
          <Table.Thead>
            <Table.Tr>
              <SortHeader label="Sales order" column="SO_NUMBER" list={list} firstDirection="DESC" />
              <SortHeader label="Placed" column="PLACED" list={list} firstDirection="DESC" />
              <SortHeader label="Reseller" column="RESELLER" list={list} />
              <SortHeader label="Customer" column="CUSTOMER" list={list} />
              <SortHeader label="Status" column="STATUS" list={list} />
              <SortHeader label="Total" column="TOTAL" list={list} firstDirection="DESC" />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {orders.map((o) => (
              <Table.Tr key={o.id}>
                <Table.Td>
                  <Link to={`/orders/${o.id}`}>{o.soNumber}</Link>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{dateTime(o.placedAt)}</Text>
                </Table.Td>
                <Table.Td>{o.resellerName}</Table.Td>
                <Table.Td>{o.customerName}</Table.Td>
                <Table.Td>
                  <StatusBadge value={o.status} />
                </Table.Td>
                <Table.Td>{o.total.formatted}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <ShowMore
          shown={orders.length}
          noun="order"
          hasMore={data?.orders.pageInfo.hasNextPage ?? false}
          loadMore={() => list.showMore(fetchMore, data?.orders.pageInfo.endCursor, orders.length)}
        />
      </QueryState>
    </Stack>
  );
}
