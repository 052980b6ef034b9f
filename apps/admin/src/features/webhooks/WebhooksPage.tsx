import { useMutation, useQuery } from '@apollo/client/react';
import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Code,
  CopyButton,
  Group,
  Modal,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { WEBHOOK_EVENT_LABELS, WEBHOOK_EVENT_TYPES } from '@nce/domain';
import { useEffect, useState } from 'react';
import { useSession } from '../../app/session';
import { confirmAction, notifyDone } from '../../components/feedback';
import { errorsByField } from '../../components/fieldErrors';
import { dateTime } from '../../components/format';
import { QueryState } from '../../components/QueryState';
import { ResellerPicker } from '../../components/ResellerPicker';
import { ShowMore } from '../../components/ShowMore';
import {
  CREATE_WEBHOOK_ENDPOINT,
  REMOVE_WEBHOOK_ENDPOINT,
  REPLAY_WEBHOOK_DELIVERY,
  SEND_TEST_WEBHOOK,
  WEBHOOK_DELIVERIES,
  WEBHOOK_ENDPOINTS,
} from './operations';

const STATUS_COLORS: Record<string, string> = { PENDING: 'blue', DELIVERED: 'green', FAILED: 'red' };

/**
 * Webhooks: the endpoints of a reseller's own systems (its PSA, its billing), or of the distributor's, told of
 * orders, subscriptions and invoices as they happen. Each delivery is signed and retried for a day; its answers are
 * listed, and it can be sent again.
 */
export function WebhooksPage() {
  const { me } = useSession();
  const isReseller = Boolean(me?.resellerId);
  const [scope, setScope] = useState<'distributor' | 'reseller'>('distributor');
  const [resellerId, setResellerId] = useState<string | null>(null);
  const owner = isReseller ? (me?.resellerId ?? null) : scope === 'reseller' ? resellerId : null;
  const ready = isReseller || scope === 'distributor' || Boolean(resellerId);
  return (
    <Stack>
      <Title order={1} size="h2">
        Webhooks
      </Title>
      <Text size="sm" c="dimmed">
        Tell your own systems what happens, as it happens: orders placed, provisioned or failed, subscriptions created,
        changed, renewed, cancelled or expired, seat windows closing, invoices issued. Each delivery is a JSON POST
        signed with the endpoint&apos;s secret (header <Code>x-nce-signature: v1=</Code>HMAC-SHA256 of{' '}
        <Code>timestamp.body</Code>, the timestamp in <Code>x-nce-timestamp</Code>); an endpoint that does not answer
        2xx is tried again with growing waits for a day.
      </Text>
      {!isReseller && (
        <Group align="flex-end">
          <SegmentedControl
            aria-label="Whose endpoints"
            value={scope}
            onChange={(v) => setScope(v as 'distributor' | 'reseller')}
            data={[
              { value: 'distributor', label: 'The distributor’s systems' },
              { value: 'reseller', label: 'A reseller’s' },
            ]}
          />
          {scope === 'reseller' && <ResellerPicker value={resellerId} onChange={setResellerId} w={320} />}
        </Group>
      )}
      {ready && <Endpoints key={owner ?? 'distributor'} resellerId={owner} />}
    </Stack>
  );
}

function Endpoints({ resellerId }: { resellerId: string | null }) {
  const endpoints = useQuery(WEBHOOK_ENDPOINTS, { variables: { resellerId }, fetchPolicy: 'cache-and-network' });
  const list = endpoints.data?.webhookEndpoints ?? [];
  return (
    <Stack>
      <AddEndpoint resellerId={resellerId} onAdded={() => void endpoints.refetch()} />
      <QueryState
        loading={endpoints.loading && !endpoints.data}
        error={endpoints.error}
        empty={list.length === 0}
        emptyText="No endpoints yet: add one above."
        onRetry={() => void endpoints.refetch()}
      >
        {list.map((endpoint) => (
          <EndpointCard key={endpoint.id} endpoint={endpoint} onRemoved={() => void endpoints.refetch()} />
        ))}
      </QueryState>
    </Stack>
  );
}

