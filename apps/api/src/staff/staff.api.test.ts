import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TestClient, type TestApp } from '../test-support/test-app.js';
import { demo, seedUsers } from '../test-support/users.js';

const CREATE = `mutation($input: NewStaffUserInput!) { createStaffUser(input: $input) {
  __typename
  ... on UserCreated { resetUrl user { id email roles version active } }
  ... on ValidationFailed { code fields { field code } }
  ... on BusinessError { code message fix { field } }
} }`;
const UPDATE = `mutation($input: StaffUserChangeInput!) { updateStaffUser(input: $input) {
  __typename
  ... on StaffUserUpdated { user { id roles version active displayName } }
  ... on VersionConflict { code currentVersion }
  ... on BusinessError { code message }
} }`;
const AUDIT = `query($filter: AuditFilterInput, $first: Int, $after: Cursor) { auditEntries(filter: $filter, first: $first, after: $after) {
  nodes { id at actorEmail actorRoles operation entityType entityId changes { field before after } requestId }
  pageInfo { hasNextPage endCursor }
} }`;

describe('staff management and the audit trail', () => {
  let t: TestApp;
  let admin: TestClient;
  beforeAll(async () => {
    t = await createTestApp();
    await seedUsers(t.app);
    admin = await TestClient.start(t.app);
    await admin.signIn(demo('admin').email, demo('admin').password);
  });
  afterAll(async () => {
    await admin.stop();
    await t.close();
  });

  it('creates a staff user who sets a password through the one-time link', async () => {
    const created = await admin.gql(CREATE, {
      input: { email: 'Nina@demo.test', displayName: 'Nina New', roles: ['credit', 'support'] },
    });
    expect(created.data?.createStaffUser).toMatchObject({
      __typename: 'UserCreated',
      user: { email: 'nina@demo.test', roles: ['credit', 'support'], active: true },
    });
    const token = new URL(created.data?.createStaffUser.resetUrl).searchParams.get('token');
    const nina = admin.fork();
    await nina.gql(
      'mutation($t: Code!) { resetPassword(token: $t, newPassword: "she chooses a passphrase") { __typename } }',
      { t: token },
    );
    const signedIn = await nina.signIn('nina@demo.test', 'she chooses a passphrase');
    expect(signedIn.data?.signIn.me.permissions).toEqual(expect.arrayContaining(['terms:review', 'support:cases']));
  });

  it('refuses bad input field by field and a taken email, writing nothing', async () => {
    const before = await admin.gql(AUDIT, { filter: { operation: 'staff.createUser' } });
    const invalid = await admin.gql(CREATE, { input: { email: 'not-an-email', displayName: ' ', roles: ['wizard'] } });
    expect(invalid.data?.createStaffUser).toMatchObject({ __typename: 'ValidationFailed', code: 'VALIDATION_FAILED' });
    expect(invalid.data?.createStaffUser.fields.map((f: { field: string }) => f.field).sort()).toEqual([
      'displayName',
      'email',
      'roles',
    ]);
    const taken = await admin.gql(CREATE, {
      input: { email: 'STAFF@demo.test', displayName: 'Dup', roles: ['staff'] },
    });
    expect(taken.data?.createStaffUser).toMatchObject({ code: 'EMAIL_TAKEN', fix: { field: 'email' } });
    const after = await admin.gql(AUDIT, { filter: { operation: 'staff.createUser' } });
    expect(after.data?.auditEntries.nodes).toHaveLength(before.data?.auditEntries.nodes.length);
  });

  it('refuses to overwrite a newer version: one of two concurrent edits wins, the other gets a conflict', async () => {
    const created = await admin.gql(CREATE, {
      input: { email: 'otto@demo.test', displayName: 'Otto', roles: ['staff'] },
    });
    const { id, version } = created.data!.createStaffUser.user;
    const [a, b] = await Promise.all([
      admin.gql(UPDATE, { input: { id, version, displayName: 'Otto A' } }),
      admin
        .fork()
        .gql(
          UPDATE,
          { input: { id, version, displayName: 'Otto B' } },
          { kind: 'staff', userId: 'other-admin', email: 'o@x', roles: ['admin'] },
        ),
    ]);
    const results = [a.data?.updateStaffUser, b.data?.updateStaffUser];
    expect(results.map((r) => r.__typename).sort()).toEqual(['StaffUserUpdated', 'VersionConflict']);
    expect(results.find((r) => r.__typename === 'VersionConflict')).toMatchObject({
      code: 'VERSION_CONFLICT',
      currentVersion: version + 1,
    });
  });

  it('disables a user: their sessions end and they can no longer sign in', async () => {
    const created = await admin.gql(CREATE, {
      input: { email: 'lea@demo.test', displayName: 'Lea', roles: ['support'] },
    });
    const { id } = created.data!.createStaffUser.user;
    const lea = admin.fork();
    await lea.gql(
      'mutation($t: Code!) { resetPassword(token: $t, newPassword: "lea has a passphrase") { __typename } }',
      {
        t: new URL(created.data?.createStaffUser.resetUrl).searchParams.get('token'),
      },
    );
    await lea.signIn('lea@demo.test', 'lea has a passphrase');
    // Setting the password changed the record, so the admin edits the version that is current now.
    const listed = await admin.gql('{ staffUsers(search: "lea@", first: 1) { nodes { id version } } }');
    const version = listed.data?.staffUsers.nodes[0].version;
    const disabled = await admin.gql(UPDATE, { input: { id, version, active: false } });
    expect(disabled.data?.updateStaffUser.user.active).toBe(false);
    expect((await lea.gql('{ me { id } }')).data?.me).toBeNull();
    // A disabled account answers its right password exactly as a wrong one, so a guess learns nothing.
    const right = (await lea.signIn('lea@demo.test', 'lea has a passphrase')).data?.signIn;
    const wrong = (await lea.signIn('lea@demo.test', 'not her passphrase')).data?.signIn;
    expect(right).toEqual(wrong);
    expect(right).toMatchObject({ __typename: 'SignInFailed', code: 'INVALID_CREDENTIALS' });
  });

  it('does not let an admin lock themselves out', async () => {
    const me = (await admin.gql('{ me { id } }')).data?.me;
    const page = await admin.gql('{ staffUsers(search: "ada", first: 5) { nodes { id version } } }');
    const self = page.data?.staffUsers.nodes.find((u: { id: string }) => u.id === me.id);
    const result = await admin.gql(UPDATE, { input: { id: me.id, version: self.version, roles: ['staff'] } });
    expect(result.data?.updateStaffUser.code).toBe('CANNOT_LOCK_OUT_SELF');
  });

  it('lists staff users by name with search and cursor pagination', async () => {
    const first = await admin.gql(
      '{ staffUsers(first: 2) { nodes { displayName } pageInfo { hasNextPage endCursor } } }',
    );
    expect(first.data?.staffUsers.nodes).toHaveLength(2);
    const names: string[] = first.data?.staffUsers.nodes.map((n: { displayName: string }) => n.displayName);
    let after = first.data?.staffUsers.pageInfo.endCursor;
    while (after) {
      const next = await admin.gql(
        'query($after: Cursor) { staffUsers(first: 2, after: $after) { nodes { displayName } pageInfo { endCursor hasNextPage } } }',
        { after },
      );
      names.push(...next.data!.staffUsers.nodes.map((n: { displayName: string }) => n.displayName));
      after = next.data?.staffUsers.pageInfo.hasNextPage ? next.data?.staffUsers.pageInfo.endCursor : null;
    }
    expect(names).toEqual([...names].sort());
    expect(names).not.toContain('Rita Reseller');
    const found = await admin.gql('{ staffUsers(search: "CLEO", first: 5) { nodes { email } } }');
    expect(found.data?.staffUsers.nodes).toEqual([{ email: 'credit@demo.test' }]);
  });

  it('records who changed what, with before and after, secrets redacted, filterable and paginated', async () => {
    const all = await admin.gql(AUDIT, { filter: { operation: 'staff.updateUser' }, first: 100 });
    const entry = all.data?.auditEntries.nodes.find((n: { changes: { field: string }[] }) =>
      n.changes.some((c) => c.field === 'active'),
    );
    expect(entry).toMatchObject({
      actorEmail: 'admin@demo.test',
      actorRoles: ['admin'],
      entityType: 'User',
      requestId: expect.any(String),
    });
    expect(entry.changes).toContainEqual({ field: 'active', before: 'true', after: 'false' });
    const otto = all.data?.auditEntries.nodes.find((n: { changes: { field: string }[] }) =>
      n.changes.some((c) => c.field === 'displayName'),
    );
    expect(otto.changes).toContainEqual({
      field: 'displayName',
      before: '"Otto"',
      after: expect.stringMatching(/"Otto [AB]"/),
    });

    const passwordChange = await admin.gql(AUDIT, { filter: { operation: 'identity.resetPassword' }, first: 1 });
    expect(passwordChange.data?.auditEntries.nodes[0].changes).toEqual([
      { field: 'passwordHash', before: '"[redacted]"', after: '"[redacted]"' },
    ]);

    const page1 = await admin.gql(AUDIT, { first: 3 });
    const page2 = await admin.gql(AUDIT, { first: 3, after: page1.data?.auditEntries.pageInfo.endCursor });
    const ids = [...page1.data!.auditEntries.nodes, ...page2.data!.auditEntries.nodes].map((n: { id: string }) => n.id);
    expect(new Set(ids).size).toBe(6);
    const times = [...page1.data!.auditEntries.nodes, ...page2.data!.auditEntries.nodes].map(
      (n: { at: string }) => n.at,
    );
    expect(times).toEqual([...times].sort().reverse());

    const future = await admin.gql(AUDIT, { filter: { from: '2999-01-01T00:00:00Z' } });
    expect(future.data?.auditEntries.nodes).toEqual([]);
    const bad = await admin.gql(AUDIT, { filter: { from: 'yesterday' } });
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
