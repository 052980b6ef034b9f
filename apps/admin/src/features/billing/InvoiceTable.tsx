import { useMutation } from '@apollo/client/react';
import { Anchor, Button, Group, Table, Text } from '@mantine/core';
import { notifyDone } from '../../components/feedback';
import { RESEND_MONTHLY_INVOICE } from './operations';
import type { MonthlyInvoicesQuery } from '../../gql/graphql';

type Invoice = MonthlyInvoicesQuery['monthlyInvoices']['nodes'][number];

/** Monthly invoices: what each totals, what was paid by card, what is due on terms and by when, and its PDF. */
export function InvoiceTable({
  invoices,
  showReseller,
  canResend = false,
}: {
  invoices: readonly Invoice[];
  showReseller: boolean;
  /** Support and finance may email an invoice again to the reseller's contact. */
  canResend?: boolean;
}) {
  const [resend] = useMutation(RESEND_MONTHLY_INVOICE);
  const send = async (id: string) => {
    const result = (await resend({ variables: { id } })).data?.resendMonthlyInvoice;
    if (result?.__typename === 'InvoiceResent') notifyDone(`Invoice ${result.number} sent again.`);
    else if (result && 'message' in result) notifyDone(result.message);
  };
  return (
    <Table aria-label="Monthly invoices">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Invoice</Table.Th>
          {showReseller && <Table.Th>Reseller</Table.Th>}
          <Table.Th>Charges</Table.Th>
          <Table.Th>Total</Table.Th>
          <Table.Th>Paid by card</Table.Th>
          <Table.Th>Due on terms</Table.Th>
          <Table.Th />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {invoices.map((i) => (
          <Table.Tr key={i.id}>
            <Table.Td>
              <Text size="sm">{i.number}</Text>
              <Text size="xs" c="dimmed">
                {i.month}
              </Text>
            </Table.Td>
            {showReseller && <Table.Td>{i.resellerName}</Table.Td>}
            <Table.Td>{i.charges}</Table.Td>
            <Table.Td>{i.total.formatted}</Table.Td>
            <Table.Td>{i.paid.formatted}</Table.Td>
            <Table.Td>
              {i.due.amountMinor === 0 ? (
                '—'
              ) : i.due.amountMinor > 0 ? (
                <>
                  {i.due.formatted}
                  <Text size="xs" c="dimmed">
                    by {i.dueDate}
                  </Text>
                </>
              ) : (
                `${i.due.formatted} (credit)`
              )}
            </Table.Td>
            <Table.Td>
              <Group gap="xs" wrap="nowrap">
                <Anchor href={i.pdfUrl} target="_blank" rel="noopener" aria-label={`PDF of invoice ${i.number}`}>
                  PDF
                </Anchor>
                {canResend && (
                  <Button size="compact-xs" variant="subtle" onClick={() => void send(i.id)}>
                    Send again
                  </Button>
                )}
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
