import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useSession } from '../../app/session';
import { PERMISSIONS } from '../../app/permissions';
import { confirmAction } from '../../components/feedback';
import { dateTime } from '../../components/format';
import { InvoiceList } from './InvoiceList';
import { BILLING_RUN, CLOSE_BILLING_MONTH } from './operations';

/**
 * The month's close: once the month has ended, one invoice per reseller (and currency) summing its charges, issued
 * once by a background run; then the invoices with their PDFs.
 */
export function MonthCloseCard({ month, monthLabel }: { month: string; monthLabel: string }) {
  const { can } = useSession();
  const run = useQuery(BILLING_RUN, { variables: { month }, fetchPolicy: 'cache-and-network' });
  const running = run.data?.billingRun?.status === 'RUNNING';
  // While the run works, look again every few seconds.
  const polled = useQuery(BILLING_RUN, { variables: { month }, pollInterval: 2_000, skip: !running });
  const status = (polled.data ?? run.data)?.billingRun ?? null;
  const [close, closing] = useMutation(CLOSE_BILLING_MONTH);
  const [failure, setFailure] = useState<string | null>(null);
  const ended =
    new Date(`${month}-01T00:00:00Z`).getTime() < Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), 1);

  const closeMonth = async () => {
    setFailure(null);
    const yes = await confirmAction({
      title: `Close ${monthLabel}?`,
      effect:
        'Every reseller with charges this month gets one invoice summing them, card charges shown as paid and terms charges due. Issued invoices are never edited: a correction issues a credit note and a new invoice.',
      confirm: 'Close month',
      danger: false,
    });
    if (!yes) return;
    const result = (await close({ variables: { month } })).data?.closeBillingMonth;
    if (result?.__typename !== 'BillingRun') setFailure(result && 'message' in result ? result.message : 'Refused.');
    await run.refetch();
  };

  return (
    <Card withBorder aria-labelledby="close-title" component="section">
      <Stack gap="sm">
        <Title order={2} size="h4" id="close-title">
          Month close
        </Title>
        <Text size="sm" c="dimmed" data-testid="close-status">
          {!status
            ? ended
              ? `${monthLabel} is not closed yet.`
              : `${monthLabel} has not ended; it closes from the first of next month.`
            : status.status === 'RUNNING'
              ? `Closing ${monthLabel}: issuing invoices (started ${dateTime(status.startedAt)} by ${status.startedBy})…`
              : `${monthLabel} is closed: ${status.invoices} invoice(s) issued ${dateTime(status.finishedAt ?? status.startedAt)}.`}
        </Text>
        {!status && ended && can(PERMISSIONS.billingClose) && (
          <Group>
            <Button onClick={() => void closeMonth()} loading={closing.loading}>
              Close {monthLabel}
            </Button>
          </Group>
        )}
        {failure && (
          <Alert color="red" role="alert">
            {failure}
          </Alert>
        )}
        {status?.status === 'DONE' && (
          <InvoiceList
            filter={{ month }}
            first={25}
            showReseller
            canResend
            canCorrect={can(PERMISSIONS.billingClose)}
            emptyText="No charges this month: no invoices."
          />
        )}
      </Stack>
    </Card>
  );
}