function AddEndpoint({ resellerId, onAdded }: { resellerId: string | null; onAdded: () => void }) {
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [events, setEvents] = useState<string[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [refusal, setRefusal] = useState<string | null>(null);
  const [secret, setSecret] = useState<{ url: string; secret: string } | null>(null);
  const [create, creating] = useMutation(CREATE_WEBHOOK_ENDPOINT);
  const add = async () => {
    setErrors({});
    setRefusal(null);
    const result = (await create({ variables: { input: { resellerId, url, events, description } } })).data
      ?.createWebhookEndpoint;
    if (result?.__typename === 'WebhookEndpointCreated') {
      setSecret({ url: result.endpoint.url, secret: result.secret });
      setUrl('');
      setDescription('');
      setEvents([]);
      onAdded();
    } else if (result?.__typename === 'ValidationFailed') setErrors(errorsByField(result.fields));
    else if (result && 'message' in result) setRefusal(result.message);
  };
  return (
    <Card withBorder component="section" aria-labelledby="add-endpoint">
      <Stack gap="xs">
        <Title order={4} id="add-endpoint">
          Add an endpoint
        </Title>
        <Group align="flex-start" grow>
          <TextInput
            label="Address"
            placeholder="https://psa.example.com/hooks/nce"
            value={url}
            onChange={(e) => setUrl(e.currentTarget.value)}
            error={errors.url}
            required
          />
          <TextInput
            label="Description"
            placeholder="Our PSA"
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            error={errors.description}
            maxLength={200}
          />
        </Group>
        <Checkbox.Group label="Events" value={events} onChange={setEvents} error={errors.events} required>
          <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs" spacing={6}>
            {WEBHOOK_EVENT_TYPES.map((type) => (
              <Checkbox key={type} value={type} label={WEBHOOK_EVENT_LABELS[type]} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        {refusal && (
          <Alert color="red" role="alert">
            {refusal}
          </Alert>
        )}
        <Group>
          <Button onClick={() => void add()} loading={creating.loading} disabled={!url.trim() || events.length === 0}>
            Add endpoint
          </Button>
        </Group>
      </Stack>
      <Modal opened={Boolean(secret)} onClose={() => setSecret(null)} title="The endpoint’s signing secret">
        {secret && (
          <Stack gap="sm">
            <Text size="sm">
              Keep this secret in the system behind {secret.url}: it checks each delivery&apos;s signature with it. It
              is shown this once; to change it, remove the endpoint and add it again.
            </Text>
            <Code block data-testid="webhook-secret">
              {secret.secret}
            </Code>
            <Group justify="flex-end">
              <CopyButton value={secret.secret}>
                {({ copied, copy }) => (
                  <Button variant="light" onClick={copy}>
                    {copied ? 'Copied' : 'Copy secret'}
                  </Button>
                )}
              </CopyButton>
              <Button onClick={() => setSecret(null)}>I have kept it</Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Card>
  );
}

type Endpoint = {
  id: string;
  url: string;
  events: string[];
  description: string;
  createdAt: string;
  createdBy: string;
};

function EndpointCard({ endpoint, onRemoved }: { endpoint: Endpoint; onRemoved: () => void }) {
  const deliveries = useQuery(WEBHOOK_DELIVERIES, {
    variables: { endpointId: endpoint.id, first: 10 },
    fetchPolicy: 'cache-and-network',
  });
  const nodes = deliveries.data?.webhookDeliveries?.nodes ?? [];
  const pending = nodes.some((d) => d.status === 'PENDING');
  const { startPolling, stopPolling } = deliveries;
  // While a delivery is being tried, its answers are looked at again every few seconds.
  useEffect(() => {
    if (pending) startPolling(2_000);
    else stopPolling();
    return stopPolling;
  }, [pending, startPolling, stopPolling]);
  const [test, testing] = useMutation(SEND_TEST_WEBHOOK);
  const [replay] = useMutation(REPLAY_WEBHOOK_DELIVERY);
  const [remove] = useMutation(REMOVE_WEBHOOK_ENDPOINT);
  const [failure, setFailure] = useState<string | null>(null);
  const said = async (result: { __typename: string; message?: string } | undefined, done: string) => {
    if (result && 'message' in result && result.message) setFailure(result.message);
    else {
      setFailure(null);
      notifyDone(done);
      await deliveries.refetch();
    }
  };
  return (
    <Card withBorder component="section" aria-label={`Endpoint ${endpoint.url}`}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start">
          <div>
            <Text fw={600}>{endpoint.url}</Text>
            <Text size="xs" c="dimmed">
              {endpoint.description ? `${endpoint.description} · ` : ''}added {dateTime(endpoint.createdAt)} by{' '}
              {endpoint.createdBy}
            </Text>
          </div>
          <Group gap="xs">
            <Button
              size="xs"
              variant="light"
              loading={testing.loading}
              onClick={() =>
                void test({ variables: { endpointId: endpoint.id } }).then((r) =>
                  said(r.data?.sendTestWebhook, 'Test event queued.'),
                )
              }
            >
              Send test event
            </Button>
            <Button
              size="xs"
              variant="subtle"
              color="red"
              onClick={() =>
                void confirmAction({
                  title: `Remove ${endpoint.url}?`,
                  effect:
                    'Nothing more is sent to it, including deliveries still being tried. Its deliveries stay listed.',
                  confirm: 'Remove endpoint',
                }).then(async (yes) => {
                  if (!yes) return;
                  const result = (await remove({ variables: { id: endpoint.id } })).data?.removeWebhookEndpoint;
                  if (result && 'message' in result) setFailure(result.message);
                  else onRemoved();
                })
              }
            >
              Remove
            </Button>
          </Group>
        </Group>
        <Group gap={4}>
          {endpoint.events.map((e) => (
            <Badge key={e} size="sm" variant="light">
              {e}
            </Badge>
          ))}
        </Group>
        {failure && (
          <Alert color="red" role="alert">
            {failure}
          </Alert>
        )}
        <QueryState
          loading={deliveries.loading && !deliveries.data}
          error={deliveries.error}
          empty={nodes.length === 0}
          emptyText="Nothing sent yet."
        >
          <Table aria-label={`Deliveries to ${endpoint.url}`}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>When</Table.Th>
                <Table.Th>Event</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Attempts</Table.Th>
                <Table.Th>Last answer</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {nodes.map((d) => (
                <Table.Tr key={d.id}>
                  <Table.Td>{dateTime(d.createdAt)}</Table.Td>
                  <Table.Td>
                    {d.eventType}
                    {d.replayOf && (
                      <Text size="xs" c="dimmed">
                        sent again
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Badge color={STATUS_COLORS[d.status] ?? 'gray'} variant="light">
                      {d.status.toLowerCase()}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{d.attempts}</Table.Td>
                  <Table.Td>
                    <Text size="xs">
                      {d.lastStatusCode ?? (d.attempts > 0 ? 'no answer' : '—')}
                      {d.lastResponse ? ` · ${d.lastResponse.slice(0, 80)}` : ''}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      aria-label={`Send ${d.eventType} of ${dateTime(d.createdAt)} again`}
                      onClick={() =>
                        void replay({ variables: { id: d.id } }).then((r) =>
                          said(r.data?.replayWebhookDelivery, `${d.eventType} queued again.`),
                        )
                      }
                    >
                      Send again
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <ShowMore
            shown={nodes.length}
            noun="delivery"
            nounPlural="deliveries"
            hasMore={deliveries.data?.webhookDeliveries?.pageInfo.hasNextPage ?? false}
            loadMore={() =>
              deliveries.fetchMore({ variables: { after: deliveries.data?.webhookDeliveries?.pageInfo.endCursor } })
            }
          />
        </QueryState>
      </Stack>
    </Card>
  );
}
