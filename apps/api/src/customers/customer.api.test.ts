import { systemContext } from '../platform/request-context.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditEntryEntity } from '../audit/audit-entry.entity.js';
import { CustomerEntity } from './customer.entity.js';
import { createTestApp, TestClient, type TestApp } from '../test-support/test-app.js';
import { demo, seedUsers } from '../test-support/users.js';

const CREATE = `mutation($resellerId: ID!, $input: CustomerInput!) { createCustomer(resellerId: $resellerId, input: $input) {
  __typename
  ... on CustomerSaved { customer { id segment companyName portalLogin version address { region postalCode } adminContact { email } tenant { domain } } }
  ... on ValidationFailed { fields { field code message } }
} }`;
const TENANT_FIELDS = `__typename ... on TenantSaved { tenant { choice domain state tenantId adminUser attestedAt attestedByEmail } }
  ... on TenantRefused { code message suggestions fix { kind href field label } }`;

const customer = (name: string, segment = 'COMMERCIAL', login = name.toLowerCase().replace(/\W+/g, '.')) => ({
  segment,
  companyName: name,
  address: { line1: '1 Main St', city: 'Irvine', region: 'ca', postalCode: '92612', country: 'US' },
  adminContact: { name: 'Eve Engineer', email: 'eve@reseller.example', phone: '+1 949 555 0101' },
  portalLogin: login,
});

