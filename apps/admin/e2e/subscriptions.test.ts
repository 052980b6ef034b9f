import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, openArea, signIn, startStack, type Stack } from './support/stack';

const DAY = 86_400_000;

describe('subscriptions in the browser: seats and their windows, cancellation, scheduled changes, renewal', () => {
  let stack: Stack;
  let reseller: Page;
  let resellerId: string;
  const subscriptions: Record<'seats' | 'cancel' | 'renew', string> = { seats: '', cancel: '', renew: '' };
  let coTermed = '';

  type PriceRow = { id: string; term: string; billingPlan: string; trial: boolean; skuTitle?: string };

  /** The first Commercial price of a term and billing plan (a trial's when `trial`), with its SKU's title. */
  async function firstPrice(term: 'P1Y' | 'P1M', billingPlan: 'MONTHLY' | 'ANNUAL', trial = false): Promise<PriceRow> {
    const prices = await gql(
      reseller,
      stack.url,
      `{ catalogProducts(filter: { segment: COMMERCIAL, terms: [${term}], billingPlans: [${billingPlan}]${trial ? ', search: "Trial"' : ''} }, first: 5) { edges { node { skus { title prices { id term billingPlan trial } } } } } }`,
    );
    for (const edge of prices.catalogProducts.edges)
      for (const sku of edge.node.skus as { title: string; prices: PriceRow[] }[])
        for (const price of sku.prices)
          if (price.term === term && price.billingPlan === billingPlan && price.trial === trial)
            return { ...price, skuTitle: sku.title };
    throw new Error(`no ${term} ${billingPlan} price${trial ? ' of a trial' : ''}`);
  }

  /** Puts `quantity` of a price in the cart for Contoso Pharmacy; answers the line's id. */
  async function cartFor(priceId: string, quantity: number): Promise<string> {
    const cart = await gql(
      reseller,
      stack.url,
      `mutation { addToCart(resellerId: "${resellerId}", priceId: ${Number(priceId)}) { ... on Cart { lines { id quantity } } } }`,
    );
    const lineId = cart.addToCart.lines[0].id as string;
    if (quantity !== cart.addToCart.lines[0].quantity)
      await gql(
        reseller,
        stack.url,
        `mutation { setCartQuantity(resellerId: "${resellerId}", lineId: "${lineId}", quantity: ${quantity}) { __typename } }`,
      );
    const customer = (
      await gql(reseller, stack.url, '{ customers(search: "Contoso Pharmacy", first: 1) { nodes { id } } }')
    ).customers.nodes[0].id;
    await gql(
      reseller,
      stack.url,
      `mutation { bindCartCustomer(resellerId: "${resellerId}", customerId: "${customer}") { __typename } }`,
    );
    return lineId;
  }

  /** Buys `quantity` seats of the first Commercial price of `term` for Contoso Pharmacy and waits for provisioning. */
  async function provisionedSubscription(key: string, term: 'P1Y' | 'P1M', quantity: number, trial = false) {
    await cartFor((await firstPrice(term, 'MONTHLY', trial)).id, quantity);
    const order = (
      await gql(
        reseller,
        stack.url,
        `mutation { buy(resellerId: "${resellerId}", input: { idempotencyKey: "${key}" }) { ... on OrderPlaced { order { id } } } }`,
      )
    ).buy.order;
    return bought(order.id as string);
  }

  /** Waits for an order to be provisioned; answers its subscription. */
  async function bought(orderId: string): Promise<string> {
    // Set-up runs in beforeAll, where expect.poll is not available: wait by hand.
    for (let tries = 0; ; tries += 1) {
      const status = (await gql(reseller, stack.url, `{ order(id: "${orderId}") { status } }`)).order.status;
      if (status === 'PROVISIONED') break;
      if (tries > 100) throw new Error(`order ${orderId} is ${status}, not provisioned`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const listed = await gql(reseller, stack.url, '{ subscriptions(first: 100) { nodes { id orderId } } }');
    return listed.subscriptions.nodes.find((s: { orderId: string }) => s.orderId === orderId).id;
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

  it('lets staff put one subscription on a price book of its own: its next term is priced by it, the rule shown', async () => {
    const staff = await (await stack.browser.newContext()).newPage();
    await signIn(staff, stack.url, 'staff');
    const book = (
      await gql(
        staff,
        stack.url,
        'mutation { createPriceBook(name: "Key account") { ... on PriceBookSaved { book { id } } } }',
      )
    ).createPriceBook.book.id;
    await gql(
      staff,
      stack.url,
      `mutation($b: ID!, $day: Code!) { addPriceRule(bookId: $b, input: { basis: COST, percent: 2, effectiveFrom: $day }) { __typename } }`,
      { b: book, day: new Date().toISOString().slice(0, 10) },
    );
    await staff.goto(`${stack.url}/subscriptions/${subscriptions.renew}`);
    const panel = staff.getByRole('region', { name: 'Price book' });
    await panel.getByText(/^Priced by Master, its customer’s or reseller’s book\./).waitFor();
    await panel.getByRole('textbox', { name: 'Book' }).click();
    await staff.getByRole('option', { name: 'Key account' }).click();
    await panel.getByRole('button', { name: 'Save price book' }).click();
    await staff
      .getByRole('dialog')
      .getByText(/Its next terms .* are priced by the new book/)
      .waitFor();
    await staff.getByRole('dialog').getByRole('button', { name: 'Change price book' }).click();
    await panel
      .getByRole('status')
      .getByText(/is priced by Key account\.$/)
      .waitFor();
    await staff
      .getByTestId('next-term')
      .getByText(/\(Key account: cost \+ 2 %\)/)
      .waitFor();
    // The reseller sees the price it will renew at, with the rule, and no price-book panel.
    await reseller.goto(`${stack.url}/subscriptions/${subscriptions.renew}`);
    await reseller
      .getByTestId('next-term')
      .getByText(/\(Key account: cost \+ 2 %\)/)
      .waitFor();
    expect(await reseller.getByRole('region', { name: 'Price book' }).count()).toBe(0);
    await staff.close();
  });

  it('lets staff find a change made in Partner Center directly with the Partner Center check, ours unchanged', async () => {
    const staff = await (await stack.browser.newContext()).newPage();
    await signIn(staff, stack.url, 'admin');
    await staff.goto(`${stack.url}/subscriptions/${subscriptions.seats}`);
    const seatsBefore = await seats(staff).innerText();
    const simulator = staff.getByRole('region', { name: 'Simulator: change it in Partner Center' });
    await simulator.getByRole('button', { name: 'Add a seat there' }).click();
    await staff.getByText(/^Simulated in Partner Center: add a seat there/).waitFor();
    await openArea(staff, 'Subscriptions');
    await staff.getByRole('radiogroup', { name: 'View' }).getByText('Partner Center check').click();
    const panel = staff.getByRole('region', { name: 'Partner Center check' });
    await panel.getByRole('button', { name: 'Check now' }).click();
    await panel
      .getByRole('status')
      .getByText(/^Checked \d+ subscription\(s\) .*: 1 difference\(s\)\.$/)
      .waitFor({ timeout: 20_000 });
    const row = panel.getByRole('table', { name: 'Differences with Partner Center' }).getByRole('row').nth(1);
    expect(await row.innerText()).toMatch(/Seats\s+3\s+4\s+Microsoft bills 4 seats/);
    await row.getByRole('link').click();
    await staff.waitForURL(new RegExp(`/subscriptions/${subscriptions.seats}$`));
    expect(await seats(staff).innerText()).toBe(seatsBefore);
    await staff.close();
  });

  it('buys a free trial, shows when it ends and what it becomes, and converts it to paid now', async () => {
    const id = await provisionedSubscription('e2e-subscription-trial', 'P1M', 25, true);
    await reseller.goto(`${stack.url}/subscriptions/${id}`);
    const card = reseller.getByLabel('Trial');
    await card.getByText(/Free until .*: 25 seats, which cannot change during the trial/).waitFor();
    await card.getByText(/Then it converts to 25 paid seats of/).waitFor();
    await reseller.getByText('Conversion at the trial’s end').waitFor();
    await card.getByLabel('Paid seats now').fill('30');
    await card.getByRole('button', { name: 'Convert to paid now' }).click();
    await confirmDialog(reseller)
      .getByText(/An annual term starts today at .* a seat/)
      .waitFor();
    await confirmDialog(reseller).getByRole('button', { name: 'Convert now' }).click();
    await reseller
      .getByTestId('change-outcome')
      .getByText(/Charged \$/)
      .waitFor();
    await expect.poll(() => seats(reseller).innerText()).toBe('30 seats');
    await reseller
      .getByLabel('History')
      .getByText(/Trial converted to paid: 30 seat\(s\)/)
      .waitFor();
    expect(await reseller.getByLabel('Trial').count()).toBe(0);
  });

  it('shows a subscription Microsoft is still setting up as pending, with nothing to change until it is active', async () => {
    const id = await provisionedSubscription('e2e-subscription-pending', 'P1Y', 1);
    // As Microsoft answers for up to 15 minutes after an order (the API's own flow is covered by its tests).
    stack.sql(`UPDATE subscription SET status = 'PENDING' WHERE id = '${id}'`);
    await reseller.goto(`${stack.url}/subscriptions/${id}`);
    await reseller
      .getByTestId('subscription-pending')
      .getByText(/can be changed once it is active/)
      .waitFor();
    expect(await reseller.getByRole('button', { name: /Add seats|Turn auto-renew/ }).count()).toBe(0);
    stack.sql(`UPDATE subscription SET status = 'ACTIVE' WHERE id = '${id}'`);
    await reseller.reload();
    await seats(reseller).waitFor();
    expect(await reseller.getByTestId('subscription-pending').count()).toBe(0);
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

  it('co-terms a new line with a subscription of the customer, showing the prorated first term before Buy', async () => {
    const price = await firstPrice('P1Y', 'ANNUAL');
    const lineId = await cartFor(price.id, 2);
    const options = (
      await gql(
        reseller,
        stack.url,
        `{ cartLineEndOptions(resellerId: "${resellerId}", lineId: "${lineId}") { kind subscriptionId termEnd lineTotal { formatted } } }`,
      )
    ).cartLineEndOptions as {
      kind: string;
      subscriptionId: string | null;
      termEnd: string;
      lineTotal: { formatted: string };
    }[];
    const withSeats = options.find((o) => o.subscriptionId === subscriptions.seats)!;
    const full = options.find((o) => o.kind === 'FULL_TERM')!;
    expect(withSeats.lineTotal.formatted).not.toBe(full.lineTotal.formatted);

    await reseller.goto(`${stack.url}/purchase`);
    await expect.poll(() => reseller.getByTestId('cart-total').innerText()).toBe(`Total ${full.lineTotal.formatted}`);
    await reseller.getByLabel(`End of the first term of ${price.skuTitle}`).click();
    // The customer's monthly subscription cannot be chosen for an annual line: it is shown with why.
    await reseller
      .getByRole('option', { name: /cannot end with a monthly one/ })
      .first()
      .waitFor();
    await reseller
      .getByRole('option', { name: new RegExp(`ends ${withSeats.termEnd.slice(0, 10)}\\)`) })
      .first()
      .click();
    await reseller
      .getByText(`First term to ${withSeats.termEnd.slice(0, 10)}, charged for the days it covers`, { exact: false })
      .waitFor();
    await expect
      .poll(() => reseller.getByTestId('cart-total').innerText())
      .toBe(`Total ${withSeats.lineTotal.formatted}`);

    const buy = reseller.getByRole('button', { name: 'Buy', exact: true });
    await expect.poll(() => buy.isEnabled()).toBe(true);
    await buy.click();
    await reseller.waitForURL(/\/orders\/[\w-]+$/);
    coTermed = await bought(new URL(reseller.url()).pathname.split('/').at(-1)!);
    const s = (await gql(reseller, stack.url, `{ subscription(id: "${coTermed}") { termEnd quantity } }`)).subscription;
    expect(s).toEqual({ termEnd: withSeats.termEnd, quantity: 2 });
  });

  it('upgrades some seats into a new subscription that ends with the first', async () => {
    await reseller.goto(`${stack.url}/subscriptions/${coTermed}`);
    const card = reseller.getByLabel('Upgrade', { exact: true });
    await card.getByLabel('Seats to upgrade').fill('1');
    await card.getByRole('button', { name: 'Upgrade now' }).first().click();
    await confirmDialog(reseller)
      .getByText(/1 of the 2 seats move to a new .* subscription ending/)
      .waitFor();
    await confirmDialog(reseller).getByRole('button', { name: 'Upgrade now' }).click();
    await reseller.getByTestId('change-outcome').getByText(/done/).waitFor();
    await expect.poll(() => seats(reseller).innerText()).toBe('1 seat');
    await reseller
      .getByLabel('History')
      .getByText(/1 of 2 seat\(s\) upgraded to .* in a new subscription/)
      .waitFor();
    const listed = await gql(
      reseller,
      stack.url,
      '{ subscriptions(first: 100) { nodes { skuTitle quantity termEnd } } }',
    );
    const ends = (await gql(reseller, stack.url, `{ subscription(id: "${coTermed}") { termEnd } }`)).subscription
      .termEnd;
    expect(
      listed.subscriptions.nodes.filter(
        (n: { quantity: number; termEnd: string; skuTitle: string }) => n.termEnd === ends && n.quantity === 1,
      ),
    ).toHaveLength(2);
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
