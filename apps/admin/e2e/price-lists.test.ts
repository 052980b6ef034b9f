import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, startStack, type Stack, openArea } from './support/stack';

const FIXTURE = readFileSync(
  fileURLToPath(new URL('../../api/src/test-support/fixtures/price-list.csv', import.meta.url)),
  'utf8',
);
const ROWS = FIXTURE.trim().split('\n').length - 1;

describe('price-list import in the browser', () => {
  let stack: Stack;
  let page: Page;
  beforeAll(async () => {
    stack = await startStack({ priceRows: 1 });
    page = await stack.browser.newPage();
    await signIn(page, stack.url, 'staff');
    await openArea(page, 'Price lists');
    await page.getByRole('heading', { name: 'Price lists' }).waitFor();
  });
  afterAll(async () => {
    await stack?.stop();
  });

  const importFile = async (name: string, text: string) => {
    await page.locator('input[type=file]').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
    await page.getByRole('button', { name: 'Import' }).click();
  };
  const imports = () => page.getByRole('table', { name: 'Price-list imports' });

  it('imports Microsoft’s file with its counts, lists it by its name, and changes nothing the second time', async () => {
    await importFile('nce-prices-november.csv', FIXTURE);
    await page.getByRole('status').filter({ hasText: 'Price list imported' }).waitFor();
    // The demo catalog already holds some of these prices: every row is new, changed or unchanged.
    const [, read, added, changed, unchanged] = /(\d+) rows: (\d+) new, (\d+) changed, (\d+) unchanged/
      .exec(await page.getByRole('status').innerText())!
      .map(Number);
    expect(read).toBe(ROWS);
    expect(added).toBeGreaterThan(0);
    expect(added! + changed! + unchanged!).toBe(ROWS);
    await expect.poll(() => imports().innerText()).toMatch(/nce-prices-november\.csv\s+succeeded/i);

    await importFile('nce-prices-november.csv', FIXTURE);
    await expect
      .poll(() => page.getByRole('status').innerText())
      .toMatch(new RegExp(`${ROWS} rows: 0 new, 0 changed, ${ROWS} unchanged`));
  });

  it('adds a promotion (faults shown beside their fields first), and the catalog prices with it', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const card = page.getByLabel('Promotions', { exact: true });
    const fill = async (label: string, value: string) => card.getByLabel(label, { exact: true }).fill(value);
    await fill('Promotion ID', 'E2E-BB-20');
    await fill('Name', 'Business Basic 20% off');
    await fill('Discount (%)', '20');
    await fill('Product ID', 'CFQ7TTC00004');
    await fill('SKU ID', '0001');
    await fill('Market', 'USA');
    await card.getByLabel('Term', { exact: true }).click();
    await page.getByRole('option', { name: 'Monthly term' }).click();
    await fill('First day', today);
    await fill('Last day', '2099-12-31');
    await card.getByRole('button', { name: 'Add promotion' }).click();
    // Beside the field, and in the outcome above the form.
    await card
      .locator('.mantine-InputWrapper-error', { hasText: 'The market is a two-letter country code, e.g. US.' })
      .waitFor();
    expect(await card.getByLabel('Market', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await fill('Market', 'US');
    await card.getByRole('button', { name: 'Add promotion' }).click();
    await card.getByTestId('promotion-outcome').getByText('Promotion E2E-BB-20 added.').waitFor();
    await card.getByRole('table', { name: 'Promotion list' }).getByText('Business Basic 20% off').waitFor();

    await page.goto(`${stack.url}/catalog/products/CFQ7TTC00004`);
    await page
      .getByTestId('price-promotion')
      .getByText(/with Business Basic 20% off \(−20 % to 2099-12-31\)/)
      .waitFor();
    expect(await page.getByTestId('price-promotion').count()).toBe(1);
    await openArea(page, 'Price lists');
  });

  it('rejects a file with a bad cell, naming its line and column, and applies nothing of it', async () => {
    const lines = FIXTURE.split('\n');
    lines[5] = lines[5]!.replace(/,USD,[\d.]+,/, ',USD,12;5,');
    await importFile('broken.csv', lines.join('\n'));
    const rejected = page.getByRole('alert').filter({ hasText: 'Price list rejected' });
    await rejected.waitFor();
    expect(await rejected.innerText()).toMatch(/Line 6, column UnitPrice/);
    await expect.poll(() => imports().innerText()).toMatch(/broken\.csv\s+failed\s+line 6/i);
  });

  it('rejects a stray quote in a cell with its line and column, not as an internal error', async () => {
    const lines = FIXTURE.split('\n');
    lines[3] = lines[3]!.replace(/^(\w+),([^,]+),/, '$1,$2 "Promo",');
    await importFile('quoted.csv', lines.join('\n'));
    const rejected = page.getByRole('alert').filter({ hasText: 'Price list rejected' });
    await expect.poll(() => rejected.innerText()).toMatch(/Line 4, column ProductTitle/);
    expect(await rejected.innerText()).not.toMatch(/internal error/i);
  });

  it('shows how much the uploads take on the server’s disk, and that unimported ones are removed after a day', async () => {
    await page.reload();
    await expect
      .poll(() => page.getByTestId('upload-disk-usage').innerText())
      .toMatch(/Uploaded files on the server: 0 files, 0 kB\. Files not imported are removed after 24 hours\./);
  });
});
