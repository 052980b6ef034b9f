import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openArea, signIn, startStack, type Stack } from './support/stack';

describe('webhooks in the browser: an endpoint added, its secret shown once, a test event signed and retried', () => {
  let stack: Stack;
  let reseller: Page;
  const received: { headers: IncomingHttpHeaders; body: string; answered: number }[] = [];
  let failing = 1;
  const receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const answered = failing > 0 ? 503 : 200;
      failing -= 1;
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), answered });
      res.statusCode = answered;
      res.end(answered === 200 ? 'ok' : 'try later');
    });
  });
  let url = '';

  beforeAll(async () => {
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/nce`;
    stack = await startStack({ priceRows: 100 });
    reseller = await (await stack.browser.newContext()).newPage();
    await signIn(reseller, stack.url, 'reseller');
  });
  afterAll(async () => {
    await stack?.stop();
    await new Promise((resolve) => receiver.close(resolve));
  });

  it('adds an endpoint for chosen events and shows its signing secret once', async () => {
    await openArea(reseller, 'Webhooks');
    await reseller.getByText('No endpoints yet: add one above.').waitFor();
    const form = reseller.getByRole('region', { name: 'Add an endpoint' });
    await form.getByLabel('Address').fill('ftp://psa.example.com');
    await form.getByLabel('Order placed').check();
    await form.getByRole('button', { name: 'Add endpoint' }).click();
    await form.getByText('Webhook addresses must use https.').waitFor();
    await form.getByLabel('Address').fill(url);
    await form.getByLabel('Description').fill('Our PSA');
    await form.getByLabel('Subscription renewed').check();
    await form.getByRole('button', { name: 'Add endpoint' }).click();
    const dialog = reseller.getByRole('dialog', { name: 'The endpoint’s signing secret' });
    const secret = (await dialog.getByTestId('webhook-secret').innerText()).trim();
    expect(secret).toMatch(/^whsec_/);
    await dialog.getByRole('button', { name: 'I have kept it' }).click();
    const card = reseller.getByRole('region', { name: `Endpoint ${url}` });
    await card.getByText('order.placed').waitFor();
    await card.getByText('subscription.renewed').waitFor();
    expect(await reseller.getByText(secret).count()).toBe(0);

    // A test event: the receiver refuses the first try, takes the second; both carry the signature.
    await card.getByRole('button', { name: 'Send test event' }).click();
    const deliveries = card.getByRole('table', { name: `Deliveries to ${url}` });
    await deliveries.getByText('ping').waitFor();
    await deliveries.getByText('delivered').waitFor({ timeout: 30_000 });
    expect(await deliveries.getByRole('row').nth(1).innerText()).toMatch(/ping\s+delivered\s+2\s+200/i);
    expect(received.map((r) => r.answered)).toEqual([503, 200]);
    for (const request of received) {
      const timestamp = String(request.headers['x-nce-timestamp']);
      const expected = createHmac('sha256', secret).update(`${timestamp}.${request.body}`).digest('hex');
      expect(request.headers['x-nce-signature']).toBe(`v1=${expected}`);
      expect(JSON.parse(request.body)).toMatchObject({ type: 'ping' });
    }
  });

  it('sends a delivery again, then removes the endpoint', async () => {
    const card = reseller.getByRole('region', { name: `Endpoint ${url}` });
    const deliveries = card.getByRole('table', { name: `Deliveries to ${url}` });
    await deliveries.getByRole('button', { name: /^Send ping of .* again$/ }).click();
    await reseller.getByText('ping queued again.').waitFor();
    await expect.poll(() => deliveries.getByText('sent again').count(), { timeout: 20_000 }).toBe(1);
    await expect.poll(() => received.length, { timeout: 20_000 }).toBe(3);
    expect(received[2]!.body).toBe(received[1]!.body);
    await card.getByRole('button', { name: 'Remove' }).click();
    await reseller.getByRole('dialog').getByRole('button', { name: 'Remove endpoint' }).click();
    await reseller.getByText('No endpoints yet: add one above.').waitFor();
  });

  it('lets staff choose the distributor’s own endpoints or a reseller’s', async () => {
    const staff = await (await stack.browser.newContext()).newPage();
    await signIn(staff, stack.url, 'staff');
    await openArea(staff, 'Webhooks');
    await staff.getByRole('radiogroup', { name: 'Whose endpoints' }).getByText('The distributor’s systems').waitFor();
    await staff.getByText('No endpoints yet: add one above.').waitFor();
    await staff.close();
  });
});
