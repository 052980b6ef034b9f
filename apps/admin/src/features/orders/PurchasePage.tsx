import { useMutation, useQuery } from '@apollo/client/react';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Grid,
  Group,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { BILLING_PLAN_LABELS, TERM_LABELS } from '@nce/domain';
import { useCallback, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useSession } from '../../app/session';
import { ResellerPicker } from '../../components/ResellerPicker';
import { CATALOG_PRODUCTS } from '../catalog/operations';
import { CUSTOMER, CUSTOMERS } from '../customers/operations';
import { TenantPanel } from '../customers/TenantPanel';
import { BIND_CUSTOMER, BUY, CART, READINESS, REMOVE_LINE, SET_QUANTITY } from './operations';
import { confirmAction } from '../../components/feedback';
import { AddToCartChooser } from './AddToCartChooser';
import { LineEndSelect } from './LineEndSelect';
import { QuantityInput } from './QuantityInput';
import { ReadinessChecklist } from './ReadinessChecklist';
import { PriceWithUnit } from '../../components/PriceWithUnit';

type BuyOutcome =
  | { kind: 'changed'; message: string; changes: { title: string; before: string; after: string | null }[] }
  | { kind: 'refused'; message: string };

/**
 * The guide's purchase flow on one page: catalog → cart → customer → identifiers → tenant → attestation → checkout →
 * SO.
 */
export function PurchasePage() {
  const { me } = useSession();
  const [params, setParams] = useSearchParams();
  const resellerId = me?.kind === 'RESELLER' ? me.resellerId : params.get('reseller');
  if (!resellerId) {
    return (
      <Stack maw={480}>
        <Title order={1} size="h2">
          New purchase
        </Title>
        <Text c="dimmed">Choose the reseller you are buying for; the purchase is recorded on its behalf.</Text>
        <ResellerPicker value={null} onChange={(id) => id && setParams({ reseller: id })} />
      </Stack>
    );
  }
  return <Purchase resellerId={resellerId} />;
}

