import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseOption, openArea, signIn, startStack, type Stack } from './support/stack';

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
    await openArea(page, 'New purchase');
    await page.getByRole('textbox', { name: 'Reseller' }).click();
    await page.getByRole('option', { name: /Demo Reseller Co/ }).click();
    await page.getByLabel('Readiness checklist').getByText('Before you can buy').waitFor();
    await page.getByText(/“Add to cart” puts one licence in/).waitFor();

    await page.getByLabel('Find a product').fill('Microsoft 365 E3');
    // One compact chooser per product: its term and billing plan, then Add to cart.
    await chooseOption(page.getByLabel('Term and billing of Microsoft 365 E3').first(), /^Annual term, billed monthly/);
    const add = page.getByRole('button', { name: 'Add to cart Microsoft 365 E3', exact: true }).first();
    await add.click();
    await page.getByRole('table', { name: 'Cart' }).waitFor();
    await add.click();
    const quantity = page.getByLabel('Quantity of Microsoft 365 E3').first();
    await expect.poll(() => quantity.inputValue()).toBe('2');
    // Beyond the line's limit: refused beside the field, never clamped behind the user's back.
    await quantity.fill('3000');
    await quantity.press('Enter');
    await page.getByText('At most 2,000 licences on one line.').waitFor();
    expect(await quantity.inputValue()).toBe('3000');
    // Typed but not saved: Buy waits; Enter saves, and the totals follow what was saved.
    await quantity.fill('5');
    await page.getByText('Not saved: press Enter').waitFor();
    await quantity.press('Enter');
    await expect.poll(async () => page.getByTestId('cart-total').innerText()).toMatch(/Total \$[\d,]+\.\d{2}/);
    const unit = Number(
      /\$([\d,.]+)/
        .exec(await page.getByRole('table', { name: 'Cart' }).getByRole('cell').nth(2).innerText())![1]!
        .replace(/,/g, ''),
    );
    const usd = (amount: number) =>
      `$${amount.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
    await expect.poll(async () => page.getByTestId('cart-total').innerText()).toBe(`Total ${usd(unit * 5)}`);
    await expect.poll(async () => page.getByTestId('to-pay').innerText()).toBe(`To pay: ${usd(unit * 5)}`);

    await page.getByRole('textbox', { name: 'Existing customer' }).click();
    await page.getByRole('option', { name: /Contoso Pharmacy/ }).click();
    await page.getByLabel('Chosen tenant').getByText('contoso.onmicrosoft.com').waitFor();
    await page.getByLabel('Readiness checklist').getByText('Ready to buy').waitFor();
    expect(await checklistDone()).toBe(7);

    await page.getByLabel('PO number (optional)').fill('PO-E2E-1');
    await page.getByRole('button', { name: 'Buy', exact: true }).click();
    // After Buy the user lands on the new order, told so at the top, with its SO number.
    const so = (await page.getByTestId('so-number').innerText()).trim();
    expect(so).toMatch(/^SO-\d{8}-\d{6}$/);
    await page.getByRole('heading', { name: so }).waitFor();
    expect(page.url()).toMatch(/\/orders\/[0-9a-f-]{36}$/);
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    expect(await page.getByRole('status').filter({ hasText: 'Order placed' }).innerText()).toContain(
      `${so} for ${usd(unit * 5)}`,
    );
    await page.getByTestId('order-status').getByText('provisioned').waitFor({ timeout: 20_000 });
    const emails = page.getByLabel('Emails');
    await emails.getByText(`Your Microsoft licences are ready — order ${so}`).waitFor();
    expect(await emails.innerText()).toMatch(/To eve@resellerco\.example · in the outbox/);
    expect(await emails.innerText()).toMatch(/Billing → Your products/);
    // The whole message is shown, wrapped: nothing is cut off at the card's edge.
    const body = emails.getByTestId('email-body').first();
    expect(await body.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);
    expect(await page.getByRole('table', { name: 'Order lines' }).innerText()).toMatch(/5\s+\$[\d,]+\.\d{2}/);

    const crumbs = await page.getByLabel('Breadcrumbs').innerText();
    expect(crumbs.indexOf('Orders')).toBeLessThan(crumbs.indexOf(so));
    await page.getByLabel('Breadcrumbs').getByRole('link', { name: 'Orders' }).click();
    await page.getByRole('table', { name: 'Orders' }).getByText(so).waitFor();

    // Finding it again: by its PO number, with the filters kept in the URL across a reload.
    const rows = () => page.getByRole('table', { name: 'Orders' }).locator('tbody tr').allInnerTexts();
    await page.getByLabel('Search').fill('po-e2e-1');
    await expect.poll(() => page.url()).toMatch(/q=po-e2e-1/);
    await expect.poll(rows).toEqual([expect.stringContaining(so)]);
    await page.reload();
    await expect.poll(rows).toEqual([expect.stringContaining(so)]);
    expect(await page.getByLabel('Search').inputValue()).toBe('po-e2e-1');
    await page.getByLabel('Search').fill('no such order anywhere');
    await page.getByText('No order matches these filters.').waitFor();
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.getByRole('table', { name: 'Orders' }).getByText(so).waitFor();
    expect(page.url()).not.toMatch(/q=/);
  });
});
