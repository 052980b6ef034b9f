import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Group, Modal, SegmentedControl, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { PERMISSIONS } from '../../app/permissions';
import { useSession } from '../../app/session';
import { errorsByField } from '../../components/fieldErrors';
import { QueryState } from '../../components/QueryState';
import { ShowMore } from '../../components/ShowMore';
import { StatusBadge } from '../../components/StatusBadge';
import type { ResellerSort, ResellerStatus, SortDirection } from '../../gql/graphql';
import { useListParams, useTypedFilter } from '../../components/list-params';
import { SortHeader } from '../../components/SortHeader';
import { CREATE_RESELLER, RESELLERS } from './operations';
import { dateOnly } from '../../components/format';
import { EMPTY_RESELLER, ResellerForm, toResellerInput, type ResellerValues } from './ResellerForm';
import { ExportLink } from '../../components/ExportLink';

export function ResellersPage() {
  const { can } = useSession();
  const navigate = useNavigate();
  const list = useListParams<ResellerSort>({ sort: 'NAME', direction: 'ASC' });
  const [search, setSearch] = useTypedFilter(list, 'q');
  const status = list.get('status');
  const variables = {
    search: list.get('q') || null,
    status: (status || null) as ResellerStatus | null,
    sortBy: list.sort,
    direction: list.direction as SortDirection,
    first: list.first,
  };
  const { data, loading, error, fetchMore, refetch } = useQuery(RESELLERS, {
    variables,
    fetchPolicy: 'cache-and-network',
  });
  const [creating, setCreating] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [create, createState] = useMutation(CREATE_RESELLER);
  const resellers = data?.resellers.nodes ?? [];

  const save = async (values: ResellerValues) => {
    setFieldErrors({});
    setFormError(null);
    try {
      const result = (await create({ variables: { input: toResellerInput(values) } })).data?.createReseller;
      if (result?.__typename === 'ResellerSaved') navigate(`/resellers/${result.reseller.id}`);
      else if (result?.__typename === 'ValidationFailed') setFieldErrors(errorsByField(result.fields));
      else if (result && 'message' in result) setFormError(result.message);
    } catch (failure) {
      setFormError((failure as Error).message);
    }
  };

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          Resellers
        </Title>
        <Group>
          <ExportLink
            sort={{ by: list.sort, direction: list.direction }}
            list="resellers"
            filter={{ search: variables.search, status: variables.status }}
          />
          {can(PERMISSIONS.resellersManage) && <Button onClick={() => setCreating(true)}>New reseller</Button>}
        </Group>
      </Group>
      <Group align="flex-end">
        <TextInput
          label="Search"
          placeholder="Company, marketplace ID or BCN"
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          w={320}
        />
        <SegmentedControl
          aria-label="Status"
          value={status}
          onChange={(value) => list.set('status', value)}
          data={[
            { value: '', label: 'All' },
            { value: 'PENDING_ACTIVATION', label: 'Activating' },
            { value: 'ACTIVE', label: 'Active' },
            { value: 'SUSPENDED', label: 'Suspended' },
          ]}
        />
      </Group>
      <QueryState
        loading={loading}
        error={error}
        empty={resellers.length === 0}
        emptyText="No reseller matches."
        onRetry={() => void refetch()}
      >
        <Table striped highlightOnHover aria-label="Resellers">
          <Table.Thead>
            <Table.Tr>
              <SortHeader label="Company" column="NAME" list={list} />
              <Table.Th>Marketplace ID</Table.Th>
              <Table.Th>BCN</Table.Th>
              <SortHeader label="Status" column="STATUS" list={list} />
              <Table.Th>Payment</Table.Th>
              <SortHeader label="Added" column="CREATED" list={list} firstDirection="DESC" />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {resellers.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>
                  <Link to={`/resellers/${r.id}`}>{r.companyName}</Link>
                </Table.Td>
                <Table.Td>{r.marketplaceId}</Table.Td>
                <Table.Td>{r.bcn}</Table.Td>
                <Table.Td>
                  <StatusBadge value={r.status} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{r.paymentMethod === 'TERMS' ? 'Terms' : 'Credit card'}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{dateOnly(r.createdAt)}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <ShowMore
          shown={resellers.length}
          noun="reseller"
          hasMore={data?.resellers.pageInfo.hasNextPage ?? false}
          loadMore={() => list.showMore(fetchMore, data?.resellers.pageInfo.endCursor, resellers.length)}
        />
      </QueryState>
      <Modal opened={creating} onClose={() => setCreating(false)} title="New reseller" size="lg">
        <ResellerForm
          initial={EMPTY_RESELLER}
          submitLabel="Create reseller"
          submitting={createState.loading}
          fieldErrors={fieldErrors}
          formError={formError}
          onSubmit={(v) => void save(v)}
        />
      </Modal>
    </Stack>
  );
}
