import { useQuery } from '@apollo/client/react';
import { Card, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { currencyExponent, formatMoney, money, SEGMENT_LABELS, type CustomerSegment } from '@nce/domain';
import { useSession } from '../../app/session';
import { QueryState } from '../../components/QueryState';
import type { DashboardQuery } from '../../gql/graphql';
import { ChartCard, type ChartSeries } from './ChartCard';
import { DASHBOARD } from './operations';

type View = Extract<DashboardQuery['dashboard'], { __typename: 'Dashboard' }>;
type Row = View['bySegment'][number];

const COLORS = ['blue.6', 'teal.6', 'grape.6', 'orange.6', 'cyan.6', 'gray.5'];
const KIND_LABELS: Record<string, string> = { NEW: 'New', RENEWAL: 'Renewals', CHANGE: 'Seat changes and credits' };

/** "2026-11" → "Nov 26". */
const monthLabel = (month: string) =>
  new Date(`${month}-01T00:00:00Z`).toLocaleDateString('en-US', { month: 'short', year: '2-digit', timeZone: 'UTC' });

/** Month rows of one figure pivoted for a chart: one entry a month, a value (major units) for each key. */
function pivot(view: View, rows: readonly Row[], figure: 'revenue' | 'margin') {
  const major = 10 ** currencyExponent(view.currency);
  const keys = [...new Set(rows.map((r) => r.key))];
  const data = view.months.map((month) => {
    const entry: Record<string, string | number> = { month: monthLabel(month) };
    for (const key of keys) entry[key] = 0;
    for (const r of rows.filter((x) => x.month === month)) entry[r.key] = r[figure].amountMinor / major;
    return entry;
  });
  return { keys, data };
}

/**
 * The business at a glance, over the last twelve months: revenue and margin by segment, product family and kind,
 * renewals due in the next thirteen weeks, and (for staff) the top resellers. Each chart shows its table and
 * downloads it as CSV.
 */
export function DashboardPage() {
  const { me } = useSession();
  const reseller = me?.kind === 'RESELLER';
  const { data, loading, error, refetch } = useQuery(DASHBOARD, { fetchPolicy: 'cache-and-network' });
  const result = data?.dashboard;
  const view = result?.__typename === 'Dashboard' ? result : undefined;
  const refusal = result && result.__typename !== 'Dashboard' ? { message: result.message } : null;
  const format = (value: number) =>
    view ? formatMoney(money(Math.round(value * 10 ** currencyExponent(view.currency)), view.currency)) : String(value);
  const total = (rows: readonly Row[], figure: 'revenue' | 'margin') =>
    rows.reduce((sum, r) => sum + r[figure].amountMinor, 0);

  return (
    <Stack>
      <Title order={1} size="h2">
        Dashboard
      </Title>
      <Text size="sm" c="dimmed">
        {reseller
          ? 'Your business with us over the last twelve months: what you bought, and what renews soon.'
          : 'The last twelve months of charges: revenue, and margin over Microsoft’s partner price.'}
      </Text>
      <QueryState
        loading={loading && !view}
        error={error ?? refusal}
        empty={!view}
        emptyText="No figures."
        onRetry={() => void refetch()}
      >
        {view && (
          <>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <Figure
                label={reseller ? 'Bought, twelve months' : 'Revenue, twelve months'}
                value={formatMoney(money(total(view.bySegment, 'revenue'), view.currency))}
              />
              {!reseller && (
                <Figure
                  label="Margin, twelve months"
                  value={formatMoney(money(total(view.bySegment, 'margin'), view.currency))}
                />
              )}
              <Figure
                label="Renewing in 90 days"
                value={formatMoney(
                  money(
                    view.renewalsDue.reduce((sum, w) => sum + w.value.amountMinor, 0),
                    view.currency,
                  ),
                )}
              />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <Figure label="Seats returned, twelve months" value={returnsText(view.returns)} />
              {view.terms && (
                <Figure
                  label="Terms requests answered inside their SLA"
                  value={`${view.terms.inside} of ${view.terms.answered}`}
                  note={`${view.terms.open} open now, ${view.terms.overdue} overdue`}
                />
              )}
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, lg: 2 }}>
              <RevenueChart
                id="revenue-by-segment"
                title="Revenue by segment"
                view={view}
                rows={view.bySegment}
                figure="revenue"
                label={(k) => SEGMENT_LABELS[k as CustomerSegment] ?? k}
                format={format}
              />
              {!reseller && (
                <RevenueChart
                  id="margin-by-segment"
                  title="Margin by segment"
                  view={view}
                  rows={view.bySegment}
                  figure="margin"
                  label={(k) => SEGMENT_LABELS[k as CustomerSegment] ?? k}
                  format={format}
                />
              )}
              <RevenueChart
                id="revenue-by-family"
                title="Revenue by product family"
                view={view}
                rows={view.byFamily}
                figure="revenue"
                label={(k) => k}
                format={format}
              />
              <RevenueChart
                id="new-vs-renewal"
                title="New business and renewals"
                view={view}
                rows={view.byKind}
                figure="revenue"
                label={(k) => KIND_LABELS[k] ?? k}
                format={format}
              />
              <ChartCard
                id="renewals-due"
                title="Renewals due by week"
                description="Active subscriptions renewing automatically in the next 13 weeks, at their current value."
                data={view.renewalsDue.map((w) => ({
                  week: w.weekStart,
                  value: w.value.amountMinor / 10 ** currencyExponent(view.currency),
                  subscriptions: w.subscriptions,
                }))}
                dataKey="week"
                dataLabel="Week of"
                series={[{ name: 'value', label: 'Value', color: 'indigo.6' }]}
                format={format}
                stacked={false}
              />
            </SimpleGrid>
            {view.endCustomers && (
              <ChartCard
                id="end-customers"
                title="Your end customers, at your markups"
                description="Month by month: what you paid for your customers' subscriptions and your margin on it at the markups you set today (Prices to your customers, on My account)."
                data={view.months.map((month) => {
                  const row = view.endCustomers?.find((e) => e.month === month);
                  const major = 10 ** currencyExponent(view.currency);
                  return {
                    month: monthLabel(month),
                    paid: (row?.paid.amountMinor ?? 0) / major,
                    margin: (row?.margin.amountMinor ?? 0) / major,
                  };
                })}
                dataKey="month"
                dataLabel="Month"
                series={[
                  { name: 'paid', label: 'You paid', color: 'blue.6' },
                  { name: 'margin', label: 'Your margin', color: 'teal.6' },
                ]}
                format={format}
                stacked
              />
            )}
            {!reseller && (
              <Card withBorder component="section" aria-labelledby="top-resellers">
                <Title order={2} size="h5" id="top-resellers">
                  Top resellers, twelve months
                </Title>
                {view.topResellers.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    No charges yet.
                  </Text>
                ) : (
                  <Table aria-label="Top resellers">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>Reseller</Table.Th>
                        <Table.Th>Revenue</Table.Th>
                        <Table.Th>Margin</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {view.topResellers.map((r) => (
                        <Table.Tr key={r.resellerId}>
                          <Table.Td>{r.name}</Table.Td>
                          <Table.Td>{formatMoney(money(r.revenue.amountMinor, view.currency))}</Table.Td>
                          <Table.Td>{formatMoney(money(r.margin.amountMinor, view.currency))}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                )}
              </Card>
            )}
          </>
        )}
      </QueryState>
    </Stack>
  );
}

function Figure({ label, value, note }: { label: string; value: string; note?: string }) {
  return (
    <Card withBorder>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="xl" fw={600} aria-label={label}>
        {value}
      </Text>
      {note && (
        <Text size="xs" c="dimmed">
          {note}
        </Text>
      )}
    </Card>
  );
}

/** "2.4 % (12 of 500 seats)": the share of the twelve months' seats returned (R24). */
function returnsText(rows: readonly { seats: number; returned: number }[]): string {
  const seats = rows.reduce((n, r) => n + r.seats, 0);
  const returned = rows.reduce((n, r) => n + r.returned, 0);
  if (seats === 0) return 'No seats sold';
  return `${Math.round((returned * 1000) / seats) / 10} % (${returned} of ${seats} seats)`;
}

function RevenueChart(props: {
  id: string;
  title: string;
  view: View;
  rows: readonly Row[];
  figure: 'revenue' | 'margin';
  label: (key: string) => string;
  format: (value: number) => string;
}) {
  const { keys, data } = pivot(props.view, props.rows, props.figure);
  const series: ChartSeries[] = keys.map((key, i) => ({
    name: key,
    label: props.label(key),
    color: COLORS[i % COLORS.length]!,
  }));
  return (
    <ChartCard
      id={props.id}
      title={props.title}
      description={`By month, in ${props.view.currency}.`}
      data={data}
      dataKey="month"
      dataLabel="Month"
      series={series}
      format={props.format}
    />
  );
}
