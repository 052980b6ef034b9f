import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityProblems, openArea, signIn, startStack, type Stack } from './support/stack';

const money = (text: string) => Number(text.replace(/[^\d.]/g, ''));

/** The text of one column of a table, row by row. */
async function column(page: Page, table: string, index: number): Promise<string[]> {
  return page.getByRole('table', { name: table }).locator(`tbody tr td:nth-child(${index})`).allInnerTexts();
}

describe('finding things in lists, on the demo story', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack({ priceRows: 500, story: true });
  });
  afterAll(async () => stack?.stop());

  it('sorts orders by a column header, both ways, and keeps sort and filters across a reload', async () => {
    const staff = await (await stack.browser.newContext()).newPage();
    await signIn(staff, stack.url, 'staff');
    await openArea(staff, 'Orders');
    const table = staff.getByRole('table', { name: 'Orders' });
    await table.locator('tbody tr').nth(5).waitFor();
    // Newest first until asked otherwise.
    expect(await table.getByRole('columnheader', { name: /Placed/ }).getAttribute('aria-sort')).toBe('descending');

    await table.getByRole('button', { name: 'Total' }).click();
    await staff.waitForURL(/sort=TOTAL&dir=DESC/);
    const sortedDown = (totals: number[]) =>
      totals.length > 5 && totals.every((total, i) => i === 0 || totals[i - 1]! >= total);
    await expect.poll(async () => sortedDown((await column(staff, 'Orders', 6)).map(money))).toBe(true);
    const descending = (await column(staff, 'Orders', 6)).map(money);
    expect(new Set(descending).size).toBeGreaterThan(3);
    await table.getByRole('button', { name: 'Total' }).click();
    await staff.waitForURL(/sort=TOTAL&dir=ASC/);
    // The smallest first: the first page upward starts at or below where the first page downward ended.
    const sortedUp = (totals: number[]) =>
      totals.length > 5 && totals.every((total, i) => i === 0 || totals[i - 1]! <= total);
    await expect.poll(async () => sortedUp((await column(staff, 'Orders', 6)).map(money))).toBe(true);
    const ascending = (await column(staff, 'Orders', 6)).map(money);
    expect(ascending[0]).toBeLessThanOrEqual(descending.at(-1)!);
    expect(ascending.at(-1)).toBeLessThanOrEqual(descending[0]!);

    await staff.getByRole('textbox', { name: 'Status' }).click();
    await staff.getByRole('option', { name: 'Partially returned' }).click();
    await staff.waitForURL(/status=PARTIALLY_RETURNED/);
    await staff.reload();
    await expect
      .poll(async () => (await column(staff, 'Orders', 5)).map((s) => s.toLowerCase()))
      .toEqual(['partially returned']);
    expect(await table.getByRole('columnheader', { name: /Total/ }).getAttribute('aria-sort')).toBe('ascending');
    expect(await accessibilityProblems(staff)).toEqual([]);
    // Prices say what they buy.
    await table.locator('tbody tr a').first().click();
    await staff
      .getByRole('table', { name: 'Order lines' })
      .getByText(/^per user \/ month$/)
      .first()
      .waitFor();
  });

  it('exports what a list’s filters show as CSV: every matching row, not just the page on screen', async () => {
    const staff = await (await stack.browser.newContext()).newPage();
    await signIn(staff, stack.url, 'staff');
    await openArea(staff, 'Orders');
    const table = staff.getByRole('table', { name: 'Orders' });
    await table.locator('tbody tr').nth(5).waitFor();
    const download = async () => {
      const [file] = await Promise.all([
        staff.waitForEvent('download'),
        staff.getByRole('link', { name: 'Export CSV' }).click(),
      ]);
      return readFileSync((await file.path())!, 'utf8')
        .trimEnd()
        .split('\r\n');
    };
    const [header, ...all] = await download();
    expect(header!.split(',').slice(0, 3)).toEqual(['SO number', 'Placed', 'Status']);
    // The story has more orders than a first page shows.
    expect(all.length).toBeGreaterThan(await table.locator('tbody tr').count());
    await staff.getByRole('textbox', { name: 'Status' }).click();
    await staff.getByRole('option', { name: 'Provisioned' }).click();
    await staff.waitForURL(/status=PROVISIONED/);
    const provisioned = (await download()).slice(1);
    expect(provisioned.length).toBeGreaterThan(0);
    expect(provisioned.length).toBeLessThan(all.length);
    expect(provisioned.every((line) => line.split(',')[2] === 'PROVISIONED')).toBe(true);
    // Sorted on screen by total, largest first: the file too (the total is the eighth column).
    await table.getByRole('button', { name: 'Total' }).click();
    await staff.waitForURL(/sort=TOTAL&dir=DESC/);
    const totals = (await download()).slice(1).map((line) => Number(line.split(',')[7]));
    expect(totals.length).toBe(provisioned.length);
    expect(totals.every((total, i) => i === 0 || totals[i - 1]! >= total)).toBe(true);
    expect(new Set(totals).size).toBeGreaterThan(1);
    await staff.close();
  });

  it('shows staff each customer’s reseller and filters customers by reseller', async () => {
    const staff = await (await stack.browser.newContext()).newPage();
    await signIn(staff, stack.url, 'staff');
    await openArea(staff, 'Customers');
    await staff.getByRole('table', { name: 'Customers' }).getByRole('link', { name: 'Woodgrove Bank' }).waitFor();
    expect(new Set(await column(staff, 'Customers', 2))).toEqual(new Set(['Demo Reseller Co']));
    await staff.getByRole('textbox', { name: 'Reseller' }).fill('Northwind');
    await staff.getByRole('option', { name: /Northwind Solutions/ }).click();
    await staff.waitForURL(/reseller=/);
    await staff.getByText('No customer matches these filters.').waitFor();
    await staff.reload();
    await expect
      .poll(() => staff.getByRole('textbox', { name: 'Reseller' }).inputValue())
      .toMatch(/Northwind Solutions/);
    await staff.getByText('No customer matches these filters.').waitFor();
  });

  it('lets a reseller list its own cases and open one about no order; support sees reseller and customer and filters by reseller', async () => {
    const reseller = await (await stack.browser.newContext()).newPage();
    await signIn(reseller, stack.url, 'reseller');
    await openArea(reseller, 'Support');
    await reseller.getByRole('heading', { name: 'Support cases' }).waitFor();
    await reseller
      .getByRole('table', { name: 'Support cases' })
      .getByRole('link', { name: 'Invoice shows the wrong PO number' })
      .waitFor();
    // The other reseller's case is not in this reseller's list.
    expect(await reseller.getByText('Nora cannot sign in').count()).toBe(0);
    await reseller.getByRole('button', { name: 'Open a support case' }).click();
    const dialog = reseller.getByRole('dialog');
    await dialog.getByLabel('Subject').fill('How do renewals work?');
    await dialog.getByLabel('What happened').fill('A question, not about any one order.');
    await dialog.getByRole('button', { name: 'Open case' }).click();
    await reseller.getByRole('heading', { name: 'How do renewals work?' }).waitFor();

    const support = await (await stack.browser.newContext()).newPage();
    await signIn(support, stack.url, 'support');
    await openArea(support, 'Support');
    const cases = support.getByRole('table', { name: 'Support cases' });
    const row = cases.locator('tbody tr', { hasText: 'Invoice shows the wrong PO number' });
    expect(await row.innerText()).toMatch(/Demo Reseller Co[\s\S]*Woodgrove Bank/);
    await support.getByRole('textbox', { name: 'Reseller' }).fill('Northwind');
    await support.getByRole('option', { name: /Northwind Solutions/ }).click();
    await expect
      .poll(() => column(support, 'Support cases', 1))
      .toEqual([expect.stringMatching(/^Nora cannot sign in/)]);
    await cases.getByRole('button', { name: 'Case' }).click();
    await support.waitForURL(/reseller=.*sort=SUBJECT/);
    expect(await accessibilityProblems(support)).toEqual([]);
  });

  it('finds audit entries by who acted and by the entity’s name, and names the entity', async () => {
    const admin = await (await stack.browser.newContext()).newPage();
    await signIn(admin, stack.url, 'admin');
    await openArea(admin, 'Audit');
    await admin.getByLabel('Who').fill('Cleo');
    await admin.getByLabel('Entity', { exact: true }).fill('Demo Reseller');
    await admin.waitForURL(/actor=Cleo.*entity=Demo/);
    const entries = admin.getByRole('table', { name: 'Audit entries' });
    // The actor's email is the cell's first line; its role badges follow. Read the email alone: innerText of a row
    // the browser has not laid out yet (while the filtered list replaces the old one) runs the two together.
    const actors = async () => new Set(await entries.locator('tbody tr td:nth-child(2) > p').allTextContents());
    await expect.poll(actors).toEqual(new Set(['credit@demo.test']));
    expect(await entries.locator('tbody tr td:nth-child(4)').first().innerText()).toMatch(
      /^Demo Reseller Co\s+(Terms request|Reseller) · /,
    );
  });

  it('shows the credit team the amount asked and the answer deadline in its queue', async () => {
    const credit = await (await stack.browser.newContext()).newPage();
    await signIn(credit, stack.url, 'credit');
    const row = credit
      .getByRole('table', { name: 'Terms requests' })
      .locator('tbody tr', { hasText: 'Northwind Solutions' });
    expect(await row.innerText()).toMatch(/\$50,000\.00[\s\S]*due soon/i);
    await row.getByRole('link', { name: 'Northwind Solutions' }).click();
    await credit.getByTestId('requested-limit').getByText('$50,000.00').waitFor();
  });
});
