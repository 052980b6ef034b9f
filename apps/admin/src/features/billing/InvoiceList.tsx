import { useQuery } from '@apollo/client/react';
import { ExportLink } from '../../components/ExportLink';
import { QueryState } from '../../components/QueryState';
import { ShowMore } from '../../components/ShowMore';
import { InvoiceTable } from './InvoiceTable';
import { MONTHLY_INVOICES } from './operations';

/** Monthly invoices of a month or of a reseller, newest first, paged, with their CSV export. */
export function InvoiceList(props: {
  filter: { month?: string; resellerId?: string };
  first: number;
  showReseller: boolean;
  canResend: boolean;
  canCorrect?: boolean;
  emptyText: string;
}) {
  const invoices = useQuery(MONTHLY_INVOICES, {
    variables: { ...props.filter, first: props.first },
    fetchPolicy: 'cache-and-network',
  });
  const nodes = invoices.data?.monthlyInvoices.nodes ?? [];
  return (
    <QueryState
      loading={invoices.loading && !invoices.data}
      error={invoices.error}
      empty={nodes.length === 0}
      emptyText={props.emptyText}
    >
      <ExportLink list="invoices" filter={props.filter} />
      <InvoiceTable
        invoices={nodes}
        showReseller={props.showReseller}
        canResend={props.canResend}
        canCorrect={props.canCorrect}
        onCorrected={() => void invoices.refetch()}
      />
      <ShowMore
        shown={nodes.length}
        noun="invoice"
        hasMore={invoices.data?.monthlyInvoices.pageInfo.hasNextPage ?? false}
        loadMore={() => invoices.fetchMore({ variables: { after: invoices.data?.monthlyInvoices.pageInfo.endCursor } })}
      />
    </QueryState>
  );
}
