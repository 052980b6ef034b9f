import { systemContext } from '../platform/request-context.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import { loadConfig } from '../config.js';
import { JobEntity } from '../platform/jobs/job.entity.js';
import { createTestApp, TestClient, type TestApp } from '../test-support/test-app.js';
import { demo, seedUsers } from '../test-support/users.js';
import { ResellerActivationEntity } from './reseller-activation.entity.js';
import { ResellerEntity } from './reseller.entity.js';

const RESELLER_FIELDS = `id companyName marketplaceId bcn status version paymentMethod mpnLocationId resellerDomain checksAt
  address { line1 line2 city region postalCode country } contact { name email phone }
  checks { code status reason fix { kind label href field } }
  activation { status requestedAt completesAfter completedAt } users { email kind }`;
const SAVE = (
  operation: string,
  args: string,
) => `mutation($input: ResellerInput!, $id: ID, $version: Int) { ${operation}(${args}) {
  __typename
  ... on ResellerSaved { reseller { ${RESELLER_FIELDS} } }
  ... on ValidationFailed { fields { field code message } }
  ... on VersionConflict { currentVersion }
} }`;
const CREATE = SAVE('createReseller', 'input: $input').replace(', $id: ID, $version: Int', '');
const UPDATE = SAVE('updateReseller', 'id: $id, version: $version, input: $input').replace(
  '$id: ID, $version: Int',
  '$id: ID!, $version: Int!',
);
const IDENTIFIERS = `mutation($id: ID!, $mpn: Code!, $domain: Code!) { setResellerIdentifiers(resellerId: $id, mpnLocationId: $mpn, resellerDomain: $domain) {
  __typename
  ... on ResellerSaved { reseller { mpnLocationId resellerDomain checks { code status reason fix { kind href field } } } }
  ... on ValidationFailed { fields { field code message } }
} }`;

const input = (n: number) => ({
  companyName: `Acme Cloud ${n}`,
  marketplaceId: `MP-30000${n}`,
  bcn: `20-30000${n}`,
  address: { line1: '500 Market St', city: 'San Francisco', region: 'CA', postalCode: '94105', country: 'US' },
  contact: { name: 'Ann Acme', email: `ann${n}@acme.example`, phone: '+1 415 555 0100' },
});

