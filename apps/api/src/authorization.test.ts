import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TestClient, type TestApp } from './test-support/test-app.js';
import { demo, seedUsers } from './test-support/users.js';

type Role = 'anonymous' | 'admin' | 'staff' | 'credit' | 'support' | 'reseller';
const ROLES: Role[] = ['anonymous', 'admin', 'staff', 'credit', 'support', 'reseller'];
const SIGNED_IN: Role[] = ['admin', 'staff', 'credit', 'support', 'reseller'];
const PUBLIC: Role[] = ROLES;

/**
 * Who may call what — written out here, independently of the code, so that a change of permission
 * anywhere shows up as a failing row. Each operation is called with arguments that change nothing.
 */
const MATRIX: Record<string, { allowed: Role[]; document: string }> = {
  me: { allowed: PUBLIC, document: '{ me { id } }' },
  signIn: { allowed: PUBLIC, document: 'mutation { signIn(email: "matrix@demo.test", password: "x") { __typename } }' },
  resetPassword: { allowed: PUBLIC, document: 'mutation { resetPassword(token: "no-such-token", newPassword: "x") { __typename } }' },
  changePassword: { allowed: SIGNED_IN, document: 'mutation { changePassword(currentPassword: "wrong", newPassword: "x") { __typename } }' },
  signOut: { allowed: SIGNED_IN, document: 'mutation { signOut }' },
  createPasswordReset: { allowed: ['admin'], document: 'mutation { createPasswordReset(userId: "00000000-0000-0000-0000-000000000000") { __typename } }' },
  staffUsers: { allowed: ['admin'], document: '{ staffUsers(first: 1) { nodes { id } } }' },
  createStaffUser: { allowed: ['admin'], document: 'mutation { createStaffUser(input: { email: "bad", displayName: "", roles: [] }) { __typename } }' },
  updateStaffUser: { allowed: ['admin'], document: 'mutation { updateStaffUser(input: { id: "00000000-0000-0000-0000-000000000000", version: 1 }) { __typename } }' },
  auditEntries: { allowed: ['admin', 'staff'], document: '{ auditEntries(first: 1) { nodes { id } } }' },
  catalogProducts: { allowed: SIGNED_IN, document: '{ catalogProducts(filter: { segment: COMMERCIAL }, first: 1) { market } }' },
  catalogProduct: { allowed: SIGNED_IN, document: '{ catalogProduct(id: "X", filter: { segment: COMMERCIAL }) { id } }' },
  catalogMarkets: { allowed: SIGNED_IN, document: '{ catalogMarkets { market } }' },
  importPriceList: { allowed: ['admin', 'staff'], document: 'mutation { importPriceList(uploadId: "00000000-0000-0000-0000-000000000000") { __typename } }' },
  priceListImport: { allowed: ['admin', 'staff'], document: '{ priceListImport(id: "x") { id } }' },
  priceListImports: { allowed: ['admin', 'staff'], document: '{ priceListImports(first: 1) { nodes { id } } }' },
};

describe('authorisation matrix: every operation × every role', () => {
  let t: TestApp;
  let server: TestClient;
  const clients = new Map<Role, TestClient>();

  beforeAll(async () => {
    t = await createTestApp();
    await seedUsers(t.app);
    server = await TestClient.start(t.app);
    for (const role of ROLES) {
      const client = server.fork();
      if (role !== 'anonymous') {
        const signedIn = await client.signIn(demo(role).email, demo(role).password);
        expect(signedIn.data?.signIn.__typename).toBe('SignedIn');
      }
      clients.set(role, client);
    }
  });
  afterAll(async () => {
    await server.stop();
    await t.close();
  });

  it('has a row for every query and mutation of the schema, and none for operations that do not exist', async () => {
    const introspection = await server.gql('{ __schema { queryType { fields { name } } mutationType { fields { name } } } }');
    const operations = [...introspection.data!.__schema.queryType.fields, ...introspection.data!.__schema.mutationType.fields].map((f: { name: string }) => f.name).sort();
    expect(Object.keys(MATRIX).sort()).toEqual(operations);
  });

  // signOut ends the session, so it runs last for every role.
  const order = Object.keys(MATRIX).sort((a, b) => Number(a === 'signOut') - Number(b === 'signOut'));
  for (const operation of order) {
    it(`${operation}: allowed for ${MATRIX[operation]!.allowed.join(', ')}; refused for the others`, async () => {
      for (const role of ROLES) {
        const response = await clients.get(role)!.gql(MATRIX[operation]!.document);
        const code = response.errors?.[0]?.extensions?.code;
        if (MATRIX[operation]!.allowed.includes(role)) {
          expect(code, `${role} → ${operation}: ${JSON.stringify(response.errors)}`).toBeUndefined();
        } else {
          expect(code, `${role} → ${operation}`).toBe(role === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
          expect(response.data?.[operation] ?? null).toBeNull();
        }
      }
    });
  }
});
