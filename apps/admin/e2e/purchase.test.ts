import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, startStack, type Stack } from './support/stack';

describe('the purchase wizard in the browser', () => {
  let stack: Stack;
  let page: Page;
  beforeAll(async () => {
    stack = await startStack({ priceRows: 1000 });
    page = await (await stack.browser.newContext()).newPage();
    await signIn(page, stack.url, 'staff');
  });
  afterAll(async () => stack?.stop());

  const checklistDone = () => page.getByLabel('Readiness checklist').locator('li[data-done="true"]').count();

  it('goes from an empty cart to a provisioned order with the email in the outbox', async () => {
    await page.getByRole('link', { name: 'New purchase' }).click();
    await page.getByRole('textbox', { name: 'Reseller' }).click();
    await page.getByRole('option', { name: /Demo Reseller Co/ }).click();
    await page.getByLabel('Readiness checklist').getByText('Before you can buy').waitFor();
    await page.getByText(/“Add” puts one unit in/).waitFor();

    await page.getByLabel('Find a product').fill('Microsoft 365 E3');
    const add = page.getByRole('button', { name: 'Add Microsoft 365 E3 Annual term Billed monthly' }).first();
    await add.click();
    await page.getByRole('table', { name: 'Cart' }).waitFor();
    await add.click();
    const quantity = page.getByLabel('Quantity of Microsoft 365 E3').first();
    await expect.poll(() => quantity.inputValue()).toBe('2');
    await quantity.fill('5');
    await quantity.blur();
    await expect.poll(async () => page.getByTestId('cart-total').innerText()).toMatch(/Total \d+\.\d{2} USD/);

    await page.getByRole('textbox', { name: 'Existing customer' }).click();
    await page.getByRole('option', { name: /Contoso Pharmacy/ }).click();
    await page.getByLabel('Chosen tenant').getByText('contoso.onmicrosoft.com').waitFor();
    await page.getByLabel('Readiness checklist').getByText('Ready to buy').waitFor();
    expect(await checklistDone()).toBe(7);

    await page.getByLabel('PO number (optional)').fill('PO-E2E-1');
    await page.getByRole('button', { name: 'Buy', exact: true }).click();
    const so = (await page.getByTestId('so-number').innerText()).trim();
    expect(so).toMatch(/^SO-\d{8}-\d{6}$/);

    await page.getByRole('link', { name: 'Follow the order' }).click();
    await page.getByRole('heading', { name: so }).waitFor();
    await page.getByTestId('order-status').getByText('provisioned').waitFor({ timeout: 20_000 });
    const emails = page.getByLabel('Emails');
    await emails.getByText(`Your Microsoft licences are ready — order ${so}`).waitFor();
    expect(await emails.innerText()).toMatch(/To eve@resellerco\.example · in the outbox/);
    expect(await emails.innerText()).toMatch(/Billing → Your products/);
    expect(await page.getByRole('table', { name: 'Order lines' }).innerText()).toMatch(/5\s+\d+\.\d{2} USD/);

    await page.getByRole('link', { name: 'All orders' }).click();
    await page.getByRole('table', { name: 'Orders' }).getByText(so).waitFor();
  });
});
