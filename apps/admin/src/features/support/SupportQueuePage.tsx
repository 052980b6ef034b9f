import { useQuery } from '@apollo/client/react';
import { Badge, Group, SegmentedControl, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { Link } from 'react-router';
import { ageShort } from '../../components/format';
import { QUEUE_REFRESH_MS, QueryState } from '../../components/QueryState';
import { ShowMore } from '../../components/ShowMore';
import { StatusBadge } from '../../components/StatusBadge';
import { SUPPORT_QUEUE } from './operations';

const VIEWS: Record<string, string[] | null> = { open: ['OPEN', 'WAITING_ON_RESELLER'], done: ['RESOLVED', 'CLOSED'], all: null };
export const CASE_TYPE_LABELS: Record<string, string> = { BILLING: 'Billing and invoicing', RETURN: 'Return', PASSWORD_LOGIN: 'Password / sign-in', OTHER: 'Other' };

/** R24: the support queue, oldest first, with each case's age. */
export function SupportQueuePage() {
  const [view, setView] = useState('open');
  const [type, setType] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 300);
  const { data, loading, error, fetchMore, refetch } = useQuery(SUPPORT_QUEUE, { variables: { statuses: VIEWS[view], type, search: debounced || null, first: 25 }, fetchPolicy: 'cache-and-network', pollInterval: QUEUE_REFRESH_MS });
  const cases = data?.supportCases.nodes ?? [];
  return (
    <Stack>
      <Title order={1} size="h2">Support</Title>
      <Group align="flex-end">
        <SegmentedControl aria-label="Queue" value={view} onChange={setView} data={[{ value: 'open', label: 'Open' }, { value: 'done', label: 'Resolved' }, { value: 'all', label: 'All' }]} />
        <Select label="Type" placeholder="Any type" clearable data={Object.entries(CASE_TYPE_LABELS).map(([value, label]) => ({ value, label }))} value={type} onChange={setType} w={220} />
        <TextInput label="Search" placeholder="Subject or case number" value={search} onChange={(e) => setSearch(e.currentTarget.value)} w={260} />
      </Group>
      <QueryState loading={loading} error={error} empty={cases.length === 0} emptyText="No case here." onRetry={() => void refetch()}>
        <Table striped highlightOnHover aria-label="Support cases">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Case</Table.Th>
              <Table.Th>Type</Table.Th>
              <Table.Th>Priority</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Age</Table.Th>
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
                <Table.Td>{CASE_TYPE_LABELS[c.type] ?? c.type}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={c.priority === 'URGENT' ? 'red' : c.priority === 'HIGH' ? 'orange' : 'gray'}>
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
        <ShowMore shown={cases.length} noun="case" hasMore={data?.supportCases.pageInfo.hasNextPage ?? false} loadMore={() => fetchMore({ variables: { after: data?.supportCases.pageInfo.endCursor } })} />
      </QueryState>
    </Stack>
  );
}
