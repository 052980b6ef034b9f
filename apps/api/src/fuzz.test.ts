import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isUnionType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLOutputType,
  type GraphQLSchema,
} from 'graphql';
import { systemContext } from './platform/request-context.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NUL_REFUSED } from './platform/compiled-execution.js';
import { seededRandom } from './platform/seeded-random.js';
import { ResellerEntity } from './resellers/reseller.entity.js';
import { createSchema } from './schema.js';
import { principalOf } from './identity/identity.service.js';
import { UserEntity } from './identity/user.entity.js';
import { createTestApp, importPriceList, TestClient, type TestApp } from './test-support/test-app.js';
import { seedUsers } from './test-support/users.js';
import type { Principal } from './platform/permissions.js';

const HOSTILE_STRINGS = [
  '',
  ' ',
  'a',
  'x'.repeat(10_000),
  "' OR 1=1 --",
  '"; DROP TABLE reseller; --',
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '%00',
  '\u0000',
  'Zoë Ünïcødé 名前 🚀',
  '\u202Eevil',
  '${jndi:ldap://x}',
  '{{7*7}}',
  'null',
  'undefined',
  '-1',
  '1e309',
  'NaN',
  'contoso.onmicrosoft.com',
  'eve@example.com',
  '2026-11-24',
  '2026-13-45',
  'COMMERCIAL',
  'P1Y',
  'MP-100001',
  '6543210',
  'resellerco.onmicrosoft.com',
  'x'.repeat(300_000),
  'Acme \uD800 Corp',
  'Acme\u200B Corp',
  'two\nlines',
  'Cafe\u0301',
];
const HOSTILE_INTS = [
  0, 1, -1, 2, 25, 100, 101, 2_147_483_647, -2_147_483_648, 9_007_199_254_740_991, -9_007_199_254_740_991,
];

interface Pools {
  ids: string[];
  ints: number[];
}

/** A value for an argument of `type`: often plausible, often at a boundary, sometimes of the wrong kind. */
function valueFor(type: GraphQLInputType, random: () => number, pools: Pools, depth = 0): unknown {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  if (isNonNullType(type)) return random() < 0.03 ? null : valueFor(type.ofType, random, pools, depth);
  if (random() < 0.05) return null;
  if (random() < 0.03) return pick([{}, [], 'x', 12, true]); // the wrong kind altogether
  if (isListType(type)) {
    // Now and then a list far longer than any form sends (a list becomes an SQL IN (...)).
    const length = random() < 0.05 ? 5_000 : Math.floor(random() * 4);
    const item = valueFor(type.ofType, random, pools, depth + 1);
    return Array.from({ length }, (_, i) =>
      length > 100 ? item : i === 0 ? item : valueFor(type.ofType, random, pools, depth + 1),
    );
  }
  if (isEnumType(type)) return random() < 0.9 ? pick(type.getValues()).name : 'NOT_A_VALUE';
  if (isInputObjectType(type)) {
    const out: Record<string, unknown> = {};
    for (const field of Object.values(type.getFields()))
      if (isNonNullType(field.type) || random() < 0.6)
        out[field.name] = depth > 4 ? null : valueFor(field.type, random, pools, depth + 1);
    return out;
  }
  switch (type.name) {
    case 'ID':
      return random() < 0.7 ? pick(pools.ids) : pick(HOSTILE_STRINGS);
    case 'Int':
    case 'SafeInt':
    case 'Float':
      return random() < 0.3 ? pick(pools.ints) : pick(HOSTILE_INTS);
    case 'Boolean':
      return random() < 0.5;
    default:
      return random() < 0.15 ? pick(pools.ids) : pick(HOSTILE_STRINGS);
  }
}

/** A selection of `type`: its leaf fields that need no arguments, one level of objects below, every union member. */
function selectionOf(type: GraphQLOutputType, depth: number): string {
  const named: GraphQLNamedType = getNamedType(type);
  if (isLeafType(named)) return '';
  const fieldsOf = (fields: Record<string, GraphQLField<unknown, unknown>>) =>
    Object.values(fields)
      .filter((f) => f.args.every((a) => !isNonNullType(a.type)))
      .map((f) => {
        if (isLeafType(getNamedType(f.type))) return f.name;
        return depth < 2 ? `${f.name} ${selectionOf(f.type, depth + 1)}` : '';
      })
      .filter(Boolean)
      .join(' ');
  if (isObjectType(named) || isInterfaceType(named)) return `{ __typename ${fieldsOf(named.getFields())} }`;
  if (isUnionType(named))
    return `{ __typename ${named
      .getTypes()
      .map((member) => `... on ${member.name} ${selectionOf(member, depth + 1)}`)
      .join(' ')} }`;
  return '';
}