function Purchase({ resellerId }: { resellerId: string }) {
  const navigate = useNavigate();
  const [paymentMethod, setPaymentMethod] = useState('CREDIT_CARD');
  const cart = useQuery(CART, { variables: { resellerId }, fetchPolicy: 'cache-and-network' });
  const readiness = useQuery(READINESS, { variables: { resellerId, paymentMethod }, fetchPolicy: 'cache-and-network' });
  const [failure, setFailure] = useState<string | null>(null);
  const [setQuantity] = useMutation(SET_QUANTITY);
  const [removeLine] = useMutation(REMOVE_LINE);
  const [bind] = useMutation(BIND_CUSTOMER);
  const [buyMutation, buying] = useMutation(BUY);
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 300);
  const [poNumber, setPoNumber] = useState('');
  const [idempotencyKey, setIdempotencyKey] = useState(() => `buy-${crypto.randomUUID()}`);
  const [outcome, setOutcome] = useState<BuyOutcome | null>(null);
  const customers = useQuery(CUSTOMERS, { variables: { resellerId, first: 100 } });
  const currentCart = cart.data?.cart;
  const customerId = currentCart?.customerId ?? null;
  const customer = useQuery(CUSTOMER, { variables: { id: customerId ?? '' }, skip: !customerId });
  const boundCustomer = customers.data?.customers.nodes.find((c) => c.id === customerId);
  const segment =
    boundCustomer?.segment ??
    (currentCart?.priceSegment as 'COMMERCIAL' | 'EDUCATION' | 'NONPROFIT' | null) ??
    'COMMERCIAL';
  const products = useQuery(CATALOG_PRODUCTS, {
    variables: { filter: { segment, search: debounced || null }, first: 5, resellerId, customerId },
    // Prices move with price books and markups: show what is cached, then what the API says now.
    fetchPolicy: 'cache-and-network',
    skip: !debounced,
  });

  const refresh = () => Promise.all([cart.refetch(), readiness.refetch(), customer.refetch?.()].filter(Boolean));
  const act = async (work: () => Promise<{ __typename?: string; message?: string } | null | undefined>) => {
    setFailure(null);
    try {
      const result = await work();
      if (result && 'message' in result && result.__typename?.endsWith('Refused'))
        setFailure(result.message ?? 'Refused.');
    } catch (error) {
      setFailure((error as Error).message);
    }
    await refresh();
  };

  // Lines whose quantity is typed but not saved yet: Buy waits for them, so it buys what the screen shows.
  const [unsaved, setUnsaved] = useState<ReadonlySet<string>>(new Set());
  const markUnsaved = useCallback((lineId: string, dirty: boolean) => {
    setUnsaved((current) => {
      if (current.has(lineId) === dirty) return current;
      const next = new Set(current);
      if (dirty) next.add(lineId);
      else next.delete(lineId);
      return next;
    });
  }, []);

  const buy = async () => {
    setOutcome(null);
    // Buy carries what the buyer confirmed; if the server's cart differs, it is refused with today's figures.
    const confirmed = {
      cartVersion: currentCart?.version ?? null,
      expectedTotalMinor: currentCart?.total?.amountMinor ?? null,
    };
    const result = (
      await buyMutation({
        variables: { resellerId, input: { idempotencyKey, poNumber: poNumber || null, paymentMethod, ...confirmed } },
      })
    ).data?.buy;
    if (result?.__typename === 'OrderPlaced') {
      setIdempotencyKey(`buy-${crypto.randomUUID()}`);
      await navigate(`/orders/${result.order.id}`, {
        state: { placed: { soNumber: result.order.soNumber, total: result.order.total.formatted } },
      });
      return;
    } else if (result?.__typename === 'PricesChanged') {
      setOutcome({
        kind: 'changed',
        message: result.message,
        changes: result.changes.map((c) => ({
          title: c.title,
          before: c.before.formatted,
          after: c.after?.formatted ?? null,
        })),
      });
    } else if (result?.__typename === 'PurchaseNotReady')
      setOutcome({ kind: 'refused', message: `${result.message} ${result.unmet.map((u) => u.message).join(' ')}` });
    else if (result && 'message' in result) setOutcome({ kind: 'refused', message: result.message });
    await refresh();
  };

  return (
    <Grid>
      <Grid.Col span={{ base: 12, md: 8 }}>
        <Stack>
          <Title order={1} size="h2">
            New purchase
          </Title>
          {failure && (
            <Alert color="red" withCloseButton onClose={() => setFailure(null)} role="alert">
              {failure}
            </Alert>
          )}
          <Card withBorder>
            <Title order={4}>1. Catalog</Title>
            <TextInput
              label="Find a product"
              placeholder="e.g. Microsoft 365 E3"
              value={search}
              onChange={(e) => setSearch(e.currentTarget.value)}
            />
            {products.data?.catalogProducts.edges.map(({ node }) => (
              <Stack key={node.id} gap={4} mt="sm">
                <Text fw={600} size="sm">
                  {node.title}
                </Text>
                <AddToCartChooser resellerId={resellerId} product={node} onAdded={refresh} />
              </Stack>
            ))}
          </Card>
          <Card withBorder>
            <Title order={4}>2. Cart</Title>
            {!currentCart?.lines.length ? (
              <Text size="sm" c="dimmed">
                The cart is empty. “Add to cart” puts one licence in; change quantities here.
              </Text>
            ) : (
              <Table aria-label="Cart">
                <Table.Tbody>
                  {currentCart.lines.map((line) => (
                    <Table.Tr key={line.id}>
                      <Table.Td>
                        <Text size="sm">
                          {line.skuTitle}
                          {line.trial && (
                            <Badge ml={6} size="xs" color="teal" variant="light">
                              Free trial
                            </Badge>
                          )}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {line.trial
                            ? `30 days, then converted to paid unless auto-renew is turned off`
                            : `${TERM_LABELS[line.term]} · ${BILLING_PLAN_LABELS[line.billingPlan]}`}
                        </Text>
                        {line.promotionName && (
                          <Text size="xs" c="teal.9">
                            Promotion: {line.promotionName}
                          </Text>
                        )}
                        {line.term !== 'NONE' && !line.trial && (
                          <LineEndSelect
                            key={`${line.id}:${line.quantity}:${customerId ?? ''}:${line.endWith}:${line.endWithSubscriptionId ?? ''}`}
                            resellerId={resellerId}
                            line={line}
                            onChanged={async (refusal) => {
                              setFailure(refusal);
                              await refresh();
                            }}
                          />
                        )}
                      </Table.Td>
                      <Table.Td w={120}>
                        {line.trial ? (
                          <Text size="sm" aria-label={`Quantity of ${line.skuTitle}`}>
                            {line.quantity} (fixed)
                          </Text>
                        ) : (
                          <QuantityInput
                            label={`Quantity of ${line.skuTitle}`}
                            saved={line.quantity}
                            max={line.maxQuantity ?? 2000}
                            onDirty={(dirty) => markUnsaved(line.id, dirty)}
                            onSave={(quantity) =>
                              act(
                                async () =>
                                  (await setQuantity({ variables: { resellerId, lineId: line.id, quantity } })).data
                                    ?.setCartQuantity,
                              )
                            }
                          />
                        )}
                      </Table.Td>
                      <Table.Td>
                        <PriceWithUnit formatted={line.unitPrice.formatted} billingPlan={line.billingPlan} />
                        {line.priceRule && (
                          <Text size="xs" c="dimmed" data-testid="price-rule">
                            {line.priceRule}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>{line.lineTotal.formatted}</Table.Td>
                      <Table.Td>
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          color="red"
                          onClick={() =>
                            void confirmAction({
                              title: `Remove ${line.skuTitle}?`,
                              effect: `The line (${line.quantity === 1 ? '1 licence' : `${line.quantity} licences`}, ${line.lineTotal.formatted}) leaves the cart.`,
                              confirm: 'Remove line',
                            }).then((yes) =>
                              yes
                                ? act(
                                    async () =>
                                      (await removeLine({ variables: { resellerId, lineId: line.id } })).data
                                        ?.removeCartLine,
                                  )
                                : undefined,
                            )
                          }
                        >
                          Remove
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
            {currentCart?.total && (
              <Text fw={600} ta="right" data-testid="cart-total">
                Total {currentCart.total.formatted}
              </Text>
            )}
          </Card>
          <Card withBorder>
            <Title order={4}>3. Customer</Title>
            <Group align="flex-end">
              <Select
                label="Existing customer"
                placeholder="Choose the end customer"
                searchable
                data={(customers.data?.customers.nodes ?? []).map((c) => ({
                  value: c.id,
                  label: `${c.companyName} (${c.segment.toLowerCase()})`,
                }))}
                value={customerId}
                onChange={(id) =>
                  id &&
                  void act(
                    async () => (await bind({ variables: { resellerId, customerId: id } })).data?.bindCartCustomer,
                  )
                }
                w={360}
              />
              <Anchor component={Link} to="/customers" size="sm">
                or create a new customer
              </Anchor>
            </Group>
          </Card>
          <Card withBorder>
            <Title order={4}>4. MPN location ID and reseller domain</Title>
            <Text size="sm" c="dimmed">
              Checked with Microsoft before every purchase; see the checklist.{' '}
              <Anchor component={Link} to={`/resellers/${resellerId}`} size="sm">
                Reseller identifiers
              </Anchor>
            </Text>
          </Card>
          {customer.data?.customer && (
            <TenantPanel
              key={JSON.stringify(customer.data.customer.tenant)}
              customer={customer.data.customer}
              choices={customer.data.tenantChoices ?? null}
              onChanged={refresh}
            />
          )}
          <Card withBorder>
            <Title order={4}>Checkout</Title>
            <Stack>
              {boundCustomer && (
                <Text size="sm">
                  For <b>{boundCustomer.companyName}</b> · administrative contact {boundCustomer.adminContact.name} (
                  {boundCustomer.adminContact.email})
                </Text>
              )}
              <Group align="flex-end">
                <TextInput
                  label="PO number (optional)"
                  value={poNumber}
                  onChange={(e) => setPoNumber(e.currentTarget.value)}
                  w={220}
                />
                <div>
                  <Text size="sm" fw={500} mb={4}>
                    Payment
                  </Text>
                  <SegmentedControl
                    aria-label="Payment method"
                    value={paymentMethod}
                    onChange={setPaymentMethod}
                    data={[
                      { value: 'CREDIT_CARD', label: 'Credit card' },
                      { value: 'TERMS', label: 'Terms' },
                    ]}
                  />
                </div>
              </Group>
              {outcome?.kind === 'changed' && (
                <Alert color="yellow" title="Prices changed" role="alert">
                  {outcome.message}
                  {outcome.changes.map((c) => (
                    <Text key={c.title} size="sm">
                      {c.title}: {c.before} → {c.after ?? 'no longer sold'}
                    </Text>
                  ))}
                </Alert>
              )}
              {outcome?.kind === 'refused' && (
                <Alert color="red" role="alert">
                  {outcome.message}
                </Alert>
              )}
              <Group justify="space-between">
                <Text fw={600} data-testid="to-pay">
                  {currentCart?.total ? `To pay: ${currentCart.total.formatted}` : ''}
                </Text>
                <Button
                  onClick={() =>
                    void buy().catch((error: Error) => setOutcome({ kind: 'refused', message: error.message }))
                  }
                  loading={buying.loading}
                  disabled={!readiness.data?.purchaseReadiness.ready || unsaved.size > 0}
                >
                  {outcome?.kind === 'changed' ? 'Buy at the new prices' : 'Buy'}
                </Button>
              </Group>
            </Stack>
          </Card>
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 4 }}>
        <div style={{ position: 'sticky', top: 72 }}>
          <ReadinessChecklist readiness={readiness.data?.purchaseReadiness} />
        </div>
      </Grid.Col>
    </Grid>
  );
}