describe('resellers', () => {
  let t: TestApp;
  let staff: TestClient;
  beforeAll(async () => {
    t = await createTestApp();
    await seedUsers(t.app);
    staff = await TestClient.start(t.app);
    await staff.signIn(demo('staff').email, demo('staff').password);
  });
  afterAll(async () => {
    await staff.stop();
    await t.close();
  });

  it('creates a reseller pending activation, on credit card, with a normalised address (R1, R2, R7)', async () => {
    const created = await staff.gql(CREATE, { input: { ...input(1), address: { ...input(1).address, region: 'ca' } } });
    expect(created.data?.createReseller).toMatchObject({
      __typename: 'ResellerSaved',
      reseller: {
        companyName: 'Acme Cloud 1',
        status: 'PENDING_ACTIVATION',
        paymentMethod: 'CREDIT_CARD',
        address: { region: 'CA' },
        activation: null,
        checks: [],
      },
    });
  });

  it('refuses bad fields and a taken marketplace ID or BCN at the field, writing nothing', async () => {
    const before = await t.app.db.read.count(ResellerEntity);
    const invalid = await staff.gql(CREATE, {
      input: {
        ...input(2),
        bcn: '',
        address: { ...input(2).address, postalCode: '9410' },
        contact: { ...input(2).contact, email: 'nope' },
      },
    });
    expect(invalid.data?.createReseller.fields.map((f: { field: string }) => f.field).sort()).toEqual([
      'address.postalCode',
      'bcn',
      'contact.email',
    ]);
    const taken = await staff.gql(CREATE, { input: { ...input(2), marketplaceId: 'MP-300001', bcn: '20-300001' } });
    expect(taken.data?.createReseller.fields).toEqual([
      expect.objectContaining({
        field: 'marketplaceId',
        code: 'TAKEN',
        message: expect.stringMatching(/Acme Cloud 1/),
      }),
      expect.objectContaining({ field: 'bcn', code: 'TAKEN' }),
    ]);
    expect(await t.app.db.read.count(ResellerEntity)).toBe(before);
  });

  it('lists and searches resellers by name, marketplace ID or BCN, with a status filter and paging', async () => {
    for (const n of [3, 4, 5]) await staff.gql(CREATE, { input: input(n) });
    const search = await staff.gql(
      '{ resellers(search: "mp-30000", first: 2) { nodes { companyName } pageInfo { hasNextPage endCursor } } }',
    );
    expect(search.data?.resellers.nodes.map((r: { companyName: string }) => r.companyName)).toEqual([
      'Acme Cloud 1',
      'Acme Cloud 3',
    ]);
    const next = await staff.gql(
      'query($after: Cursor) { resellers(search: "mp-30000", first: 10, after: $after) { nodes { companyName } } }',
      { after: search.data?.resellers.pageInfo.endCursor },
    );
    expect(next.data?.resellers.nodes.map((r: { companyName: string }) => r.companyName)).toEqual([
      'Acme Cloud 4',
      'Acme Cloud 5',
    ]);
    const active = await staff.gql('{ resellers(status: ACTIVE, first: 10) { nodes { companyName } } }');
    expect(active.data?.resellers.nodes.map((r: { companyName: string }) => r.companyName)).toEqual([
      'Demo Reseller Co',
    ]);
  });

  it('refuses to overwrite a newer version of a reseller', async () => {
    const created = await staff.gql(CREATE, { input: input(6) });
    const { id, version } = created.data!.createReseller.reseller;
    const first = await staff.gql(UPDATE, { id, version, input: { ...input(6), companyName: 'Acme Six' } });
    expect(first.data?.updateReseller.reseller.companyName).toBe('Acme Six');
    const stale = await staff.gql(UPDATE, { id, version, input: { ...input(6), companyName: 'Acme 6 (stale)' } });
    expect(stale.data?.updateReseller).toEqual({ __typename: 'VersionConflict', currentVersion: version + 1 });
  });

  it('R25: tells a global MPN ID from the location ID it needs', async () => {
    const created = await staff.gql(CREATE, { input: input(7) });
    const result = await staff.gql(IDENTIFIERS, {
      id: created.data?.createReseller.reseller.id,
      mpn: '1234567',
      domain: 'acme7.onmicrosoft.com',
    });
    expect(result.data?.setResellerIdentifiers.fields).toEqual([
      expect.objectContaining({
        field: 'mpnLocationId',
        code: 'GLOBAL_MPN_ID',
        message: expect.stringMatching(/global MPN ID/),
      }),
    ]);
  });

  it('R9/R10: stores the identifiers once, reports every failed check with its fix, and passes once the simulator says so', async () => {
    const created = await staff.gql(CREATE, { input: input(8) });
    const id = created.data?.createReseller.reseller.id;
    const badFormat = await staff.gql(IDENTIFIERS, { id, mpn: 'abc', domain: 'acme8.com' });
    expect(badFormat.data?.setResellerIdentifiers.fields.map((f: { field: string }) => f.field)).toEqual([
      'mpnLocationId',
      'resellerDomain',
    ]);

    const failing = await staff.gql(IDENTIFIERS, { id, mpn: '5555555', domain: 'acme8.onmicrosoft.com' });
    const checks = failing.data?.setResellerIdentifiers.reseller.checks;
    expect(checks.map((c: { code: string; status: string }) => `${c.code}:${c.status}`)).toEqual([
      'MPN_ID_VALID:PASS',
      'CSP_INDIRECT_RESELLER:PASS',
      'RESELLER_DOMAIN_VALID:FAIL',
      'DISTRIBUTOR_RELATIONSHIP:FAIL',
    ]);
    expect(checks[3].fix).toMatchObject({ kind: 'LINK', href: expect.stringContaining('relationshiprequest/') });

    await staff.gql(
      'mutation { saveSimPartner(input: { mpnId: "5555555", companyName: "No Relationship Inc", kind: "LOCATION", cspIndirectReseller: true, relationshipWithDistributor: true }) { __typename } }',
    );
    await staff.gql(
      'mutation { saveSimTenant(input: { domain: "acme8.onmicrosoft.com", companyName: "Acme 8", government: false, relationshipAccepted: false }) { __typename } }',
    );
    const rerun = await staff.gql(
      'mutation($id: ID!) { runResellerChecks(resellerId: $id) { checks { status } checkedAt } }',
      { id },
    );
    expect(rerun.data?.runResellerChecks.checks.map((c: { status: string }) => c.status)).toEqual([
      'PASS',
      'PASS',
      'PASS',
      'PASS',
    ]);
    const stored = await staff.gql(`{ reseller(id: "${id}") { mpnLocationId resellerDomain checksAt } }`);
    expect(stored.data?.reseller).toEqual({
      mpnLocationId: '5555555',
      resellerDomain: 'acme8.onmicrosoft.com',
      checksAt: rerun.data?.runResellerChecks.checkedAt,
    });
  });

  it('R10: asks Partner Center again when the stored checks are older than a day, and not before', async () => {
    const demoReseller = (await staff.gql('{ resellers(search: "MP-100001", first: 1) { nodes { id checksAt } } }'))
      .data?.resellers.nodes[0];
    const actor = systemContext(t.clock, 'system:test');
    const fresh = await t.app.resellers.checks(actor, demoReseller.id);
    expect(fresh?.checkedAt).toBe(demoReseller.checksAt);
    t.clock.advance(24 * 3_600_000);
    const renewed = await t.app.resellers.checks(actor, demoReseller.id);
    expect(renewed?.checkedAt).toBe(t.clock.now().toISOString());
    expect(renewed?.checks.every((c) => c.status === 'PASS')).toBe(true);
    // A day later the client's session has expired too.
    await staff.signIn(demo('staff').email, demo('staff').password);
  });

  it('R1: suspends an account still activating, but never makes it active before its activation completes', async () => {
    const setStatus = async (id: string, status: string) => {
      const version = (await staff.gql(`{ reseller(id: "${id}") { version } }`)).data?.reseller.version;
      return (
        await staff.gql(
          `mutation { setResellerStatus(id: "${id}", version: ${version}, status: ${status}) { __typename ... on ResellerSaved { reseller { status } } ... on ValidationFailed { fields { field code } } } }`,
        )
      ).data?.setResellerStatus;
    };
    const id = (await staff.gql(CREATE, { input: { ...input(5), marketplaceId: 'MP-310005', bcn: '20-310005' } })).data
      ?.createReseller.reseller.id;
    // The first sign-in has placed the activation order; it has not completed.
    await t.app.db.transaction(systemContext(t.clock, 'test'), (tx) =>
      t.app.resellers.startActivationOnSignIn(tx, id, 'user-of-7'),
    );
    expect(await setStatus(id, 'ACTIVE')).toEqual({
      __typename: 'ValidationFailed',
      fields: [{ field: 'status', code: 'ACTIVATION_PENDING' }],
    });
    expect(await setStatus(id, 'SUSPENDED')).toEqual({
      __typename: 'ResellerSaved',
      reseller: { status: 'SUSPENDED' },
    });
    expect(await setStatus(id, 'ACTIVE')).toEqual({
      __typename: 'ValidationFailed',
      fields: [{ field: 'status', code: 'ACTIVATION_PENDING' }],
    });
    // Once the activation has completed, a suspended account may be reinstated.
    await t.app.resellers.completeActivation(systemContext(t.clock, 'system:activation'), id);
    // R1: the activation does not lift a suspension; staff reinstate the account.
    expect((await staff.gql(`{ reseller(id: "${id}") { status } }`)).data?.reseller.status).toBe('SUSPENDED');
    expect(await setStatus(id, 'ACTIVE')).toEqual({ __typename: 'ResellerSaved', reseller: { status: 'ACTIVE' } });
  });

  it('audits changes with the reseller they were made for', async () => {
    const entries = await staff.gql(
      '{ auditEntries(filter: { operation: "resellers.setIdentifiers" }, first: 5) { nodes { actorEmail onBehalfOfResellerId entityId } } }',
    );
    const entry = entries.data?.auditEntries.nodes[0];
    expect(entry).toMatchObject({ actorEmail: 'staff@demo.test' });
    expect(entry.onBehalfOfResellerId).toBe(entry.entityId);
  });
});

