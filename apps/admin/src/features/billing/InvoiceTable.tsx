import { useMutation } from '@apollo/client/react';
import { Anchor, Badge, Button, Group, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { notifyDone } from '../../components/feedback';
import { CorrectInvoiceModal } from './CorrectInvoiceModal';
import { RESEND_MONTHLY_INVOICE } from './operations';
import type { MonthlyInvoicesQuery } from '../../gql/graphql';

type Invoice = MonthlyInvoicesQuery['monthlyInvoices']['nodes'][number];

/**
 * Monthly invoices and credit notes: what each totals, what was paid by card, what is due on terms and by when,
 * what corrected what, and its PDF.
 */
export function InvoiceTable({
  invoices,
  showReseller,
  canResend = false,
  canCorrect = false,
  onCorrected,
}: {
  invoices: readonly Invoice[];
  showReseller: boolean;
  /** Support and finance may email an invoice again to the reseller's contact. */
  canResend?: boolean;
  /** Finance may correct the latest invoice of a party (a credit note and a new invoice). */
  canCorrect?: boolean;
  onCorrected?: () => void;
}) {
  const [resend] = useMutation(RESEND_MONTHLY_INVOICE);
  const [correcting, setCorrecting] = useState<Invoice | null>(null);
  const send = async (id: string) => {
    const result = (await resend({ variables: { id } })).data?.resendMonthlyInvoice;
    if (result?.__typename === 'InvoiceResent') notifyDone(`Invoice ${result.number} sent again.`);
    else if (result && 'message' in result) notifyDone(result.message);
  };
  return (
    <>
      {correcting && (
        <CorrectInvoiceModal
          invoice={correcting}
          onClose={() => setCorrecting(null)}
          onCorrected={() => onCorrected?.()}
        />
      )}
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
                <Group gap={6} wrap="nowrap">
                  <Text size="sm">{i.number}</Text>
                  {i.kind === 'CREDIT_NOTE' && (
                    <Badge size="xs" variant="light" color="grape">
                      Credit note
                    </Badge>
                  )}
                  {i.creditedBy && (
                    <Badge size="xs" variant="light" color="gray">
                      Corrected
                    </Badge>
                  )}
                </Group>
                <Text size="xs" c="dimmed">
                  {i.month}
                  {i.corrects &&
                    (i.kind === 'CREDIT_NOTE' ? ` · cancels ${i.corrects.number}` : ` · replaces ${i.corrects.number}`)}
                  {i.replacedBy && ` · replaced by ${i.replacedBy.number}`}
                </Text>
                {i.reason && (
                  <Text size="xs" c="dimmed">
                    Reason: {i.reason}
                  </Text>
                )}
                {i.adjustments.map((a, index) => (
                  <Text size="xs" key={index}>
                    {a.description}: {a.amount.formatted}
                  </Text>
                ))}
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
                  <Anchor
                    href={i.pdfUrl}
                    target="_blank"
                    rel="noopener"
                    aria-label={`PDF of ${i.kind === 'CREDIT_NOTE' ? 'credit note' : 'invoice'} ${i.number}`}
                  >
                    PDF
                  </Anchor>
                  {canResend && (
                    <Button size="compact-xs" variant="subtle" onClick={() => void send(i.id)}>
                      Send again
                    </Button>
                  )}
                  {canCorrect && i.kind === 'INVOICE' && !i.creditedBy && (
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      aria-label={`Correct invoice ${i.number}`}
                      onClick={() => setCorrecting(i)}
                    >
                      Correct
                    </Button>
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}
