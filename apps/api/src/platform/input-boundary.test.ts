import { getNamedType, isInputObjectType, isScalarType, type GraphQLInputType, type GraphQLSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CustomerEntity } from '../customers/customer.entity.js';
import { createSchema } from '../schema.js';
import { createTestApp, TestClient, type TestApp } from '../test-support/test-app.js';
import { demo, seedUsers } from '../test-support/users.js';
import { MAX_LIST_ITEMS } from './input-bounds.js';
import { TEXT_SCALARS } from './text.types.js';

/** Every input position of the schema: input object fields and field arguments, with a name saying where. */
function inputPositions(schema: GraphQLSchema): { where: string; type: GraphQLInputType }[] {
  const positions: { where: string; type: GraphQLInputType }[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    if (isInputObjectType(type))
      for (const field of Object.values(type.getFields()))
        positions.push({ where: `${type.name}.${field.name}`, type: field.type });
    if ('getFields' in type && !isInputObjectType(type)) {
      for (const field of Object.values(type.getFields()))
        for (const arg of field.args)
          positions.push({ where: `${type.name}.${field.name}(${arg.name})`, type: arg.type });
    }
  }
  return positions;
}

describe('the GraphQL boundary bounds every text and list a client sends', () => {
  it('gives every text input of the schema a kind with a length bound: no plain String is taken anywhere', async () => {
    const schema = await createSchema();
    const positions = inputPositions(schema);
    expect(positions.length).toBeGreaterThan(100);
    const textual = positions.filter(({ type }) => {
      const named = getNamedType(type);
      return isScalarType(named) && !['Int', 'Float', 'Boolean', 'ID', 'SafeInt'].includes(named.name);
    });
    const unbounded = textual
      .filter(({ type }) => !TEXT_SCALARS.includes(getNamedType(type) as (typeof TEXT_SCALARS)[number]))
      .map(({ where, type }) => `${where}: ${String(type)}`);
    expect(unbounded).toEqual([]);
    for (const scalar of TEXT_SCALARS) expect(scalar.extensions.maxLength, scalar.name).toBeGreaterThan(0);
  });

  let t: TestApp;
  let reseller: TestClient;
  let resellerId: string;
  beforeAll(async () => {
    t = await createTestApp();
    await seedUsers(t.app);
    reseller = await TestClient.start(t.app);
    await reseller.signIn(demo('reseller').email, demo('reseller').password);
    resellerId = (await reseller.gql('{ me { resellerId } }')).data?.me.resellerId;
  });
  afterAll(async () => {
    await reseller.stop();
    await t.close();
  });

  const CREATE = `mutation($r: ID!, $input: CustomerInput!) { createCustomer(resellerId: $r, input: $input) { __typename ... on CustomerSaved { customer { id companyName address { line1 } } } } }`;
  const customer = (
    overrides: {
      companyName?: string;
      line1?: string;
      line2?: string;
      contactName?: string;
      email?: string;
      login?: string;
    } = {},
  ) => ({
    segment: 'COMMERCIAL',
    companyName: overrides.companyName ?? 'Boundary Test Co',
    address: {
      line1: overrides.line1 ?? '1 Main St',
      line2: overrides.line2 ?? null,
      city: 'Irvine',
      region: 'CA',
      postalCode: '92612',
      country: 'US',
    },
    adminContact: {
      name: overrides.contactName ?? 'Eve Engineer',
      email: overrides.email ?? 'eve@boundary.example',
      phone: '+1 949 555 0101',
    },
    portalLogin: overrides.login ?? `boundary.${Math.random().toString(36).slice(2, 10)}`,
  });
  const refusal = async (input: ReturnType<typeof customer>) => {
    const before = await t.app.db.read.count(CustomerEntity);
    const answer = await reseller.gql(CREATE, { r: resellerId, input });
    expect(answer.data).toBeUndefined();
    expect(await t.app.db.read.count(CustomerEntity)).toBe(before);
    expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    return answer.errors![0]!.message;
  };

  it('refuses text over its bound, naming the field, without echoing a megabyte back, and writes nothing', async () => {
    const message = await refusal(customer({ line2: 'x'.repeat(1_000_000) }));
    expect(message).toMatch(/input\.address\.line2/);
    expect(message).toMatch(/At most 200 characters/);
    expect(message.length).toBeLessThan(1000);
  });

  it('refuses ill-formed Unicode (a lone surrogate) with the field named, instead of storing replacement characters', async () => {
    const message = await refusal(customer({ companyName: 'Acme \uD800 Corp' }));
    expect(message).toMatch(/input\.companyName/);
    expect(message).toMatch(/not well-formed Unicode/);
  });

  it('refuses invisible and direction-override characters and line breaks in names, addresses and e-mails', async () => {
    expect(await refusal(customer({ email: 'acme\u202Egpj.exe66@x.example' }))).toMatch(
      /input\.adminContact\.email.*U\+202E/s,
    );
    expect(await refusal(customer({ companyName: 'Zero\u200BWidth Ltd' }))).toMatch(/input\.companyName.*U\+200B/s);
    expect(await refusal(customer({ contactName: 'Eve\nEngineer' }))).toMatch(/input\.adminContact\.name.*line break/s);
    expect(await refusal(customer({ line1: '1 Main St\u2028Floor 2' }))).toMatch(/input\.address\.line1/);
  });

  it('stores names normalised to NFC, and takes any script and emoji as typed', async () => {
    const decomposed = 'Cafe\u0301 Łódź 株式会社 🚀 Ωmega';
    const saved = (await reseller.gql(CREATE, { r: resellerId, input: customer({ companyName: decomposed }) })).data
      ?.createCustomer;
    expect(saved.__typename).toBe('CustomerSaved');
    expect(saved.customer.companyName).toBe(decomposed.normalize('NFC'));
    expect(saved.customer.companyName).toContain('Café');
    expect((await t.app.db.read.findOneByOrFail(CustomerEntity, { id: saved.customer.id })).companyName).toBe(
      'Café Łódź 株式会社 🚀 Ωmega',
    );
  });

  it('allows line breaks in free text (a case description), but not invisible characters', async () => {
    const OPEN = `mutation($r: ID!, $input: NewCaseInput!) { openSupportCase(resellerId: $r, input: $input) { __typename } }`;
    const ok = await reseller.gql(OPEN, {
      r: resellerId,
      input: { type: 'OTHER', subject: 'Two lines', text: 'First line\nSecond line' },
    });
    expect(ok.data?.openSupportCase.__typename).toBe('CaseSaved');
    const hidden = await reseller.gql(OPEN, {
      r: resellerId,
      input: { type: 'OTHER', subject: 'Hidden', text: 'Looks fine\u202Etxt.exe' },
    });
    expect(hidden.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/input\.text.*U\+202E/s),
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });

  it(`refuses a list of more than ${MAX_LIST_ITEMS} items, in variables and literals, as bad input rather than a database error`, async () => {
    const many = Array.from({ length: 60_000 }, () => 'OPEN');
    const cases = await reseller.gql('query($s: [Code!]) { supportCases(statuses: $s, first: 5) { nodes { id } } }', {
      s: many,
    });
    expect(cases.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/\$s holds 60000 items; at most 100/),
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const terms = await reseller.gql('query($s: [Code!]) { termsRequests(statuses: $s, first: 5) { nodes { id } } }', {
      s: many,
    });
    expect(terms.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const literal = await reseller.gql(
      `{ catalogProducts(filter: { segment: COMMERCIAL, terms: [${Array.from({ length: 200 }, () => 'P1Y').join(',')}] }) { market } }`,
    );
    expect(literal.errors?.[0]?.message).toMatch(/holds 200 items; at most 100/);
    const fine = await reseller.gql('query($s: [Code!]) { supportCases(statuses: $s, first: 5) { nodes { id } } }', {
      s: ['OPEN', 'CLOSED'],
    });
    expect(fine.errors).toBeUndefined();
  });
});
