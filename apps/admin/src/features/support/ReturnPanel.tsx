import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Card, NumberInput, Stack, Table, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { confirmAction } from '../../components/feedback';
import { RETURN_LINE, RETURN_OPTIONS } from './operations';
import { dateTime } from '../../components/format';

/** R24: each line's eligibility and refund shown before submitting; returns executed one line at a time. */
export function ReturnPanel({
  orderId,
  caseId,
  onReturned,
}: {
  orderId: string;
  caseId: string;
  onReturned: () => Promise<unknown>;
}) {
  const [quantities, setQuantities] = useState<Record<string, number>>({});
  // The refund is quoted by the server for the seats chosen on each line, as they are chosen.
  const [chosen] = useDebouncedValue(quantities, 250);
  const asked = Object.entries(chosen)
    .filter(([, quantity]) => Number.isInteger(quantity) && quantity > 0)
    .map(([orderLineId, quantity]) => ({ orderLineId, quantity }));
  const { data, previousData, refetch } = useQuery(RETURN_OPTIONS, {
    variables: { orderId, quantities: asked },
    fetchPolicy: 'cache-and-network',
  });
  const options = (data ?? previousData)?.returnOptions ?? [];
  const [returnLine, returning] = useMutation(RETURN_LINE);
  const [outcome, setOutcome] = useState<{ color: string; text: string } | null>(null);

  const submit = async (lineId: string, title: string, quantity: number) => {
    const seats = quantity === 1 ? '1 seat' : `${quantity} seats`;
    const confirmed = await confirmAction({
      title: `Return ${seats} of ${title}?`,
      effect:
        'Microsoft cancels them now and the customer is refunded for the unused part of the paid period, as a credit note on the order. This cannot be undone.',
      confirm: `Return ${seats}`,
    });
    if (!confirmed) return;
    setOutcome(null);
    try {
      const result = (
        await returnLine({
          variables: { orderLineId: lineId, quantity, idempotencyKey: `return-${crypto.randomUUID()}`, caseId },
        })
      ).data?.returnOrderLine;
      if (result?.__typename === 'ReturnDone')
        setOutcome({
          color: 'green',
          text: `Credit note ${result.creditNote.number}: ${result.creditNote.amount.formatted} (${result.creditNote.refundMethod === 'TERMS_CREDIT' ? 'released to the credit line' : 'card refund'}).`,
        });
      else if (result?.__typename === 'ReturnRefused') setOutcome({ color: 'red', text: result.message });
    } catch (error) {
      setOutcome({ color: 'red', text: (error as Error).message });
    }
    await Promise.all([refetch(), onReturned()]);
  };

  return (
    <Card withBorder aria-label="Return">
      <Stack>
        <Title order={4}>Return</Title>
        <Text size="sm" c="dimmed">
          Microsoft allows cancelling or reducing NCE subscriptions within 7 days (168 hours) of purchase, refunding the
          paid period minus the days begun; perpetual software in full within 30 days.
        </Text>
        {outcome && (
          <Alert color={outcome.color} role={outcome.color === 'red' ? 'alert' : 'status'}>
            {outcome.text}
          </Alert>
        )}
        <Table aria-label="Returnable lines">
          <Table.Tbody>
            {options.map((o) => {
              const left = o.quantity - o.returnedQuantity;
              const quantity = quantities[o.orderLineId] ?? left;
              return (
                <Table.Tr key={o.orderLineId}>
                  <Table.Td>
                    <Text size="sm">{o.skuTitle}</Text>
                    <Text size="xs" c="dimmed">
                      {o.returnedQuantity} of {o.quantity} returned · window {o.allowed ? 'closes' : 'closed'}{' '}
                      {dateTime(o.windowClosesAt)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {o.allowed ? (
                      <Text size="sm">
                        Refund for {o.refundQuantity}: {o.refund?.formatted}
                      </Text>
                    ) : (
                      <Text size="sm" c="red">
                        {o.message}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td w={110}>
                    <NumberInput
                      aria-label={`Seats to return of ${o.skuTitle}`}
                      min={1}
                      max={Math.max(1, left)}
                      value={quantity}
                      onChange={(v) => setQuantities({ ...quantities, [o.orderLineId]: Number(v) })}
                      disabled={left === 0}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Button
                      size="xs"
                      color={o.allowed ? 'orange' : 'gray'}
                      variant="light"
                      loading={returning.loading}
                      disabled={left === 0}
                      onClick={() => void submit(o.orderLineId, o.skuTitle, quantity)}
                    >
                      Return
                    </Button>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Stack>
    </Card>
  );
}
