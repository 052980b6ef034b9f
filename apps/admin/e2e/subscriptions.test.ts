import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, openArea, signIn, startStack, type Stack } from './support/stack';

const DAY = 86_400_000;

describe('subscriptions in the browser: seats and their windows, cancellation, scheduled changes, renewal', () => {
  let stack: Stack;
  let reseller: Page;
  let resellerId: string;
  const subscriptions: Record<'seats' | 'cancel' | 'renew', string> = { seats: '', cancel: '', renew: '' };

  /** Buys `quantity` seats of the first Commercial price of `term` for Contoso Pharmacy and waits for provisioning. */
  async function provisionedSubscription(key: string, term: 'P1Y' | 'P1M', quantity: number): Promise<string> {
    const prices = await gql(
      reseller,
      stack.url,
      `{ catalogProducts(filter: { segment: COMMERCIAL, terms: [${term}], billingPlans: [MONTHLY] }, first: 1) { edges { node { skus { prices { id term billingPlan } } } } } }`,
    );
    const price = prices.catalogProducts.edges[0].node.skus
      .flatMap((s: { prices: { id: string; term: string; billingPlan: string }[] }) => s.prices)
      .find((p: { term: string; billingPlan: string }) => p.term === term && p.billingPlan === 'MONTHLY');
    const cart = await gql(
      reseller,
      stack.url,
      `mutation { addToCart(resellerId: "${resellerId}", priceId: ${Number(price.id)}) { ... on Cart { lines { id } } } }`,
    );
    await gql(
      reseller,
      stack.url,
      `mutation { setCartQuantity(resellerId: "${resellerId}", lineId: "${cart.addToCart.lines[0].id}", quantity: ${quantity}) { __typename } }`,
    );
    const customer = (
      await gql(reseller, stack.url, '{ customers(search: "Contoso Pharmacy", first: 1) { nodes { id } } }')
    ).customers.nodes[0].id;
    await gql(
      reseller,
      stack.url,
      `mutation { bindCartCustomer(resellerId: "${resellerId}", customerId: "${customer}") { __typename } }`,
    );
    const order = (
      await gql(
        reseller,
        stack.url,
        `mutation { buy(resellerId: "${resellerId}", input: { idempotencyKey: "${key}" }) { ... on OrderPlaced { order { id } } } }`,
      )
    ).buy.order;
    // Set-up runs in beforeAll, where expect.poll is not available: wait by hand.
    for (let tries = 0; ; tries += 1) {
      const status = (await gql(reseller, stack.url, `{ order(id: "${order.id}") { status } }`)).order.status;
      if (status === 'PROVISIONED') break;
      if (tries > 100) throw new Error(`order ${order.id} is ${status}, not provisioned`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const listed = await gql(reseller, stack.url, '{ subscriptions(first: 100) { nodes { id orderId } } }');
    return listed.subscriptions.nodes.find((s: { orderId: string }) => s.orderId === order.id).id;
  }

  const seats = (page: Page) => page.getByTestId('subscription-seats');
  const confirmDialog = (page: Page) => page.getByRole('dialog');

  beforeAll(async () => {
    stack = await startStack({ priceRows: 500 });
    reseller = await (await stack.browser.newContext()).newPage();
    await signIn(reseller, stack.url, 'reseller');
    resellerId = (await gql(reseller, stack.url, '{ me { resellerId } }')).me.resellerId;
    subscriptions.seats = await provisionedSubscription('e2e-subscription-seats', 'P1Y', 3);
    subscriptions.cancel = await provisionedSubscription('e2e-subscription-cancel', 'P1Y', 2);
    subscriptions.renew = await provisionedSubscription('e2e-subscription-renew', 'P1M', 2);
  }, 120_000);
  afterAll(async () => stack?.stop());

  it('lists the subscriptions with their open windows, and opens one', async () => {
    await openArea(reseller, 'Subscriptions');
    const table = reseller.getByRole('table', { name: 'Subscriptions' });
    await table.getByRole('row').nth(3).waitFor();
    expect(await table.getByTestId('window-countdown').count()).toBeGreaterThanOrEqual(3);
    await reseller.goto(`${stack.url}/subscriptions/${subscriptions.seats}`);
    await expect.poll(() => seats(reseller).innerText()).toBe('3 seats');
  });

  it('adds seats with the charge stated first, then undoes them inside their window for a refund', async () => {
    await reseller.getByLabel('Seats to add').fill('2');
    await reseller.getByRole('button', { name: 'Add seats' }).click();
    await confirmDialog(reseller)
      .getByText(/is charged now, for the days left in the billing period/)
      .waitFor();
    await confirmDialog(reseller).getByRole('button', { name: 'Add 2 seat(s)' }).click();
    await reseller
      .getByTestId('change-outcome')
      .getByText(/Charged \$/)
      .waitFor();
    await expect.poll(() => seats(reseller).innerText()).toBe('5 seats');
    // The seat count comes back with the change; the batches with the page's reload after it.
    await expect.poll(() => reseller.getByTestId('seat-batch').count()).toBe(2);

    await reseller.getByRole('button', { name: 'Undo' }).click();
    await confirmDialog(reseller)
      .getByText(/is refunded: what the seats paid, less the days begun/)
      .waitFor();
    await confirmDialog(reseller).getByRole('button', { name: 'Undo' }).click();
    await reseller
      .getByTestId('change-outcome')
      .getByText(/Refunded \$/)
      .waitFor();
    await expect.poll(() => seats(reseller).innerText()).toBe('3 seats');
    await reseller
      .getByLabel('History')
      .getByText(/2 seat\(s\) removed \(5 → 3\), refunded/)
      .waitFor();
  });

  it('cancels a subscription inside its window, with the refund stated first', async () => {
    await reseller.goto(`${stack.url}/subscriptions/${subscriptions.cancel}`);
    await reseller.getByRole('button', { name: 'Cancel subscription' }).click();
    await confirmDialog(reseller)
      .getByText(/is refunded.*cannot be restored/)
      .waitFor();
    await confirmDialog(reseller).getByRole('button', { name: 'Cancel subscription' }).click();
    await expect.poll(() => reseller.getByTestId('subscription-status').textContent()).toBe('deleted');
    await reseller.getByLabel('Charges').getByText('cancelImmediate').waitFor();
  });

  it('schedules a change for the next term, shown beside the price it will renew at', async () => {
    await reseller.goto(`${stack.url}/subscriptions/${subscriptions.renew}`);
    await reseller.getByLabel('Seats next term').fill('4');
    await reseller.getByRole('button', { name: 'Schedule for next term' }).click();
    await confirmDialog(reseller)
      .getByText(/renews with 4 seats/)
      .waitFor();
    await confirmDialog(reseller).getByRole('button', { name: 'Schedule' }).click();
    await reseller
      .getByTestId('scheduled-change')
      .getByText(/Scheduled: 4 seats/)
      .waitFor();
    await reseller
      .getByTestId('next-term')
      .getByText(/4 seats/)
      .waitFor();
  });

  it('lets a reseller user turn renewal reminders off, and keeps the choice', async () => {
    await reseller.goto(`${stack.url}/account`);
    const emails = reseller.getByLabel('Emails');
    const renewals = emails.getByRole('switch', { name: 'Renewals coming' });
    await renewals.waitFor();
    expect(await renewals.isChecked()).toBe(true);
    await renewals.click({ force: true });
    await expect.poll(() => renewals.isChecked()).toBe(false);
    await reseller.reload();
    await expect.poll(() => emails.getByRole('switch', { name: 'Renewals coming' }).isChecked()).toBe(false);
    expect(await emails.getByRole('switch', { name: '7-day windows closing' }).isChecked()).toBe(true);
  });

  it('refuses removing seats once the 7-day window has closed, and offers turning auto-renew off', async () => {
    await stack.restartAt(new Date(Date.now() + 8 * DAY));
    await signIn(reseller, stack.url, 'reseller');
    await reseller.goto(`${stack.url}/subscriptions/${subscriptions.seats}`);
    await reseller.getByText('Closed: the seats are owed for the whole term.').waitFor();
    await reseller.getByLabel('Seats to remove').fill('1');
    await reseller.getByRole('button', { name: 'Remove seats' }).click();
    const outcome = reseller.getByTestId('change-outcome');
    await outcome.getByText(/No seats are inside their 7-day window/).waitFor();
    await outcome.getByText(/Turn auto-renew off/).waitFor();
    expect(await seats(reseller).innerText()).toBe('3 seats');
  });

  it('renews at the term end with the scheduled change applied, and opens a new window', async () => {
    const renewsOn = (await gql(reseller, stack.url, `{ subscription(id: "${subscriptions.renew}") { renewsOn } }`))
      .subscription.renewsOn;
    await stack.restartAt(new Date(Date.parse(renewsOn) + 3_600_000));
    await signIn(reseller, stack.url, 'reseller');
    await reseller.goto(`${stack.url}/subscriptions/${subscriptions.renew}`);
    await expect
      .poll(
        async () => {
          await reseller.reload();
          return seats(reseller).innerText();
        },
        { timeout: 20_000 },
      )
      .toBe('4 seats');
    await reseller
      .getByLabel('History')
      .getByText(/Renewed for P1M/)
      .waitFor();
    await reseller
      .getByLabel('History')
      .getByText(/scheduled changes applied \(4 seat\(s\)/)
      .waitFor();
    expect(await reseller.getByTestId('seat-batch').count()).toBe(1);
    await reseller.getByTestId('seat-batch').getByTestId('window-countdown').waitFor();
  });
});
