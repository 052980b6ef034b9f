import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Group, Modal, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { CUSTOMER_SEGMENTS, SEGMENT_LABELS, type CustomerSegment } from '@nce/domain';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { PERMISSIONS } from '../../app/permissions';
import { useSession } from '../../app/session';
import { errorsByField } from '../../components/fieldErrors';
import { QueryState } from '../../components/QueryState';
import { ShowMore } from '../../components/ShowMore';
import { StatusBadge } from '../../components/StatusBadge';
import { CustomerForm, EMPTY_CUSTOMER, toCustomerInput, type CustomerValues } from './CustomerForm';
import { ResellerPicker } from '../../components/ResellerPicker';
import { CREATE_CUSTOMER, CUSTOMERS } from './operations';
import { useListParams, useTypedFilter } from '../../components/list-params';
import { SortHeader } from '../../components/SortHeader';
import type { CustomerSort, SortDirection } from '../../gql/graphql';
import { ExportLink } from '../../components/ExportLink';

export function CustomersPage() {
  const { me, can } = useSession();
  const navigate = useNavigate();
  const list = useListParams<CustomerSort>({ sort: 'NAME', direction: 'ASC' });
  const [search, setSearch] = useTypedFilter(list, 'q');
  const segment = list.get('segment') || null;
  const staffView = me?.kind === 'STAFF';
  const resellerFilter = staffView ? list.get('reseller') || null : null;
  const variables = {
    search: list.get('q') || null,
    segment: segment as CustomerSegment | null,
    resellerId: resellerFilter,
    sortBy: list.sort,
    direction: list.direction as SortDirection,
    first: list.first,
  };
  const { data, loading, error, fetchMore, refetch } = useQuery(CUSTOMERS, {
    variables,
    fetchPolicy: 'cache-and-network',
  });
  const [creating, setCreating] = useState(false);
  const [resellerId, setResellerId] = useState<string | null>(me?.resellerId ?? null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [create, createState] = useMutation(CREATE_CUSTOMER);
  const customers = data?.customers.nodes ?? [];

  const save = async (values: CustomerValues) => {
    setFieldErrors({});
    setFormError(null);
    if (!resellerId) return setFieldErrors({ resellerId: 'Choose the reseller this customer belongs to.' });
    try {
      const result = (await create({ variables: { resellerId, input: toCustomerInput(values) } })).data?.createCustomer;
      if (result?.__typename === 'CustomerSaved') navigate(`/customers/${result.customer.id}`);
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
          Customers
        </Title>
        <Group>
          <ExportLink
            sort={{ by: list.sort, direction: list.direction }}
            list="customers"
            filter={{ search: variables.search, segment: variables.segment, resellerId: variables.resellerId }}
          />
          {can(PERMISSIONS.customersManage) && <Button onClick={() => setCreating(true)}>New customer</Button>}
        </Group>
      </Group>
      <Group align="flex-end">
        <TextInput
          label="Search"
          placeholder="Company, contact email or login"
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          w={320}
        />
        <Select
          label="Segment"
          placeholder="All segments"
          clearable
          data={CUSTOMER_SEGMENTS.map((s) => ({ value: s, label: SEGMENT_LABELS[s] }))}
          value={segment}
          onChange={(value) => list.set('segment', value)}
          w={200}
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
        {list.filtered && (
          <Button variant="subtle" onClick={() => (setSearch(''), list.clear())}>
            Clear filters
          </Button>
        )}
      </Group>
      <QueryState
        loading={loading}
        error={error}
        empty={customers.length === 0}
        emptyText={list.filtered ? 'No customer matches these filters.' : 'No customers yet.'}
        onRetry={() => void refetch()}
      >
        <Table striped highlightOnHover aria-label="Customers">
          <Table.Thead>
            <Table.Tr>
              <SortHeader label="Company" column="NAME" list={list} />
              {staffView && <Table.Th>Reseller</Table.Th>}
              <SortHeader label="Segment" column="SEGMENT" list={list} />
              <Table.Th>Administrative contact</Table.Th>
              <Table.Th>Tenant</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {customers.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>
                  <Link to={`/customers/${c.id}`}>{c.companyName}</Link>
                  <Text size="xs" c="dimmed">
                    {c.portalLogin}
                  </Text>
                </Table.Td>
                {staffView && <Table.Td>{c.resellerName}</Table.Td>}
                <Table.Td>{SEGMENT_LABELS[c.segment]}</Table.Td>
                <Table.Td>
                  <Text size="sm">{c.adminContact.name}</Text>
                  <Text size="xs" c="dimmed">
                    {c.adminContact.email}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {c.tenant ? (
                    <Group gap={4}>
                      <Text size="sm">{c.tenant.domain}</Text>
                      <StatusBadge value={c.tenant.state} />
                    </Group>
                  ) : (
                    <Text size="sm" c="dimmed">
                      not chosen
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <ShowMore
          shown={customers.length}
          noun="customer"
          hasMore={data?.customers.pageInfo.hasNextPage ?? false}
          loadMore={() => list.showMore(fetchMore, data?.customers.pageInfo.endCursor, customers.length)}
        />
      </QueryState>
      <Modal opened={creating} onClose={() => setCreating(false)} title="New customer" size="lg">
        <CustomerForm
          initial={EMPTY_CUSTOMER}
          before={
            me?.kind === 'STAFF' ? (
              <ResellerPicker value={resellerId} onChange={setResellerId} error={fieldErrors.resellerId} />
            ) : undefined
          }
          submitLabel="Create customer"
          submitting={createState.loading}
          fieldErrors={fieldErrors}
          formError={formError}
          onSubmit={(v) => void save(v)}
        />
      </Modal>
    </Stack>
  );
}
