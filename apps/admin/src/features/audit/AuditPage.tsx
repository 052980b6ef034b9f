import { useQuery } from '@apollo/client/react';
import { Badge, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { QueryState } from '../../components/QueryState';
import { ShowMore } from '../../components/ShowMore';

import { AuditChanges } from '../../components/AuditChanges';
import { operationLabel } from '../../components/audit-text';
import { AUDIT_ENTRIES } from './operations';
import { dateTime } from '../../components/format';

interface Filters {
  operation: string;
  entityType: string;
  entityId: string;
  actorUserId: string;
  from: string;
  to: string;
}

const EMPTY: Filters = { operation: '', entityType: '', entityId: '', actorUserId: '', from: '', to: '' };

/** Local date-time input → ISO instant (the API compares instants). */
const instant = (local: string) => (local ? new Date(local).toISOString() : null);

export function AuditPage() {
  const [filters, setFilters] = useState<Filters>(EMPTY);
  const [debounced] = useDebouncedValue(filters, 300);
  const filter = {
    operation: debounced.operation || null,
    entityType: debounced.entityType || null,
    entityId: debounced.entityId || null,
    actorUserId: debounced.actorUserId || null,
    from: instant(debounced.from),
    to: instant(debounced.to),
  };
  const { data, loading, error, fetchMore, refetch } = useQuery(AUDIT_ENTRIES, { variables: { filter, first: 50 } });
  const entries = data?.auditEntries.nodes ?? [];
  const field = (name: keyof Filters, label: string, placeholder = '', type = 'text') => (
    <TextInput label={label} placeholder={placeholder} type={type} value={filters[name]} onChange={(e) => setFilters({ ...filters, [name]: e.currentTarget.value })} w={type === 'datetime-local' ? 210 : 190} />
  );

  return (
    <Stack>
      <Title order={1} size="h2">Audit trail</Title>
      <Group align="flex-end">
        {field('operation', 'Operation', 'e.g. staff.updateUser')}
        {field('entityType', 'Entity type', 'e.g. User')}
        {field('entityId', 'Entity id')}
        {field('actorUserId', 'Actor user id')}
        {field('from', 'From', '', 'datetime-local')}
        {field('to', 'To', '', 'datetime-local')}
      </Group>
      <QueryState loading={loading} error={error} empty={entries.length === 0} emptyText="No audit entry matches these filters." onRetry={() => void refetch()}>
        <Table striped aria-label="Audit entries" verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>When</Table.Th>
              <Table.Th>Who</Table.Th>
              <Table.Th>Operation</Table.Th>
              <Table.Th>Entity</Table.Th>
              <Table.Th>Changes</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {entries.map((entry) => (
              <Table.Tr key={entry.id}>
                <Table.Td>
                  <Text size="sm">{dateTime(entry.at)}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{entry.actorEmail ?? entry.actorKind}</Text>
                  <Group gap={4}>
                    {entry.actorRoles.map((role) => (
                      <Badge key={role} size="xs" variant="light">
                        {role}
                      </Badge>
                    ))}
                    {entry.onBehalfOfResellerId && (
                      <Badge size="xs" color="grape" variant="light">
                        for reseller {entry.onBehalfOfResellerId.slice(0, 8)}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{operationLabel(entry.operation)}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{entry.entityType}</Text>
                  <Text size="xs" c="dimmed">
                    {entry.entityId}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <AuditChanges changes={entry.changes} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <ShowMore shown={entries.length} noun="entry" nounPlural="entries" hasMore={data?.auditEntries.pageInfo.hasNextPage ?? false} loadMore={() => fetchMore({ variables: { after: data?.auditEntries.pageInfo.endCursor } })} />
      </QueryState>
    </Stack>
  );
}
