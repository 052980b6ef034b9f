import { useQuery } from '@apollo/client/react';
import {
  Alert,
  Badge,
  Button,
  Group,
  MultiSelect,
  Popover,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Tabs,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useSession } from '../../app/session';
import { AddToCartChooser } from '../orders/AddToCartChooser';
import { useDebouncedValue } from '@mantine/hooks';
import {
  BILLING_PLAN_LABELS,
  BILLING_PLANS,
  CUSTOMER_SEGMENTS,
  priceSegmentFor,
  SEGMENT_LABELS,
  TERM_LABELS,
  TERMS,
  type CustomerSegment,
} from '@nce/domain';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { QueryState } from '../../components/QueryState';
import { ShowMore } from '../../components/ShowMore';
import type { CatalogProductsQuery } from '../../gql/graphql';
import { readCatalogView, toFilterInput, writeCatalogView, type CatalogView } from './catalog-filter';
import { CATALOG_MARKETS, CATALOG_PRODUCTS } from './operations';
import { PriceWithUnit } from '../../components/PriceWithUnit';
import type { ReactNode } from 'react';

const PAGE_SIZE = 25;

type ProductNode = CatalogProductsQuery['catalogProducts']['edges'][number]['node'];

/** The lowest unit price shown, with the period it pays for (a monthly price is not comparable to an annual one). */
function lowestPrice(product: ProductNode): ReactNode {
  let lowest: { amountMinor: number; formatted: string; billingPlan: string } | null = null;
  for (const sku of product.skus)
    for (const price of sku.prices)
      if (!price.trial && (!lowest || price.unitPrice.amountMinor < lowest.amountMinor))
        lowest = { ...price.unitPrice, billingPlan: price.billingPlan };
  return lowest ? <PriceWithUnit formatted={lowest.formatted} billingPlan={lowest.billingPlan} /> : null;
}

