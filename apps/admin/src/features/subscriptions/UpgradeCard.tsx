import { Button, Card, Group, NumberInput, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { SubscriptionQuery } from '../../gql/graphql';
import type { SubscriptionChange } from './use-subscription-change';

type Shown = NonNullable<SubscriptionQuery['subscription']>;

/**
 * Higher SKUs along Microsoft's paths: upgrade every seat now or at the renewal, or some seats now into a new
 * subscription that ends with this one.
 */
export function UpgradeCard({ subscription: s, change }: { subscription: Shown; change: SubscriptionChange }) {
  const [seats, setSeats] = useState<number | string>(s.quantity);
  if (s.status !== 'ACTIVE' || s.upgradeOptions.length === 0) return null;
  const count = Number(seats);
  const valid = Number.isInteger(count) && count >= 1 && count <= s.quantity;
  const partial = valid && count < s.quantity;
  return (
    <Card withBorder aria-label="Upgrade">
      <Stack gap="xs">
        <Title order={4}>Upgrade</Title>
        <Text size="xs" c="dimmed">
          Every seat moves to the higher SKU. Now: the subscription keeps its term and gets no new 7-day window; the
          days left in the period are charged at the new price, less what they paid. At renewal: the next term is the
          new SKU. Fewer seats than all move now into a new subscription that ends with this one.
        </Text>
        <NumberInput
          label="Seats to upgrade"
          min={1}
          max={s.quantity}
          value={seats}
          onChange={setSeats}
          w={160}
          error={valid ? undefined : `Upgrade 1 to ${s.quantity} seat(s).`}
        />
        <Table aria-label="Upgrade options">
          <Table.Tbody>
            {s.upgradeOptions.map((o) => (
              <Table.Tr key={`${o.productId}:${o.skuId}`}>
                <Table.Td>
                  <Text size="sm">{o.skuTitle}</Text>
                </Table.Td>
                <Table.Td>{o.unitPrice.formatted} a seat</Table.Td>
                <Table.Td>
                  <Group gap="xs" justify="flex-end">
                    <Button
                      size="xs"
                      variant="light"
                      loading={change.busy}
                      disabled={!valid}
                      onClick={() =>
                        void change.run(
                          'upgradeSubscription',
                          { productId: o.productId, skuId: o.skuId, when: 'NOW', quantity: count },
                          {
                            title: `Upgrade ${count} seat(s) to ${o.skuTitle} now?`,
                            effect: partial
                              ? `${count} of the ${s.quantity} seats move to a new ${o.skuTitle} subscription ending ${s.termEnd.slice(0, 10)}, with the window they have now. The rest of the current billing period is charged at ${o.unitPrice.formatted} a seat, less what they paid here.`
                              : `The rest of the current billing period is charged at ${o.unitPrice.formatted} a seat, less what it paid. There is no new 7-day window and no way back to ${s.skuTitle}.${s.scheduledChange ? ' The changes scheduled for the next term are removed.' : ''}`,
                            confirm: 'Upgrade now',
                          },
                        )
                      }
                    >
                      Upgrade now
                    </Button>
                    {s.autoRenew && !partial && (
                      <Button
                        size="xs"
                        variant="default"
                        loading={change.busy}
                        onClick={() =>
                          void change.run(
                            'upgradeSubscription',
                            { productId: o.productId, skuId: o.skuId, when: 'AT_RENEWAL' },
                            {
                              title: `Upgrade to ${o.skuTitle} at renewal?`,
                              effect: `The next term renews as ${o.skuTitle}, at the price list's price then. No money moves now.`,
                              confirm: 'Schedule the upgrade',
                              danger: false,
                            },
                          )
                        }
                      >
                        At renewal
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </Card>
  );
}
