import { useQuery } from '@apollo/client/react';
import { Button, Group, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { PERMISSIONS } from '../../app/permissions';
import { useSession } from '../../app/session';
import { QueryState } from '../../components/QueryState';
import { ShowMore } from '../../components/ShowMore';
import { StatusBadge } from '../../components/StatusBadge';
import { ORDERS } from './operations';
import { dateTime } from '../../components/format';

export function OrdersPage() {
  const { can } = useSession();
  const [status, setStatus] = useState('');
  const { data, loading, error, fetchMore, refetch } = useQuery(ORDERS, { variables: { status: status || null, first: 25 }, fetchPolicy: 'cache-and-network' });
  const orders = data?.orders.nodes ?? [];
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">Orders</Title>
        {can(PERMISSIONS.ordersManage) && (
          <Button component={Link} to="/purchase">
            New purchase
          </Button>
        )}
      </Group>
      <SegmentedControl
        aria-label="Status"
        w="fit-content"
        value={status}
        onChange={setStatus}
        data={[
          { value: '', label: 'All' },
          { value: 'PLACED', label: 'Placed' },
          { value: 'PROVISIONING', label: 'Provisioning' },
          { value: 'PROVISIONED', label: 'Provisioned' },
          { value: 'FAILED', label: 'Failed' },
        ]}
      />
      <QueryState loading={loading} error={error} empty={orders.length === 0} emptyText="No orders yet." onRetry={() => void refetch()}>
        <Table striped highlightOnHover aria-label="Orders">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Sales order</Table.Th>
              <Table.Th>Placed</Table.Th>
              <Table.Th>Reseller</Table.Th>
              <Table.Th>Customer</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Total</Table.Th>
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
        <ShowMore shown={orders.length} noun="order" hasMore={data?.orders.pageInfo.hasNextPage ?? false} loadMore={() => fetchMore({ variables: { after: data?.orders.pageInfo.endCursor } })} />
      </QueryState>
    </Stack>
  );
}