describe('customers and tenants', () => {
  let t: TestApp;
  let reseller: TestClient;
  let staff: TestClient;
  let resellerId: string;
  beforeAll(async () => {
    t = await createTestApp();
    await seedUsers(t.app);
    reseller = await TestClient.start(t.app);
    await reseller.signIn(demo('reseller').email, demo('reseller').password);
    resellerId = (await reseller.gql('{ me { resellerId } }')).data?.me.resellerId;
    staff = reseller.fork();
    await staff.signIn(demo('staff').email, demo('staff').password);
  });
  afterAll(async () => {
    await reseller.stop();
    await t.close();
  });

  const create = async (input: ReturnType<typeof customer>) =>
    (await reseller.gql(CREATE, { resellerId, input })).data?.createCustomer;
  const tenantOp = async (op: string, customerId: string, domain?: string, client = reseller) =>
    (
      await client.gql(
        `mutation($id: ID!${domain !== undefined ? ', $domain: Code!' : ''}) { ${op}(customerId: $id${domain !== undefined ? ', domain: $domain' : ''}) { ${TENANT_FIELDS} } }`,
        { id: customerId, domain },
      )
    ).data?.[op];

  it('R6–R8: creates a customer with a normalised address and a generated portal password, stored encrypted and revealed only through an audited call', async () => {
    const created = await create(customer('Contoso Clinic'));
    expect(created).toMatchObject({
      __typename: 'CustomerSaved',
      customer: { segment: 'COMMERCIAL', portalLogin: 'contoso.clinic', address: { region: 'CA' }, tenant: null },
    });
    const id = created.customer.id;
    const stored = await t.app.db.read.findOneByOrFail(CustomerEntity, { id });
    expect(stored.portalPassword).toMatch(/^v1:/);
    const revealed = await reseller.gql('mutation($id: ID!) { revealPortalPassword(customerId: $id) { user value } }', {
      id,
    });
    expect(revealed.data?.revealPortalPassword).toEqual({
      user: 'contoso.clinic',
      value: expect.stringMatching(/^.{16}$/),
    });
    expect(stored.portalPassword).not.toContain(revealed.data?.revealPortalPassword.value);
    const audit = await staff.gql(
      `{ auditEntries(filter: { operation: "customers.revealPortalPassword", entityId: "${id}" }) { nodes { actorEmail onBehalfOfResellerId } } }`,
    );
    expect(audit.data?.auditEntries.nodes).toEqual([
      { actorEmail: 'reseller@demo.test', onBehalfOfResellerId: resellerId },
    ]);
    const creation = await staff.gql(
      `{ auditEntries(filter: { operation: "customers.create", entityId: "${id}" }) { nodes { changes { field after } } } }`,
    );
    expect(creation.data?.auditEntries.nodes[0].changes).toContainEqual({
      field: 'portalPassword',
      after: '"[redacted]"',
    });
  });

  it('R8: refuses a portal login used by any customer, whatever its case, naming the conflict', async () => {
    const taken = await create(customer('Contoso Labs', 'COMMERCIAL', 'CONTOSO.Clinic'));
    expect(taken.fields).toEqual([
      expect.objectContaining({
        field: 'portalLogin',
        code: 'LOGIN_TAKEN',
        message: expect.stringMatching(/your customer Contoso Clinic/),
      }),
    ]);
  });

  it('refuses to overwrite a newer version of a customer', async () => {
    const created = await create(customer('Tailspin Toys'));
    const { id, version } = created.customer;
    const update = `mutation($id: ID!, $version: Int!, $input: CustomerInput!) { updateCustomer(id: $id, version: $version, input: $input) { __typename ... on VersionConflict { currentVersion } } }`;
    const [a, b] = await Promise.all([
      reseller.gql(update, { id, version, input: { ...customer('Tailspin Toys'), companyName: 'Tailspin Toys A' } }),
      staff.gql(update, { id, version, input: { ...customer('Tailspin Toys'), companyName: 'Tailspin Toys B' } }),
    ]);
    expect([a.data?.updateCustomer.__typename, b.data?.updateCustomer.__typename].sort()).toEqual([
      'CustomerSaved',
      'VersionConflict',
    ]);
  });

  it('R12: refuses a new tenant to an Education customer, pointing to Microsoft’s academic sign-up', async () => {
    const school = (await create(customer('Northwind Academy', 'EDUCATION'))).customer.id;
    const choices = await reseller.gql(
      `{ tenantChoices(customerId: "${school}") { createNew { allowed code message fix { href } } recommended explanation } }`,
    );
    expect(choices.data?.tenantChoices).toMatchObject({
      createNew: {
        allowed: false,
        code: 'NEW_TENANT_NOT_ALLOWED_FOR_SEGMENT',
        fix: { href: expect.stringMatching(/academic/) },
      },
      recommended: null,
    });
    expect(await tenantOp('chooseNewTenant', school, 'northwindacademy')).toMatchObject({
      code: 'NEW_TENANT_NOT_ALLOWED_FOR_SEGMENT',
      fix: { kind: 'LINK' },
    });
    // R21: once its tenant accepted the distributor, Education uses it.
    expect(await tenantOp('chooseExistingTenant', school, 'northwindschool.onmicrosoft.com')).toMatchObject({
      tenant: { choice: 'EXISTING', state: 'LINKED', tenantId: expect.any(String) },
    });
  });

  it('R14: refuses a taken or invalid domain, offering free alternatives, and takes one of them', async () => {
    const id = (await create(customer('Contoso Retail'))).customer.id;
    expect(await tenantOp('chooseNewTenant', id, 'contoso retail!')).toMatchObject({
      code: 'TENANT_DOMAIN_INVALID_CHARACTERS',
      fix: { field: 'tenantDomain' },
    });
    const taken = await tenantOp('chooseNewTenant', id, 'Contoso');
    expect(taken).toMatchObject({ code: 'TENANT_DOMAIN_TAKEN' });
    expect(taken.suggestions).toHaveLength(3);
    for (const suggestion of taken.suggestions) expect(await t.app.partnerCenter.domainExists(suggestion)).toBe(false);
    const chosen = await tenantOp('chooseNewTenant', id, taken.suggestions[0]);
    expect(chosen).toMatchObject({ tenant: { choice: 'NEW', state: 'REQUESTED', domain: taken.suggestions[0] } });
    // Another customer cannot ask for the same new domain.
    const other = (await create(customer('Contoso Retail East'))).customer.id;
    expect(await tenantOp('chooseNewTenant', other, taken.suggestions[0])).toMatchObject({
      code: 'TENANT_DOMAIN_TAKEN',
    });
  });

  it('R15/R21: refuses an existing tenant that has not accepted the distributor, with the authorisation link; accepts it once authorised', async () => {
    const id = (await create(customer('Fabrikam Ops'))).customer.id;
    const refused = await tenantOp('chooseExistingTenant', id, 'fabrikam.onmicrosoft.com');
    expect(refused).toMatchObject({
      code: 'TENANT_RELATIONSHIP_NOT_ACCEPTED',
      fix: { kind: 'LINK', href: expect.stringMatching(/partnerId=a27ac673.*partner-invitation/) },
    });
    // Accepted for the distributor alone, the relationship does not cover this reseller yet.
    await staff.gql('mutation { acceptTenantRelationship(domain: "fabrikam.onmicrosoft.com") { __typename } }');
    expect(await tenantOp('chooseExistingTenant', id, 'fabrikam.onmicrosoft.com')).toMatchObject({
      code: 'TENANT_RELATIONSHIP_NOT_FOR_RESELLER',
      fix: { href: expect.stringMatching(/indirectCSPId=6543210/) },
    });
    await staff.gql(
      'mutation { acceptTenantRelationship(domain: "fabrikam.onmicrosoft.com", indirectReseller: "6543210") { __typename } }',
    );
    expect(await tenantOp('chooseExistingTenant', id, 'fabrikam.onmicrosoft.com')).toMatchObject({
      tenant: { state: 'LINKED' },
    });
  });

  it('R15: refuses a tenant another reseller’s customer uses, answering exactly as for an unknown tenant, and staff see the attempt', async () => {
    const admin = reseller.fork();
    await admin.signIn(demo('admin').email, demo('admin').password);
    const other =
      await admin.gql(`mutation { createReseller(input: { companyName: "Other Reseller", marketplaceId: "MP-300003", bcn: "20-300003",
      address: { line1: "1 Main St", city: "Austin", region: "TX", postalCode: "73301", country: "US" }, contact: { name: "Olga", email: "olga@other.example", phone: "+15125550100" } }) { ... on ResellerSaved { reseller { id } } } }`);
    const otherId = other.data?.createReseller.reseller.id;
    await t.app.db.transaction((m) =>
      m.query(
        t.app.db.kind === 'postgres'
          ? 'UPDATE reseller SET mpn_location_id = $1 WHERE id = $2'
          : 'UPDATE reseller SET mpn_location_id = ? WHERE id = ?',
        ['2222222', otherId],
      ),
    );
    const createFor = async (resellerIdOf: string, name: string) =>
      (await staff.gql(CREATE, { resellerId: resellerIdOf, input: customer(name) })).data?.createCustomer.customer
        .id as string;
    // The other reseller's customer: an existing tenant it was authorised for, and a tenant just created for another.
    await staff.gql(
      'mutation { saveSimTenant(input: { domain: "otherco.onmicrosoft.com", companyName: "OtherCo", government: false, relationshipAccepted: true, indirectResellers: ["2222222", "6543210"] }) { __typename } }',
    );
    const otherCustomer = await createFor(otherId, 'OtherCo Holdings');
    expect(await tenantOp('chooseExistingTenant', otherCustomer, 'otherco.onmicrosoft.com', staff)).toMatchObject({
      tenant: { state: 'LINKED' },
    });
    const newcoCustomer = await createFor(otherId, 'NewCo Trading');
    await tenantOp('chooseNewTenant', newcoCustomer, 'newcotrading', staff);
    expect(await tenantOp('createCustomerTenant', newcoCustomer, undefined, staff)).toMatchObject({
      tenant: { state: 'CREATED' },
    });

    const mine = (await create(customer('Takeover Attempt'))).customer.id;
    const unknown = await tenantOp('chooseExistingTenant', mine, 'nosuchtenant.onmicrosoft.com');
    expect(unknown).toMatchObject({ code: 'EXISTING_TENANT_NOT_FOUND' });
    // Even though OtherCo's acceptance happens to name this reseller too, another reseller's customer uses it.
    expect(await tenantOp('chooseExistingTenant', mine, 'otherco.onmicrosoft.com')).toEqual(unknown);
    expect(await tenantOp('chooseExistingTenant', mine, 'newcotrading.onmicrosoft.com')).toEqual(unknown);
    const mineCustomer = await t.app.db.read.findOneByOrFail(CustomerEntity, { id: mine });
    expect(await t.app.tenants.chosen(systemContext(t.app.clock, 'test'), mineCustomer)).toBeNull();
    const conflicts = await t.app.db.read.findBy(AuditEntryEntity, {
      operation: 'tenants.linkConflict',
      entityId: mine,
    });
    expect(conflicts.map((c) => JSON.parse(c.changes).refusedTenant.after).sort()).toEqual([
      'newcotrading.onmicrosoft.com',
      'otherco.onmicrosoft.com',
    ]);
  });

  it('R20: a Government customer cannot use an existing tenant and gets a new one', async () => {
    const city = (await create(customer('City of Springfield', 'GOVERNMENT'))).customer.id;
    expect(await tenantOp('chooseExistingTenant', city, 'citygov.onmicrosoft.com')).toMatchObject({
      code: 'GOVERNMENT_TENANT_NOT_ALLOWED',
    });
    expect(await tenantOp('chooseNewTenant', city, 'springfieldcity')).toMatchObject({ tenant: { choice: 'NEW' } });
  });

  it('R13: signs the attestation for the chosen tenant; changing the tenant voids it', async () => {
    const id = (await create(customer('Adatum Corp'))).customer.id;
    expect(await tenantOp('signAttestation', id)).toMatchObject({ code: 'TENANT_NOT_CHOSEN' });
    await tenantOp('chooseNewTenant', id, 'adatumcorp');
    expect(await tenantOp('signAttestation', id)).toMatchObject({
      tenant: { attestedAt: expect.any(String), attestedByEmail: 'reseller@demo.test' },
    });
    expect(await tenantOp('chooseNewTenant', id, 'adatumcorp')).toMatchObject({
      tenant: { attestedAt: expect.any(String) },
    });
    expect(await tenantOp('chooseNewTenant', id, 'adatumgroup')).toMatchObject({
      tenant: { domain: 'adatumgroup.onmicrosoft.com', attestedAt: null },
    });
  });

  it('R22: staff create the requested tenant at Microsoft; its admin user and temporary password are revealed through an audited call', async () => {
    const id = (await create(customer('Litware Inc'))).customer.id;
    await tenantOp('chooseNewTenant', id, 'litwareinc');
    expect(await tenantOp('createCustomerTenant', id, undefined, reseller)).toBeUndefined();
    const created = await tenantOp('createCustomerTenant', id, undefined, staff);
    expect(created).toMatchObject({
      tenant: { state: 'CREATED', tenantId: expect.any(String), adminUser: 'admin@litwareinc.onmicrosoft.com' },
    });
    expect(await t.app.partnerCenter.domainExists('litwareinc.onmicrosoft.com')).toBe(true);
    const secret = await reseller.gql(
      'mutation($id: ID!) { revealTenantAdminPassword(customerId: $id) { user value } }',
      { id },
    );
    expect(secret.data?.revealTenantAdminPassword).toEqual({
      user: 'admin@litwareinc.onmicrosoft.com',
      value: expect.stringMatching(/^.{16}$/),
    });
    const audit = await staff.gql(
      `{ auditEntries(filter: { operation: "tenants.revealAdminPassword", entityId: "${id}" }) { nodes { actorEmail } } }`,
    );
    expect(audit.data?.auditEntries.nodes).toHaveLength(1);
  });

  it('lists a reseller’s customers by name with search and a segment filter', async () => {
    const all = await reseller.gql('{ customers(first: 100) { nodes { companyName } } }');
    const names = all.data?.customers.nodes.map((c: { companyName: string }) => c.companyName);
    expect(names).toEqual([...names].sort());
    const schools = await reseller.gql('{ customers(segment: EDUCATION, first: 10) { nodes { companyName } } }');
    expect(schools.data?.customers.nodes.map((c: { companyName: string }) => c.companyName)).toContain(
      'Northwind Academy',
    );
    const search = await reseller.gql('{ customers(search: "contoso", first: 10) { nodes { companyName } } }');
    expect(search.data?.customers.nodes.map((c: { companyName: string }) => c.companyName)).toEqual([
      'Contoso Clinic',
      'Contoso Pharmacy',
      'Contoso Retail',
      'Contoso Retail East',
    ]);
  });
});
