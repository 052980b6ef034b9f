import { useMutation, useQuery } from '@apollo/client/react';
import {
  Alert,
  Button,
  Card,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { BILLING_PLAN_LABELS, SEGMENT_LABELS, TERM_LABELS } from '@nce/domain';
import { useState } from 'react';
import { confirmAction } from '../../components/feedback';
import { errorsByField } from '../../components/fieldErrors';
import { QueryState } from '../../components/QueryState';
import { ShowMore } from '../../components/ShowMore';
import type { BillingPlan, PriceSegment, Term } from '../../gql/graphql';
import { CREATE_PROMOTION, END_PROMOTION, PROMOTIONS } from './operations';

const EMPTY = {
  id: '',
  name: '',
  productId: '',
  skuId: '',
  term: 'P1Y',
  billingPlan: 'MONTHLY',
  segment: 'COMMERCIAL',
  market: 'US',
  discountPercent: '' as number | string,
  startDate: '',
  endDate: '',
};

/**
 * Microsoft's promotions as staff enter them from Microsoft's announcements: a discount on one SKU's term and billing
 * for a segment and market, between two days. Catalog prices, carts and Buy use the one in effect; a subscription
 * bought with one keeps it for a renewal that falls within its dates.
 */
export function PromotionsCard({ manage }: { manage: boolean }) {
  const [current, setCurrent] = useState(true);
  const list = useQuery(PROMOTIONS, { variables: { first: 25, current }, fetchPolicy: 'cache-and-network' });
  const [form, setForm] = useState(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const [create, creating] = useMutation(CREATE_PROMOTION);
  const [end] = useMutation(END_PROMOTION);
  const set = (field: keyof typeof EMPTY) => (value: string | number | null) =>
    setForm((f) => ({ ...f, [field]: value ?? '' }));

  const submit = async () => {
    setOutcome(null);
    setErrors({});
    const result = (
      await create({
        variables: { input: { ...form, discountPercent: Number(form.discountPercent) } as never },
      })
    ).data?.createPromotion;
    if (result?.__typename === 'PromotionSaved') {
      setOutcome({ ok: true, text: `Promotion ${result.promotion?.id ?? ''} added.` });
      setForm(EMPTY);
      await list.refetch();
    } else if (result?.__typename === 'ValidationFailed') {
      setErrors(errorsByField(result.fields));
      setOutcome({ ok: false, text: result.message });
    } else if (result && 'message' in result) setOutcome({ ok: false, text: result.message });
  };

  const nodes = list.data?.promotions.nodes ?? [];
  return (
    <Card withBorder aria-label="Promotions">
      <Stack>
        <Group justify="space-between">
          <Title order={3}>Promotions</Title>
          <Switch
            label="Only those not yet ended"
            checked={current}
            onChange={(e) => setCurrent(e.currentTarget.checked)}
          />
        </Group>
        <Text size="sm" c="dimmed">
          A promotion discounts Microsoft&apos;s partner price of one SKU&apos;s term and billing. Carts price with the
          one in effect on the day; a subscription keeps it for a renewal only if the renewal falls within its dates.
        </Text>
        <QueryState
          loading={list.loading && !list.data}
          error={list.error}
          empty={nodes.length === 0}
          emptyText="No promotions."
        >
          <Table aria-label="Promotion list">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Promotion</Table.Th>
                <Table.Th>Offer</Table.Th>
                <Table.Th>Discount</Table.Th>
                <Table.Th>Days</Table.Th>
                {manage && <Table.Th />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {nodes.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>
                    <Text size="sm">{p.name}</Text>
                    <Text size="xs" c="dimmed">
                      {p.id}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {p.productId} · SKU {p.skuId}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {TERM_LABELS[p.term]}, {BILLING_PLAN_LABELS[p.billingPlan].toLowerCase()} ·{' '}
                      {SEGMENT_LABELS[p.segment]} · {p.market}
                    </Text>
                  </Table.Td>
                  <Table.Td>{p.discountPercent} %</Table.Td>
                  <Table.Td>
                    {p.startDate} → {p.endDate}
                  </Table.Td>
                  {manage && (
                    <Table.Td>
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        color="red"
                        onClick={() =>
                          void confirmAction({
                            title: `End promotion ${p.id}?`,
                            effect:
                              'Carts stop pricing with it from tomorrow (one that has not started is removed). Subscriptions bought with it keep their price for their term.',
                            confirm: 'End promotion',
                          }).then(async (yes) => {
                            if (!yes) return;
                            const result = (await end({ variables: { id: p.id } })).data?.endPromotion;
                            setOutcome(
                              result?.__typename === 'PromotionSaved'
                                ? {
                                    ok: true,
                                    text: result.promotion
                                      ? `Promotion ${p.id} ends ${result.promotion.endDate}.`
                                      : `Promotion ${p.id} removed.`,
                                  }
                                : { ok: false, text: result && 'message' in result ? result.message : 'Refused.' },
                            );
                            await list.refetch();
                          })
                        }
                      >
                        End
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <ShowMore
            shown={nodes.length}
            noun="promotion"
            hasMore={list.data?.promotions.pageInfo.hasNextPage ?? false}
            loadMore={() => list.fetchMore({ variables: { after: list.data?.promotions.pageInfo.endCursor } })}
          />
        </QueryState>
        {outcome && (
          <Alert
            color={outcome.ok ? 'green' : 'red'}
            role={outcome.ok ? 'status' : 'alert'}
            data-testid="promotion-outcome"
          >
            {outcome.text}
          </Alert>
        )}
        {manage && (
          <Stack gap="xs">
            <Title order={4}>Add a promotion</Title>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput
                label="Promotion ID"
                value={form.id}
                onChange={(e) => set('id')(e.currentTarget.value)}
                error={errors.id}
              />
              <TextInput
                label="Name"
                value={form.name}
                onChange={(e) => set('name')(e.currentTarget.value)}
                error={errors.name}
              />
              <NumberInput
                label="Discount (%)"
                min={0.01}
                max={99.99}
                decimalScale={2}
                value={form.discountPercent}
                onChange={set('discountPercent')}
                error={errors.discountPercent}
              />
              <TextInput
                label="Product ID"
                value={form.productId}
                onChange={(e) => set('productId')(e.currentTarget.value)}
                error={errors.productId}
              />
              <TextInput
                label="SKU ID"
                value={form.skuId}
                onChange={(e) => set('skuId')(e.currentTarget.value)}
                error={errors.skuId}
              />
              <TextInput
                label="Market"
                value={form.market}
                onChange={(e) => set('market')(e.currentTarget.value)}
                error={errors.market}
              />
              <Select
                label="Term"
                data={(['P1M', 'P1Y', 'P3Y'] as Term[]).map((t) => ({ value: t, label: TERM_LABELS[t] }))}
                value={form.term}
                onChange={set('term')}
                error={errors.term}
                allowDeselect={false}
              />
              <Select
                label="Billing"
                data={(['MONTHLY', 'ANNUAL', 'TRIENNIAL'] as BillingPlan[]).map((b) => ({
                  value: b,
                  label: BILLING_PLAN_LABELS[b],
                }))}
                value={form.billingPlan}
                onChange={set('billingPlan')}
                error={errors.billingPlan}
                allowDeselect={false}
              />
              <Select
                label="Segment"
                data={(['COMMERCIAL', 'EDUCATION', 'NONPROFIT'] as PriceSegment[]).map((s) => ({
                  value: s,
                  label: SEGMENT_LABELS[s],
                }))}
                value={form.segment}
                onChange={set('segment')}
                error={errors.segment}
                allowDeselect={false}
              />
              <TextInput
                label="First day"
                placeholder="YYYY-MM-DD"
                value={form.startDate}
                onChange={(e) => set('startDate')(e.currentTarget.value)}
                error={errors.startDate}
              />
              <TextInput
                label="Last day"
                placeholder="YYYY-MM-DD"
                value={form.endDate}
                onChange={(e) => set('endDate')(e.currentTarget.value)}
                error={errors.endDate}
              />
            </SimpleGrid>
            <Group>
              <Button onClick={() => void submit()} loading={creating.loading}>
                Add promotion
              </Button>
            </Group>
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
