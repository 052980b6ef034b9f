import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, signIn, startStack, type DemoRole, type Stack, openArea } from './support/stack';

const NAV: Record<DemoRole, string[]> = {
  admin: [
    'Dashboard',
    'Resellers',
    'Customers',
    'New purchase',
    'Orders',
    'Subscriptions',
    'Billing',
    'Terms requests',
    'Support',
    'Catalog',
    'Price lists',
    'Price books',
    'Audit',
    'Staff',
    'Webhooks',
    'Partner Center',
    'Simulator',
  ],
  staff: [
    'Dashboard',
    'Resellers',
    'Customers',
    'New purchase',
    'Orders',
    'Subscriptions',
    'Billing',
    'Catalog',
    'Price lists',
    'Price books',
    'Audit',
    'Webhooks',
    'Partner Center',
    'Simulator',
  ],
  credit: ['Dashboard', 'Resellers', 'Orders', 'Subscriptions', 'Billing', 'Terms requests', 'Catalog'],
  support: ['Resellers', 'Customers', 'Orders', 'Subscriptions', 'Support', 'Catalog'],
  reseller: [
    'My account',
    'Dashboard',
    'Customers',
    'New purchase',
    'Orders',
    'Subscriptions',
    'Support',
    'Catalog',
    'Webhooks',
  ],
};

