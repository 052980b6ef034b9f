import { useMutation } from '@apollo/client/react';
import { Button, Group, NativeSelect, Text } from '@mantine/core';
import { BILLING_PLAN_LABELS, priceUnit, TERM_LABELS, type BillingPlan, type Term } from '@nce/domain';
import { useState } from 'react';
import { ADD_TO_CART } from './operations';

export interface BuyableProduct {
  title: string;
  skus: readonly {
    id: string;
    title: string;
    prices: readonly {
      id: string;
      term: string;
      billingPlan: string;
      trial: boolean;
      promotion?: { discountPercent: number; endDate: string; unitPrice: { formatted: string } } | null;
      unitPrice: { formatted: string };
      /** What the reseller pays by its price book, when a reseller is known. */
      yourPrice?: {
        unitPrice: { formatted: string };
        rule?: string | null;
        suggestedPrice?: { formatted: string };
        markupPercent?: number;
      } | null;
    }[];
  }[];
}

/**
 * "Annual term, billed monthly — 32.59 USD": one choice of a SKU's prices; with a price-book rule, the reseller's
 * price and the rule that set it.
 */
const priceLabel = (price: BuyableProduct['skus'][number]['prices'][number]) => {
  if (price.trial) return 'Free trial: 25 seats for 30 days, then converted to paid';
  const what = `${TERM_LABELS[price.term as Term] ?? price.term}, ${(BILLING_PLAN_LABELS[price.billingPlan as BillingPlan] ?? price.billingPlan).toLowerCase()}`;
  const unit = priceUnit(price.billingPlan as BillingPlan);
  const base = price.yourPrice?.rule
    ? `${what} — ${price.yourPrice.unitPrice.formatted} ${unit} (${price.yourPrice.rule})`
    : price.promotion
      ? `${what} — ${price.promotion.unitPrice.formatted} ${unit} (−${price.promotion.discountPercent} % to ${price.promotion.endDate})`
      : `${what} — ${price.unitPrice.formatted} ${unit}`;
  // The reseller's own markup: what it might charge its customer.
  const suggested = price.yourPrice?.markupPercent ? price.yourPrice.suggestedPrice : null;
  return suggested ? `${base} · suggested ${suggested.formatted} (+${price.yourPrice!.markupPercent} %)` : base;
};

/**
 * Adds one licence of a product to the reseller's cart: the SKU (when there are several) and its term and
 * billing plan are chosen in two compact lists rather than a button per price.
 */
export function AddToCartChooser({
  resellerId,
  product,
  onAdded,
}: {
  resellerId: string;
  product: BuyableProduct;
  onAdded?: () => unknown;
}) {
  const [skuId, setSkuId] = useState(product.skus[0]?.id ?? '');
  const sku = product.skus.find((s) => s.id === skuId) ?? product.skus[0];
  const [priceId, setPriceId] = useState(sku?.prices[0]?.id ?? '');
  const [refusal, setRefusal] = useState<string | null>(null);
  const [add, adding] = useMutation(ADD_TO_CART);
  if (!sku || sku.prices.length === 0) return null;
  const chosen = sku.prices.find((p) => p.id === priceId) ?? sku.prices[0]!;

  const submit = async () => {
    setRefusal(null);
    try {
      const result = (await add({ variables: { resellerId, priceId: Number(chosen.id) } })).data?.addToCart;
      if (result?.__typename === 'CartRefused') setRefusal(result.message);
      else await onAdded?.();
    } catch (error) {
      setRefusal((error as Error).message);
    }
  };

  return (
    <div>
      <Group gap="xs" wrap="nowrap" align="flex-end">
        {product.skus.length > 1 && (
          <NativeSelect
            size="xs"
            aria-label={`SKU of ${product.title}`}
            value={sku.id}
            onChange={(e) => {
              const next = product.skus.find((s) => s.id === e.currentTarget.value);
              setSkuId(e.currentTarget.value);
              setPriceId(next?.prices[0]?.id ?? '');
            }}
            data={product.skus.map((s) => ({ value: s.id, label: s.title }))}
          />
        )}
        <NativeSelect
          size="xs"
          aria-label={`Term and billing of ${sku.title}`}
          value={chosen.id}
          onChange={(e) => setPriceId(e.currentTarget.value)}
          data={sku.prices.map((p) => ({ value: p.id, label: priceLabel(p) }))}
        />
        <Button
          size="xs"
          variant="light"
          loading={adding.loading}
          onClick={() => void submit()}
          aria-label={`Add to cart ${sku.title}`}
        >
          Add to cart
        </Button>
      </Group>
      {refusal && (
        <Text size="xs" c="red.9" role="alert">
          {refusal}
        </Text>
      )}
    </div>
  );
}
