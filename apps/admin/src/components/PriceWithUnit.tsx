import { Text } from '@mantine/core';
import { priceUnit, type BillingPlan } from '@nce/domain';

/** A unit price with what it buys: "$36.00 per user / month". */
export function PriceWithUnit({ formatted, billingPlan }: { formatted: string; billingPlan: string }) {
  return (
    <>
      {formatted}{' '}
      <Text span size="xs" c="dimmed">
        {priceUnit(billingPlan as BillingPlan)}
      </Text>
    </>
  );
}
