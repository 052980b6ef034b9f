import { useQuery } from '@apollo/client/react';
import { Button, Group, Paper, SimpleGrid, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { formatMoney } from '@nce/domain';
import { QueryState } from '../../components/QueryState';
import { RENEWAL_CALENDAR } from './operations';

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const MONTH = new Intl.DateTimeFormat('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' });

const thisMonth = () => new Date().toISOString().slice(0, 7);
const shift = (month: string, by: number) => {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, m - 1 + by, 1)).toISOString().slice(0, 7);
};

/**
 * A month of renewals: each day, how many subscriptions renew (and how many end without renewing), their seats
 * and what they cost at today's prices, with the month's totals. A day opens the list of its subscriptions.
 */
export function RenewalCalendar({
  month: asked,
  onMonth,
  onDay,
}: {
  month: string;
  onMonth: (month: string) => void;
  onDay: (day: string) => void;
}) {
  const month = /^\d{4}-\d{2}$/.test(asked) ? asked : thisMonth();
  const { data, loading, error, refetch } = useQuery(RENEWAL_CALENDAR, {
    variables: { month },
    fetchPolicy: 'cache-and-network',
  });
  const result = data?.renewalCalendar;
  const days = result?.__typename === 'RenewalCalendar' ? result.days : [];
  const [year, m] = month.split('-').map(Number) as [number, number];
  const first = new Date(Date.UTC(year, m - 1, 1));
  const length = new Date(Date.UTC(year, m, 0)).getUTCDate();
  const blanks = (first.getUTCDay() + 6) % 7;
  const totals = new Map<string, number>();
  for (const d of days.filter((d) => d.autoRenew))
    totals.set(d.amount.currency, (totals.get(d.amount.currency) ?? 0) + d.amount.amountMinor);
  const renewing = days.filter((d) => d.autoRenew).reduce((sum, d) => sum + d.subscriptions, 0);
  const ending = days.filter((d) => !d.autoRenew).reduce((sum, d) => sum + d.subscriptions, 0);

  return (
    <Stack>
      <Group justify="space-between">
        <Group>
          <Button variant="default" size="xs" onClick={() => onMonth(shift(month, -1))} aria-label="Previous month">
            ‹
          </Button>
          <Title order={2} size="h3" data-testid="calendar-month">
            {MONTH.format(first)}
          </Title>
          <Button variant="default" size="xs" onClick={() => onMonth(shift(month, 1))} aria-label="Next month">
            ›
          </Button>
        </Group>
        <Text size="sm" data-testid="calendar-totals">
          {renewing} renewing
          {[...totals].map(([currency, minor]) => ` · ${formatMoney({ amountMinor: minor, currency })}`).join('')}
          {ending > 0 && ` · ${ending} ending`}
        </Text>
      </Group>
      <QueryState loading={loading} error={error} empty={false} emptyText="" onRetry={() => void refetch()}>
        <SimpleGrid cols={7} spacing={4} role="grid" aria-label={`Renewals in ${MONTH.format(first)}`}>
          {WEEKDAYS.map((day) => (
            <Text key={day} size="xs" fw={700} ta="center" role="columnheader">
              {day}
            </Text>
          ))}
          {Array.from({ length: blanks }, (_, i) => (
            <div key={`blank-${i}`} />
          ))}
          {Array.from({ length }, (_, i) => {
            const date = `${month}-${String(i + 1).padStart(2, '0')}`;
            const ofDay = days.filter((d) => d.day === date);
            const renew = ofDay.filter((d) => d.autoRenew);
            const end = ofDay.filter((d) => !d.autoRenew);
            const count = renew.reduce((sum, d) => sum + d.subscriptions, 0);
            const ends = end.reduce((sum, d) => sum + d.subscriptions, 0);
            return (
              <Paper key={date} withBorder p={4} mih={72} role="gridcell" aria-label={date}>
                <UnstyledButton
                  w="100%"
                  disabled={ofDay.length === 0}
                  onClick={() => onDay(date)}
                  data-testid={`calendar-day-${date}`}
                >
                  <Text size="xs" c="dimmed">
                    {i + 1}
                  </Text>
                  {count > 0 && (
                    <Text size="xs" fw={600}>
                      {count} renew · {renew.map((d) => d.amount.formatted).join(' + ')}
                    </Text>
                  )}
                  {ends > 0 && (
                    <Text size="xs" c="orange">
                      {ends} end
                    </Text>
                  )}
                </UnstyledButton>
              </Paper>
            );
          })}
        </SimpleGrid>
      </QueryState>
    </Stack>
  );
}
