import { useQuery } from '@apollo/client/react';
import { Badge, Group, SegmentedControl, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { Link } from 'react-router';
import { ageShort } from '../../components/format';
import { QUEUE_REFRESH_MS, QueryState } from '../../components/QueryState';
import { ShowMore } from '../../components/ShowMore';
import { StatusBadge } from '../../components/StatusBadge';
import { SUPPORT_QUEUE } from './operations';
import { useListParams, useTypedFilter } from '../../components/list-params';
import { SortHeader } from '../../components/SortHeader';
import { ResellerPicker } from '../../components/ResellerPicker';
import { useSession } from '../../app/session';
import { OpenCaseButton } from './OpenCaseButton';
import type { SortDirection, SupportCaseSort } from '../../gql/graphql';

const VIEWS: Record<string, string[] | null> = {
  open: ['OPEN', 'WAITING_ON_RESELLER'],
  done: ['RESOLVED', 'CLOSED'],
  all: null,
};
export const CASE_TYPE_LABELS: Record<string, string> = {
  BILLING: 'Billing and invoicing',
  RETURN: 'Return',
  PASSWORD_LOGIN: 'Password / sign-in',
  OTHER: 'Other',
};

/** R24: the support queue, oldest first, with each case's age; a reseller's users see and open their own cases. */
export function SupportQueuePage() {
  const { me } = useSession();
  const staffView = me?.kind === 'STAFF';
  const list = useListParams<SupportCaseSort>({ sort: 'OPENED', direction: 'ASC' });
  const view = list.get('view') || 'open';
  const type = list.get('type') || null;
  const resellerFilter = staffView ? list.get('reseller') || null : null;
  const [search, setSearch] = useTypedFilter(list, 'q');
  const variables = {
    statuses: VIEWS[view] ?? null,
    type,
    resellerId: resellerFilter,
    search: list.get('q') || null,
    sortBy: list.sort,
    direction: list.direction as SortDirection,
    first: list.first,
  };
  const { data, loading, error, fetchMore, refetch } = useQuery(SUPPORT_QUEUE, {
    variables,
    fetchPolicy: 'cache-and-network',
    pollInterval: QUEUE_REFRESH_MS,
  });
  const cases = data?.supportCases.nodes ?? [];
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          {staffView ? 'Support' : 'Support cases'}
        </Title>
        {!staffView && me?.resellerId && <OpenCaseButton resellerId={me.resellerId} />}
      </Group>
      <Group align="flex-end">
        <SegmentedControl
          aria-label="Queue"
          value={view}
          onChange={(value) => list.set('view', value === 'open' ? null : value)}
          data={[
            { value: 'open', label: 'Open' },
            { value: 'done', label: 'Resolved' },
            { value: 'all', label: 'All' },
          ]}
        />
        <Select
          label="Type"
          placeholder="Any type"
          clearable
          data={Object.entries(CASE_TYPE_LABELS).map(([value, label]) => ({ value, label }))}
          value={type}
          onChange={(value) => list.set('type', value)}
          w={220}
        />
        {staffView && (
          <ResellerPicker
            label="Reseller"
            placeholder="All resellers"
            value={resellerFilter}
            onChange={(value) => list.set('reseller', value)}
            w={260}
          />
        )}
        <TextInput
          label="Search"
          placeholder="Subject or case number"
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          w={260}
        />
      </Group>
      <QueryState
        loading={loading}
        error={error}
        empty={cases.length === 0}
        emptyText="No case here."
        onRetry={() => void refetch()}
      >
        <Table striped highlightOnHover aria-label="Support cases">
          <Table.Thead>
            <Table.Tr>
              <SortHeader label="Case" column="SUBJECT" list={list} />
              {staffView && <Table.Th>Reseller</Table.Th>}
              <Table.Th>Customer</Table.Th>
              <SortHeader label="Type" column="TYPE" list={list} />
              <Table.Th>Priority</Table.Th>
              <SortHeader label="Status" column="STATUS" list={list} />
              <SortHeader label="Age" column="OPENED" list={list} />
              <Table.Th>Agent</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {cases.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>
                  <Link to={`/support/${c.id}`}>{c.subject}</Link>
                  <Text size="xs" c="dimmed">
                    {c.number}
                  </Text>
                </Table.Td>
                {staffView && <Table.Td>{c.resellerName}</Table.Td>}
                <Table.Td>
                  {c.customerName ?? (
                    <Text size="sm" c="dimmed">
                      —
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{CASE_TYPE_LABELS[c.type] ?? c.type}</Table.Td>
                <Table.Td>
                  <Badge
                    variant="light"
                    color={c.priority === 'URGENT' ? 'red' : c.priority === 'HIGH' ? 'orange' : 'gray'}
                  >
                    {c.priority.toLowerCase()}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <StatusBadge value={c.status} />
                </Table.Td>
                <Table.Td>{ageShort(c.ageHours)}</Table.Td>
                <Table.Td>
                  <Text size="sm">{c.assigneeEmail ?? '—'}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <ShowMore
          shown={cases.length}
          noun="case"
          hasMore={data?.supportCases.pageInfo.hasNextPage ?? false}
          loadMore={() => list.showMore(fetchMore, data?.supportCases.pageInfo.endCursor, cases.length)}
        />
      </QueryState>
    </Stack>
  );
}