export function CatalogPage() {
  const { me } = useSession();
  // Resellers add to their cart from the catalog; staff buy for a reseller from New purchase.
  const buyer = me?.kind === 'RESELLER' ? me.resellerId : null;
  const [params, setParams] = useSearchParams();
  const view = readCatalogView(params);
  const update = (change: Partial<CatalogView>) =>
    setParams(writeCatalogView({ ...view, ...change }), { replace: true });

  const [searchText, setSearchText] = useState(view.search);
  const [debouncedSearch] = useDebouncedValue(searchText, 300);
  useEffect(() => {
    // Only a new debounced search moves the URL; the view it reads is current when that happens.
    if (debouncedSearch !== view.search) update({ search: debouncedSearch });
  }, [debouncedSearch]);

  const markets = useQuery(CATALOG_MARKETS);
  const { data, loading, error, fetchMore, refetch } = useQuery(CATALOG_PRODUCTS, {
    variables: { filter: toFilterInput(view), first: PAGE_SIZE },
    notifyOnNetworkStatusChange: true,
  });
  const connection = data?.catalogProducts;
  const products = connection?.edges.map((edge) => edge.node) ?? [];

  return (
    <Stack>
      <Title order={1} size="h2">
        Microsoft NCE catalog
      </Title>
      <Tabs value={view.segment} onChange={(segment) => segment && update({ segment: segment as CustomerSegment })}>
        <Tabs.List aria-label="End customer segment">
          {CUSTOMER_SEGMENTS.map((segment) => (
            <Tabs.Tab key={segment} value={segment}>
              {SEGMENT_LABELS[segment]}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {/* The tabs filter the table below; an empty panel per tab keeps each tab's aria-controls valid. */}
        {CUSTOMER_SEGMENTS.map((segment) => (
          <Tabs.Panel key={segment} value={segment}>
            {null}
          </Tabs.Panel>
        ))}
      </Tabs>
      {priceSegmentFor(view.segment) !== view.segment && (
        <Alert color="blue" variant="light">
          {SEGMENT_LABELS[view.segment]} end users buy at the {SEGMENT_LABELS[priceSegmentFor(view.segment)]} price;
          these are {SEGMENT_LABELS[priceSegmentFor(view.segment)]} prices.
        </Alert>
      )}
      <Group align="flex-end" wrap="wrap">
        <TextInput
          label="Search"
          placeholder="Product or SKU title, product ID"
          value={searchText}
          onChange={(event) => setSearchText(event.currentTarget.value)}
          w={280}
        />
        <Select
          label="Market"
          placeholder="Default market"
          clearable
          data={(markets.data?.catalogMarkets ?? []).map((m) => ({
            value: m.market,
            label: `${m.market} (${m.currency})`,
          }))}
          value={view.market}
          onChange={(market) => update({ market })}
          w={160}
        />
        <MultiSelect
          label="Term"
          placeholder="Any term"
          data={TERMS.map((term) => ({ value: term, label: TERM_LABELS[term] }))}
          value={view.terms}
          onChange={(terms) => update({ terms: terms as CatalogView['terms'] })}
          w={240}
        />
        <MultiSelect
          label="Billing plan"
          placeholder="Any billing plan"
          data={BILLING_PLANS.map((plan) => ({ value: plan, label: BILLING_PLAN_LABELS[plan] }))}
          value={view.billingPlans}
          onChange={(plans) => update({ billingPlans: plans as CatalogView['billingPlans'] })}
          w={260}
        />
        <SegmentedControl
          aria-label="Kind"
          data={[
            { value: '', label: 'All' },
            { value: 'SUBSCRIPTION', label: 'Subscriptions' },
            { value: 'PERPETUAL', label: 'Perpetual' },
          ]}
          value={view.kind ?? ''}
          onChange={(kind) => update({ kind: (kind || null) as CatalogView['kind'] })}
        />
      </Group>
      <QueryState
        loading={loading}
        error={error}
        empty={products.length === 0}
        emptyText="No products match this segment and these filters."
        onRetry={() => void refetch()}
      >
        <Table striped highlightOnHover aria-label="Products">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Product</Table.Th>
              <Table.Th>Publisher</Table.Th>
              <Table.Th>Kind</Table.Th>
              <Table.Th>SKUs</Table.Th>
              <Table.Th>From</Table.Th>
              {buyer && <Table.Th />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {products.map((product) => (
              <Table.Tr key={product.id}>
                <Table.Td>
                  <Link to={`/catalog/products/${product.id}?${writeCatalogView(view).toString()}`}>
                    {product.title}
                  </Link>
                  <Text size="xs" c="dimmed">
                    {product.id}
                  </Text>
                </Table.Td>
                <Table.Td>{product.publisher}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={product.kind === 'PERPETUAL' ? 'grape' : 'indigo'}>
                    {product.kind === 'PERPETUAL' ? 'Perpetual' : 'Subscription'}
                  </Badge>
                  {product.skus.some((s) => s.prices.some((p) => p.trial)) && (
                    <Badge ml={4} variant="light" color="teal">
                      Free trial
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{product.skus.length}</Table.Td>
                <Table.Td>{lowestPrice(product)}</Table.Td>
                {buyer && (
                  <Table.Td>
                    <Popover position="bottom-end" withArrow shadow="md">
                      <Popover.Target>
                        <Button size="compact-xs" variant="light" aria-label={`Add to cart… ${product.title}`}>
                          Add to cart…
                        </Button>
                      </Popover.Target>
                      <Popover.Dropdown>
                        <AddToCartChooser resellerId={buyer} product={product} />
                      </Popover.Dropdown>
                    </Popover>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <ShowMore
          shown={products.length}
          noun="product"
          detail={`${connection?.market ?? ''} market · ${connection ? SEGMENT_LABELS[connection.priceSegment] : ''} prices`}
          hasMore={connection?.pageInfo.hasNextPage ?? false}
          loadMore={() => fetchMore({ variables: { after: connection?.pageInfo.endCursor } })}
        />
      </QueryState>
    </Stack>
  );
}
