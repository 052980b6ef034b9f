import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, startStack, type Stack, openArea } from './support/stack';

describe('customers and tenants in the browser', () => {
  let stack: Stack;
  let page: Page;
  beforeAll(async () => {
    stack = await startStack({ priceRows: 100 });
    page = await (await stack.browser.newContext()).newPage();
    await signIn(page, stack.url, 'reseller');
  });
  afterAll(async () => stack?.stop());

  const newCustomer = async (segment: string, company: string, login?: string) => {
    await openArea(page, 'Customers');
    await page.getByRole('button', { name: 'New customer' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Segment').getByText(segment, { exact: true }).click();
    await dialog.getByLabel('Company name').fill(company);
    await dialog.getByLabel('Street address').fill('1 Main St');
    await dialog.getByLabel('City').fill('Irvine');
    await dialog.getByLabel('State / province').fill('CA');
    await dialog.getByLabel('Postal code').fill('92612');
    await dialog.getByLabel('Contact name').fill('Eve Engineer');
    await dialog.getByLabel('Contact email').fill('eve@reseller.example');
    await dialog.getByLabel('Contact phone').fill('+1 949 555 0101');
    // R8: prefilled from the administrative contact; best practice is the company name.
    expect(await dialog.getByLabel('Portal login').inputValue()).toBe('eve@reseller.example');
    if (login) await dialog.getByLabel('Portal login').fill(login);
    else await dialog.getByRole('button', { name: /^Use “/ }).click();
    await dialog.getByRole('button', { name: 'Create customer' }).click();
    await page.getByRole('heading', { name: company, level: 1 }).waitFor();
  };

  it('R12: refuses a new tenant to an Education customer and says why', async () => {
    await newCustomer('Education', 'Lakeside Academy');
    await page
      .getByLabel('Tenant rule')
      .getByText(/Microsoft must verify the institution first/)
      .waitFor();
    await page.getByRole('radio', { name: /Create a new .onmicrosoft.com tenant/ }).check();
    const refusal = page.getByRole('alert').filter({ hasText: 'Not allowed for this customer' });
    await refusal.waitFor();
    expect(await refusal.getByRole('link').getAttribute('href')).toMatch(/academic/);
  });

  it('R8: refuses a portal login another customer uses', async () => {
    await openArea(page, 'Customers');
    await page.getByRole('button', { name: 'New customer' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Company name').fill('Lakeside Academy Two');
    await dialog.getByLabel('Portal login').fill('LAKESIDE.ACADEMY');
    await dialog.getByRole('button', { name: 'Create customer' }).click();
    await dialog.getByText(/already used by your customer Lakeside Academy/).waitFor();
    await page.keyboard.press('Escape');
  });

  it('R14/R13: refuses a taken domain, takes a suggested free one, and signs the attestation', async () => {
    await newCustomer('Commercial', 'Contoso Shop');
    await page.getByRole('radio', { name: /Create a new .onmicrosoft.com tenant/ }).check();
    await page.getByLabel('New tenant domain').fill('contoso');
    await page.getByRole('button', { name: 'Check and request' }).click();
    const refusal = page.getByRole('alert').filter({ hasText: 'contoso.onmicrosoft.com is taken' });
    await refusal.waitFor();
    const suggestion = refusal.getByLabel('Free alternatives').getByRole('button').first();
    const domain = (await suggestion.innerText()).trim();
    expect(domain).toMatch(/^[a-z0-9]+\.onmicrosoft\.com$/);
    await suggestion.click();
    await page.getByLabel('Chosen tenant').getByText(domain).waitFor();

    await page.getByRole('checkbox', { name: /I attest that we are the Partner of Record/ }).check();
    await page.getByRole('button', { name: 'Sign attestation' }).click();
    await page
      .getByLabel('Attestation')
      .getByText(/Signed by reseller@demo.test/)
      .waitFor();
  });

  it('R8: reveals the generated portal password on request', async () => {
    await page.getByRole('button', { name: 'Reveal (audited)' }).first().click();
    expect(await page.getByTestId('revealed-revealPortalPassword').innerText()).toMatch(/^contoso\.shop \/ .{16}$/);
  });

  it('R15/R21: an existing tenant works only once its admin accepted the invitation naming this reseller', async () => {
    await newCustomer('Commercial', 'Fabrikam Branch');
    await page.getByRole('radio', { name: /Use the customer’s existing tenant/ }).check();
    await page.getByLabel('Existing tenant domain').fill('fabrikam.onmicrosoft.com');
    await page.getByRole('button', { name: 'Check and use' }).click();
    const refusal = page.getByRole('alert').filter({ hasText: 'Refused' });
    await refusal.waitFor();
    expect(await refusal.getByRole('link').getAttribute('href')).toMatch(/indirectCSPId=6543210/);

    // The customer's admin accepts the invitation that names the reseller (staff play Microsoft's part here).
    const staff = await (await stack.browser.newContext()).newPage();
    await signIn(staff, stack.url, 'staff');
    await openArea(staff, 'Simulator');
    await staff.getByLabel('Reseller the invitation names (MPN location ID)').fill('6543210');
    const row = staff
      .getByRole('table', { name: 'Simulated tenants' })
      .getByRole('row')
      .filter({ hasText: 'fabrikam.onmicrosoft.com' });
    await row.getByRole('button', { name: 'Accept authorisation link' }).click();
    await expect.poll(() => row.innerText()).toMatch(/yes\s+6543210/);

    await page.getByRole('button', { name: 'Check and use' }).click();
    await page.getByLabel('Chosen tenant').getByText('fabrikam.onmicrosoft.com').waitFor();
  });
});
