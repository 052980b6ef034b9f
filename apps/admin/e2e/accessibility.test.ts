import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityProblems, gql, signIn, startStack, type DemoRole, type Stack } from './support/stack';

/** Every area each role can open, checked by axe-core once its data is on screen. */
const PAGES: Record<DemoRole, string[]> = {
  admin: [
    '/dashboard',
    '/orders',
    '/resellers',
    '/customers',
    '/purchase',
    '/terms',
    '/support',
    '/catalog',
    '/price-lists',
    '/price-books',
    '/audit',
    '/billing',
    '/staff',
    '/webhooks',
    '/partner-center',
    '/simulator',
    '/account',
  ],
  staff: ['/orders', '/purchase', '/price-books'],
  credit: ['/terms', '/billing'],
  support: ['/support'],
  reseller: ['/dashboard', '/orders', '/customers', '/purchase', '/catalog', '/webhooks'],
};

describe('accessibility (axe-core) of every page', () => {
  let stack: Stack;
  beforeAll(async () => (stack = await startStack({ priceRows: 200 })));
  afterAll(async () => stack?.stop());

  const settle = async (page: Page) => {
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await page.waitForLoadState('networkidle');
  };

  it('has no serious or critical problem on the sign-in page', async () => {
    const page = await (await stack.browser.newContext()).newPage();
    await page.goto(`${stack.url}/sign-in`);
    await page.getByRole('form', { name: 'Sign in' }).waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);
  });

  for (const role of Object.keys(PAGES) as DemoRole[]) {
    it(`has no serious or critical problem on the pages ${role} works in`, async () => {
      const page = await (await stack.browser.newContext()).newPage();
      await signIn(page, stack.url, role);
      const problems: string[] = [];
      const details: string[] = [];
      if (role === 'admin') {
        const ids = await gql(
          page,
          stack.url,
          '{ resellers(first: 1) { nodes { id } } customers(first: 1) { nodes { id } } catalogProducts(filter: { segment: COMMERCIAL }, first: 1) { edges { node { id } } } }',
        );
        details.push(
          `/resellers/${ids.resellers.nodes[0].id}`,
          `/customers/${ids.customers.nodes[0].id}`,
          `/catalog/products/${ids.catalogProducts.edges[0].node.id}?segment=COMMERCIAL`,
        );
      }
      for (const path of [...PAGES[role], ...details]) {
        await page.goto(`${stack.url}${path}`);
        await settle(page);
        for (const problem of await accessibilityProblems(page)) problems.push(`${path}: ${problem}`);
      }
      expect(problems).toEqual([]);
    });
  }
});
