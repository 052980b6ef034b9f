import { Button, Card, Group, NumberInput, Select, Stack, Text, Title } from '@mantine/core';
import { BILLING_PLAN_LABELS, TERM_LABELS } from '@nce/domain';
import { useState } from 'react';
import { dateOnly, dateTime } from '../../components/format';
import type { BillingPlan, SubscriptionQuery, Term } from '../../gql/graphql';
import type { SubscriptionChange } from './use-subscription-change';

type Shown = NonNullable<SubscriptionQuery['subscription']>;

const TERMS: Term[] = ['P1M', 'P1Y', 'P3Y'];
const PLANS: BillingPlan[] = ['MONTHLY', 'ANNUAL', 'TRIENNIAL'];

/** The next term as it will renew, and the changes scheduled for it (closed a day before the term ends). */
export function NextTermCard({
  subscription: s,
  manage,
  change,
}: {
  subscription: Shown;
  manage: boolean;
  change: SubscriptionChange;
}) {
  const next = s.nextTerm;
  const [quantity, setQuantity] = useState<number | string>(next?.quantity ?? s.quantity);
  const [term, setTerm] = useState<string>(next?.term ?? s.term);
  const [plan, setPlan] = useState<string>(next?.billingPlan ?? s.billingPlan);
  return (
    <Card withBorder aria-label="Next term">
      <Stack gap="xs">
        <Title order={4}>{s.trial ? 'Conversion at the trial’s end' : 'Next term'}</Title>
        {next ? (
          <>
            <Text size="sm" data-testid="next-term">
              {s.trial ? 'Converts to paid' : 'Renews'} {dateOnly(next.renewsOn)}
              {next.skuTitle !== s.skuTitle ? ` as ${next.skuTitle}` : ''}: {next.quantity} seats,{' '}
              {TERM_LABELS[next.term]}, {BILLING_PLAN_LABELS[next.billingPlan]}
              {next.unitPrice
                ? ` at ${next.unitPrice.formatted} a seat${next.priceRule ? ` (${next.priceRule})` : ''} (first charge ${next.firstCharge?.formatted}).`
                : ' — the current price list has no price for it yet.'}
              {next.promotionName
                ? ` The promotion ${next.promotionName} still holds on the renewal day.`
                : s.promotionId
                  ? ' The current promotion ends before the renewal: the next term is at the list price.'
                  : ''}
            </Text>
            {s.scheduledChange && (
              <Text size="sm" c="blue" data-testid="scheduled-change">
                Scheduled: {s.scheduledChange.quantity} seats, {TERM_LABELS[s.scheduledChange.term]},{' '}
                {BILLING_PLAN_LABELS[s.scheduledChange.billingPlan]}
                {s.scheduledChange.upgradeTo && !s.trial ? `, upgraded to ${s.scheduledChange.upgradeTo}` : ''}.
                {s.trial ? '' : ' Changing seats now, turning auto-renew off or suspending removes it.'}
              </Text>
            )}
            <Text size="xs" c="dimmed">
              Changes for the next term can be made until {dateTime(next.changesCloseAt)}.
            </Text>
            {manage && (
              <Group align="flex-end">
                <NumberInput
                  label="Seats next term"
                  min={1}
                  max={2000}
                  value={quantity}
                  onChange={setQuantity}
                  w={150}
                />
                <Select
                  label="Term"
                  data={TERMS.map((t) => ({ value: t, label: TERM_LABELS[t] }))}
                  value={term}
                  onChange={(v) => v && setTerm(v)}
                  allowDeselect={false}
                  w={150}
                />
                <Select
                  label="Billing"
                  data={PLANS.map((p) => ({ value: p, label: BILLING_PLAN_LABELS[p] }))}
                  value={plan}
                  onChange={(v) => v && setPlan(v)}
                  allowDeselect={false}
                  w={150}
                />
                <Button
                  variant="light"
                  loading={change.busy}
                  onClick={() =>
                    void change.run(
                      'scheduleSubscriptionChange',
                      { change: { quantity: Number(quantity), term, billingPlan: plan } },
                      {
                        title: 'Schedule these changes for the next term?',
                        effect: `On ${dateOnly(next.renewsOn)} the subscription renews with ${quantity} seats, ${TERM_LABELS[term as Term]}, ${BILLING_PLAN_LABELS[plan as BillingPlan]}, at the price list's price then. No money moves now.`,
                        confirm: 'Schedule',
                        danger: false,
                      },
                    )
                  }
                >
                  Schedule for next term
                </Button>
                {s.scheduledChange && (
                  <Button
                    variant="subtle"
                    color="gray"
                    loading={change.busy}
                    onClick={() =>
                      void change.run(
                        'scheduleSubscriptionChange',
                        { change: null },
                        {
                          title: 'Remove the scheduled changes?',
                          effect: 'The subscription renews as it is now.',
                          confirm: 'Remove',
                        },
                      )
                    }
                  >
                    Remove scheduled changes
                  </Button>
                )}
              </Group>
            )}
          </>
        ) : (
          <Text size="sm">
            {s.status === 'ACTIVE'
              ? `Auto-renew is off: the subscription ends on ${dateOnly(s.termEnd)}.`
              : 'The subscription will not renew.'}
          </Text>
        )}
      </Stack>
    </Card>
  );
}
