import { useMutation, useQuery } from '@apollo/client/react';
import { Anchor, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { dateOnly } from '../../components/format';
import { useState } from 'react';
import { PERMISSIONS } from '../../app/permissions';
import { useSession } from '../../app/session';
import { INVOICE, RESEND_INVOICE } from './operations';

/** The order's invoice: lines, tax as configured, totals; the PDF; and (support) sending it again. */
export function InvoiceCard({ orderId }: { orderId: string }) {
  const { can } = useSession();
  const { data } = useQuery(INVOICE, { variables: { orderId } });
  const [resend, resending] = useMutation(RESEND_INVOICE);
  const [sent, setSent] = useState(false);
  const invoice = data?.invoice;
  if (!invoice) return null;
  return (
    <Card withBorder aria-label="Invoice">
      <Group justify="space-between">
        <Title order={4}>Invoice {invoice.number}</Title>
        <Group>
          <Anchor href={invoice.pdfUrl} target="_blank" rel="noreferrer">
            Download PDF
          </Anchor>
          {can(PERMISSIONS.supportCases) && (
            <Button
              size="xs"
              variant="light"
              loading={resending.loading}
              onClick={() => void resend({ variables: { orderId } }).then(() => setSent(true))}
            >
              {sent ? 'Sent again' : 'Send to reseller again'}
            </Button>
          )}
        </Group>
      </Group>
      <Text size="sm" c="dimmed">
        Bill to {invoice.billTo}
      </Text>
      <Table>
        <Table.Tbody>
          {invoice.lines.map((l, i) => (
            <Table.Tr key={i}>
              <Table.Td>
                {l.quantity} × {l.description}
                {l.returnedQuantity > 0 && (
                  <Text size="xs" c="dimmed">
                    {l.returnedQuantity} of {l.quantity} returned
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{l.unitPrice.formatted}</Table.Td>
              <Table.Td>{l.total.formatted}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="sm" ta="right">
        Subtotal {invoice.subtotal.formatted} · Tax ({(invoice.taxRateBasisPoints / 100).toFixed(2)} %){' '}
        {invoice.tax.formatted} · <b>Total {invoice.total.formatted}</b>
      </Text>
      {invoice.creditNotes.length > 0 && (
        <Stack gap={4} mt="sm" aria-label="Credit notes">
          {invoice.creditNotes.map((note) => (
            <Group key={note.number} justify="space-between">
              <Text size="sm">
                Credit note {note.number} · {dateOnly(note.issuedAt)} · {note.description} · {note.amount.formatted}{' '}
                {note.refundMethod === 'TERMS_CREDIT' ? 'released to the credit line' : 'refunded to the card'}
              </Text>
              <Anchor href={note.pdfUrl} target="_blank" rel="noreferrer" size="sm">
                Credit note PDF
              </Anchor>
            </Group>
          ))}
          <Text size="sm" ta="right" data-testid="net-total">
            Refunded {invoice.refunded.formatted} · <b>Total after refunds {invoice.netTotal.formatted}</b>
          </Text>
        </Stack>
      )}
    </Card>
  );
}