describe('sign-in, roles and audit in the browser', () => {
  let stack: Stack;
  beforeAll(async () => (stack = await startStack({ priceRows: 500 })));
  afterAll(async () => stack?.stop());

  const freshPage = async (): Promise<Page> => (await stack.browser.newContext()).newPage();
  const navLabels = async (page: Page) =>
    (await page.getByRole('navigation', { name: 'Main navigation' }).locator('a, button').allInnerTexts()).map((t) =>
      t.replace(/\s*soon\s*$/i, '').trim(),
    );

  it('sends a visitor to the sign-in page and refuses a wrong password without saying why', async () => {
    const page = await freshPage();
    await page.goto(`${stack.url}/audit`);
    await page.getByRole('form', { name: 'Sign in' }).waitFor();
    expect(page.url()).toMatch(/\/sign-in\?next=%2Faudit/);
    await page.getByLabel('Email').fill(DEMO.staff.email);
    await page.getByLabel(/^Password/).fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').getByText('The email or password is wrong.').waitFor();
  });

  const HOME: Record<DemoRole, { path: RegExp; heading: string }> = {
    admin: { path: /\/dashboard$/, heading: 'Dashboard' },
    staff: { path: /\/dashboard$/, heading: 'Dashboard' },
    credit: { path: /\/terms$/, heading: 'Terms requests' },
    support: { path: /\/support$/, heading: 'Support' },
    reseller: { path: /\/orders$/, heading: 'Orders' },
  };
  for (const role of Object.keys(HOME) as DemoRole[]) {
    it(`lands ${role} on its work, with one h1 that the browser tab repeats`, async () => {
      const page = await freshPage();
      await signIn(page, stack.url, role);
      await expect.poll(() => page.url()).toMatch(HOME[role].path);
      const heading = page.getByRole('heading', { level: 1 });
      await heading.first().waitFor();
      expect(await heading.count()).toBe(1);
      expect(await heading.innerText()).toMatch(new RegExp(`^${HOME[role].heading}`));
      await expect.poll(() => page.title()).toBe(`${await heading.innerText()} · NCE Marketplace`);
    });
  }

  it('shows a reseller no link it cannot use: its own account page has no way to the list of resellers', async () => {
    const page = await freshPage();
    await signIn(page, stack.url, 'reseller');
    await openArea(page, 'My account');
    await page.getByRole('heading', { name: 'Demo Reseller Co', level: 1 }).waitFor();
    expect(await page.getByLabel('Breadcrumbs').getByRole('link').count()).toBe(0);
    expect(await page.getByLabel('Breadcrumbs').innerText()).toBe('Demo Reseller Co');
    await expect.poll(() => page.title()).toBe('Demo Reseller Co · NCE Marketplace');
  });

  for (const role of Object.keys(NAV) as DemoRole[]) {
    it(`offers ${role} exactly the areas of its role`, async () => {
      const page = await freshPage();
      await signIn(page, stack.url, role);
      expect(await navLabels(page)).toEqual(NAV[role]);
    });
  }

  it('tells a credit user plainly that the audit trail is not theirs to see', async () => {
    const page = await freshPage();
    await signIn(page, stack.url, 'credit');
    await page.goto(`${stack.url}/audit`);
    await page.getByRole('alert').getByText('Your role does not allow you to see the audit trail').waitFor();
  });

  it('returns to the sign-in page with a message when the session has ended elsewhere', async () => {
    const page = await freshPage();
    await signIn(page, stack.url, 'support');
    // The same user changes the password in another browser: every other session ends.
    const other = await freshPage();
    await signIn(other, stack.url, 'support');
    await other.goto(`${stack.url}/account`);
    await other.getByLabel('Current password').fill(DEMO.support.password);
    await other.getByLabel('New password').fill('support is my passphrase');
    await other.getByRole('button', { name: 'Change password' }).click();
    await other.getByText('A password must not contain the email address.').waitFor();
    await other.getByLabel('New password').fill('a completely new passphrase');
    await other.getByRole('button', { name: 'Change password' }).click();
    await other.getByText('Password changed.').waitFor();

    await openArea(page, 'Catalog');
    await page.getByText('Your session has expired; sign in again.').waitFor();
    expect(page.url()).toMatch(/reason=SESSION_EXPIRED/);
  });

  it('lets an admin create a staff user who sets a password by the link, signs in with their role, and shows it in the audit trail', async () => {
    const admin = await freshPage();
    await signIn(admin, stack.url, 'admin');
    await openArea(admin, 'Staff');
    await admin.getByRole('button', { name: 'New staff user' }).click();
    const dialog = admin.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Create user' }).click();
    await dialog.getByText('Email is required.').waitFor();
    await dialog.getByLabel('Email').fill('newcomer@demo.test');
    await dialog.getByLabel('Name').fill('Noor Newcomer');
    await dialog.getByLabel(/^Credit/).check();
    await dialog.getByRole('button', { name: 'Create user' }).click();
    const link = await admin.getByTestId('reset-link').innerText();
    expect(link).toContain('/reset-password?token=');
    // The link comes in a dialog: the list of users does not move under the pointer.
    await admin.getByRole('dialog', { name: 'Password link' }).waitFor();
    await admin.keyboard.press('Escape');
    await admin.getByRole('dialog', { name: 'Password link' }).waitFor({ state: 'detached' });

    const newcomer = await freshPage();
    await newcomer.goto(link);
    await newcomer.getByLabel('New password').fill('noor picks a passphrase');
    await newcomer.getByLabel('Repeat it').fill('noor picks a passphrase');
    await newcomer.getByRole('button', { name: 'Set password' }).click();
    await newcomer.getByText('Your password is set.').waitFor();
    await signIn(newcomer, stack.url, { email: 'newcomer@demo.test', password: 'noor picks a passphrase' });
    expect(await navLabels(newcomer)).toEqual(NAV.credit);

    await openArea(admin, 'Audit');
    await admin.getByRole('textbox', { name: 'What was done' }).fill('Created a user');
    await admin.getByRole('option', { name: 'Created a user', exact: true }).click();
    await admin.waitForURL(/operation=staff\.createUser/);
    const row = admin.getByRole('table', { name: 'Audit entries' }).locator('tbody tr').first();
    await expect
      .poll(() => row.innerText())
      .toMatch(/admin@demo\.test[\s\S]*Created a user[\s\S]*email: — → newcomer@demo\.test/);
  });

  it('lets an admin lift a sign-in lock on an account and on a client address, saying what was cleared', async () => {
    const page = await freshPage();
    for (let i = 0; i < 5; i += 1) {
      await page.goto(`${stack.url}/sign-in`);
      await page.getByLabel('Email').fill(DEMO.credit.email);
      await page.getByLabel(/^Password/).fill(`wrong guess ${i}`);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('alert').waitFor();
    }
    const admin = await freshPage();
    await signIn(admin, stack.url, 'admin');
    await openArea(admin, 'Staff');
    const locks = admin.getByLabel('Sign-in locks');
    await locks.getByLabel('Account email').fill(DEMO.credit.email);
    await locks.getByRole('button', { name: 'Unlock account' }).click();
    await locks.getByText(`5 failed sign-ins cleared; ${DEMO.credit.email} can sign in again.`).waitFor();
    await locks.getByLabel('Client address').fill('not-an-ip');
    await locks.getByRole('button', { name: 'Unlock address' }).click();
    await locks.getByText('"not-an-ip" is not an IP address.').waitFor();
    await locks.getByLabel('Client address').fill('127.0.0.1');
    await locks.getByRole('button', { name: 'Unlock address' }).click();
    await locks.getByText(/failed sign-ins? cleared; everyone at 127\.0\.0\.1 can sign in again\./).waitFor();
    await signIn(page, stack.url, 'credit');
  });
});
