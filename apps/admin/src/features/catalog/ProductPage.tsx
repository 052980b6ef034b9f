import { useQuery } from '@apollo/client/react';
import { Anchor, Badge, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useSession } from '../../app/session';
import { AddToCartChooser } from '../orders/AddToCartChooser';
import { BILLING_PLAN_LABELS, SEGMENT_LABELS, TERM_LABELS } from '@nce/domain';
import { Link, useParams, useSearchParams } from 'react-router';
import { QueryState } from '../../components/QueryState';
import { readCatalogView, toFilterInput, writeCatalogView } from './catalog-filter';
import { CATALOG_PRODUCT } from './operations';
import { PageBreadcrumbs } from '../../components/PageBreadcrumbs';
import { PriceWithUnit } from '../../components/PriceWithUnit';

export function ProductPage() {
  const { me } = useSession();
  const { productId = '' } = useParams();
  const [params] = useSearchParams();
  const view = readCatalogView(params);
  const { data, loading, error, refetch } = useQuery(CATALOG_PRODUCT, {
    variables: { id: productId, filter: toFilterInput(view) },
  });
  const product = data?.catalogProduct;

  return (
    <Stack>
      <PageBreadcrumbs
        trail={[{ label: 'Catalog', to: `/catalog?${writeCatalogView(view).toString()}` }]}
        current={product?.title}
      />
      <QueryState
        loading={loading}
        error={error}
        empty={!product}
        emptyText={`No product ${productId} with ${SEGMENT_LABELS[view.segment]} prices in this market.`}
        onRetry={() => void refetch()}
      >
        {product && (
          <>
            <Group justify="space-between" align="flex-start">
              <div>
                <Title order={1} size="h2">
                  {product.title}
                </Title>
                <Text c="dimmed">
                  {product.publisher} · {product.id}
                </Text>
              </div>
              <Group>
                <Badge variant="light">{SEGMENT_LABELS[view.segment]}</Badge>
                <Badge variant="light" color={product.kind === 'PERPETUAL' ? 'grape' : 'indigo'}>
                  {product.kind === 'PERPETUAL' ? 'Perpetual' : 'Subscription'}
                </Badge>
              </Group>
            </Group>
            <Text>{product.description}</Text>
            {me?.kind === 'RESELLER' && me.resellerId && (
              <Card withBorder aria-label="Buy">
                <Group justify="space-between">
                  <AddToCartChooser resellerId={me.resellerId} product={product} />
                  <Anchor component={Link} to="/purchase" size="sm">
                    Go to the cart and checkout
                  </Anchor>
                </Group>
              </Card>
            )}
            {product.skus.map((sku) => (
              <Card key={sku.id} withBorder>
                <Stack gap="xs">
                  <Group justify="space-between">
                    <Title order={4}>{sku.title}</Title>
                    <Text size="sm" c="dimmed">
                      SKU {product.id}:{sku.skuId} · per {sku.unitOfMeasure.replace(/s$/, '').toLowerCase()}
                    </Text>
                  </Group>
                  <Text size="sm">{sku.description}</Text>
                  <Table aria-label={`Prices of ${sku.title}`}>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>Term</Table.Th>
                        <Table.Th>Billing</Table.Th>
                        <Table.Th>Seats</Table.Th>
                        <Table.Th>Unit price</Table.Th>
                        <Table.Th>ERP price</Table.Th>
                        <Table.Th>Effective</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {sku.prices.map((price) => (
                        <Table.Tr key={price.id}>
                          <Table.Td>{TERM_LABELS[price.term]}</Table.Td>
                          <Table.Td>{BILLING_PLAN_LABELS[price.billingPlan]}</Table.Td>
                          <Table.Td>
                            {price.tierMin}–{price.tierMax ?? '∞'}
                          </Table.Td>
                          <Table.Td>
                            <PriceWithUnit formatted={price.unitPrice.formatted} billingPlan={price.billingPlan} />
                            {price.promotion && (
                              <Text size="xs" c="teal.9" data-testid="price-promotion">
                                {price.promotion.unitPrice.formatted} with {price.promotion.name} (−
                                {price.promotion.discountPercent} % to {price.promotion.endDate})
                              </Text>
                            )}
                          </Table.Td>
                          <Table.Td>
                            <PriceWithUnit formatted={price.erpPrice.formatted} billingPlan={price.billingPlan} />
                          </Table.Td>
                          <Table.Td>
                            {price.effectiveStart} → {price.effectiveEnd ?? 'open'}
                            {price.trial && (
                              <Badge ml="xs" size="xs" color="teal" variant="light">
                                Free trial · 25 seats · 30 days
                              </Badge>
                            )}
                            {price.changeIndicator !== 'Unchanged' && (
                              <Badge ml="xs" size="xs" color="orange" variant="light">
                                {price.changeIndicator}
                              </Badge>
                            )}
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Stack>
              </Card>
            ))}
          </>
        )}
      </QueryState>
    </Stack>
  );
}
