import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseOption, openArea, signIn, startStack, type Stack } from './support/stack';

// The month-end walk, in order: a price change previewed and seen in a reseller's cart, the month closed, its invoice
// PDF and reconciliation file downloaded, Microsoft's file matched, an invoice corrected.
describe('billing in the browser: price books, the month’s close, reconciliation and corrections', () => {
  let stack: Stack;
  let staff: Page;
  beforeAll(async () => {
    // The demo story has charges today: purchases, seats added, renewals.
    stack = await startStack({ priceRows: 500, story: true });
    staff = await stack.browser.newPage();
    await signIn(staff, stack.url, 'staff');
  });
  afterAll(async () => {
    await stack?.stop();
  });

  const download = async (page: Page, link: string) => {
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: link }).click()]);
    return { name: file.suggestedFilename(), text: readFileSync((await file.path())!, 'utf8') };
  };

  it('staff change the master book after a preview, and the reseller’s cart shows the new price with its rule', async () => {
    await openArea(staff, 'Price books');
    await staff.getByRole('heading', { name: 'Master', level: 2 }).waitFor();
    await staff.getByLabel('Product family').fill('Microsoft 365');
    await staff.getByLabel('Percent (− for a discount)').fill('3');
    await staff.getByRole('button', { name: 'Preview' }).click();
    const summary = staff.getByTestId('preview-summary');
    await summary.waitFor();
    // Every reseller on the master book moves: the story's resellers but the one on Gold partners.
    expect(await summary.innerText()).toMatch(
      /^\d+ of \d+ offer\(s\) in its reach change price for the [1-9]\d* reseller\(s\)/,
    );
    await staff.getByRole('button', { name: 'Add rule' }).click();
    await staff.getByTestId('price-book-outcome').getByText('Rule “Master: cost + 3 %” added.').waitFor();

    const reseller = await stack.browser.newPage();
    await signIn(reseller, stack.url, 'reseller');
    await openArea(reseller, 'New purchase');
    await reseller.getByLabel('Find a product').fill('Microsoft 365 E3');
    const chooser = reseller.getByLabel('Term and billing of Microsoft 365 E3').first();
    await chooseOption(chooser, /^Annual term, billed monthly — .* \(Master: cost \+ 3 %\)$/);
    await reseller.getByRole('button', { name: 'Add to cart Microsoft 365 E3', exact: true }).first().click();
    await reseller
      .getByRole('table', { name: 'Cart' })
      .getByTestId('price-rule')
      .getByText('Master: cost + 3 %')
      .waitFor();
    await reseller.close();
  });

  it('closes last month into invoices, once, each with its PDF; the reseller finds its own on its account page', async () => {
    await openArea(staff, 'Billing');
    const now = new Date();
    const previous = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
    const label = previous.toLocaleDateString('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' });
    await staff.getByRole('textbox', { name: 'Month' }).click();
    await staff.getByRole('option', { name: label }).click();
    const close = staff.getByRole('region', { name: 'Month close' });
    await close.getByText(`${label} is not closed yet.`).waitFor();
    await close.getByRole('button', { name: `Close ${label}` }).click();
    await staff.getByRole('dialog').getByRole('button', { name: 'Close month' }).click();
    await close.getByText(new RegExp(`^${label} is closed: \\d+ invoice\\(s\\) issued`)).waitFor({ timeout: 20_000 });
    const rows = close.getByRole('table', { name: 'Monthly invoices' }).getByRole('row');
    await expect.poll(() => rows.count()).toBeGreaterThan(1);
    const demo = rows.filter({ hasText: 'Demo Reseller Co' });
    const number = /MI-\d{6}-\d{5}/.exec(await demo.innerText())![0];
    expect(number.slice(3, 9)).toBe(previous.toISOString().slice(0, 7).replace('-', ''));
    // Finance can email it again to the reseller's contact.
    await demo.getByRole('button', { name: 'Send again' }).click();
    await staff.getByText(`Invoice ${number} sent again.`).waitFor();
    // No second close: the button is gone once closed.
    expect(await close.getByRole('button', { name: `Close ${label}` }).count()).toBe(0);
    const href = await demo.getByRole('link', { name: `PDF of invoice ${number}` }).getAttribute('href');
    const pdf = await staff.request.get(`${stack.url}${href}`);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');

    const reseller = await stack.browser.newPage();
    await signIn(reseller, stack.url, 'reseller');
    await openArea(reseller, 'My account');
    const own = reseller.getByRole('region', { name: 'Monthly invoices' });
    await own.getByText(number).waitFor();
    expect(await own.getByRole('table').innerText()).not.toContain('Reseller');
    await reseller.close();
  });

  it('downloads this month’s charges as CSV and as JSON lines, one line a charge in both', async () => {
    // Freshly opened, the page is on this month (the close above chose last month).
    await staff.goto(`${stack.url}/billing`);
    await staff.getByRole('heading', { name: 'Reconciliation file' }).waitFor();
    const month = new Date().toISOString().slice(0, 7);
    expect(await staff.getByRole('textbox', { name: 'Month' }).inputValue()).toBe(
      new Date(`${month}-01T00:00:00Z`).toLocaleDateString('en-US', {
        month: 'long',
        year: 'numeric',
        timeZone: 'UTC',
      }),
    );
    const csv = await download(staff, 'Download CSV');
    expect(csv.name).toBe(`reconciliation-${month}.csv`);
    const [header, ...rows] = csv.text.trimEnd().split('\r\n');
    expect(header!.split(',').slice(0, 4)).toEqual(['CustomerTenantId', 'ResellerMpnId', 'SubscriptionId', 'OrderId']);
    expect(rows.length).toBeGreaterThan(0);
    const jsonl = await download(staff, 'Download JSON lines');
    expect(jsonl.name).toBe(`reconciliation-${month}.jsonl`);
    const lines = jsonl.text
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { ChargeType: string; Total: number });
    expect(lines).toHaveLength(rows.length);
    for (const line of lines)
      expect([
        'new',
        'renew',
        'addQuantity',
        'removeQuantity',
        'cancelImmediate',
        'convert',
        'changeBillingPlan',
        'extendTerm',
        'customerCredit',
        'cycleCharge',
      ]).toContain(line.ChargeType);

    // An earlier month: the story's history, and none of this month's charges.
    await staff.getByRole('textbox', { name: 'Month' }).click();
    const previous = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 2, 1));
    await staff
      .getByRole('option', {
        name: previous.toLocaleDateString('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' }),
      })
      .click();
    const earlier = await download(staff, 'Download JSON lines');
    expect(earlier.name).toBe(`reconciliation-${previous.toISOString().slice(0, 7)}.jsonl`);
    const earlierIds = earlier.text
      .trimEnd()
      .split('\n')
      .filter(Boolean)
      .map((l) => (JSON.parse(l) as { ChargeId: string }).ChargeId);
    for (const line of jsonl.text.trimEnd().split('\n')) expect(earlierIds).not.toContain(JSON.parse(line).ChargeId);
  });

  it('matches Microsoft’s file for the month: two planted differences listed, the rest paired', async () => {
    await openArea(staff, 'Billing');
    await staff.getByRole('heading', { name: 'Match Microsoft’s file' }).waitFor();
    // Last month: the story's history, many charges whatever the hour of this month.
    const now = new Date();
    const previous = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
    await staff.getByRole('textbox', { name: 'Month' }).click();
    await staff
      .getByRole('option', {
        name: previous.toLocaleDateString('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' }),
      })
      .click();
    const ours = (await download(staff, 'Download JSON lines')).text
      .trimEnd()
      .split('\n')
      .map(
        (l) =>
          JSON.parse(l) as Record<
            'SubscriptionId' | 'ChargeType' | 'ChargeStartDate' | 'ChargeEndDate' | 'Currency',
            string
          > &
            Record<'BillableQuantity' | 'UnitPrice' | 'Total', number>,
      );
    expect(ours.length).toBeGreaterThan(2);
    // Microsoft's file in its own columns: one more seat on the first charge, no line for the second.
    const columns = [
      'SubscriptionId',
      'ChargeType',
      'ChargeStartDate',
      'ChargeEndDate',
      'BillableQuantity',
      'UnitPrice',
      'Total',
      'Currency',
    ] as const;
    const microsoft = ours
      .filter((_, i) => i !== 1)
      .map((line, i) => (i === 0 ? { ...line, BillableQuantity: line.BillableQuantity + 1 } : line))
      .map((line) => columns.map((c) => String(line[c])).join(','));
    await staff.locator('input[type="file"]').setInputFiles({
      name: 'microsoft-reconciliation.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from([columns.join(','), ...microsoft].join('\r\n')),
    });
    await staff.getByRole('button', { name: 'Match' }).click();
    const status = staff.getByRole('status').filter({ hasText: '2 differences' });
    await status.waitFor();
    expect(await status.textContent()).toContain(`${ours.length - 2} paired exactly`);
    const rows = staff.getByRole('table', { name: 'Differences' }).getByRole('row');
    await expect.poll(() => rows.count()).toBe(3);
    const text = (await rows.allTextContents()).join('\n');
    expect(text).toContain('Seats differ');
    expect(text).toContain(ours[0]!.SubscriptionId);
    expect(text).toContain('Not in Microsoft’s file');
    expect(text).toContain(ours[1]!.SubscriptionId);
    // The differences to work through in a spreadsheet.
    const differences = await download(staff, 'Download the differences (CSV)');
    expect(differences.name).toBe(`reconciliation-differences-${previous.toISOString().slice(0, 7)}.csv`);
    const [head, ...listed] = differences.text.trimEnd().split('\r\n');
    expect(head!.split(',').slice(0, 3)).toEqual(['Difference', 'SubscriptionId', 'ChargeType']);
    expect(listed.map((l) => l.split(',').slice(0, 2))).toEqual(
      expect.arrayContaining([
        ['Seats differ', ours[0]!.SubscriptionId],
        ['Not in Microsoft’s file', ours[1]!.SubscriptionId],
      ]),
    );
    expect(listed).toHaveLength(2);

    // A file that is not Microsoft's is named as such, with nothing matched.
    await staff.locator('input[type="file"]').setInputFiles({
      name: 'wrong.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('Name,Email\r\nA,a@example.com\r\n'),
    });
    await staff.getByRole('button', { name: 'Match' }).click();
    await staff.getByRole('alert').filter({ hasText: 'The header lacks SubscriptionId' }).waitFor();
  });

  it('corrects an issued invoice: a credit note cancels it and a new invoice with the adjustment replaces it', async () => {
    await openArea(staff, 'Billing');
    const now = new Date();
    const previous = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
    const label = previous.toLocaleDateString('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' });
    await staff.getByRole('textbox', { name: 'Month' }).click();
    await staff.getByRole('option', { name: label }).click();
    const close = staff.getByRole('region', { name: 'Month close' });
    const table = close.getByRole('table', { name: 'Monthly invoices' });
    const demo = table.getByRole('row').filter({ hasText: 'Demo Reseller Co' });
    await demo.first().waitFor();
    const number = /MI-\d{6}-\d{5}/.exec(await demo.first().innerText())![0];
    await demo.getByRole('button', { name: `Correct invoice ${number}` }).click();
    const dialog = staff.getByRole('dialog', { name: `Correct invoice ${number}` });
    const issue = dialog.getByRole('button', { name: 'Issue credit note and new invoice' });
    expect(await issue.isDisabled()).toBe(true);
    await dialog.getByRole('textbox', { name: 'Reason' }).fill('Two seats removed inside the window were charged');
    await dialog.getByRole('textbox', { name: 'Adjustment 1' }).fill('Two seats refunded');
    await dialog.getByRole('textbox', { name: /^Amount/ }).fill('ten');
    await dialog.getByText('Line 1: the amount').waitFor();
    expect(await issue.isDisabled()).toBe(true);
    await dialog.getByRole('textbox', { name: /^Amount/ }).fill('-25.00');
    await dialog.getByText('Adjustments: -$25.00 before tax').waitFor();
    await issue.click();
    const done = staff.getByText(new RegExp(`Credit note CN-\\d{6}-\\d{5} cancels ${number}`));
    await done.waitFor();
    const [creditNote, replacement] = /(CN-\d{6}-\d{5}).*(MI-\d{6}-\d{5})/.exec(await done.innerText())!.slice(1);
    // The three documents listed, each saying what it is to the others; only the new invoice can be corrected.
    const row = (n: string) => table.getByRole('row').filter({ hasText: n });
    await row(creditNote!).getByText(`cancels ${number}`).waitFor();
    await row(creditNote!).getByText('Credit note').waitFor();
    await row(replacement!).getByText(`replaces ${number}`).waitFor();
    await row(replacement!).getByText('Two seats refunded: -$25.00').waitFor();
    await row(number)
      .filter({ hasText: `replaced by ${replacement}` })
      .getByText('Corrected')
      .waitFor();
    expect(
      await row(number)
        .filter({ hasText: 'Corrected' })
        .getByRole('button', { name: /^Correct/ })
        .count(),
    ).toBe(0);
    expect(
      await row(replacement!)
        .getByRole('button', { name: `Correct invoice ${replacement}` })
        .count(),
    ).toBe(1);
    const href = await row(creditNote!)
      .getByRole('link', { name: `PDF of credit note ${creditNote}` })
      .getAttribute('href');
    expect((await (await staff.request.get(`${stack.url}${href}`)).body()).subarray(0, 5).toString()).toBe('%PDF-');

    // The reseller finds both on its account page.
    const reseller = await stack.browser.newPage();
    await signIn(reseller, stack.url, 'reseller');
    await openArea(reseller, 'My account');
    const own = reseller.getByRole('region', { name: 'Monthly invoices' });
    await own.getByText(creditNote!, { exact: true }).waitFor();
    await own.getByText(replacement!, { exact: true }).waitFor();
    expect(await own.getByRole('button', { name: /^Correct/ }).count()).toBe(0);
    const statement = await own.getByRole('link', { name: 'Statement, last 12 months (PDF)' }).getAttribute('href');
    const statementPdf = await reseller.request.get(`${stack.url}${statement}`);
    expect(statementPdf.headers()['content-type']).toBe('application/pdf');
    await reseller.close();
  });

  it('is not a reseller’s: no Billing in its navigation, and the page says why', async () => {
    const reseller = await stack.browser.newPage();
    await signIn(reseller, stack.url, 'reseller');
    await expect
      .poll(() =>
        reseller.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Billing' }).count(),
      )
      .toBe(0);
    await reseller.goto(`${stack.url}/billing`);
    await reseller.getByText('Your role does not allow you to download reconciliation files.').waitFor();
    await reseller.close();
  });
});
