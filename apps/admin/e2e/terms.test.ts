import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseOption, openArea, signIn, startStack, type Stack } from './support/stack';

describe('the credit desk in the browser', () => {
  let stack: Stack;
  beforeAll(async () => (stack = await startStack({ priceRows: 1000 })));
  afterAll(async () => stack?.stop());

  it('takes a terms request from submission to approval, and the reseller then pays on terms at checkout', async () => {
    const reseller = await (await stack.browser.newContext()).newPage();
    await signIn(reseller, stack.url, 'reseller');
    await openArea(reseller, 'My account');
    const terms = reseller.getByLabel('Marketplace terms');
    await terms.getByRole('button', { name: 'Request terms' }).click();
    // The request states the credit line asked for; a missing or malformed amount is refused beside the field.
    const ask = reseller.getByRole('dialog', { name: 'Request marketplace terms' });
    await ask.getByRole('button', { name: 'Send request' }).click();
    await ask.getByText('Enter the credit line you are asking for.').waitFor();
    await ask.getByLabel('Credit line asked for').fill('lots');
    await ask.getByRole('button', { name: 'Send request' }).click();
    await ask.getByText(/Enter the credit line as an amount such as 25,000/).waitFor();
    await ask.getByLabel('Credit line asked for').fill('25,000');
    await ask.getByRole('button', { name: 'Send request' }).click();
    await terms
      .getByText('Terms requested for a credit line of $25,000.00. The credit team answers within 24–48 hours.')
      .waitFor();
    await terms.getByText(/Request of .* for \$25,000\.00/).waitFor();
    await terms.getByText('submitted', { exact: true }).waitFor();

    const credit = await (await stack.browser.newContext()).newPage();
    await signIn(credit, stack.url, 'credit');
    await openArea(credit, 'Terms requests');
    const row = credit.getByRole('table', { name: 'Terms requests' }).locator('tbody tr').first();
    expect(await row.innerText()).toMatch(/Demo Reseller Co[\s\S]*\$25,000\.00[\s\S]*on track[\s\S]*submitted/i);
    await row.getByRole('link', { name: 'Demo Reseller Co' }).click();
    // The credit team sees what it weighs the request against: exposure and recent orders.
    const standing = credit.getByLabel('Reseller standing');
    await standing.getByText('Credit line: none yet').waitFor();
    await standing
      .getByText(/No orders yet\.|SO-\d{8}-\d{6}/)
      .first()
      .waitFor();
    await credit.getByRole('button', { name: 'Claim' }).click();
    await credit.getByTestId('terms-status').getByText('in review').waitFor();
    await credit.getByTestId('requested-limit').getByText('$25,000.00').waitFor();
    const decision = credit.getByLabel('Decision');
    // The analyst starts from the amount asked for.
    expect(await decision.getByLabel('Credit limit').inputValue()).toBe('25000.00');
    await decision.getByLabel('Credit limit').fill('a lot');
    await decision.getByRole('button', { name: 'Approve' }).click();
    await credit.getByRole('dialog').getByRole('button', { name: 'Approve terms' }).click();
    await decision.getByText(/is not a decimal amount/).waitFor();
    await decision.getByLabel('Credit limit').fill('5000.00');
    await decision.getByRole('button', { name: 'Approve' }).click();
    const confirm = credit.getByRole('dialog');
    expect(await confirm.innerText()).toMatch(/A credit line of 5000.00 USD on NET 30 terms/);
    await confirm.getByRole('button', { name: 'Approve terms' }).click();
    await credit.getByText(/Credit line \$5,000\.00, net 30/).waitFor();
    await credit.getByText('Terms approved; the reseller can pay on terms.').waitFor();

    await reseller.reload();
    await reseller
      .getByTestId('credit-standing')
      .getByText(/\$5,000\.00 available/)
      .waitFor();
    await openArea(reseller, 'New purchase');
    await reseller.getByLabel('Find a product').fill('Microsoft 365 E3');
    await chooseOption(
      reseller.getByLabel('Term and billing of Microsoft 365 E3').first(),
      /^Annual term, billed monthly/,
    );
    await reseller.getByRole('button', { name: 'Add to cart Microsoft 365 E3', exact: true }).first().click();
    await reseller.getByRole('table', { name: 'Cart' }).waitFor();
    await reseller.getByRole('textbox', { name: 'Existing customer' }).click();
    await reseller.getByRole('option', { name: /Contoso Pharmacy/ }).click();
    await reseller.getByLabel('Payment method').getByText('Terms', { exact: true }).click();
    await reseller.getByLabel('Readiness checklist').getByText('Ready to buy').waitFor();
    await reseller.getByRole('button', { name: 'Buy', exact: true }).click();
    await reseller.getByTestId('so-number').waitFor();
    await reseller.getByText('Terms', { exact: true }).waitFor();
  });
});
