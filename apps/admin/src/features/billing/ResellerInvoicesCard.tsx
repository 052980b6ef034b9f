import { PERMISSIONS } from '../../app/permissions';
import { useSession } from '../../app/session';
import { InvoiceList } from './InvoiceList';
import { Anchor, Card, Group, Stack, Text, Title } from '@mantine/core';

/** A reseller's monthly invoices, newest first, with their PDFs: for its own users and for finance. */
export function ResellerInvoicesCard({ resellerId }: { resellerId: string }) {
  const { can } = useSession();
  return (
    <Card withBorder component="section" aria-labelledby={`invoices-${resellerId}`}>
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={4} id={`invoices-${resellerId}`}>
            Monthly invoices
          </Title>
          <Anchor href={`/billing/statements/${resellerId}.pdf`} target="_blank" rel="noopener" size="sm">
            Statement, last 12 months (PDF)
          </Anchor>
        </Group>
        <Text size="sm" c="dimmed">
          Each closed month&apos;s charges on one invoice: card charges were paid when made; terms charges are due by
          the date shown.
        </Text>
        <InvoiceList
          filter={{ resellerId }}
          first={12}
          showReseller={false}
          canResend={can(PERMISSIONS.billingReconcile) || can(PERMISSIONS.supportCases)}
          canCorrect={can(PERMISSIONS.billingClose)}
          emptyText="No month closed with charges yet."
        />
      </Stack>
    </Card>
  );
}
