import { Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import type { SubscriptionQuery } from '../../gql/graphql';
import type { SubscriptionChange } from './use-subscription-change';

type Shown = NonNullable<SubscriptionQuery['subscription']>;

/** Higher SKUs along Microsoft's paths: upgrade every seat now, or at the renewal. */
export function UpgradeCard({ subscription: s, change }: { subscription: Shown; change: SubscriptionChange }) {
  if (s.status !== 'ACTIVE' || s.upgradeOptions.length === 0) return null;
  return (
    <Card withBorder aria-label="Upgrade">
      <Stack gap="xs">
        <Title order={4}>Upgrade</Title>
        <Text size="xs" c="dimmed">
          Every seat moves to the higher SKU. Now: the subscription keeps its term and gets no new 7-day window; the
          days left in the period are charged at the new price, less what they paid. At renewal: the next term is the
          new SKU.
        </Text>
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
                      onClick={() =>
                        void change.run(
                          'upgradeSubscription',
                          { productId: o.productId, skuId: o.skuId, when: 'NOW' },
                          {
                            title: `Upgrade ${s.quantity} seat(s) to ${o.skuTitle} now?`,
                            effect: `The rest of the current billing period is charged at ${o.unitPrice.formatted} a seat, less what it paid. There is no new 7-day window and no way back to ${s.skuTitle}.${s.scheduledChange ? ' The changes scheduled for the next term are removed.' : ''}`,
                            confirm: 'Upgrade now',
                          },
                        )
                      }
                    >
                      Upgrade now
                    </Button>
                    {s.autoRenew && (
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
