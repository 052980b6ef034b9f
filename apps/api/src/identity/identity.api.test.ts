import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import { loadConfig } from '../config.js';
import { startHttpServer } from '../server.js';
import { createTestApp, TestClient, type TestApp } from '../test-support/test-app.js';
import { demo, seedUsers } from '../test-support/users.js';
import { SignInFailureEntity } from './sign-in-failure.entity.js';
import {
  ACCOUNT_FAILURE_LIMIT,
  ADDRESS_FAILURE_LIMIT,
  FAILURE_WINDOW_MS,
  SESSION_ABSOLUTE_MS,
  SESSION_IDLE_MS,
} from './identity.service.js';

const ME = '{ me { id email displayName kind roles permissions resellerId } }';
const CHANGE = `mutation($current: Password!, $next: Password!) { changePassword(currentPassword: $current, newPassword: $next) {
  __typename ... on BusinessError { code message fix { field } } } }`;
const MINUTE = 60_000;

describe('sign-in and sessions', () => {
  let t: TestApp;
  let client: TestClient;
  beforeEach(async () => {
    t = await createTestApp();
    await seedUsers(t.app);
    client = await TestClient.start(t.app);
  });
  afterEach(async () => {
    await client.stop();
    await t.close();
  });

  it('signs in with email and password into an httpOnly, SameSite session cookie', async () => {
    const response = await client.post(
      'mutation($e: EmailText!, $p: Password!) { signIn(email: $e, password: $p) { __typename ... on SignedIn { me { email roles permissions } } } }',
      { e: 'ADMIN@demo.test', p: demo('admin').password },
    );
    const body = (await response.json()) as { data: { signIn: { me: { permissions: string[] } } } };
    expect(body.data.signIn).toMatchObject({
      __typename: 'SignedIn',
      me: { email: 'admin@demo.test', roles: ['admin'] },
    });
    expect(body.data.signIn.me.permissions).toContain('staff:manage');
    const cookie = response.headers.getSetCookie()[0]!;
    expect(cookie).toMatch(/^nce_session=[\w%-]{40,};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect((await client.gql(ME)).data?.me).toMatchObject({ email: 'admin@demo.test', kind: 'STAFF' });
  });

  it('answers a wrong password and an unknown account alike, without saying which', async () => {
    const wrong = await client.signIn(demo('staff').email, 'not the password');
    const unknown = await client.signIn('nobody@demo.test', 'not the password');
    expect(wrong.data?.signIn).toEqual({
      __typename: 'SignInFailed',
      code: 'INVALID_CREDENTIALS',
      message: 'The email or password is wrong.',
      retryAfterSeconds: null,
    });
    expect(unknown.data?.signIn).toEqual(wrong.data?.signIn);
    expect(client.sessionCookie).toBeNull();
  });

  it('throttles failed sign-ins per account, then lets the right password in once the window has passed', async () => {
    for (let i = 0; i < ACCOUNT_FAILURE_LIMIT; i += 1) await client.signIn(demo('credit').email, `guess ${i}`);
    const locked = await client.signIn(demo('credit').email, demo('credit').password);
    expect(locked.data?.signIn).toMatchObject({ __typename: 'SignInFailed', code: 'TOO_MANY_ATTEMPTS' });
    expect(locked.data?.signIn.retryAfterSeconds).toBeGreaterThan(0);
    expect(locked.data?.signIn.retryAfterSeconds).toBeLessThanOrEqual(FAILURE_WINDOW_MS / 1000);
    // Unknown accounts are throttled the same way: the lock says nothing about existence.
    for (let i = 0; i < ACCOUNT_FAILURE_LIMIT; i += 1) await client.signIn('ghost@demo.test', `guess ${i}`);
    expect((await client.signIn('ghost@demo.test', 'x')).data?.signIn.code).toBe('TOO_MANY_ATTEMPTS');
    t.clock.advance(FAILURE_WINDOW_MS + 1000);
    expect((await client.signIn(demo('credit').email, demo('credit').password)).data?.signIn.__typename).toBe(
      'SignedIn',
    );
  });

  it('counts parallel attempts before verifying any: at most the limit are checked, and the right password then waits', async () => {
    await client.stop();
    await t.close();
    let verified = 0;
    t = await createTestApp(
      {},
      {
        hasher: (fast) => ({
          hash: fast.hash,
          verify: (hash, password) => ((verified += 1), fast.verify(hash, password)),
        }),
      },
    );
    await seedUsers(t.app);
    client = await TestClient.start(t.app);
    verified = 0;
    const attempts = Array.from({ length: 50 }, (_, i) => (i === 13 ? demo('credit').password : `parallel guess ${i}`));
    const answers = await Promise.all(attempts.map((password) => client.fork().signIn(demo('credit').email, password)));
    expect(verified).toBeLessThanOrEqual(ACCOUNT_FAILURE_LIMIT);
    expect(answers.filter((a) => a.data?.signIn.code === 'TOO_MANY_ATTEMPTS').length).toBeGreaterThanOrEqual(
      50 - ACCOUNT_FAILURE_LIMIT,
    );
    // Attempts that counted each other may all have been refused, leaving fewer failures on record; the lock
    // then follows what was recorded: the right password waits once the limit's worth of failures is there.
    if (!answers.some((a) => a.data?.signIn.__typename === 'SignedIn')) {
      const failures = await t.app.db.read.countBy(SignInFailureEntity, { emailKey: demo('credit').email });
      expect(failures).toBeLessThanOrEqual(ACCOUNT_FAILURE_LIMIT);
      const next = (await client.signIn(demo('credit').email, demo('credit').password)).data?.signIn;
      expect(next.code ?? next.__typename).toBe(failures >= ACCOUNT_FAILURE_LIMIT ? 'TOO_MANY_ATTEMPTS' : 'SignedIn');
    }
  });

  it('throttles failed sign-ins per address across accounts', async () => {
    for (let i = 0; i < ADDRESS_FAILURE_LIMIT; i += 1) await client.signIn(`user${i}@demo.test`, 'guess');
    expect((await client.signIn(demo('support').email, demo('support').password)).data?.signIn.code).toBe(
      'TOO_MANY_ATTEMPTS',
    );
  });

  it('behind a trusted proxy (TRUST_PROXY) throttles the client address, not the proxy, and an admin can lift an address lock', async () => {
    await client.stop();
    await t.close();
    t = await createTestApp({ TRUST_PROXY: 'loopback' });
    await seedUsers(t.app);
    client = await TestClient.start(t.app);
    const SIGN_IN =
      'mutation($e: EmailText!, $p: Password!) { signIn(email: $e, password: $p) { __typename ... on SignInFailed { code } } }';
    const from = async (address: string, email: string, password: string) =>
      (
        (await (
          await client.fork().post(SIGN_IN, { e: email, p: password }, undefined, { 'x-forwarded-for': address })
        ).json()) as { data: { signIn: { __typename: string; code?: string } } }
      ).data.signIn;
    for (let i = 0; i < ADDRESS_FAILURE_LIMIT; i += 1) await from('203.0.113.7', `user${i}@demo.test`, 'guess');
    expect((await from('203.0.113.7', demo('support').email, demo('support').password)).code).toBe('TOO_MANY_ATTEMPTS');
    // Everyone else behind the same proxy still gets in.
    expect((await from('198.51.100.9', demo('support').email, demo('support').password)).__typename).toBe('SignedIn');

    const admin = client.fork();
    await admin.signIn(demo('admin').email, demo('admin').password);
    const UNLOCK =
      'mutation($a: Code!) { unlockSignInAddress(address: $a) { __typename ... on SignInUnlocked { cleared } ... on OperationRefused { code } } }';
    expect((await admin.gql(UNLOCK, { a: 'not an address' })).data?.unlockSignInAddress).toMatchObject({
      code: 'ADDRESS_INVALID',
    });
    expect((await admin.gql(UNLOCK, { a: '203.0.113.7' })).data?.unlockSignInAddress).toEqual({
      __typename: 'SignInUnlocked',
      cleared: ADDRESS_FAILURE_LIMIT,
    });
    expect((await from('203.0.113.7', demo('support').email, demo('support').password)).__typename).toBe('SignedIn');
  });

  it('believes no X-Forwarded-For without TRUST_PROXY: a client cannot dodge the address lock by inventing addresses', async () => {
    const SIGN_IN =
      'mutation($e: EmailText!, $p: Password!) { signIn(email: $e, password: $p) { __typename ... on SignInFailed { code } } }';
    for (let i = 0; i < ADDRESS_FAILURE_LIMIT; i += 1)
      await client
        .fork()
        .post(SIGN_IN, { e: `user${i}@demo.test`, p: 'guess' }, undefined, { 'x-forwarded-for': `198.51.100.${i}` });
    const answer = await (
      await client.fork().post(SIGN_IN, { e: demo('support').email, p: demo('support').password }, undefined, {
        'x-forwarded-for': '192.0.2.1',
      })
    ).json();
    expect((answer as { data: { signIn: { code: string } } }).data.signIn.code).toBe('TOO_MANY_ATTEMPTS');
  });

  it('signs out: the cookie is cleared and the old session no longer works', async () => {
    await client.signIn(demo('staff').email, demo('staff').password);
    const stolen = client.sessionCookie!;
    expect((await client.gql('mutation { signOut }')).data?.signOut).toBe(true);
    expect(client.sessionCookie).toBeNull();
    const replay = await client.post('{ catalogMarkets { market } }', {}, undefined, { cookie: stolen });
    expect(((await replay.json()) as { errors: { extensions: unknown }[] }).errors[0]!.extensions).toMatchObject({
      code: 'UNAUTHENTICATED',
      reason: 'SESSION_EXPIRED',
    });
  });

  it('expires a session after two idle hours, and after twelve hours whatever the activity', async () => {
    await client.signIn(demo('staff').email, demo('staff').password);
    t.clock.advance(SESSION_IDLE_MS - MINUTE);
    expect((await client.gql(ME)).data?.me).not.toBeNull();
    t.clock.advance(SESSION_IDLE_MS - MINUTE);
    expect((await client.gql(ME)).data?.me).not.toBeNull();
    t.clock.advance(SESSION_IDLE_MS + MINUTE);
    expect((await client.gql('{ catalogMarkets { market } }')).errors?.[0]?.extensions).toMatchObject({
      reason: 'SESSION_EXPIRED',
    });

    const other = client.fork();
    await other.signIn(demo('staff').email, demo('staff').password);
    for (let elapsed = 0; elapsed < SESSION_ABSOLUTE_MS; elapsed += SESSION_IDLE_MS / 2) {
      t.clock.advance(SESSION_IDLE_MS / 2);
      await other.gql(ME);
    }
    expect((await other.gql(ME)).data?.me).toBeNull();
  });

  it('changes a password: checks the current one and the policy, keeps this session, ends the others', async () => {
    const { email, password } = demo('support');
    await client.signIn(email, password);
    const laptop = client.fork();
    await laptop.signIn(email, password);

    expect(
      (await client.gql(CHANGE, { current: 'wrong', next: 'a new long passphrase' })).data?.changePassword,
    ).toMatchObject({ code: 'CURRENT_PASSWORD_WRONG', fix: { field: 'currentPassword' } });
    expect((await client.gql(CHANGE, { current: password, next: 'short' })).data?.changePassword).toMatchObject({
      code: 'PASSWORD_TOO_SHORT',
      fix: { field: 'newPassword' },
    });
    expect(
      (await client.gql(CHANGE, { current: password, next: 'a new long passphrase' })).data?.changePassword.__typename,
    ).toBe('PasswordChanged');

    expect((await client.gql(ME)).data?.me.email).toBe(email);
    expect((await laptop.gql(ME)).data?.me).toBeNull();
    expect((await client.fork().signIn(email, password)).data?.signIn.code).toBe('INVALID_CREDENTIALS');
    expect((await client.fork().signIn(email, 'a new long passphrase')).data?.signIn.__typename).toBe('SignedIn');
  });

  it('lets an admin create a one-time reset link that sets a new password once and ends every session', async () => {
    const admin = client.fork();
    await admin.signIn(demo('admin').email, demo('admin').password);
    const victim = client.fork();
    await victim.signIn(demo('staff').email, demo('staff').password);
    const staffId = (await victim.gql(ME)).data?.me.id;

    expect(
      (await victim.gql('mutation($id: ID!) { createPasswordReset(userId: $id) { __typename } }', { id: staffId }))
        .errors?.[0]?.extensions?.code,
    ).toBe('FORBIDDEN');
    const created = await admin.gql(
      'mutation($id: ID!) { createPasswordReset(userId: $id) { __typename ... on PasswordResetCreated { resetUrl expiresAt } } }',
      { id: staffId },
    );
    const url = new URL(created.data?.createPasswordReset.resetUrl);
    expect(url.pathname).toBe('/reset-password');
    const token = url.searchParams.get('token')!;

    const reset =
      'mutation($token: Code!, $p: Password!) { resetPassword(token: $token, newPassword: $p) { __typename ... on BusinessError { code } } }';
    expect((await client.gql(reset, { token, p: 'short' })).data?.resetPassword.code).toBe('PASSWORD_TOO_SHORT');
    expect((await client.gql(reset, { token, p: 'reset to a long passphrase' })).data?.resetPassword.__typename).toBe(
      'PasswordChanged',
    );
    expect((await client.gql(reset, { token, p: 'another long passphrase' })).data?.resetPassword.code).toBe(
      'RESET_LINK_INVALID',
    );
    expect((await victim.gql(ME)).data?.me).toBeNull();
    expect(
      (await client.fork().signIn(demo('staff').email, 'reset to a long passphrase')).data?.signIn.__typename,
    ).toBe('SignedIn');
  });

  it('refuses a reset link after an hour', async () => {
    const admin = client.fork();
    await admin.signIn(demo('admin').email, demo('admin').password);
    const me = await admin.gql(ME);
    const created = await admin.gql(
      'mutation($id: ID!) { createPasswordReset(userId: $id) { ... on PasswordResetCreated { resetUrl } } }',
      { id: me.data?.me.id },
    );
    t.clock.advance(61 * MINUTE);
    const token = new URL(created.data?.createPasswordReset.resetUrl).searchParams.get('token');
    const result = await client.gql(
      'mutation($t: Code!) { resetPassword(token: $t, newPassword: "a long enough passphrase") { ... on BusinessError { code } } }',
      { t: token },
    );
    expect(result.data?.resetPassword.code).toBe('RESET_LINK_INVALID');
  });

  it('shows a reseller user as a reseller with its reseller and only reseller permissions', async () => {
    await client.signIn(demo('reseller').email, demo('reseller').password);
    const me = (await client.gql(ME)).data?.me;
    expect(me).toMatchObject({ kind: 'RESELLER', roles: [] });
    expect(me.resellerId).toEqual(expect.any(String));
    expect(me.permissions).not.toContain('staff:manage');
    expect(me.permissions).not.toContain('audit:read');
  });
});

describe('secrets in logs', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  it('never writes a password or session token to the log', async () => {
    await t.app.db.close();
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk, _enc, done) => (lines.push(chunk.toString()), done()) });
    const app = await createApp(loadConfig({ DATA_DIR: t.dir, ADMIN_DIST: '', LOG_LEVEL: 'trace' }, t.dir), {
      clock: t.clock,
      logger: pino({ level: 'trace' }, sink),
    });
    await seedUsers(app);
    const http = await startHttpServer(app, { port: 0 });
    try {
      const client = new TestClient(http);
      await client.signIn(demo('admin').email, demo('admin').password);
      await client.signIn(demo('admin').email, 'a wrong secret guess');
      await client.gql(CHANGE, { current: demo('admin').password, next: 'a brand new passphrase' });
      const log = lines.join('\n');
      expect(lines.length).toBeGreaterThan(0);
      expect(log).not.toContain(demo('admin').password);
      expect(log).not.toContain('a wrong secret guess');
      expect(log).not.toContain('a brand new passphrase');
      expect(log).not.toContain(client.sessionCookie!.split('=')[1]!);
    } finally {
      await http.stop();
      await app.db.close();
    }
  });
});
