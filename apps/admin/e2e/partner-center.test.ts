import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakePartnerCenter } from '../../api/src/test-support/fake-partner-center';
import { openArea, signIn, startStack, type Stack } from './support/stack';

describe('the Partner Center page: which Partner Center is in use, and a test of the connection', () => {
  let stack: Stack;
  let staff: Page;
  let fake: FakePartnerCenter;

  beforeAll(async () => {
    fake = await new FakePartnerCenter().start();
    stack = await startStack({
      priceRows: 50,
      env: {
        PARTNER_CENTER: 'live',
        PARTNER_CENTER_URL: fake.url,
        PARTNER_CENTER_AUTHORITY_URL: fake.url,
        PARTNER_CENTER_TENANT: 'contosodistribution.onmicrosoft.com',
        PARTNER_CENTER_APP_ID: '0f0e0d0c-0b0a-4908-8706-050403020100',
        PARTNER_CENTER_APP_SECRET: 'app-secret',
        PARTNER_CENTER_REFRESH_TOKEN: fake.refreshToken,
      },
    });
    staff = await (await stack.browser.newContext()).newPage();
    await signIn(staff, stack.url, 'staff');
  });
  afterAll(async () => {
    await stack?.stop();
    await fake?.stop();
  });

  it('shows Microsoft’s settings, signs in on "Test the connection", and says plainly when Microsoft refuses', async () => {
    await openArea(staff, 'Partner Center');
    const card = staff.getByRole('region', { name: 'Connection' });
    await card.getByText('Microsoft Partner Center').waitFor();
    await card.getByText('contosodistribution.onmicrosoft.com').waitFor();
    await card.getByText('Not yet used').waitFor();
    await card.getByRole('button', { name: 'Test the connection' }).click();
    const answer = card.getByRole('status');
    await answer.getByText('Connected').waitFor();
    expect(await answer.innerText()).toContain('Contoso Distribution');
    expect(fake.tokenExchanges).toBe(1);
    // The rotated refresh token was kept: the card says when.
    expect(await card.getByText('Not yet used').count()).toBe(0);

    fake.inject({ path: /profiles\/mpn/, times: 1, status: 403 });
    await card.getByRole('button', { name: 'Test the connection' }).click();
    await answer.getByText('Not connected').waitFor();
    expect(await answer.innerText()).toContain('Partner Center answered 403 to the profile read.');
  });
});
