import { useQuery } from '@apollo/client/react';
import { Badge, Button, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useListParams, useTypedFilter } from '../../components/list-params';
import { SortHeader } from '../../components/SortHeader';
import type { SortDirection } from '../../gql/graphql';
import { QueryState } from '../../components/QueryState';
import { ShowMore } from '../../components/ShowMore';

import { AuditChanges } from '../../components/AuditChanges';
import { ENTITY_TYPE_CHOICES, entityTypeLabel, OPERATION_CHOICES, operationLabel } from '../../components/audit-text';
import { AUDIT_ENTRIES } from './operations';
import { dateTime } from '../../components/format';
import { ExportLink } from '../../components/ExportLink';

/** Local date-time input → ISO instant (the API compares instants). */
const instant = (local: string) => (local && !Number.isNaN(Date.parse(local)) ? new Date(local).toISOString() : null);

type AuditSort = 'AT';

export function AuditPage() {
  // Filters, order and paging live in the URL, so a found trail can be linked to.
  const list = useListParams<AuditSort>({ sort: 'AT', direction: 'DESC' });
  const [actor, setActor] = useTypedFilter(list, 'actor');
  const [entity, setEntity] = useTypedFilter(list, 'entity');
  const filter = {
    actor: list.get('actor') || null,
    entity: list.get('entity') || null,
    operation: list.get('operation') || null,
    entityType: list.get('type') || null,
    from: instant(list.get('from')),
    to: instant(list.get('to')),
  };
  const { data, loading, error, fetchMore, refetch } = useQuery(AUDIT_ENTRIES, {
    variables: { filter, direction: list.direction as SortDirection, first: list.first },
    fetchPolicy: 'cache-and-network',
  });
  const entries = data?.auditEntries.nodes ?? [];
  const typed = (label: string, placeholder: string, value: string, set: (value: string) => void, w = 200) => (
    <TextInput
      label={label}
      placeholder={placeholder}
      value={value}
      onChange={(e) => set(e.currentTarget.value)}
      w={w}
    />
  );
  const when = (name: 'from' | 'to', label: string) => (
    <TextInput
      label={label}
      type="datetime-local"
      value={list.get(name)}
      onChange={(e) => list.set(name, e.currentTarget.value)}
      w={210}
    />
  );

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          Audit trail
        </Title>
        <ExportLink list="audit" filter={filter} />
      </Group>
      <Group align="flex-end">
        {typed('Who', 'Name or email', actor, setActor)}
        {typed('Entity', 'Company, SO or case number, user', entity, setEntity, 240)}
        <Select
          label="What was done"
          placeholder="Anything"
          searchable
          clearable
          data={OPERATION_CHOICES}
          value={list.get('operation') || null}
          onChange={(value) => list.set('operation', value)}
          w={260}
        />
        <Select
          label="Kind of record"
          placeholder="Any"
          clearable
          data={ENTITY_TYPE_CHOICES}
          value={list.get('type') || null}
          onChange={(value) => list.set('type', value)}
          w={180}
        />
        {when('from', 'From')}
        {when('to', 'To')}
        {list.filtered && (
          <Button variant="subtle" onClick={() => (setActor(''), setEntity(''), list.clear())}>
            Clear filters
          </Button>
        )}
      </Group>
      <QueryState
        loading={loading}
        error={error}
        empty={entries.length === 0}
        emptyText="No audit entry matches these filters."
        onRetry={() => void refetch()}
      >
        <Table striped aria-label="Audit entries" verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <SortHeader label="When" column="AT" list={list} firstDirection="DESC" />
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
                  <Text size="sm">{entry.entityName ?? entityTypeLabel(entry.entityType)}</Text>
                  <Text size="xs" c="dimmed">
                    {entry.entityName ? `${entityTypeLabel(entry.entityType)} · ` : ''}
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
        <ShowMore
          shown={entries.length}
          noun="entry"
          nounPlural="entries"
          hasMore={data?.auditEntries.pageInfo.hasNextPage ?? false}
          loadMore={() => list.showMore(fetchMore, data?.auditEntries.pageInfo.endCursor, entries.length)}
        />
      </QueryState>
    </Stack>
  );
}
