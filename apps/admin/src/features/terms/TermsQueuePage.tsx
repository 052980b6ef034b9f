import { useQuery } from '@apollo/client/react';
import { Badge, Group, SegmentedControl, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { Link } from 'react-router';
import { QUEUE_REFRESH_MS, QueryState } from '../../components/QueryState';
import { ShowMore } from '../../components/ShowMore';
import { StatusBadge } from '../../components/StatusBadge';
import { TERMS_QUEUE } from './operations';
import { useListParams, useTypedFilter } from '../../components/list-params';
import { SortHeader } from '../../components/SortHeader';
import type { SortDirection, TermsRequestSort } from '../../gql/graphql';
import { ageShort, dateTime } from '../../components/format';

const VIEWS: Record<string, string[] | null> = {
  open: ['SUBMITTED', 'IN_REVIEW', 'MORE_INFO_REQUESTED'],
  decided: ['APPROVED', 'REJECTED', 'WITHDRAWN'],
  all: null,
};

export const SlaBadge = ({ sla, ageHours }: { sla: string; ageHours: number }) => (
  <Badge
    color={sla === 'OVERDUE' ? 'red' : sla === 'DUE_SOON' ? 'orange' : sla === 'ANSWERED' ? 'gray' : 'green'}
    variant={sla === 'OVERDUE' ? 'filled' : 'light'}
  >
    {sla === 'ANSWERED' ? 'answered' : `${ageShort(ageHours)} · ${sla.replace('_', ' ').toLowerCase()}`}
  </Badge>
);

/** R23: the credit team's queue, oldest first, with each request's age against the 24–48 h window. */
export function TermsQueuePage() {
  const list = useListParams<TermsRequestSort>({ sort: 'SUBMITTED', direction: 'ASC' });
  const view = list.get('view') || 'open';
  const [search, setSearch] = useTypedFilter(list, 'q');
  const variables = {
    statuses: VIEWS[view] ?? null,
    search: list.get('q') || null,
    sortBy: list.sort,
    direction: list.direction as SortDirection,
    first: list.first,
  };
  const { data, loading, error, fetchMore, refetch } = useQuery(TERMS_QUEUE, {
    variables,
    fetchPolicy: 'cache-and-network',
    pollInterval: QUEUE_REFRESH_MS,
  });
  const requests = data?.termsRequests.nodes ?? [];
  return (
    <Stack>
      <Title order={1} size="h2">
        Terms requests
      </Title>
      <Group align="flex-end">
        <SegmentedControl
          aria-label="Queue"
          value={view}
          onChange={(value) => list.set('view', value === 'open' ? null : value)}
          data={[
            { value: 'open', label: 'Open' },
            { value: 'decided', label: 'Decided' },
            { value: 'all', label: 'All' },
          ]}
        />
        <TextInput
          label="Search"
          placeholder="Company, marketplace ID or BCN"
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          w={300}
        />
      </Group>
      <QueryState
        loading={loading}
        error={error}
        empty={requests.length === 0}
        emptyText="No terms request here."
        onRetry={() => void refetch()}
      >
        <Table striped highlightOnHover aria-label="Terms requests">
          <Table.Thead>
            <Table.Tr>
              <SortHeader label="Reseller" column="COMPANY" list={list} />
              <Table.Th>Credit line asked</Table.Th>
              <SortHeader label="Submitted" column="SUBMITTED" list={list} />
              <SortHeader label="Answer window" column="WAITING" list={list} />
              <SortHeader label="Status" column="STATUS" list={list} />
              <Table.Th>Analyst</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {requests.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>
                  <Link to={`/terms/${r.id}`}>{r.companyName}</Link>
                  <Text size="xs" c="dimmed">
                    {r.marketplaceId}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{r.requestedLimit?.formatted ?? '—'}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{dateTime(r.submittedAt)}</Text>
                </Table.Td>
                <Table.Td>
                  <SlaBadge sla={r.sla} ageHours={r.ageHours} />
                </Table.Td>
                <Table.Td>
                  <StatusBadge value={r.status} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{r.assigneeEmail ?? '—'}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <ShowMore
          shown={requests.length}
          noun="request"
          hasMore={data?.termsRequests.pageInfo.hasNextPage ?? false}
          loadMore={() => list.showMore(fetchMore, data?.termsRequests.pageInfo.endCursor, requests.length)}
        />
      </QueryState>
    </Stack>
  );
}
