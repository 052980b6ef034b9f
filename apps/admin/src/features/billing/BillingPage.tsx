import { Anchor, Card, Group, Select, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { MicrosoftMatchCard } from './MicrosoftMatchCard';
import { MonthCloseCard } from './MonthCloseCard';

/** The months finance reconciles: this one and the 23 before it, newest first ("2026-11" → "November 2026"). */
function recentMonths(now: Date): { value: string; label: string }[] {
  return Array.from({ length: 24 }, (_, i) => {
    const month = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - i, 1));
    return {
      value: month.toISOString().slice(0, 7),
      label: month.toLocaleDateString('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' }),
    };
  });
}

/** Month-end work: every charge of a month, to reconcile against Microsoft's file. */
export function BillingPage() {
  const [months] = useState(() => recentMonths(new Date()));
  const [month, setMonth] = useState(months[0]!.value);
  const file = (format: 'csv' | 'jsonl') => `/billing/reconciliation/${month}.${format}`;
  return (
    <Stack>
      <Title order={1} size="h2">
        Billing
      </Title>
      <Card withBorder aria-labelledby="reconciliation-title" component="section">
        <Stack gap="sm">
          <Title order={2} size="h4" id="reconciliation-title">
            Reconciliation file
          </Title>
          <Text size="sm" c="dimmed">
            Every charge of the month, one line each, with Microsoft&apos;s reconciliation columns, our SO number and
            the reseller: new subscriptions, seat changes, renewals, conversions, cancellations and credits.
          </Text>
          <Select
            label="Month"
            data={months}
            value={month}
            onChange={(value) => value && setMonth(value)}
            allowDeselect={false}
            w={220}
          />
          <Group>
            <Anchor href={file('csv')} download>
              Download CSV
            </Anchor>
            <Anchor href={file('jsonl')} download>
              Download JSON lines
            </Anchor>
          </Group>
        </Stack>
      </Card>
      <MicrosoftMatchCard month={month} monthLabel={months.find((m) => m.value === month)?.label ?? month} />
      <MonthCloseCard month={month} monthLabel={months.find((m) => m.value === month)?.label ?? month} />
    </Stack>
  );
}
