import { useQuery } from '@apollo/client/react';
import { Anchor, Card, SimpleGrid, Table, Text, Title } from '@mantine/core';
import { SEGMENT_LABELS } from '@nce/domain';
import { Link } from 'react-router';
import { PERMISSIONS } from '../../app/permissions';
import { useSession } from '../../app/session';
import { StatusBadge } from '../../components/StatusBadge';
import { CUSTOMERS } from '../customers/operations';
import { ORDERS } from '../orders/operations';

/** A reseller's customers and latest orders, on its page. */
export function ResellerActivity({ resellerId }: { resellerId: string }) {
  const { can } = useSession();
  const customers = useQuery(CUSTOMERS, {
    variables: { resellerId, first: 10 },
    skip: !can(PERMISSIONS.customersRead),
  });
  const orders = useQuery(ORDERS, { variables: { resellerId, first: 10 }, skip: !can(PERMISSIONS.ordersRead) });
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }}>
      <Card withBorder aria-label="Reseller customers">
        <Title order={4}>Customers</Title>
        {(customers.data?.customers.nodes ?? []).length === 0 ? (
          <Text size="sm" c="dimmed">
            No customers yet.
          </Text>
        ) : (
          <Table>
            <Table.Tbody>
              {customers.data?.customers.nodes.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/customers/${c.id}`} size="sm">
                      {c.companyName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{SEGMENT_LABELS[c.segment]}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{c.tenant?.domain ?? 'no tenant yet'}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Card>
      <Card withBorder aria-label="Reseller orders">
        <Title order={4}>Latest orders</Title>
        {(orders.data?.orders.nodes ?? []).length === 0 ? (
          <Text size="sm" c="dimmed">
            No orders yet.
          </Text>
        ) : (
          <Table>
            <Table.Tbody>
              {orders.data?.orders.nodes.map((o) => (
                <Table.Tr key={o.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/orders/${o.id}`} size="sm">
                      {o.soNumber}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{o.customerName}</Text>
                  </Table.Td>
                  <Table.Td>
                    <StatusBadge value={o.status} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{o.total.formatted}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Card>
    </SimpleGrid>
  );
}
