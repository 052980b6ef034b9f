import type { GraphQLResponse, TestApp, TestClient } from './test-app.js';
import { demo } from './users.js';

/** Who asks: a TestClient, or one bound to a principal (a test whose clock outruns sessions). */
export interface Caller {
  gql(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse>;
}

/** A price id of the fixture catalog: the first Commercial SKU's price for the term and billing plan. */
export async function priceIdFor(client: Caller, term: string, billingPlan: string, nth = 0): Promise<number> {
  const page = await client.gql(
    `{ catalogProducts(filter: { segment: COMMERCIAL, terms: [${term}], billingPlans: [${billingPlan}] }, first: ${nth + 1}) {
      edges { node { skus { prices { id term billingPlan } } } } } }`,
  );
  const node = page.data?.catalogProducts.edges[nth]?.node;
  const price = node?.skus
    .flatMap((s: { prices: { id: string; term: string; billingPlan: string }[] }) => s.prices)
    .find((p: { term: string; billingPlan: string }) => p.term === term && p.billingPlan === billingPlan);
  if (!price) throw new Error(`the fixture catalog has no ${term} ${billingPlan} price (product ${nth})`);
  return Number(price.id);
}

/**
 * The demo reseller's user, signed in once and then named on each request (a test whose clock runs past any
 * session's life still acts as that user). Answers the caller and the reseller's id.
 */
export async function demoResellerCaller(client: TestClient): Promise<{ reseller: Caller; resellerId: string }> {
  await client.signIn(demo('reseller').email, demo('reseller').password);
  const me = (await client.gql('{ me { id email resellerId } }')).data?.me;
  const principal = { kind: 'reseller' as const, userId: me.id, email: me.email, resellerId: me.resellerId };
  return {
    reseller: { gql: (query, variables = {}) => client.gql(query, variables, principal) },
    resellerId: me.resellerId as string,
  };
}

/** The Commercial price of a SKU of the fixture catalog, by the SKU's title, for a term and billing plan. */
export async function priceIdOfSku(
  client: Caller,
  skuTitle: string,
  term: string,
  billingPlan: string,
): Promise<number> {
  const page = await client.gql(
    `query($s: ShortText) { catalogProducts(filter: { segment: COMMERCIAL, search: $s, terms: [${term}], billingPlans: [${billingPlan}] }, first: 20) {
      edges { node { skus { title prices { id term billingPlan } } } } } }`,
    { s: skuTitle },
  );
  for (const edge of page.data?.catalogProducts.edges ?? [])
    for (const sku of edge.node.skus)
      if (sku.title === skuTitle)
        for (const price of sku.prices)
          if (price.term === term && price.billingPlan === billingPlan) return Number(price.id);
  throw new Error(`the fixture catalog has no ${term} ${billingPlan} price for ${skuTitle}`);
}

/**
 * A new customer (on a new tenant) of the reseller buys `quantity` of a price through the API, and the order is
 * provisioned by running the jobs past the provisioning delay. Answers the customer and the order.
 */
export async function buyProvisioned(
  t: TestApp,
  client: Caller,
  resellerId: string,
  request: { customer: string; priceId: number; quantity: number; paymentMethod?: 'CREDIT_CARD' | 'TERMS' },
): Promise<{ customerId: string; orderId: string }> {
  const slug = request.customer.toLowerCase().replace(/\W/g, '');
  const created = await client.gql(
    `mutation($r: ID!, $input: CustomerInput!) { createCustomer(resellerId: $r, input: $input) {
      __typename ... on CustomerSaved { customer { id } } ... on BusinessError { code message } } }`,
    {
      r: resellerId,
      input: {
        segment: 'COMMERCIAL',
        companyName: request.customer,
        address: { line1: '1 Main St', city: 'Irvine', region: 'CA', postalCode: '92612', country: 'US' },
        adminContact: { name: 'Eve Engineer', email: `eve@${slug}.example`, phone: '+19495550101' },
        portalLogin: slug,
      },
    },
  );
  const customerId = created.data?.createCustomer.customer?.id as string;
  if (!customerId) throw new Error(`customer refused: ${JSON.stringify(created)}`);
  const cart = await client.gql(
    `mutation($r: ID!, $p: Int!) { addToCart(resellerId: $r, priceId: $p) { ... on Cart { lines { id } } } }`,
    { r: resellerId, p: request.priceId },
  );
  const lineId = cart.data?.addToCart.lines.at(-1).id;
  await client.gql(
    `mutation($r: ID!, $l: ID!, $q: Int!) { setCartQuantity(resellerId: $r, lineId: $l, quantity: $q) { __typename } }`,
    {
      r: resellerId,
      l: lineId,
      q: request.quantity,
    },
  );
  await client.gql(`mutation($r: ID!, $c: ID!) { bindCartCustomer(resellerId: $r, customerId: $c) { __typename } }`, {
    r: resellerId,
    c: customerId,
  });
  await client.gql(`mutation($c: ID!, $d: Code!) { chooseNewTenant(customerId: $c, domain: $d) { __typename } }`, {
    c: customerId,
    d: slug.slice(0, 27),
  });
  await client.gql(`mutation($c: ID!) { signAttestation(customerId: $c) { __typename } }`, { c: customerId });
  const bought = await client.gql(
    `mutation($r: ID!, $input: BuyInput!) { buy(resellerId: $r, input: $input) {
      __typename ... on OrderPlaced { order { id } } ... on BusinessError { code message } } }`,
    {
      r: resellerId,
      input: { idempotencyKey: `buy-${slug}-${request.priceId}`, paymentMethod: request.paymentMethod ?? null },
    },
  );
  const orderId = bought.data?.buy.order?.id as string;
  if (!orderId) throw new Error(`Buy refused: ${JSON.stringify(bought)}`);
  await t.app.jobs.runDue();
  t.clock.advance(t.app.config.provisioningDelayMs + 1000);
  await t.app.jobs.runDue();
  return { customerId, orderId };
}
