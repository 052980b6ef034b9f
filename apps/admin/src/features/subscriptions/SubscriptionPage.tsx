import { useApolloClient, useQuery } from '@apollo/client/react';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Timeline,
  Title,
} from '@mantine/core';
import { BILLING_PLAN_LABELS, TERM_LABELS } from '@nce/domain';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { PERMISSIONS } from '../../app/permissions';
import { useSession } from '../../app/session';
import { PageBreadcrumbs } from '../../components/PageBreadcrumbs';
import { PriceWithUnit } from '../../components/PriceWithUnit';
import { QueryState } from '../../components/QueryState';
import { StatusBadge } from '../../components/StatusBadge';
import { dateOnly, dateTime } from '../../components/format';
import type { BillingPlan, SubscriptionAction, Term } from '../../gql/graphql';
import { NextTermCard } from './NextTermCard';
import { SimulatorDriftCard } from './SimulatorDriftCard';
import { PriceBookPanel } from '../price-books/PriceBookPanel';
import { TrialCard } from './TrialCard';
import { UpgradeCard } from './UpgradeCard';
import { SUBSCRIPTION } from './operations';
import { useSubscriptionChange, type ChangeOutcome, type SubscriptionChange } from './use-subscription-change';
import { WindowCountdown } from './WindowCountdown';

/**
 * One subscription: its seats in batches with their 7-day countdowns, the next term and its price, the changes
 * scheduled for it, its charges and its history; and every change, each confirmed with its money effect first.
 */
