import { DriftPanel } from './DriftPanel';
import { PERMISSIONS } from '../../app/permissions';
import { useSession } from '../../app/session';
import { useQuery } from '@apollo/client/react';
import { Badge, Button, Group, SegmentedControl, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { SUBSCRIPTION_STATES, TERM_LABELS } from '@nce/domain';
import { Link } from 'react-router';
import type { SortDirection, SubscriptionSort, SubscriptionStatus } from '../../gql/graphql';
import { useListParams, useTypedFilter } from '../../components/list-params';
import { SortHeader } from '../../components/SortHeader';
import { QueryState } from '../../components/QueryState';
import { ShowMore } from '../../components/ShowMore';
import { StatusBadge } from '../../components/StatusBadge';
import { dateOnly } from '../../components/format';
import { RenewalCalendar } from './RenewalCalendar';
import { WindowCountdown } from './WindowCountdown';
import { SUBSCRIPTIONS } from './operations';
import { ExportLink } from '../../components/ExportLink';

const STATUS_CHOICES = [
  { value: '', label: 'Any status' },
  ...SUBSCRIPTION_STATES.map((state) => ({ value: state, label: state.charAt(0) + state.slice(1).toLowerCase() })),
];
const ENDING_CHOICES = [
  { value: '', label: 'Any time' },
  { value: '7', label: 'Within 7 days' },
  { value: '30', label: 'Within 30 days' },
  { value: '60', label: 'Within 60 days' },
  { value: '90', label: 'Within 90 days' },
];
const YES_NO = (yes: string, no: string) => [
  { value: '', label: 'Either' },
  { value: 'true', label: yes },
  { value: 'false', label: no },
];
const flag = (value: string) => (value === 'true' ? true : value === 'false' ? false : null);

/** Subscriptions for staff (all resellers) and resellers (their own), as a filtered list or a renewal calendar. */
export function SubscriptionsPage() {
  const { can } = useSession();
  const list = useListParams<SubscriptionSort>({ sort: 'TERM_END', direction: 'ASC' });
  const [typed, setTyped] = useTypedFilter(list, 'q');
  const view = list.get('view') || 'list';
  const day = list.get('day');
  const dayStart = /^\d{4}-\d{2}-\d{2}$/.test(day) ? Date.parse(`${day}T00:00:00Z`) : null;
  const variables = {
    product: list.get('q') || null,
    status: (list.get('status') || null) as SubscriptionStatus | null,
    endingWithinDays: list.get('ending') ? Number(list.get('ending')) : null,
    windowOpen: flag(list.get('window')),
    autoRenew: flag(list.get('renew')),
    trial: flag(list.get('trial')),
    // A calendar day lists the terms that ended the day before it (they renew, or end, on that day).
    termEndFrom: dayStart === null ? null : new Date(dayStart - 86_400_000).toISOString(),
    termEndBefore: dayStart === null ? null : new Date(dayStart).toISOString(),
    sortBy: list.sort,
    direction: list.direction as SortDirection,
    first: list.first,
  };
  const { data, loading, error, fetchMore, refetch } = useQuery(SUBSCRIPTIONS, {
    variables,
    fetchPolicy: 'cache-and-network',
    skip: view !== 'list',
  });
  const subscriptions = data?.subscriptions.nodes ?? [];
  const filtered = ['q', 'status', 'ending', 'window', 'renew', 'trial', 'day'].some((name) => list.get(name));

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          Subscriptions
        </Title>
        {view === 'list' && (
          <ExportLink
            sort={{ by: list.sort, direction: list.direction }}
            list="subscriptions"
            filter={{
              product: variables.product,
              status: variables.status,
              endingWithinDays: variables.endingWithinDays,
              windowOpen: variables.windowOpen,
              autoRenew: variables.autoRenew,
              trial: variables.trial,
              termEndFrom: variables.termEndFrom,
              termEndBefore: variables.termEndBefore,
            }}
          />
        )}
        <SegmentedControl
          aria-label="View"
          value={view}
          onChange={(value) => list.set('view', value === 'list' ? null : value)}
          data={[
            { value: 'list', label: 'List' },
            { value: 'calendar', label: 'Renewal calendar' },
            ...(can(PERMISSIONS.subscriptionsDrift) ? [{ value: 'drift', label: 'Partner Center check' }] : []),
          ]}
        />
      </Group>
      {view === 'drift' && can(PERMISSIONS.subscriptionsDrift) ? (
        <DriftPanel />
      ) : view === 'calendar' ? (
        <RenewalCalendar
          month={list.get('month')}
          onMonth={(month) => list.set('month', month)}
          onDay={(chosen) => list.setAll({ view: null, day: chosen })}
        />
      ) : (
        <>
          <Group align="flex-end">
            <TextInput
              label="Product"
              placeholder="Product, SKU or subscription id"
              value={typed}
              onChange={(e) => setTyped(e.currentTarget.value)}
              w={220}
            />
            <Select
              label="Status"
              data={STATUS_CHOICES}
              value={list.get('status')}
              onChange={(value) => list.set('status', value)}
              allowDeselect={false}
              w={150}
            />
            <Select
              label="Term ends"
              data={ENDING_CHOICES}
              value={list.get('ending')}
              onChange={(value) => list.set('ending', value)}
              allowDeselect={false}
              w={160}
            />
            <Select
              label="7-day window"
              data={YES_NO('Open', 'Closed')}
              value={list.get('window')}
              onChange={(value) => list.set('window', value)}
              allowDeselect={false}
              w={130}
            />
            <Select
              label="Auto-renew"
              data={YES_NO('On', 'Off')}
              value={list.get('renew')}
              onChange={(value) => list.set('renew', value)}
              allowDeselect={false}
              w={120}
            />
            <Select
              label="Trial"
              data={YES_NO('Trials', 'Paid')}
              value={list.get('trial')}
              onChange={(value) => list.set('trial', value)}
              allowDeselect={false}
              w={120}
            />
            {filtered && (
              <Button variant="subtle" onClick={() => (setTyped(''), list.clear())}>
                Clear filters
              </Button>
            )}
          </Group>
          {day && (
            <Text size="sm" aria-live="polite">
              Renewing or ending on {dateOnly(`${day}T00:00:00Z`)}.
            </Text>
          )}
          <QueryState
            loading={loading}
            error={error}
            empty={subscriptions.length === 0}
            emptyText={filtered ? 'No subscription matches these filters.' : 'No subscriptions yet.'}
            onRetry={() => void refetch()}
          >
            <Table striped highlightOnHover aria-label="Subscriptions">
              <Table.Thead>
                <Table.Tr>
                  <SortHeader label="Product" column="PRODUCT" list={list} />
                  <SortHeader label="Customer" column="CUSTOMER" list={list} />
                  <SortHeader label="Reseller" column="RESELLER" list={list} />
                  <SortHeader label="Seats" column="QUANTITY" list={list} firstDirection="DESC" />
                  <Table.Th>Status</Table.Th>
                  <SortHeader label="Term ends" column="TERM_END" list={list} />
                  <Table.Th>7-day window</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {subscriptions.map((s) => (
                  <Table.Tr key={s.id}>
                    <Table.Td>
                      <Link to={`/subscriptions/${s.id}`}>{s.skuTitle}</Link>
                      <Text size="xs" c="dimmed">
                        {TERM_LABELS[s.term]} · {s.unitPrice.formatted} a seat
                        {s.trial && (
                          <Badge ml="xs" size="xs" color="grape">
                            trial
                          </Badge>
                        )}
                      </Text>
                    </Table.Td>
                    <Table.Td>{s.customerName}</Table.Td>
                    <Table.Td>{s.resellerName}</Table.Td>
                    <Table.Td>{s.quantity}</Table.Td>
                    <Table.Td>
                      <StatusBadge value={s.status} />
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{dateOnly(s.termEnd)}</Text>
                      <Text size="xs" c="dimmed">
                        {s.renewsOn ? `renews ${dateOnly(s.renewsOn)}` : s.status === 'ACTIVE' ? 'auto-renew off' : ''}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {s.windowClosesAt ? (
                        <WindowCountdown closesAt={s.windowClosesAt} hoursLeft={s.windowHoursLeft} />
                      ) : (
                        <Text size="sm">—</Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <ShowMore
              shown={subscriptions.length}
              noun="subscription"
              hasMore={data?.subscriptions.pageInfo.hasNextPage ?? false}
              loadMore={() => list.showMore(fetchMore, data?.subscriptions.pageInfo.endCursor, subscriptions.length)}
            />
          </QueryState>
        </>
      )}
    </Stack>
  );
}
