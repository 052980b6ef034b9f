import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect } from 'react';
import { Link } from 'react-router';
import { dateTime } from '../../components/format';
import { QueryState } from '../../components/QueryState';
import { CHECK_PARTNER_CENTER_DRIFT, PARTNER_CENTER_DRIFT } from './operations';

const FIELD_LABELS: Record<string, string> = {
  MISSING: 'Not in Partner Center',
  QUANTITY: 'Seats',
  STATUS: 'Status',
  AUTO_RENEW: 'Auto-renew',
  TERM_END: 'Term end',
};

/**
 * Staff's comparison of every active subscription with Partner Center (daily, or now): each difference with ours,
 * Microsoft's and what to do. Nothing is changed by the check.
 */
export function DriftPanel() {
  const drift = useQuery(PARTNER_CENTER_DRIFT, { fetchPolicy: 'cache-and-network' });
  const [check, checking] = useMutation(CHECK_PARTNER_CENTER_DRIFT);
  const last = drift.data?.partnerCenterDrift ?? null;
  const running = last?.status === 'RUNNING';
  const { startPolling, stopPolling } = drift;
  useEffect(() => {
    if (running) startPolling(1_500);
    else stopPolling();
    return stopPolling;
  }, [running, startPolling, stopPolling]);
  return (
    <Card withBorder component="section" aria-labelledby="drift-heading">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={4} id="drift-heading">
            Partner Center check
          </Title>
          <Button
            size="xs"
            loading={checking.loading}
            disabled={running}
            onClick={() => void check().then(() => drift.refetch())}
          >
            Check now
          </Button>
        </Group>
        <Text size="sm" c="dimmed">
          Every active or suspended subscription compared with Partner Center once a day: seats, status, auto-renew and
          the term&apos;s end. Microsoft bills what Partner Center has; nothing is changed here until you act.
        </Text>
        <QueryState
          loading={drift.loading && !drift.data}
          error={drift.error}
          empty={!last}
          emptyText="No check has run yet."
        >
          {last && (
            <Text size="sm" role="status">
              {running
                ? `Checking… ${last.checked} compared so far (started ${dateTime(last.startedAt)}).`
                : `Checked ${last.checked} subscription(s) ${dateTime(last.finishedAt ?? last.startedAt)} (${last.startedBy}): ${
                    last.differences === 0 ? 'no differences.' : `${last.differences} difference(s).`
                  }`}
            </Text>
          )}
          {last && last.differences > last.items.length && (
            <Alert color="yellow">The first {last.items.length} are listed.</Alert>
          )}
          {last && last.items.length > 0 && (
            <Table aria-label="Differences with Partner Center">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Subscription</Table.Th>
                  <Table.Th>What</Table.Th>
                  <Table.Th>Ours</Table.Th>
                  <Table.Th>Partner Center</Table.Th>
                  <Table.Th>What to do</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {last.items.map((d) => (
                  <Table.Tr key={`${d.subscriptionId}-${d.field}`}>
                    <Table.Td>
                      <Link to={`/subscriptions/${d.subscriptionId}`}>{d.skuTitle}</Link>
                      <Text size="xs" c="dimmed">
                        {d.customerName} · {d.partnerSubscriptionId}
                      </Text>
                    </Table.Td>
                    <Table.Td>{FIELD_LABELS[d.field] ?? d.field}</Table.Td>
                    <Table.Td>{d.ours}</Table.Td>
                    <Table.Td>{d.theirs}</Table.Td>
                    <Table.Td>
                      <Text size="xs">{d.fix}</Text>
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