export function SubscriptionPage() {
  const { subscriptionId = '' } = useParams();
  const { can } = useSession();
  const { data, loading, error, refetch } = useQuery(SUBSCRIPTION, {
    variables: { id: subscriptionId },
    fetchPolicy: 'cache-and-network',
  });
  const s = data?.subscription;
  const manage = can(PERMISSIONS.subscriptionsManage);
  const change = useSubscriptionChange(subscriptionId, () => refetch());
  const [adding, setAdding] = useState<number | string>(1);
  const [removing, setRemoving] = useState<number | string>(1);
  const client = useApolloClient();

  const quoted = async (action: SubscriptionAction, quantity = 0) => change.quote(client, action, quantity);

  return (
    <Stack>
      <PageBreadcrumbs
        trail={[{ label: 'Subscriptions', to: '/subscriptions', permission: PERMISSIONS.subscriptionsRead }]}
        current={s?.skuTitle}
      />
      <QueryState
        loading={loading}
        error={error}
        empty={!s}
        emptyText="No such subscription."
        onRetry={() => void refetch()}
      >
        {s && (
          <>
            <Group justify="space-between" align="flex-start">
              <div>
                <Group gap="sm">
                  <Title order={1} size="h2">
                    {s.skuTitle}
                  </Title>
                  <span data-testid="subscription-status">
                    <StatusBadge value={s.status} />
                  </span>
                  {s.trial && <Badge color="grape">trial</Badge>}
                  {s.promotionId && (
                    <Badge color="teal" variant="light" title="The Microsoft promotion this term is priced with">
                      promotion {s.promotionId}
                    </Badge>
                  )}
                  {s.renewing && (
                    <Badge color="blue" title="Changes wait until the renewal is done">
                      renewing now
                    </Badge>
                  )}
                </Group>
                <Text c="dimmed">
                  {s.resellerName} for{' '}
                  <Anchor component={Link} to={`/customers/${s.customerId}`}>
                    {s.customerName}
                  </Anchor>{' '}
                  ·{' '}
                  <Anchor component={Link} to={`/orders/${s.orderId}`}>
                    order
                  </Anchor>{' '}
                  · Microsoft subscription {s.partnerSubscriptionId}
                </Text>
              </div>
              <Stack gap={0} align="flex-end">
                <Text fw={700} size="lg" data-testid="subscription-seats">
                  {s.quantity === 1 ? '1 seat' : `${s.quantity} seats`}
                </Text>
                <PriceWithUnit formatted={s.unitPrice.formatted} billingPlan={s.billingPlan} />
              </Stack>
            </Group>
            <ChangeAlert outcome={change.outcome} />
            {s.status === 'PENDING' && (
              <Alert
                color="yellow"
                title="Microsoft is setting this subscription up"
                data-testid="subscription-pending"
              >
                Seats, renewal and upgrades can be changed once it is active, usually within 15 minutes of the order.
              </Alert>
            )}
            <SimpleGrid cols={{ base: 1, md: 3 }}>
              <Card withBorder>
                <Title order={6}>Term</Title>
                <Text size="sm">
                  {TERM_LABELS[s.term]} · {BILLING_PLAN_LABELS[s.billingPlan]}
                </Text>
                <Text size="sm">
                  {dateOnly(s.termStart)} – {dateOnly(s.termEnd)}
                </Text>
                {manage && s.status === 'ACTIVE' && <TermChanges subscription={s} change={change} />}
              </Card>
              <Card withBorder>
                <Title order={6}>Auto-renew</Title>
                <Text size="sm" data-testid="auto-renew">
                  {s.autoRenew
                    ? `On: renews ${s.renewsOn ? dateOnly(s.renewsOn) : ''}`
                    : `Off: ends ${dateOnly(s.termEnd)}`}
                </Text>
                {manage && s.status === 'ACTIVE' && (
                  <Button
                    size="xs"
                    mt="xs"
                    variant="light"
                    loading={change.busy}
                    onClick={() =>
                      void change.run(
                        'setSubscriptionAutoRenew',
                        { autoRenew: !s.autoRenew },
                        {
                          title: s.autoRenew ? 'Turn auto-renew off?' : 'Turn auto-renew on?',
                          effect: s.autoRenew
                            ? `The subscription ends on ${dateOnly(s.termEnd)} instead of renewing.${s.scheduledChange ? ' The changes scheduled for the next term are removed.' : ''} No money moves now.`
                            : `The subscription renews on ${s.renewsOn ? dateOnly(s.renewsOn) : 'the day after its term ends'} at the price list's price then.`,
                          confirm: s.autoRenew ? 'Turn off' : 'Turn on',
                          danger: s.autoRenew,
                        },
                      )
                    }
                  >
                    {s.autoRenew ? 'Turn auto-renew off' : 'Turn auto-renew on'}
                  </Button>
                )}
              </Card>
              <Card withBorder>
                <Title order={6}>7-day window</Title>
                {s.windowClosesAt ? (
                  <Group gap="xs">
                    <WindowCountdown closesAt={s.windowClosesAt} hoursLeft={s.windowHoursLeft} />
                    <Text size="xs" c="dimmed">
                      seats can be removed for a refund until {dateTime(s.windowClosesAt)}
                    </Text>
                  </Group>
                ) : (
                  <Text size="sm">Closed: the seats are owed for the whole term.</Text>
                )}
              </Card>
            </SimpleGrid>

            <Card withBorder aria-label="Seats">
              <Stack>
                <Title order={4}>Seats</Title>
                <Table aria-label="Seat batches">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Bought</Table.Th>
                      <Table.Th>Seats</Table.Th>
                      <Table.Th>Paid a seat</Table.Th>
                      <Table.Th>Window</Table.Th>
                      <Table.Th />
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {s.batches
                      .filter((b) => b.current)
                      .map((b, i, current) => {
                        const held = b.quantity - b.removed;
                        // The newest batch still open can be undone whole: seats come off newest first.
                        const undoable = b.kind === 'ADD' && b.windowOpen && held > 0 && i === current.length - 1;
                        return (
                          <Table.Tr key={b.id} data-testid="seat-batch">
                            <Table.Td>
                              <Text size="sm">
                                {b.kind === 'ADD' ? 'Added' : b.kind === 'RENEWAL' ? 'Renewal' : 'Purchase'}
                              </Text>
                              <Text size="xs" c="dimmed">
                                {dateTime(b.startedAt)}
                              </Text>
                            </Table.Td>
                            <Table.Td>
                              {held}
                              {b.removed > 0 && (
                                <Text span size="xs" c="dimmed">
                                  {' '}
                                  ({b.removed} removed)
                                </Text>
                              )}
                            </Table.Td>
                            <Table.Td>{b.unitPaid.formatted}</Table.Td>
                            <Table.Td>
                              {b.windowOpen ? (
                                <WindowCountdown closesAt={b.windowClosesAt} hoursLeft={b.hoursLeft} />
                              ) : (
                                <Text size="xs" c="dimmed">
                                  closed {dateTime(b.windowClosesAt)}
                                </Text>
                              )}
                            </Table.Td>
                            <Table.Td>
                              {manage && undoable && (
                                <Button
                                  size="xs"
                                  variant="light"
                                  color="orange"
                                  loading={change.busy}
                                  onClick={() =>
                                    void quoted('REMOVE_SEATS', held).then((quote) =>
                                      change.run(
                                        'removeSubscriptionSeats',
                                        { quantity: held },
                                        {
                                          title: `Undo: remove the ${held} seat(s) added ${dateTime(b.startedAt)}?`,
                                          effect: quote.effect,
                                          confirm: 'Undo',
                                        },
                                        quote,
                                      ),
                                    )
                                  }
                                >
                                  Undo
                                </Button>
                              )}
                            </Table.Td>
                          </Table.Tr>
                        );
                      })}
                  </Table.Tbody>
                </Table>
                {manage && s.status === 'ACTIVE' && !s.trial && (
                  <Group align="flex-end">
                    <NumberInput label="Seats to add" min={1} max={2000} value={adding} onChange={setAdding} w={140} />
                    <Button
                      loading={change.busy}
                      onClick={() =>
                        void quoted('ADD_SEATS', Number(adding)).then((quote) =>
                          change.run(
                            'addSubscriptionSeats',
                            { quantity: Number(adding) },
                            {
                              title: `Add ${adding} seat(s)?`,
                              effect: quote.effect,
                              confirm: `Add ${adding} seat(s)`,
                              danger: false,
                            },
                            quote,
                          ),
                        )
                      }
                    >
                      Add seats
                    </Button>
                    <NumberInput
                      label="Seats to remove"
                      min={1}
                      max={Math.max(1, s.quantity - 1)}
                      value={removing}
                      onChange={setRemoving}
                      w={150}
                    />
                    <Button
                      color="orange"
                      variant="light"
                      loading={change.busy}
                      onClick={() =>
                        void quoted('REMOVE_SEATS', Number(removing)).then((quote) =>
                          change.run(
                            'removeSubscriptionSeats',
                            { quantity: Number(removing) },
                            { title: `Remove ${removing} seat(s)?`, effect: quote.effect, confirm: 'Remove seats' },
                            quote,
                          ),
                        )
                      }
                    >
                      Remove seats
                    </Button>
                  </Group>
                )}
              </Stack>
            </Card>

            <TrialCard subscription={s} manage={manage} change={change} />
            <NextTermCard subscription={s} manage={manage} change={change} />
            {can(PERMISSIONS.simulatorManage) && <SimulatorDriftCard partnerSubscriptionId={s.partnerSubscriptionId} />}
            {can(PERMISSIONS.pricingManage) && (
              <PriceBookPanel
                level="SUBSCRIPTION"
                targetId={s.id}
                name={`${s.skuTitle} for ${s.customerName}`}
                onChanged={() => void refetch()}
              />
            )}
            {manage && !s.trial && <UpgradeCard subscription={s} change={change} />}

            {manage && (s.status === 'ACTIVE' || s.status === 'SUSPENDED') && (
              <Card withBorder aria-label="Status">
                <Stack gap="xs">
                  <Title order={4}>Cancel or suspend</Title>
                  <Group>
                    {s.status === 'ACTIVE' && (
                      <Button
                        color="red"
                        variant="light"
                        loading={change.busy}
                        onClick={() =>
                          void quoted('CANCEL').then((quote) =>
                            change.run(
                              'cancelSubscription',
                              {},
                              {
                                title: 'Cancel the subscription?',
                                effect: `${quote.effect} Every seat ends now and the subscription cannot be restored.`,
                                confirm: 'Cancel subscription',
                              },
                              quote,
                            ),
                          )
                        }
                      >
                        Cancel subscription
                      </Button>
                    )}
                    {s.status === 'ACTIVE' ? (
                      <Button
                        variant="default"
                        loading={change.busy}
                        onClick={() =>
                          void change.run(
                            'suspendSubscription',
                            {},
                            {
                              title: 'Suspend the subscription?',
                              effect: `Its users lose access now; billing goes on. Auto-renew turns off${s.scheduledChange ? ' and the changes scheduled for the next term are removed' : ''}. Reactivate before ${dateOnly(s.termEnd)} to restore access.`,
                              confirm: 'Suspend',
                            },
                          )
                        }
                      >
                        Suspend
                      </Button>
                    ) : (
                      <Button
                        variant="default"
                        loading={change.busy}
                        onClick={() =>
                          void change.run(
                            'reactivateSubscription',
                            {},
                            {
                              title: 'Reactivate the subscription?',
                              effect: 'Its users get access again. Auto-renew stays off until you turn it on.',
                              confirm: 'Reactivate',
                              danger: false,
                            },
                          )
                        }
                      >
                        Reactivate
                      </Button>
                    )}
                  </Group>
                </Stack>
              </Card>
            )}

            {s.emails.length > 0 && (
              <Card withBorder aria-label="Emails sent">
                <Title order={4}>Emails sent</Title>
                <Table>
                  <Table.Tbody>
                    {s.emails.map((m, i) => (
                      <Table.Tr key={`${m.createdAt}-${m.to}-${i}`}>
                        <Table.Td>
                          <Text size="sm">{m.subject}</Text>
                        </Table.Td>
                        <Table.Td>
                          <Text size="xs">{m.to}</Text>
                        </Table.Td>
                        <Table.Td>
                          <Text size="xs" c="dimmed">
                            {dateTime(m.createdAt)}
                          </Text>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Card>
            )}
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              <Card withBorder>
                <Title order={4}>Charges</Title>
                <Table aria-label="Charges">
                  <Table.Tbody>
                    {s.charges.map((c) => (
                      <Table.Tr key={c.id}>
                        <Table.Td>
                          <Text size="sm">{c.chargeType}</Text>
                          <Text size="xs" c="dimmed">
                            {dateTime(c.at)}
                          </Text>
                        </Table.Td>
                        <Table.Td>{c.quantity}</Table.Td>
                        <Table.Td>
                          <Text size="sm" c={c.amount.amountMinor < 0 ? 'teal' : undefined}>
                            {c.amount.formatted}
                          </Text>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Card>
              <Card withBorder>
                <Title order={4}>History</Title>
                <Timeline bulletSize={12} lineWidth={2} mt="sm" aria-label="History">
                  {[...s.history].reverse().map((e) => (
                    <Timeline.Item key={e.id} title={e.kind.replace(/_/g, ' ').toLowerCase()}>
                      <Text size="sm">{e.message}</Text>
                      <Text size="xs" c="dimmed">
                        {dateTime(e.at)} · {e.actorEmail ?? 'Microsoft / marketplace'}
                      </Text>
                    </Timeline.Item>
                  ))}
                </Timeline>
              </Card>
            </SimpleGrid>
          </>
        )}
      </QueryState>
    </Stack>
  );
}

const LONGER: Record<string, Term[]> = { P1M: ['P1Y', 'P3Y'], P1Y: ['P3Y'], P3Y: [] };

/** Mid-term: a longer term now, or on three years monthly ↔ annual billing from the next cycle. */
function TermChanges({
  subscription: s,
  change,
}: {
  subscription: { term: Term; billingPlan: BillingPlan; scheduledChange?: unknown };
  change: SubscriptionChange;
}) {
  const longer = LONGER[s.term] ?? [];
  const [term, setTerm] = useState<string | null>(longer[0] ?? null);
  const otherBilling: BillingPlan | null =
    s.term === 'P3Y' ? (s.billingPlan === 'MONTHLY' ? 'ANNUAL' : s.billingPlan === 'ANNUAL' ? 'MONTHLY' : null) : null;
  return (
    <Group mt="xs" gap="xs" align="flex-end">
      {longer.length > 0 && (
        <>
          <Select
            aria-label="Longer term"
            size="xs"
            w={130}
            data={longer.map((t) => ({ value: t, label: TERM_LABELS[t] }))}
            value={term}
            onChange={setTerm}
            allowDeselect={false}
          />
          <Button
            size="xs"
            variant="light"
            loading={change.busy}
            disabled={!term}
            onClick={() =>
              void change.run(
                'changeSubscriptionTerm',
                { term },
                {
                  title: `Change the term to ${TERM_LABELS[term as Term]}?`,
                  effect: `A new ${TERM_LABELS[term as Term].toLowerCase()} term starts now at the price list's price: the unused days of the period already paid are credited and the new term's first period is charged.${s.scheduledChange ? ' The changes scheduled for the next term are removed.' : ''} A term cannot be shortened again.`,
                  confirm: 'Change term',
                },
              )
            }
          >
            Lengthen term
          </Button>
        </>
      )}
      {otherBilling && (
        <Button
          size="xs"
          variant="light"
          loading={change.busy}
          onClick={() =>
            void change.run(
              'changeSubscriptionBilling',
              { billingPlan: otherBilling },
              {
                title: `Bill ${BILLING_PLAN_LABELS[otherBilling].toLowerCase()}?`,
                effect: 'From the next billing cycle, at the price list’s price for it. No money moves now.',
                confirm: 'Change billing',
                danger: false,
              },
            )
          }
        >
          Switch to {BILLING_PLAN_LABELS[otherBilling].toLowerCase()} billing
        </Button>
      )}
    </Group>
  );
}

function ChangeAlert({ outcome }: { outcome: ChangeOutcome | null }) {
  if (!outcome) return null;
  return (
    <Alert
      color={outcome.ok ? 'green' : 'red'}
      role={outcome.ok ? 'status' : 'alert'}
      title={outcome.ok ? 'Done' : 'Not changed'}
      data-testid="change-outcome"
    >
      <Text size="sm">{outcome.text}</Text>
      {outcome.fix && (
        <Text size="sm" fw={600}>
          What you can do: {outcome.fix}
        </Text>
      )}
    </Alert>
  );
}
