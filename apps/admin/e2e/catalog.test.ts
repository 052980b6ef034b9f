import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseOption, openArea, signIn, startStack, type Stack } from './support/stack';

describe('catalog in the browser', () => {
  let stack: Stack;
  let page: Page;
  beforeAll(async () => {
    stack = await startStack({ priceRows: 6000 });
    page = await stack.browser.newPage();
    await signIn(page, stack.url, 'reseller');
  });
  afterAll(async () => {
    await stack?.stop();
  });

  const productRows = () => page.getByRole('table', { name: 'Products' }).locator('tbody tr');

  it('shows the Commercial catalog with more rows on demand', async () => {
    await page.goto(`${stack.url}/`);
    await openArea(page, 'Catalog');
    await expect.poll(() => page.url()).toMatch(/\/catalog/);
    await productRows().first().waitFor();
    expect(await productRows().count()).toBe(25);
    await page.getByRole('button', { name: 'Show more' }).click();
    await expect.poll(() => productRows().count()).toBeGreaterThan(25);
  });

  it('explains that Government buys at the Commercial price (R20)', async () => {
    await page.getByRole('tab', { name: 'Government' }).click();
    await page.getByText('Government end users buy at the Commercial price').waitFor();
  });

  it('searches the catalog and opens a product with its SKUs and prices', async () => {
    await page.getByRole('tab', { name: 'Education' }).click();
    await page.getByLabel('Search').fill('exchange online');
    await expect.poll(async () => (await productRows().allInnerTexts()).join('\n')).toMatch(/^Exchange Online/);
    expect(await productRows().count()).toBe(1);
    await page.getByRole('link', { name: 'Exchange Online' }).click();
    await page.getByRole('heading', { name: 'Exchange Online', level: 1 }).waitFor();
    expect(page.url()).toMatch(/segment=EDUCATION/);
    await page.getByRole('heading', { name: 'Exchange Online (Plan 1)' }).waitFor();
    const prices = page.getByRole('table', { name: 'Prices of Exchange Online (Plan 1)' });
    expect(await prices.locator('tbody tr').count()).toBe(6);
    expect(await prices.innerText()).toMatch(/\$\d/);
    await page.getByLabel('Breadcrumbs').getByRole('link', { name: 'Catalog' }).click();
    await expect.poll(() => page.getByLabel('Search').inputValue()).toBe('exchange online');
  });

  it('shows an empty state when nothing matches', async () => {
    await page.getByLabel('Search').fill('no such product zzz');
    await page.getByText('No products match this segment and these filters.').waitFor();
  });

  it('lets a reseller add to its cart from the catalog list and from a product page, then check out', async () => {
    await openArea(page, 'Catalog');
    await page.getByRole('tab', { name: 'Commercial' }).click();
    await page.getByLabel('Search').fill('microsoft 365 e3');
    await expect.poll(async () => (await productRows().allInnerTexts()).join('\n')).toMatch(/^Microsoft 365 E3/);
    await page.getByRole('button', { name: 'Add to cart… Microsoft 365 E3' }).first().click();
    await chooseOption(page.getByLabel('Term and billing of Microsoft 365 E3').first(), /^Annual term, billed monthly/);
    await page.getByRole('button', { name: 'Add to cart Microsoft 365 E3', exact: true }).first().click();
    await page.getByText('Added to the cart.').first().waitFor();

    await page.keyboard.press('Escape');
    await page.getByRole('link', { name: 'Microsoft 365 E3', exact: true }).first().click();
    const buy = page.getByLabel('Buy');
    await chooseOption(buy.getByLabel(/^Term and billing of /).first(), /^Monthly term/);
    await buy
      .getByRole('button', { name: /^Add to cart / })
      .first()
      .click();
    await expect.poll(() => page.getByText('Added to the cart.').count()).toBeGreaterThan(0);

    await buy.getByRole('link', { name: 'Go to the cart and checkout' }).click();
    await expect.poll(() => page.getByRole('table', { name: 'Cart' }).locator('tr').count()).toBe(2);
  });
});
