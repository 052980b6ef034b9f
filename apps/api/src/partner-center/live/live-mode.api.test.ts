import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakePartnerCenter } from '../../test-support/fake-partner-center.js';
import { createTestApp, staff, TestClient, type TestApp } from '../../test-support/test-app.js';
import { seedUsers } from '../../test-support/users.js';
import { LivePartnerCenter } from './live-partner-center.js';

const INFO = '{ partnerCenterConnection { mode baseUrl tenant appId tokenRotatedAt } }';
const TEST = 'mutation { testPartnerCenterConnection { ok message milliseconds } }';

describe('PARTNER_CENTER=live: the API talks to Partner Center over REST, its refresh token rotated into the database', () => {
  let fake: FakePartnerCenter;
  let t: TestApp;
  let client: TestClient;
  const consented = 'refresh-0';

  beforeAll(async () => {
    fake = await new FakePartnerCenter().start();
    t = await createTestApp({
      PARTNER_CENTER: 'live',
      PARTNER_CENTER_URL: fake.url,
      PARTNER_CENTER_AUTHORITY_URL: fake.url,
      PARTNER_CENTER_TENANT: 'distributor.onmicrosoft.com',
      PARTNER_CENTER_APP_ID: '0f0e0d0c-0b0a-4908-8706-050403020100',
      PARTNER_CENTER_APP_SECRET: 'app-secret',
      PARTNER_CENTER_REFRESH_TOKEN: consented,
    });
    await seedUsers(t.app);
    client = await TestClient.start(t.app);
  });
  afterAll(async () => {
    await client.stop();
    await t.close();
    await fake.stop();
  });

  it('shows staff which Partner Center is in use, and tests the connection with a call that changes nothing', async () => {
    expect(t.app.partnerCenter).toBeInstanceOf(LivePartnerCenter);
    expect((await client.gql(INFO, {}, staff('staff'))).data?.partnerCenterConnection).toEqual({
      mode: 'LIVE',
      baseUrl: fake.url,
      tenant: 'distributor.onmicrosoft.com',
      appId: '0f0e0d0c-0b0a-4908-8706-050403020100',
      tokenRotatedAt: fake.tokenExchanges > 0 ? t.app.clock.now().toISOString() : null,
    });
    const tested = (await client.gql(TEST, {}, staff('staff'))).data?.testPartnerCenterConnection;
    expect(tested).toMatchObject({ ok: true, message: expect.stringContaining('Contoso Distribution') });
    expect(fake.requests.at(-1)).toMatchObject({ method: 'GET', path: '/v1/profiles/mpn' });
    // Microsoft rotated the refresh token: the new one is kept, encrypted, and used from now on.
    const rows: { token: string }[] = await t.app.db.read.query('SELECT token FROM partner_center_token');
    expect(rows).toHaveLength(1);
    expect(rows[0]!.token).not.toContain(fake.refreshToken);
    expect(t.app.secrets.decrypt(rows[0]!.token)).toBe(fake.refreshToken);
    const exchanges = fake.tokenExchanges;
    expect((await client.gql(INFO, {}, staff('staff'))).data?.partnerCenterConnection.tokenRotatedAt).toBe(
      t.app.clock.now().toISOString(),
    );
    fake.expireTokens();
    expect((await client.gql(TEST, {}, staff('staff'))).data?.testPartnerCenterConnection.ok).toBe(true);
    expect(fake.tokenExchanges).toBe(exchanges + 1);
  });

  it('says what went wrong when Partner Center does not answer, and is staff’s only', async () => {
    fake.inject({ path: /profiles\/mpn/, times: 1, status: 403 });
    expect((await client.gql(TEST, {}, staff('staff'))).data?.testPartnerCenterConnection).toMatchObject({
      ok: false,
      message: 'Partner Center answered 403 to the profile read.',
    });
    const reseller = await client.gql(INFO, {}, staff('support'));
    expect(reseller.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
