import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, signIn, startStack, type Stack } from './support/stack';

describe('the support desk in the browser', () => {
  let stack: Stack;
  let reseller: Page;
  let support: Page;
  let resellerId: string;

  beforeAll(async () => {
    stack = await startStack({ priceRows: 500 });
    reseller = await (await stack.browser.newContext()).newPage();
    await signIn(reseller, stack.url, 'reseller');
    support = await (await stack.browser.newContext()).newPage();
    await signIn(support, stack.url, 'support');
    resellerId = (await gql(reseller, stack.url, '{ me { resellerId } }')).me.resellerId;
  });
  afterAll(async () => stack?.stop());

  /** Buys 3 seats for Contoso Pharmacy through the API and waits until they are provisioned. */
  async function provisionedOrder(key: string): Promise<{ id: string; soNumber: string }> {
    const prices = await gql(
      reseller,
      stack.url,
      '{ catalogProducts(filter: { segment: COMMERCIAL, terms: [P1Y], billingPlans: [MONTHLY] }, first: 1) { edges { node { skus { prices { id } } } } } }',
    );
    const cart = await gql(
      reseller,
      stack.url,
      `mutation { addToCart(resellerId: "${resellerId}", priceId: ${Number(prices.catalogProducts.edges[0].node.skus[0].prices[0].id)}) { ... on Cart { lines { id } } } }`,
    );
    await gql(
      reseller,
      stack.url,
      `mutation { setCartQuantity(resellerId: "${resellerId}", lineId: "${cart.addToCart.lines[0].id}", quantity: 3) { __typename } }`,
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
        `mutation { buy(resellerId: "${resellerId}", input: { idempotencyKey: "${key}" }) { ... on OrderPlaced { order { id soNumber } } } }`,
      )
    ).buy.order;
    await expect
      .poll(async () => (await gql(reseller, stack.url, `{ order(id: "${order.id}") { status } }`)).order.status, {
        timeout: 20_000,
      })
      .toBe('PROVISIONED');
    return order;
  }

  it('opens a return case on a fresh order and completes a refund', async () => {
    const order = await provisionedOrder('e2e-support-fresh-1');
    await reseller.goto(`${stack.url}/orders/${order.id}`);
    await reseller
      .getByLabel('Invoice')
      .getByText(`Invoice INV-${order.soNumber.slice(3)}`)
      .waitFor();
    await reseller.getByRole('button', { name: 'Open a support case' }).click();
    const dialog = reseller.getByRole('dialog');
    await dialog.getByLabel('Subject').fill('We ordered one seat too many');
    await dialog.getByLabel('What happened').fill('Please return one of the three seats.');
    await dialog.getByRole('button', { name: 'Open case' }).click();
    await reseller.getByRole('heading', { name: 'We ordered one seat too many' }).waitFor();

    await support.goto(`${stack.url}/support`);
    await support
      .getByRole('table', { name: 'Support cases' })
      .getByRole('link', { name: 'We ordered one seat too many' })
      .click();
    await support.getByRole('button', { name: 'Take' }).click();
    const panel = support.getByLabel('Return');
    await panel.getByText(/Refund for 3: \$[\d,]+\.\d{2}/).waitFor();
    await panel.getByLabel(/Seats to return of/).fill('1');
    // The refund is quoted for the one seat chosen, not for all three.
    await panel.getByText(/Refund for 1: \$[\d,]+\.\d{2}/).waitFor();
    await panel.getByRole('button', { name: 'Return' }).click();
    // A money action asks first, saying what it does.
    const confirm = support.getByRole('dialog');
    expect(await confirm.innerText()).toMatch(
      /Return 1 seat of [\s\S]*refunded for the unused part[\s\S]*cannot be undone/,
    );
    await confirm.getByRole('button', { name: 'Return 1 seat' }).click();
    await support.getByText('Return done; the credit note is on the order.').waitFor();
    await panel.getByText(/Credit note CN-\d{8}-\d{6}-1-1: \$[\d,]+\.\d{2} \(card refund\)/).waitFor();
    await support.getByText(/Returned 1 × .* credit note CN-/).waitFor();

    // The order's invoice now shows the return: the seat on its line, the credit note as a PDF, the net total.
    await reseller.goto(`${stack.url}/orders/${order.id}`);
    const invoice = reseller.getByLabel('Invoice');
    await invoice.getByText('1 of 3 returned').waitFor();
    const notes = invoice.getByLabel('Credit notes');
    await notes
      .getByText(/Credit note CN-\d{8}-\d{6}-1-1 .* 1 × .* returned · \$[\d,]+\.\d{2} refunded to the card/)
      .waitFor();
    expect(await notes.getByRole('link', { name: 'Credit note PDF' }).getAttribute('href')).toMatch(
      /\/credit-notes\/.*\.pdf$/,
    );
    expect(await invoice.getByTestId('net-total').innerText()).toMatch(/Total after refunds \$[\d,]+\.\d{2}/);
  });

  it('offers only the statuses a case may move to, and keeps a closed case closed', async () => {
    const opened = await gql(
      reseller,
      stack.url,
      `mutation { openSupportCase(resellerId: "${resellerId}", input: { type: "OTHER", subject: "Lifecycle question", text: "Where may a case go?" }) { ... on CaseSaved { supportCase { id } } } }`,
    );
    await support.goto(`${stack.url}/support/${opened.openSupportCase.supportCase.id}`);
    await support.getByRole('heading', { name: 'Lifecycle question' }).waitFor();
    await support.getByRole('textbox', { name: 'Status' }).click();
    expect(await support.getByRole('option').allInnerTexts()).toEqual([
      'open',
      'waiting on the reseller',
      'resolved',
      'closed',
    ]);
    await support.getByRole('option', { name: 'resolved' }).click();
    await support.getByText(/Changed status → resolved/).waitFor();
    await support.getByRole('textbox', { name: 'Status' }).click();
    // A resolved case may be reopened or closed, not put back to waiting on the reseller.
    expect(await support.getByRole('option').allInnerTexts()).toEqual(['resolved', 'open', 'closed']);
    await support.getByRole('option', { name: 'closed' }).click();
    await support.getByText(/Changed status → closed/).waitFor();
    expect(await support.getByRole('textbox', { name: 'Status' }).isDisabled()).toBe(true);
  });

  it('refuses a return outside Microsoft’s window and says when it closed', async () => {
    const order = await provisionedOrder('e2e-support-late-1');
    // Nine days ago: the order, and its subscription's term and seats (the window a return is decided on).
    const nineDaysAgo = new Date(Date.now() - 9 * 24 * 3_600_000).toISOString();
    stack.sql(
      `UPDATE sales_order SET placed_at = '${nineDaysAgo}' WHERE id = '${order.id}';
       UPDATE subscription SET term_start = '${nineDaysAgo}' WHERE order_id = '${order.id}';
       UPDATE subscription_seat_batch SET started_at = '${nineDaysAgo}'
         WHERE subscription_id IN (SELECT id FROM subscription WHERE order_id = '${order.id}');`,
    );
    const opened = await gql(
      reseller,
      stack.url,
      `mutation { openSupportCase(resellerId: "${resellerId}", input: { type: "RETURN", subject: "Late return ${order.soNumber}", text: "Can we still return these?", orderId: "${order.id}" }) { ... on CaseSaved { supportCase { id } } } }`,
    );
    await support.goto(`${stack.url}/support/${opened.openSupportCase.supportCase.id}`);
    const panel = support.getByLabel('Return');
    await panel.getByText(/The return window closed on/).waitFor();
    await panel.getByRole('button', { name: 'Return' }).click();
    await support
      .getByRole('dialog')
      .getByRole('button', { name: /^Return \d+ seats?$/ })
      .click();
    await panel
      .getByRole('alert')
      .getByText(/closed on .*within 7 days \(168 hours\)/)
      .waitFor();
  });
});
