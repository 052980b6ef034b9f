import { useQuery } from '@apollo/client/react';
import { Anchor, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { QueryState } from '../../components/QueryState';
import { StatusBadge } from '../../components/StatusBadge';
import { RESELLER_STANDING } from './operations';
import { dateOnly } from '../../components/format';

/** What the credit team weighs a request against: the reseller's current exposure and its latest orders. */
export function ResellerStanding({ resellerId }: { resellerId: string }) {
  const { data, loading, error, refetch } = useQuery(RESELLER_STANDING, { variables: { resellerId } });
  const credit = data?.resellerCredit;
  const orders = data?.orders.nodes ?? [];
  return (
    <Card withBorder aria-label="Reseller standing">
      <Stack gap="sm">
        <Title order={4}>Exposure and recent orders</Title>
        <QueryState loading={loading} error={error} empty={false} emptyText="" onRetry={() => void refetch()}>
          <Group gap="xl">
            <Text size="sm">
              Credit line:{' '}
              {credit?.limit
                ? `${credit.limit.formatted}${credit.paymentTerms ? `, ${credit.paymentTerms.replace('_', ' ').toLowerCase()}` : ''}`
                : 'none yet'}
            </Text>
            <Text size="sm">In use on terms: {credit?.used?.formatted ?? 'nothing'}</Text>
            {credit?.available && <Text size="sm">Available: {credit.available.formatted}</Text>}
          </Group>
          {orders.length === 0 ? (
            <Text size="sm" c="dimmed">
              No orders yet.
            </Text>
          ) : (
            <Table aria-label="Recent orders">
              <Table.Tbody>
                {orders.map((order) => (
                  <Table.Tr key={order.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/orders/${order.id}`} size="sm">
                        {order.soNumber}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{dateOnly(order.placedAt)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{order.paymentMethod === 'TERMS' ? 'on terms' : 'by card'}</Text>
                    </Table.Td>
                    <Table.Td>
                      <StatusBadge value={order.status} />
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{order.total.formatted}</Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </QueryState>
      </Stack>
    </Card>
  );
}
