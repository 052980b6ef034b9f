import { useMutation, useQuery } from '@apollo/client/react';
import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Timeline,
  Title,
} from '@mantine/core';
import { BILLING_PLAN_LABELS, TERM_LABELS } from '@nce/domain';
import { useEffect } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { useSession } from '../../app/session';
import { QueryState } from '../../components/QueryState';
import { StatusBadge } from '../../components/StatusBadge';
import { PERMISSIONS } from '../../app/permissions';
import { InvoiceCard } from '../support/InvoiceCard';
import { OpenCaseButton } from '../support/OpenCaseButton';
import { ORDER, RETRY_ORDER } from './operations';
import { PageBreadcrumbs } from '../../components/PageBreadcrumbs';
import { dateTime } from '../../components/format';
import { PriceWithUnit } from '../../components/PriceWithUnit';

const IN_PROGRESS = new Set(['PLACED', 'PROVISIONING']);

export function OrderPage() {
  const { orderId = '' } = useParams();
  const { me, can } = useSession();
  const first = useQuery(ORDER, { variables: { id: orderId } });
  // While provisioning runs, follow it without a reload.
  const following = useQuery(ORDER, {
    variables: { id: orderId },
    pollInterval: 1500,
    skip: !IN_PROGRESS.has(first.data?.order?.status ?? ''),
  });
  const order = (following.data ?? first.data)?.order;
  const [retry, retrying] = useMutation(RETRY_ORDER);
  // Arriving from Buy: say so at the top, where the eye is, with the SO number.
  const placed = (useLocation().state as { placed?: { soNumber: string; total: string } } | null)?.placed;
  useEffect(() => {
    if (placed) window.scrollTo({ top: 0 });
  }, [placed]);

  return (
    <Stack>
      <PageBreadcrumbs
        trail={[{ label: 'Orders', to: '/orders', permission: PERMISSIONS.ordersRead }]}
        current={order?.soNumber}
      />
      {placed && (
        <Alert color="green" title="Order placed" role="status">
          Sales order <b data-testid="so-number">{placed.soNumber}</b> for {placed.total}. Licences provision in the
          background; the administrative contact is emailed when they are ready.
        </Alert>
      )}
      <QueryState
        loading={first.loading}
        error={first.error}
        empty={!order}
        emptyText="No such order."
        onRetry={() => void first.refetch()}
      >
        {order && (
          <>
            <Group justify="space-between">
              <div>
                <Group gap="sm">
                  <Title order={1} size="h2">
                    {order.soNumber}
                  </Title>
                  <span data-testid="order-status">
                    <StatusBadge value={order.status} />
                  </span>
                </Group>
                <Text c="dimmed">
                  {order.resellerName} for{' '}
                  <Anchor component={Link} to={`/customers/${order.customerId}`}>
                    {order.customerName}
                  </Anchor>{' '}
                  · {dateTime(order.placedAt)}
                </Text>
              </div>
              <Group>
                {(me?.kind === 'RESELLER' || can(PERMISSIONS.supportCases)) && (
                  <OpenCaseButton resellerId={order.resellerId} orderId={order.id} customerId={order.customerId} />
                )}
                <Text fw={700} size="lg">
                  {order.total.formatted}
                </Text>
              </Group>
            </Group>
            {order.failureReason && (
              <Alert color="red" title="Provisioning failed" role="alert">
                <Stack gap="xs">
                  <Text size="sm">{order.failureReason}</Text>
                  {me?.kind === 'STAFF' && order.status === 'FAILED' && (
                    <Button
                      size="xs"
                      w="fit-content"
                      loading={retrying.loading}
                      onClick={() => void retry({ variables: { orderId: order.id } }).then(() => first.refetch())}
                    >
                      Retry provisioning
                    </Button>
                  )}
                </Stack>
              </Alert>
            )}
            <SimpleGrid cols={{ base: 1, md: 3 }}>
              <Card withBorder>
                <Title order={6}>Tenant</Title>
                <Text size="sm">{order.tenantDomain}</Text>
              </Card>
              <Card withBorder>
                <Title order={6}>Payment</Title>
                <Text size="sm">{order.paymentMethod === 'TERMS' ? 'Terms' : 'Credit card'}</Text>
                {order.poNumber && <Text size="sm">PO {order.poNumber}</Text>}
              </Card>
              <Card withBorder>
                <Title order={6}>Provisioned</Title>
                <Text size="sm">{order.provisionedAt ? dateTime(order.provisionedAt) : 'not yet'}</Text>
              </Card>
            </SimpleGrid>
            <Card withBorder>
              <Title order={4}>Lines</Title>
              <Table aria-label="Order lines">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>SKU</Table.Th>
                    <Table.Th>Qty</Table.Th>
                    <Table.Th>Unit</Table.Th>
                    <Table.Th>Total</Table.Th>
                    <Table.Th>Subscription</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {order.lines.map((l) => (
                    <Table.Tr key={l.lineNumber}>
                      <Table.Td>
                        <Text size="sm">{l.skuTitle}</Text>
                        <Text size="xs" c="dimmed">
                          {TERM_LABELS[l.term]} · {BILLING_PLAN_LABELS[l.billingPlan]}
                        </Text>
                      </Table.Td>
                      <Table.Td>{l.quantity}</Table.Td>
                      <Table.Td>
                        <PriceWithUnit formatted={l.unitPrice.formatted} billingPlan={l.billingPlan} />
                      </Table.Td>
                      <Table.Td>{l.lineTotal.formatted}</Table.Td>
                      <Table.Td>
                        {l.subscriptionId && can(PERMISSIONS.subscriptionsRead) ? (
                          <Anchor component={Link} to={`/subscriptions?q=${l.subscriptionId}`} size="xs">
                            {l.subscriptionId}
                          </Anchor>
                        ) : (
                          <Text size="xs">{l.subscriptionId ?? '—'}</Text>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Card>
            <InvoiceCard orderId={order.id} />
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              <Card withBorder>
                <Title order={4} mb="sm">
                  Timeline
                </Title>
                <Timeline bulletSize={14} lineWidth={2} active={order.events.length - 1}>
                  {order.events.map((e, i) => (
                    <Timeline.Item key={i} title={e.state.toLowerCase()}>
                      <Text size="xs">{e.message}</Text>
                      <Text size="xs" c="dimmed">
                        {dateTime(e.at)}
                      </Text>
                    </Timeline.Item>
                  ))}
                </Timeline>
              </Card>
              <Card withBorder aria-label="Emails">
                <Title order={4} mb="sm">
                  Emails
                </Title>
                {order.emails.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    The administrative contact is emailed once the licences are provisioned.
                  </Text>
                ) : (
                  order.emails.map((m) => (
                    <Stack key={m.id} gap={4}>
                      <Text size="sm" fw={600}>
                        {m.subject}
                      </Text>
                      <Text size="xs">
                        To {m.to} · {m.status === 'SENT' ? 'sent' : 'in the outbox'} {dateTime(m.createdAt)}
                      </Text>
                      {/* The whole message, wrapped: an email is prose, not code to scroll sideways. */}
                      <Paper withBorder p="sm" bg="gray.0">
                        <Text
                          size="sm"
                          style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
                          data-testid="email-body"
                        >
                          {m.body}
                        </Text>
                      </Paper>
                    </Stack>
                  ))
                )}
              </Card>
            </SimpleGrid>
          </>
        )}
      </QueryState>
    </Stack>
  );
}
