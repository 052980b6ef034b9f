import type { Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openArea, signIn, startStack, type Stack } from './support/stack';

describe('the dashboard in the browser: the business at a glance, each chart with its table and CSV', () => {
  let stack: Stack;
  let staff: Page;
  beforeAll(async () => {
    // The demo story's four months of purchases, renewals and seat changes.
    stack = await startStack({ priceRows: 500, story: true });
    staff = await (await stack.browser.newContext()).newPage();
    await signIn(staff, stack.url, 'staff');
  });
  afterAll(async () => stack?.stop());

  const amount = (text: string) => Number(/\$([\d,]+\.\d{2})/.exec(text)![1]!.replace(/,/g, ''));

  it('lands staff on it: twelve months of revenue and margin, renewals due, the top resellers', async () => {
    await staff.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
    expect(staff.url()).toMatch(/\/dashboard$/);
    const revenue = amount(await staff.getByLabel('Revenue, twelve months').innerText());
    const margin = amount(await staff.getByLabel('Margin, twelve months').innerText());
    expect(revenue).toBeGreaterThan(0);
    expect(margin).toBeGreaterThanOrEqual(0);
    expect(margin).toBeLessThan(revenue);
    // Charts are drawn (an svg each).
    const segment = staff.getByRole('region', { name: 'Revenue by segment' });
    await segment.locator('svg').first().waitFor();
    expect(await staff.getByRole('region', { name: 'Renewals due by week' }).locator('svg').count()).toBeGreaterThan(0);
    // Resellers' margins to their end customers are theirs: not on the distributor's dashboard.
    expect(await staff.getByRole('region', { name: 'Your end customers, at your markups' }).count()).toBe(0);
    expect(await staff.getByLabel('Seats returned, twelve months').innerText()).toMatch(
      /^[\d.]+ % \(\d+ of \d+ seats\)$/,
    );
    expect(await staff.getByLabel('Terms requests answered inside their SLA').innerText()).toMatch(/^\d+ of [1-9]\d*$/);
    const top = staff.getByRole('table', { name: 'Top resellers' });
    expect(await top.getByRole('row').nth(1).innerText()).toMatch(/Demo Reseller Co/);
  });

  it('shows the table behind a chart, whose months add up to the figure above, and downloads it as CSV', async () => {
    const segment = staff.getByRole('region', { name: 'Revenue by segment' });
    await segment.getByLabel('Show Revenue by segment as a table').click({ force: true });
    const table = segment.getByRole('table', { name: 'Revenue by segment' });
    const rows = table.getByRole('row');
    await expect.poll(() => rows.count()).toBe(13);
    const cells = await table.locator('tbody td').allInnerTexts();
    const sum = cells.filter((c) => c.startsWith('$')).reduce((s, c) => s + amount(c), 0);
    expect(sum).toBeCloseTo(amount(await staff.getByLabel('Revenue, twelve months').innerText()), 2);
    const [file] = await Promise.all([
      staff.waitForEvent('download'),
      segment.getByRole('link', { name: 'CSV' }).click(),
    ]);
    expect(file.suggestedFilename()).toBe('revenue-by-segment.csv');
    const [header, ...lines] = readFileSync((await file.path())!, 'utf8')
      .trimEnd()
      .split('\r\n');
    expect(header!.startsWith('Month,')).toBe(true);
    expect(lines).toHaveLength(12);
  });

  it('shows a reseller its own business: what it bought and what renews, no margin and no other reseller', async () => {
    const reseller = await (await stack.browser.newContext()).newPage();
    await signIn(reseller, stack.url, 'reseller');
    await openArea(reseller, 'Dashboard');
    await reseller.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
    expect(amount(await reseller.getByLabel('Bought, twelve months').innerText())).toBeGreaterThan(0);
    expect(await reseller.getByLabel('Margin, twelve months').count()).toBe(0);
    expect(await reseller.getByRole('table', { name: 'Top resellers' }).count()).toBe(0);
    expect(await reseller.getByLabel('Terms requests answered inside their SLA').count()).toBe(0);
    // Its own margin to its end customers, at the markups it set: the table behind the chart.
    const ends = reseller.getByRole('region', { name: 'Your end customers, at your markups' });
    await ends.getByLabel('Show Your end customers, at your markups as a table').click({ force: true });
    const text = await ends.getByRole('table').innerText();
    expect(text).toMatch(/You paid/);
    expect(text).toMatch(/Your margin/);
    await reseller.close();
  });
});
