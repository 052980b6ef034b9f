import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseOption, openArea, signIn, startStack, type Stack } from './support/stack';

const dollars = (text: string) => Number(/\$([\d,]+\.\d{2})/.exec(text)![1]!.replace(/,/g, ''));

describe('price books in the browser: a rule previewed, a reseller put on the book, its cart priced by it', () => {
  let stack: Stack;
  let staff: Page;
  let reseller: Page;
  beforeAll(async () => {
    stack = await startStack({ priceRows: 1000 });
    staff = await (await stack.browser.newContext()).newPage();
    await signIn(staff, stack.url, 'staff');
    reseller = await (await stack.browser.newContext()).newPage();
    await signIn(reseller, stack.url, 'reseller');
  });
  afterAll(async () => stack?.stop());

  it('adds a book and a rule only after previewing what it moves, with margins before and after', async () => {
    await openArea(staff, 'Price books');
    await staff.getByRole('heading', { name: 'Master', level: 2 }).waitFor();
    await staff.getByText('No rules: resellers on this book pay the partner price.').waitFor();
    await staff.getByLabel('New price book').fill('Gold partners');
    await staff.getByRole('button', { name: 'Add book' }).click();
    await staff.getByRole('heading', { name: 'Gold partners', level: 2 }).waitFor();

    await staff.getByLabel('Product family').fill('Microsoft 365');
    await staff.getByLabel('Percent (− for a discount)').fill('10');
    const add = staff.getByRole('button', { name: 'Add rule' });
    expect(await add.isDisabled()).toBe(true);
    // A rule from a past day is refused beside its field.
    const firstDay = staff.getByLabel('First day');
    const today = await firstDay.inputValue();
    await firstDay.fill('2020-01-01');
    await staff.getByRole('button', { name: 'Preview' }).click();
    await staff
      .getByText(/A rule starts today \(\d{4}-\d{2}-\d{2}\) or later/)
      .first()
      .waitFor();
    await firstDay.fill(today);
    await staff.getByRole('button', { name: 'Preview' }).click();
    const summary = staff.getByTestId('preview-summary');
    await summary.waitFor();
    expect(await summary.innerText()).toMatch(
      /^\d+ of \d+ offer\(s\) in its reach change price for the 0 reseller\(s\)/,
    );
    const margins = await staff.getByRole('table', { name: 'Margin before and after' }).innerText();
    expect(margins).toMatch(/USD[\s\S]*0 % → 9\.\d+ %/);
    // Changing the input after the preview asks for a new one.
    await staff.getByLabel('Percent (− for a discount)').fill('11');
    await staff.getByText('Preview the rule to add it.').waitFor();
    await staff.getByLabel('Percent (− for a discount)').fill('10');
    await staff.getByRole('button', { name: 'Preview' }).click();
    await summary.waitFor();
    await add.click();
    await staff.getByTestId('price-book-outcome').getByText('Rule “Gold partners: cost + 10 %” added.').waitFor();
    const rules = staff.getByRole('table', { name: 'Rules' });
    expect(await rules.innerText()).toMatch(
      /Gold partners: cost \+ 10 %[\s\S]*Microsoft 365[\s\S]*open-ended[\s\S]*In effect/i,
    );
  });

  it('puts the reseller on the book from its page, and its cart shows the book’s price and the rule beside it', async () => {
    await openArea(staff, 'Resellers');
    await staff.getByRole('link', { name: 'Demo Reseller Co' }).first().click();
    const panel = staff.getByRole('region', { name: 'Price book' });
    await panel.getByText(/^Priced by Master, the default\./).waitFor();
    await panel.getByRole('textbox', { name: 'Book' }).click();
    await staff.getByRole('option', { name: 'Gold partners' }).click();
    await panel.getByRole('button', { name: 'Save price book' }).click();
    await staff.getByRole('dialog').getByRole('button', { name: 'Change price book' }).click();
    await panel.getByRole('status').getByText('Demo Reseller Co is priced by Gold partners.').waitFor();
    await panel.getByText(/^Priced by Gold partners\./).waitFor();

    await openArea(reseller, 'New purchase');
    await reseller.getByLabel('Find a product').fill('Microsoft 365 E3');
    const chooser = reseller.getByLabel('Term and billing of Microsoft 365 E3').first();
    // The catalog shows the reseller its own price, the rule beside it.
    await chooseOption(chooser, /^Annual term, billed monthly — .* \(Gold partners: cost \+ 10 %\)$/);
    const offered = dollars(
      await chooser
        .locator('option')
        .filter({ hasText: /^Annual term, billed monthly/ })
        .first()
        .innerText(),
    );
    await reseller.getByRole('button', { name: 'Add to cart Microsoft 365 E3', exact: true }).first().click();
    const cart = reseller.getByRole('table', { name: 'Cart' });
    await cart.getByTestId('price-rule').getByText('Gold partners: cost + 10 %').waitFor();
    expect(dollars(await cart.getByRole('cell').nth(2).innerText())).toBe(offered);
  });

  it('lets the reseller set its own markup and shows the suggested customer price beside its own', async () => {
    await openArea(reseller, 'My account');
    const card = reseller.getByRole('region', { name: 'Prices to your customers' });
    await card.getByText('No markups: suggested prices are what you pay.').waitFor();
    await card.getByLabel('Markup (%)').fill('25');
    await card.getByRole('button', { name: 'Save markup' }).click();
    await card.getByRole('status').getByText('Markup of 25 % saved.').waitFor();
    expect(await card.getByRole('table', { name: 'Markups' }).innerText()).toMatch(
      /Every customer\s+Every family\s+25 %/,
    );

    await openArea(reseller, 'New purchase');
    await reseller.getByLabel('Find a product').fill('Microsoft 365 E3');
    const chooser = reseller.getByLabel('Term and billing of Microsoft 365 E3').first();
    await chooseOption(chooser, /^Annual term, billed monthly/);
    const option = chooser
      .locator('option')
      .filter({ hasText: /^Annual term, billed monthly/ })
      .first();
    // The list shows what was cached, then the prices as they are now.
    await expect.poll(() => option.innerText()).toMatch(/suggested/);
    const label = await option.innerText();
    const [own, suggested] = [...label.matchAll(/\$([\d,]+\.\d{2})/g)].map((m) => Number(m[1]!.replace(/,/g, '')));
    expect(label).toMatch(/\(Gold partners: cost \+ 10 %\) · suggested \$[\d,.]+ \(\+25 %\)$/);
    expect(suggested).toBeCloseTo(Math.ceil(own! * 125) / 100, 2);
  });
});