function operationFor(
  kind: 'query' | 'mutation',
  field: GraphQLField<unknown, unknown>,
  random: () => number,
  pools: Pools,
): { query: string; variables: Record<string, unknown> } {
  const variables: Record<string, unknown> = {};
  const params: string[] = [];
  const args: string[] = [];
  for (const arg of field.args) {
    if (!isNonNullType(arg.type) && random() < 0.3) continue;
    params.push(`$${arg.name}: ${arg.type.toString()}`);
    args.push(`${arg.name}: $${arg.name}`);
    variables[arg.name] = valueFor(arg.type, random, pools);
  }
  return {
    query: `${kind}${params.length ? `(${params.join(', ')})` : ''} { ${field.name}${args.length ? `(${args.join(', ')})` : ''} ${selectionOf(field.type, 0)} }`,
    variables,
  };
}

/** Codes a client may be answered with for bad input or missing rights: anything else is a fault. */
const EXPECTED_CODES = new Set([
  'BAD_USER_INPUT',
  'GRAPHQL_VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_REQUEST',
  'QUERY_TOO_LARGE',
  // A generated input of several 300,000-character strings makes a body over the 1 MB limit: refused with 413.
  'PAYLOAD_TOO_LARGE',
]);
const LEAK = /SQLITE|QueryFailedError|SELECT |INSERT |UPDATE .* SET|node_modules|\.ts:\d+|\.js:\d+|at [A-Za-z.]+ \(/;

describe('schema-driven fuzzing of every operation, for every role', () => {
  let t: TestApp;
  let client: TestClient;
  let schema: GraphQLSchema;
  let pools: Pools;
  let roles: [string, Principal | undefined][];

  beforeAll(async () => {
    t = await createTestApp();
    await importPriceList(t.app);
    await seedUsers(t.app);
    client = await TestClient.start(t.app);
    schema = await createSchema();
    const reseller = await t.app.db.read.findOneByOrFail(ResellerEntity, { marketplaceId: 'MP-100001' });
    const ids = async (sql: string) => (await t.app.db.read.query(sql)).map((r: { id: unknown }) => String(r.id));
    pools = {
      ids: [
        reseller.id,
        ...(await ids('SELECT id FROM customer')),
        ...(await ids('SELECT id FROM app_user')),
        '00000000-0000-4000-8000-000000000000',
        'not-an-id',
      ],
      ints: (await t.app.db.read.query('SELECT id FROM catalog_price ORDER BY id LIMIT 20')).map((r: { id: unknown }) =>
        Number(r.id),
      ),
    };
    // Real users behind every principal, as sessions always have.
    const user = async (email: string) => principalOf(await t.app.db.read.findOneByOrFail(UserEntity, { email }));
    const resellerUser = await user('reseller@demo.test');
    roles = [
      ['anonymous', undefined],
      ['admin', await user('admin@demo.test')],
      ['staff', await user('staff@demo.test')],
      ['credit', await user('credit@demo.test')],
      ['support', await user('support@demo.test')],
      ['reseller', resellerUser],
      [
        'reseller of another reseller',
        { ...resellerUser, resellerId: '00000000-0000-4000-8000-00000000abcd' } as Principal,
      ],
    ];
  });
  afterAll(async () => {
    await client.stop();
    await t.close();
  });

  it('answers thousands of generated requests without a 500, an unmasked error or a leaked internal, and leaves the data consistent', async () => {
    const random = seededRandom(20261125);
    const fields = [
      ...Object.values(schema.getQueryType()!.getFields()).map((f) => ['query', f] as const),
      ...Object.values(schema.getMutationType()!.getFields()).map((f) => ['mutation', f] as const),
    ];
    const faults: string[] = [];
    let sent = 0;
    for (let round = 0; round < 5; round += 1) {
      for (const [kind, field] of fields) {
        for (const [role, principal] of roles) {
          const { query, variables } = operationFor(kind, field, random, pools);
          const response = await client.post(query, variables, principal);
          sent += 1;
          const text = await response.text();
          const where = `${role} ${kind} ${field.name} ${JSON.stringify(variables).slice(0, 300)}`;
          if (response.status >= 500) faults.push(`HTTP ${response.status}: ${where}: ${text.slice(0, 300)}`);
          let body: { errors?: { message: string; extensions?: { code?: string } }[] };
          try {
            body = JSON.parse(text);
          } catch {
            faults.push(`not JSON: ${where}: ${text.slice(0, 200)}`);
            continue;
          }
          for (const error of body.errors ?? []) {
            if (!EXPECTED_CODES.has(error.extensions?.code ?? ''))
              faults.push(`${error.extensions?.code}: ${error.message}: ${where}`);
            if (LEAK.test(error.message)) faults.push(`leak: ${error.message}: ${where}`);
          }
        }
      }
    }
    expect(sent).toBeGreaterThan(2000);
    expect(faults).toEqual([]);

    // Nothing half-written: the database's own checks, then the business invariants.
    if (t.app.db.kind === 'sqlite') {
      expect(await t.app.db.read.query('PRAGMA foreign_key_check')).toEqual([]);
      expect(await t.app.db.read.query('PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    }
    const wrongTotals = await t.app.db.read.query(
      'SELECT o.id FROM sales_order o WHERE o.total_minor <> (SELECT COALESCE(SUM(l.line_total_minor), 0) FROM order_line l WHERE l.order_id = o.id)',
    );
    expect(wrongTotals).toEqual([]);
    expect(
      await t.app.db.read.query(
        'SELECT id FROM order_line WHERE returned_quantity < 0 OR returned_quantity > quantity',
      ),
    ).toEqual([]);
    for (const { id } of await t.app.db.read.query('SELECT id FROM reseller')) {
      const standing = await t.app.terms.standing(systemContext(t.app.clock, 'test'), String(id));
      if (standing.used) expect(standing.used.amountMinor).toBeGreaterThanOrEqual(0);
    }
  }, 300_000);

  it('found and now refuses clearly: the purchase flow addressed to a reseller that does not exist', async () => {
    const nobody = '00000000-0000-4000-8000-00000000dead';
    const admin = roles[1]![1];
    const readiness = await client.gql(
      'query($r: ID!) { purchaseReadiness(resellerId: $r) { ready } }',
      { r: nobody },
      admin,
    );
    expect(readiness.errors?.[0]).toMatchObject({
      message: 'No reseller has that id.',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const add = await client.gql(
      'mutation($r: ID!, $p: Int!) { addToCart(resellerId: $r, priceId: $p) { __typename ... on CartRefused { code } } }',
      { r: nobody, p: pools.ints[0] },
      admin,
    );
    expect(add.data?.addToCart).toEqual({ __typename: 'CartRefused', code: 'RESELLER_NOT_FOUND' });
    const buy = await client.gql(
      'mutation($r: ID!) { buy(resellerId: $r, input: { idempotencyKey: "fuzz-nobody-1" }) { __typename ... on BuyRefused { code message } } }',
      { r: nobody },
      admin,
    );
    expect(buy.data?.buy).toMatchObject({ __typename: 'BuyRefused', message: 'No reseller has that id.' });
    expect(
      await t.app.db.read.query(
        'SELECT id FROM cart WHERE reseller_id = ?'.replace('?', t.app.db.kind === 'sqlite' ? '?' : '$1'),
        [nobody],
      ),
    ).toEqual([]);
  });

  it('found and now refuses clearly: text holding NUL (PostgreSQL cannot store it) and an unlock for something that is no email', async () => {
    const support = roles[4]![1];
    const nul = await client.gql(
      'mutation($e: EmailText!, $p: Password!) { signIn(email: $e, password: $p) { __typename } }',
      { e: 'eve\u0000@example.com', p: 'x' },
    );
    expect(nul.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/U\+0000/),
      extensions: { code: 'BAD_USER_INPUT' },
    });
    // An id (no text kind checks it) still may not carry NUL to PostgreSQL.
    const nulId = await client.gql('query($id: ID!) { customer(id: $id) { id } }', { id: 'x\u0000' }, support);
    expect(nulId.errors?.[0]).toMatchObject({ message: NUL_REFUSED, extensions: { code: 'BAD_USER_INPUT' } });
    const long = await client.gql(
      'mutation($e: EmailText!) { unlockSignIn(email: $e) { __typename } }',
      { e: 'x'.repeat(10_000) },
      support,
    );
    expect(long.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/At most 254 characters/),
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const notAnEmail = await client.gql(
      'mutation($e: EmailText!) { unlockSignIn(email: $e) { ... on OperationRefused { code message } } }',
      { e: 'not an email' },
      support,
    );
    expect(notAnEmail.data?.unlockSignIn).toMatchObject({ code: 'EMAIL_INVALID' });
  });
});
