import { useQuery } from '@apollo/client/react';
import { PERMISSIONS } from '../../app/permissions';
import { useSession } from '../../app/session';
import { Card, Stack, Text, Title } from '@mantine/core';
import { QueryState } from '../../components/QueryState';
import { ShowMore } from '../../components/ShowMore';
import { ExportLink } from '../../components/ExportLink';
import { InvoiceTable } from './InvoiceTable';
import { MONTHLY_INVOICES } from './operations';

/** A reseller's monthly invoices, newest first, with their PDFs: for its own users and for finance. */
export function ResellerInvoicesCard({ resellerId }: { resellerId: string }) {
  const { can } = useSession();
  const invoices = useQuery(MONTHLY_INVOICES, {
    variables: { resellerId, first: 12 },
    fetchPolicy: 'cache-and-network',
  });
  const nodes = invoices.data?.monthlyInvoices.nodes ?? [];
  return (
    <Card withBorder component="section" aria-labelledby={`invoices-${resellerId}`}>
      <Stack gap="xs">
        <Title order={4} id={`invoices-${resellerId}`}>
          Monthly invoices
        </Title>
        <Text size="sm" c="dimmed">
          Each closed month&apos;s charges on one invoice: card charges were paid when made; terms charges are due by
          the date shown.
        </Text>
        <QueryState
          loading={invoices.loading && !invoices.data}
          error={invoices.error}
          empty={nodes.length === 0}
          emptyText="No month closed with charges yet."
        >
          <ExportLink list="invoices" filter={{ resellerId }} />
          <InvoiceTable
            invoices={nodes}
            showReseller={false}
            canResend={can(PERMISSIONS.billingReconcile) || can(PERMISSIONS.supportCases)}
          />
          <ShowMore
            shown={nodes.length}
            noun="invoice"
            hasMore={invoices.data?.monthlyInvoices.pageInfo.hasNextPage ?? false}
            loadMore={() =>
              invoices.fetchMore({ variables: { after: invoices.data?.monthlyInvoices.pageInfo.endCursor } })
            }
          />
        </QueryState>
      </Stack>
    </Card>
  );
}
