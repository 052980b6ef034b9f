import { Button, Card, Group, NumberInput, Stack, Text, Title } from '@mantine/core';
import { TERM_LABELS, TRIAL_SEATS } from '@nce/domain';
import { useState } from 'react';
import { dateOnly } from '../../components/format';
import type { SubscriptionQuery } from '../../gql/graphql';
import type { SubscriptionChange } from './use-subscription-change';

type Shown = NonNullable<SubscriptionQuery['subscription']>;

/**
 * A free trial: when it ends and what it becomes. Converting now takes at least 25 seats and starts the paid term
 * today; fewer seats are set for the conversion at the trial's end (in the card below), or auto-renew is turned off
 * to let the trial end.
 */
export function TrialCard({
  subscription: s,
  manage,
  change,
}: {
  subscription: Shown;
  manage: boolean;
  change: SubscriptionChange;
}) {
  const next = s.nextTerm;
  const [seats, setSeats] = useState<number | string>(Math.max(TRIAL_SEATS, next?.quantity ?? TRIAL_SEATS));
  if (!s.trial || s.status !== 'ACTIVE') return null;
  const count = Number(seats);
  return (
    <Card withBorder aria-label="Trial">
      <Stack gap="xs">
        <Title order={4}>Free trial</Title>
        <Text size="sm" data-testid="trial-end">
          Free until {dateOnly(s.termEnd)}: {s.quantity} seats, which cannot change during the trial.{' '}
          {s.autoRenew && next
            ? `Then it converts to ${next.quantity} paid seats of ${next.skuTitle} unless auto-renew is turned off.`
            : 'Auto-renew is off: the trial ends then and is not converted.'}
        </Text>
        {manage && next && (
          <Group align="flex-end">
            <NumberInput
              label="Paid seats now"
              min={TRIAL_SEATS}
              max={2000}
              value={seats}
              onChange={setSeats}
              w={150}
              error={
                Number.isInteger(count) && count < TRIAL_SEATS
                  ? `At least ${TRIAL_SEATS} now; fewer can be set for the trial's end below.`
                  : undefined
              }
            />
            <Button
              loading={change.busy}
              disabled={!Number.isInteger(count) || count < TRIAL_SEATS}
              onClick={() =>
                void change.run(
                  'convertTrial',
                  { quantity: count },
                  {
                    title: `Convert to ${count} paid seat(s) of ${next.skuTitle} now?`,
                    effect: `${next.term === 'P1Y' ? 'An' : 'A'} ${TERM_LABELS[next.term].toLowerCase()} starts today${next.unitPrice ? ` at ${next.unitPrice.formatted} a seat, charged now for the first billing period` : ''}. The seats have a 7-day window to be removed or cancelled.`,
                    confirm: 'Convert now',
                    danger: false,
                  },
                )
              }
            >
              Convert to paid now
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}