describe('R1: activation on the first sign-in, durable across a restart', () => {
  it('places the activation order at first sign-in and activates the account after the delay, once, even after a restart', async () => {
    const t = await createTestApp();
    await seedUsers(t.app);
    const server = await TestClient.start(t.app);
    const staff = server.fork();
    await staff.signIn(demo('staff').email, demo('staff').password);
    const created = await staff.gql(CREATE, { input: input(9) });
    const id = created.data?.createReseller.reseller.id;
    const user = await staff.gql(
      `mutation { createResellerUser(resellerId: "${id}", email: "rob@acme9.example", displayName: "Rob") { __typename ... on UserCreated { resetUrl user { kind resellerId } } } }`,
    );
    expect(user.data?.createResellerUser.user).toEqual({ kind: 'RESELLER', resellerId: id });
    const token = new URL(user.data?.createResellerUser.resetUrl).searchParams.get('token');
    const rob = server.fork();
    await rob.gql(
      'mutation($t: Code!) { resetPassword(token: $t, newPassword: "rob sets a passphrase") { __typename } }',
      { t: token },
    );

    expect((await rob.signIn('rob@acme9.example', 'rob sets a passphrase')).data?.signIn.__typename).toBe('SignedIn');
    await rob.signIn('rob@acme9.example', 'rob sets a passphrase');
    const pending = await rob.gql(`{ reseller(id: "${id}") { status activation { status completesAfter } } }`);
    expect(pending.data?.reseller).toMatchObject({ status: 'PENDING_ACTIVATION', activation: { status: 'PENDING' } });
    expect(await t.app.db.read.count(ResellerActivationEntity, { where: { resellerId: id } })).toBe(1);
    expect(await t.app.db.read.count(JobEntity, { where: { kind: 'reseller.activate' } })).toBe(1);

    // The API stops before the activation is due …
    await server.stop();
    await t.app.db.close();
    // … and a new process on the same database picks the job up when it is due.
    const restarted = await createApp(
      { ...loadConfig({ DATA_DIR: t.dir, ADMIN_DIST: '', NODE_ENV: 'test' }, t.dir), database: t.app.config.database },
      { clock: t.clock, logger: t.app.logger },
    );
    try {
      expect(await restarted.jobs.runDue()).toBe(0);
      t.clock.advance(t.app.config.activationDelayMs);
      expect(await restarted.jobs.runDue()).toBe(1);
      const reseller = await restarted.db.read.findOneByOrFail(ResellerEntity, { id });
      expect(reseller.status).toBe('ACTIVE');
      // Running the completion again (a second delivery) changes nothing and writes no second status change.
      await restarted.resellers.completeActivation(systemContext(restarted.clock, 'system:activation'), id);
      const audit = await restarted.audit.list(
        systemContext(restarted.clock, 'test'),
        { operation: 'resellers.activationCompleted', entityId: id },
        10,
      );
      expect(audit.entries).toHaveLength(1);
      expect(JSON.parse(audit.entries[0]!.changes)).toEqual({
        status: { before: 'PENDING_ACTIVATION', after: 'ACTIVE' },
      });
    } finally {
      await restarted.db.close();
      await t.close().catch(() => undefined);
    }
  });
});
