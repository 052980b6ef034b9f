import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { SalesOrderEntity } from './orders/entities.js';
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
const STAFF_ROLES: Role[] = ['admin', 'staff', 'credit', 'support'];
const MANAGERS: Role[] = ['admin', 'staff'];
const NONE = '00000000-0000-0000-0000-000000000000';
/** Replaced by the demo reseller's id: reseller users may reach their own reseller only. */
const OWN = '$OWN_RESELLER';
/**
 * Ids of records: none in the matrix (the call is allowed and finds nothing); another reseller's in the isolation test.
 */
const CUSTOMER = '$CUSTOMER';
const ORDER = '$ORDER';
const CASE = '$CASE';
const TERMS = '$TERMS';
const CUSTOMER_READERS: Role[] = ['admin', 'staff', 'support', 'reseller'];
const CUSTOMER_MANAGERS: Role[] = ['admin', 'staff', 'reseller'];
const BUYERS: Role[] = ['admin', 'staff', 'reseller'];
const SUPPORT: Role[] = ['admin', 'support'];
const SUPPORT_AND_RESELLER: Role[] = ['admin', 'support', 'reseller'];
const BAD_CUSTOMER_INPUT =
  '{ segment: COMMERCIAL, companyName: "", address: { line1: "", city: "", postalCode: "", country: "" }, adminContact: { name: "", email: "", phone: "" }, portalLogin: "" }';

const MATRIX: Record<string, { allowed: Role[]; document: string }> = {
  me: { allowed: PUBLIC, document: '{ me { id } }' },
  signIn: { allowed: PUBLIC, document: 'mutation { signIn(email: "matrix@demo.test", password: "x") { __typename } }' },
  resetPassword: {
    allowed: PUBLIC,
    document: 'mutation { resetPassword(token: "no-such-token", newPassword: "x") { __typename } }',
  },
  changePassword: {
    allowed: SIGNED_IN,
    document: 'mutation { changePassword(currentPassword: "wrong", newPassword: "x") { __typename } }',
  },
  signOut: { allowed: SIGNED_IN, document: 'mutation { signOut }' },
  createPasswordReset: {
    allowed: ['admin'],
    document: 'mutation { createPasswordReset(userId: "00000000-0000-0000-0000-000000000000") { __typename } }',
  },
  staffUsers: { allowed: ['admin'], document: '{ staffUsers(first: 1) { nodes { id } } }' },
  createStaffUser: {
    allowed: ['admin'],
    document: 'mutation { createStaffUser(input: { email: "bad", displayName: "", roles: [] }) { __typename } }',
  },
  updateStaffUser: {
    allowed: ['admin'],
    document:
      'mutation { updateStaffUser(input: { id: "00000000-0000-0000-0000-000000000000", version: 1 }) { __typename } }',
  },
  auditEntries: { allowed: ['admin', 'staff'], document: '{ auditEntries(first: 1) { nodes { id } } }' },
  catalogProducts: {
    allowed: SIGNED_IN,
    document: '{ catalogProducts(filter: { segment: COMMERCIAL }, first: 1) { market } }',
  },
  catalogProduct: {
    allowed: SIGNED_IN,
    document: '{ catalogProduct(id: "X", filter: { segment: COMMERCIAL }) { id } }',
  },
  catalogMarkets: { allowed: SIGNED_IN, document: '{ catalogMarkets { market } }' },
  importPriceList: {
    allowed: ['admin', 'staff'],
    document: 'mutation { importPriceList(uploadId: "00000000-0000-0000-0000-000000000000") { __typename } }',
  },
  priceListImport: { allowed: ['admin', 'staff'], document: '{ priceListImport(id: "x") { id } }' },
  priceListImports: { allowed: ['admin', 'staff'], document: '{ priceListImports(first: 1) { nodes { id } } }' },
  priceListUploads: { allowed: ['admin', 'staff'], document: '{ priceListUploads { files bytes } }' },
  promotions: { allowed: SIGNED_IN, document: '{ promotions(first: 1) { nodes { id } } }' },
  dashboard: { allowed: ['admin', 'staff', 'credit', 'reseller'], document: '{ dashboard { __typename } }' },
  billingRun: { allowed: ['admin', 'staff', 'credit'], document: '{ billingRun(month: "2026-01") { status } }' },
  monthlyInvoices: {
    allowed: ['admin', 'staff', 'credit', 'reseller'],
    document: '{ monthlyInvoices(first: 1) { nodes { id } } }',
  },
  resendMonthlyInvoice: {
    allowed: SIGNED_IN,
    document: `mutation { resendMonthlyInvoice(id: "${NONE}") { __typename } }`,
  },
  closeBillingMonth: {
    allowed: ['admin', 'staff', 'credit'],
    document: 'mutation { closeBillingMonth(month: "2026-13") { __typename } }',
  },
  correctMonthlyInvoice: {
    allowed: ['admin', 'staff', 'credit'],
    document: `mutation { correctMonthlyInvoice(input: { invoiceId: "${NONE}", reason: "r", adjustments: [] }) { __typename } }`,
  },
  webhookEndpoints: { allowed: ['admin', 'staff', 'reseller'], document: '{ webhookEndpoints { id } }' },
  webhookDeliveries: {
    allowed: ['admin', 'staff', 'reseller'],
    document: `{ webhookDeliveries(endpointId: "${NONE}", first: 1) { nodes { id } } }`,
  },
  createWebhookEndpoint: {
    allowed: ['admin', 'staff', 'reseller'],
    document: 'mutation { createWebhookEndpoint(input: { url: "x", events: [] }) { __typename } }',
  },
  removeWebhookEndpoint: {
    allowed: ['admin', 'staff', 'reseller'],
    document: `mutation { removeWebhookEndpoint(id: "${NONE}") { __typename } }`,
  },
  replayWebhookDelivery: {
    allowed: ['admin', 'staff', 'reseller'],
    document: `mutation { replayWebhookDelivery(id: "${NONE}") { __typename } }`,
  },
  sendTestWebhook: {
    allowed: ['admin', 'staff', 'reseller'],
    document: `mutation { sendTestWebhook(endpointId: "${NONE}") { __typename } }`,
  },
  priceBooks: { allowed: MANAGERS, document: '{ priceBooks { id } }' },
  resellerMarkups: {
    allowed: [...STAFF_ROLES, 'reseller'],
    document: `{ resellerMarkups(resellerId: "${OWN}") { percent } }`,
  },
  setResellerMarkup: {
    allowed: ['admin', 'staff', 'reseller'],
    document: `mutation { setResellerMarkup(resellerId: "${OWN}", input: { percent: -1 }) { __typename } }`,
  },
  priceBookOf: {
    allowed: MANAGERS,
    document: `{ priceBookOf(level: RESELLER, targetId: "${NONE}") { own } }`,
  },
  previewPriceRule: {
    allowed: MANAGERS,
    document:
      '{ previewPriceRule(bookId: "none", input: { basis: COST, percent: 5, effectiveFrom: "2099-01-01" }) { __typename } }',
  },
  createPriceBook: {
    allowed: MANAGERS,
    document: 'mutation { createPriceBook(name: "x") { __typename } }',
  },
  addPriceRule: {
    allowed: MANAGERS,
    document:
      'mutation { addPriceRule(bookId: "none", input: { basis: COST, percent: 5, effectiveFrom: "2099-01-01" }) { __typename } }',
  },
  endPriceRule: { allowed: MANAGERS, document: 'mutation { endPriceRule(id: "none") { __typename } }' },
  assignPriceBook: {
    allowed: MANAGERS,
    document: `mutation { assignPriceBook(level: RESELLER, targetId: "${NONE}") { __typename } }`,
  },
  createPromotion: {
    allowed: ['admin', 'staff'],
    document:
      'mutation { createPromotion(input: { id: "x", name: "x", productId: "X", skuId: "0001", term: P1Y, billingPlan: MONTHLY, segment: COMMERCIAL, market: "US", discountPercent: 10, startDate: "2026-01-01", endDate: "2026-01-31" }) { __typename } }',
  },
  endPromotion: {
    allowed: ['admin', 'staff'],
    document: 'mutation { endPromotion(id: "none") { __typename } }',
  },
  resellers: { allowed: STAFF_ROLES, document: '{ resellers(first: 1) { nodes { id } } }' },
  reseller: { allowed: [...STAFF_ROLES, 'reseller'], document: `{ reseller(id: "${OWN}") { id } }` },
  createReseller: {
    allowed: MANAGERS,
    document:
      'mutation { createReseller(input: { companyName: "", marketplaceId: "", bcn: "", address: { line1: "", city: "", postalCode: "", country: "" }, contact: { name: "", email: "", phone: "" } }) { __typename } }',
  },
  updateReseller: {
    allowed: MANAGERS,
    document: `mutation { updateReseller(id: "${OWN}", version: 999, input: { companyName: "", marketplaceId: "", bcn: "", address: { line1: "", city: "", postalCode: "", country: "" }, contact: { name: "", email: "", phone: "" } }) { __typename } }`,
  },
  setResellerStatus: {
    allowed: MANAGERS,
    document: `mutation { setResellerStatus(id: "${OWN}", version: 999, status: SUSPENDED) { __typename } }`,
  },
  setResellerIdentifiers: {
    allowed: [...MANAGERS, 'reseller'],
    document: `mutation { setResellerIdentifiers(resellerId: "${OWN}", mpnLocationId: "x", resellerDomain: "x") { __typename } }`,
  },
  runResellerChecks: {
    allowed: [...MANAGERS, 'reseller'],
    document: `mutation { runResellerChecks(resellerId: "${OWN}") { checkedAt } }`,
  },
  createResellerUser: {
    allowed: MANAGERS,
    document: `mutation { createResellerUser(resellerId: "${NONE}", email: "x@y.z", displayName: "X") { __typename } }`,
  },
  distributorLinks: { allowed: SIGNED_IN, document: '{ distributorLinks { customerAuthorisation } }' },
  simPartners: { allowed: MANAGERS, document: '{ simPartners { mpnId } }' },
  simTenants: { allowed: MANAGERS, document: '{ simTenants { domain } }' },
  saveSimPartner: {
    allowed: MANAGERS,
    document:
      'mutation { saveSimPartner(input: { mpnId: "x", companyName: "", kind: "x", cspIndirectReseller: true, relationshipWithDistributor: true }) { __typename } }',
  },
  saveSimTenant: {
    allowed: MANAGERS,
    document:
      'mutation { saveSimTenant(input: { domain: "x", companyName: "", government: false, relationshipAccepted: false }) { __typename } }',
  },
  acceptTenantRelationship: {
    allowed: MANAGERS,
    document: 'mutation { acceptTenantRelationship(domain: "nobody.onmicrosoft.com") { __typename } }',
  },
  plantSimulatorDrift: {
    allowed: MANAGERS,
    document: 'mutation { plantSimulatorDrift(subscriptionId: "none", kind: QUANTITY) { __typename } }',
  },
  partnerCenterDrift: { allowed: ['admin', 'staff'], document: '{ partnerCenterDrift { status } }' },
  checkPartnerCenterDrift: { allowed: ['admin', 'staff'], document: 'mutation { checkPartnerCenterDrift { status } }' },
  partnerCenterConnection: { allowed: ['admin', 'staff'], document: '{ partnerCenterConnection { mode } }' },
  testPartnerCenterConnection: {
    allowed: ['admin', 'staff'],
    document: 'mutation { testPartnerCenterConnection { ok } }',
  },
  customers: { allowed: CUSTOMER_READERS, document: '{ customers(first: 1) { nodes { id } } }' },
  customer: { allowed: CUSTOMER_READERS, document: `{ customer(id: "${CUSTOMER}") { id } }` },
  createCustomer: {
    allowed: CUSTOMER_MANAGERS,
    document: `mutation { createCustomer(resellerId: "${OWN}", input: ${BAD_CUSTOMER_INPUT}) { __typename } }`,
  },
  updateCustomer: {
    allowed: CUSTOMER_MANAGERS,
    document: `mutation { updateCustomer(id: "${CUSTOMER}", version: 999, input: ${BAD_CUSTOMER_INPUT}) { __typename } }`,
  },
  revealPortalPassword: {
    allowed: CUSTOMER_READERS,
    document: `mutation { revealPortalPassword(customerId: "${CUSTOMER}") { value } }`,
  },
  tenantChoices: {
    allowed: CUSTOMER_READERS,
    document: `{ tenantChoices(customerId: "${CUSTOMER}") { explanation } }`,
  },
  chooseNewTenant: {
    allowed: CUSTOMER_MANAGERS,
    document: `mutation { chooseNewTenant(customerId: "${CUSTOMER}", domain: "x") { __typename } }`,
  },
  chooseExistingTenant: {
    allowed: CUSTOMER_MANAGERS,
    document: `mutation { chooseExistingTenant(customerId: "${CUSTOMER}", domain: "x") { __typename } }`,
  },
  signAttestation: {
    allowed: CUSTOMER_MANAGERS,
    document: `mutation { signAttestation(customerId: "${CUSTOMER}") { __typename } }`,
  },
  createCustomerTenant: {
    allowed: MANAGERS,
    document: `mutation { createCustomerTenant(customerId: "${CUSTOMER}") { __typename } }`,
  },
  revealTenantAdminPassword: {
    allowed: CUSTOMER_READERS,
    document: `mutation { revealTenantAdminPassword(customerId: "${CUSTOMER}") { value } }`,
  },
  cart: { allowed: BUYERS, document: `{ cart(resellerId: "${OWN}") { id } }` },
  addToCart: {
    allowed: BUYERS,
    document: `mutation { addToCart(resellerId: "${OWN}", priceId: 999999999) { __typename } }`,
  },
  setCartQuantity: {
    allowed: BUYERS,
    document: `mutation { setCartQuantity(resellerId: "${OWN}", lineId: "${NONE}", quantity: 1) { __typename } }`,
  },
  removeCartLine: {
    allowed: BUYERS,
    document: `mutation { removeCartLine(resellerId: "${OWN}", lineId: "${NONE}") { __typename } }`,
  },
  cartLineEndOptions: {
    allowed: BUYERS,
    document: `{ cartLineEndOptions(resellerId: "${OWN}", lineId: "${NONE}") { kind } }`,
  },
  setCartLineEnd: {
    allowed: BUYERS,
    document: `mutation { setCartLineEnd(resellerId: "${OWN}", lineId: "${NONE}", endWith: MONTH_END) { __typename } }`,
  },
  convertTrial: {
    allowed: BUYERS,
    document: `mutation { convertTrial(id: "${NONE}", quantity: 25, input: { idempotencyKey: "authorisation-check" }) { __typename } }`,
  },
  bindCartCustomer: {
    allowed: BUYERS,
    document: `mutation { bindCartCustomer(resellerId: "${OWN}", customerId: "${NONE}") { __typename } }`,
  },
  purchaseReadiness: { allowed: BUYERS, document: `{ purchaseReadiness(resellerId: "${OWN}") { ready } }` },
  buy: {
    allowed: BUYERS,
    document: `mutation { buy(resellerId: "${OWN}", input: { idempotencyKey: "x" }) { __typename } }`,
  },
  orders: { allowed: SIGNED_IN, document: '{ orders(first: 1) { nodes { id } } }' },
  order: { allowed: SIGNED_IN, document: `{ order(id: "${ORDER}") { id } }` },
  retryOrderProvisioning: {
    allowed: MANAGERS,
    document: `mutation { retryOrderProvisioning(orderId: "${NONE}") { code } }`,
  },
  subscriptions: { allowed: SIGNED_IN, document: '{ subscriptions(first: 1) { nodes { id } } }' },
  setNotificationSetting: {
    allowed: SIGNED_IN,
    document: 'mutation { setNotificationSetting(topic: "SUBSCRIPTION_TRIAL", enabled: true) { __typename } }',
  },
  changeSubscriptionTerm: {
    allowed: BUYERS,
    document: `mutation { changeSubscriptionTerm(id: "${NONE}", term: P1Y, input: { idempotencyKey: "authorisation-check" }) { __typename } }`,
  },
  changeSubscriptionBilling: {
    allowed: BUYERS,
    document: `mutation { changeSubscriptionBilling(id: "${NONE}", billingPlan: ANNUAL, input: { idempotencyKey: "authorisation-check" }) { __typename } }`,
  },
  upgradeSubscription: {
    allowed: BUYERS,
    document: `mutation { upgradeSubscription(id: "${NONE}", productId: "X", skuId: "0002", when: NOW, input: { idempotencyKey: "authorisation-check" }) { __typename } }`,
  },
  subscriptionQuote: {
    allowed: BUYERS,
    document: `{ subscriptionQuote(id: "${NONE}", action: CANCEL) { allowed } }`,
  },
  renewalCalendar: {
    allowed: SIGNED_IN,
    document: '{ renewalCalendar(month: "2026-12") { __typename } }',
  },
  subscription: { allowed: SIGNED_IN, document: `{ subscription(id: "${NONE}") { id } }` },
  addSubscriptionSeats: {
    allowed: BUYERS,
    document: `mutation { addSubscriptionSeats(id: "${NONE}", quantity: 1, input: { idempotencyKey: "authorisation-check" }) { __typename } }`,
  },
  removeSubscriptionSeats: {
    allowed: BUYERS,
    document: `mutation { removeSubscriptionSeats(id: "${NONE}", quantity: 1, input: { idempotencyKey: "authorisation-check" }) { __typename } }`,
  },
  cancelSubscription: {
    allowed: BUYERS,
    document: `mutation { cancelSubscription(id: "${NONE}", input: { idempotencyKey: "authorisation-check" }) { __typename } }`,
  },
  setSubscriptionAutoRenew: {
    allowed: BUYERS,
    document: `mutation { setSubscriptionAutoRenew(id: "${NONE}", autoRenew: false, input: { idempotencyKey: "authorisation-check" }) { __typename } }`,
  },
  scheduleSubscriptionChange: {
    allowed: BUYERS,
    document: `mutation { scheduleSubscriptionChange(id: "${NONE}", change: null, input: { idempotencyKey: "authorisation-check" }) { __typename } }`,
  },
  suspendSubscription: {
    allowed: BUYERS,
    document: `mutation { suspendSubscription(id: "${NONE}", input: { idempotencyKey: "authorisation-check" }) { __typename } }`,
  },
  reactivateSubscription: {
    allowed: BUYERS,
    document: `mutation { reactivateSubscription(id: "${NONE}", input: { idempotencyKey: "authorisation-check" }) { __typename } }`,
  },
  submitTermsRequest: {
    allowed: BUYERS,
    document: `mutation { submitTermsRequest(resellerId: "${OWN}", input: { resellerMarketplaceId: "", bcn: "", companyName: "", address: { line1: "", city: "", postalCode: "", country: "" }, contact: { name: "", email: "", phone: "" }, requestedLimit: "" }) { __typename } }`,
  },
  termsRequests: { allowed: ['admin', 'credit', 'reseller'], document: '{ termsRequests(first: 1) { nodes { id } } }' },
  termsRequest: { allowed: SIGNED_IN, document: `{ termsRequest(id: "${TERMS}") { id } }` },
  decideTermsRequest: {
    allowed: SIGNED_IN,
    document: `mutation { decideTermsRequest(id: "${TERMS}", version: 1, event: "WITHDRAW") { __typename } }`,
  },
  approveTermsRequest: {
    allowed: ['admin', 'credit'],
    document: `mutation { approveTermsRequest(id: "${NONE}", version: 1, input: { creditLimit: "1", currency: "USD", paymentTerms: "NET_30", effectiveFrom: "2026-12-01" }) { __typename } }`,
  },
  updateTermsRequest: {
    allowed: BUYERS,
    document: `mutation { updateTermsRequest(id: "${TERMS}", version: 1, input: { resellerMarketplaceId: "", bcn: "", companyName: "", address: { line1: "", city: "", postalCode: "", country: "" }, contact: { name: "", email: "", phone: "" }, requestedLimit: "" }) { __typename } }`,
  },
  commentTermsRequest: {
    allowed: SIGNED_IN,
    document: `mutation { commentTermsRequest(id: "${TERMS}", text: "x") { __typename } }`,
  },
  resellerCredit: {
    allowed: ['admin', 'staff', 'credit', 'reseller'],
    document: `{ resellerCredit(resellerId: "${OWN}") { ledger { at } } }`,
  },
  openSupportCase: {
    allowed: SUPPORT_AND_RESELLER,
    document: `mutation { openSupportCase(resellerId: "${OWN}", input: { type: "OTHER", subject: "", text: "" }) { __typename } }`,
  },
  supportCases: { allowed: SUPPORT_AND_RESELLER, document: '{ supportCases(first: 1) { nodes { id } } }' },
  supportCase: { allowed: SUPPORT_AND_RESELLER, document: `{ supportCase(id: "${CASE}") { id } }` },
  updateSupportCase: {
    allowed: SUPPORT,
    document: `mutation { updateSupportCase(id: "${NONE}", version: 1, status: "OPEN") { __typename } }`,
  },
  commentSupportCase: {
    allowed: SUPPORT_AND_RESELLER,
    document: `mutation { commentSupportCase(id: "${CASE}", text: "x") { __typename } }`,
  },
  returnOptions: { allowed: SIGNED_IN, document: `{ returnOptions(orderId: "${ORDER}") { allowed } }` },
  returnOrderLine: {
    allowed: SUPPORT,
    document: `mutation { returnOrderLine(orderLineId: "${NONE}", quantity: 1, idempotencyKey: "x") { __typename } }`,
  },
  invoice: { allowed: SIGNED_IN, document: `{ invoice(orderId: "${ORDER}") { number } }` },
  resendInvoice: { allowed: SUPPORT, document: `mutation { resendInvoice(orderId: "${NONE}") }` },
  sendPasswordReset: {
    allowed: SUPPORT,
    document: 'mutation { sendPasswordReset(email: "nobody@demo.test") { code } }',
  },
  unlockSignIn: { allowed: SUPPORT, document: 'mutation { unlockSignIn(email: "nobody@demo.test") { __typename } }' },
  unlockSignInAddress: {
    allowed: ['admin'],
    document: 'mutation { unlockSignInAddress(address: "not an address") { __typename } }',
  },
  regeneratePortalPassword: {
    allowed: SUPPORT,
    document: `mutation { regeneratePortalPassword(customerId: "${NONE}") }`,
  },
  portalLoginOwner: { allowed: SUPPORT, document: '{ portalLoginOwner(login: "nobody") { customer { id } } }' },
};

describe('authorisation matrix: every operation × every role', () => {
  let t: TestApp;
  let server: TestClient;
  let ownResellerId: string;
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
    ownResellerId = (await clients.get('reseller')!.gql('{ me { resellerId } }')).data?.me.resellerId;
  });
  afterAll(async () => {
    await server.stop();
    await t.close();
  });

  it('has a row for every query and mutation of the schema, and none for operations that do not exist', async () => {
    const introspection = await server.gql(
      '{ __schema { queryType { fields { name } } mutationType { fields { name } } } }',
    );
    const operations = [
      ...introspection.data!.__schema.queryType.fields,
      ...introspection.data!.__schema.mutationType.fields,
    ]
      .map((f: { name: string }) => f.name)
      .sort();
    expect(Object.keys(MATRIX).sort()).toEqual(operations);
  });

  // signOut ends the session, so it runs last for every role.
  const order = Object.keys(MATRIX).sort((a, b) => Number(a === 'signOut') - Number(b === 'signOut'));
  for (const operation of order) {
    it(`${operation}: allowed for ${MATRIX[operation]!.allowed.join(', ')}; refused for the others`, async () => {
      for (const role of ROLES) {
        const document = [CUSTOMER, ORDER, CASE, TERMS].reduce(
          (d, placeholder) => d.replaceAll(placeholder, NONE),
          MATRIX[operation]!.document.replaceAll(OWN, ownResellerId),
        );
        const response = await clients.get(role)!.gql(document);
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

describe('reseller isolation: a reseller user reaches nothing of another reseller', () => {
  it('is refused every reseller-scoped operation on another reseller, and sees nothing of it', async () => {
    const t = await createTestApp();
    await seedUsers(t.app);
    const server = await TestClient.start(t.app);
    try {
      const admin = server.fork();
      await admin.signIn(demo('admin').email, demo('admin').password);
      const other = await admin.gql(
        `mutation { createReseller(input: { companyName: "Other Reseller", marketplaceId: "MP-200002", bcn: "20-200002",
          address: { line1: "1 Main St", city: "Austin", region: "TX", postalCode: "73301", country: "US" },
          contact: { name: "Olga", email: "olga@other.example", phone: "+15125550100" } }) { ... on ResellerSaved { reseller { id } } } }`,
      );
      const otherId = other.data?.createReseller.reseller.id;
      expect(otherId).toEqual(expect.any(String));
      const otherCustomer = await admin.gql(
        `mutation { createCustomer(resellerId: "${otherId}", input: { segment: COMMERCIAL, companyName: "Olga's Client",
          address: { line1: "2 Main St", city: "Austin", region: "TX", postalCode: "73301", country: "US" },
          adminContact: { name: "Ola", email: "ola@client.example", phone: "+15125550101" }, portalLogin: "olgas.client" }) { ... on CustomerSaved { customer { id } } } }`,
      );
      const otherCustomerId = otherCustomer.data?.createCustomer.customer.id;
      expect(otherCustomerId).toEqual(expect.any(String));

      const reseller = server.fork();
      await reseller.signIn(demo('reseller').email, demo('reseller').password);
      const otherIds: Record<string, string> = {
        [OWN]: otherId,
        [CUSTOMER]: otherCustomerId,
        ...(await otherRecords(t, admin, otherId, otherCustomerId)),
      };
      const attempts = Object.entries(MATRIX)
        .filter(([, row]) => Object.keys(otherIds).some((placeholder) => row.document.includes(placeholder)))
        .filter(([, row]) => row.allowed.includes('reseller'))
        .map(([operation, row]) => ({
          operation,
          document: Object.entries(otherIds).reduce(
            (d, [placeholder, id]) => d.replaceAll(placeholder, id),
            row.document,
          ),
        }));
      expect(attempts.length).toBeGreaterThanOrEqual(20);
      for (const { operation, document } of attempts) {
        const response = await reseller.gql(document);
        expect(response.errors?.[0]?.extensions?.code, operation).toBe('FORBIDDEN');
        expect(response.data?.[operation] ?? null, operation).toBeNull();
      }
      const unchanged = await admin.gql(`{ reseller(id: "${otherId}") { mpnLocationId checksAt version } }`);
      expect(unchanged.data?.reseller).toEqual({ mpnLocationId: null, checksAt: null, version: 1 });
      const untouchedTerms = await admin.gql(`{ termsRequest(id: "${otherIds[TERMS]}") { status notes { text } } }`);
      expect(untouchedTerms.data?.termsRequest).toEqual({ status: 'SUBMITTED', notes: [{ text: 'Submitted.' }] });
      const untouchedCase = await admin.gql(`{ supportCase(id: "${otherIds[CASE]}") { comments { text } } }`);
      expect(untouchedCase.data?.supportCase.comments).toEqual([{ text: 'Private' }]);
      const untouched = await admin.gql(`{ customer(id: "${otherCustomerId}") { version tenant { domain } } }`);
      expect(untouched.data?.customer).toEqual({ version: 1, tenant: null });
      const listed = await reseller.gql('{ customers(first: 100) { nodes { id } } }');
      expect(listed.data?.customers.nodes.map((c: { id: string }) => c.id)).not.toContain(otherCustomerId);
      const asked = await reseller.gql(`{ customers(resellerId: "${otherId}", first: 100) { nodes { id } } }`);
      expect(asked.data?.customers.nodes.map((c: { id: string }) => c.id)).not.toContain(otherCustomerId);
    } finally {
      await server.stop();
      await t.close();
    }
  });
});

/** Another reseller's order, support case and terms request, made by an admin on its behalf. */
async function otherRecords(
  t: TestApp,
  admin: TestClient,
  resellerId: string,
  customerId: string,
): Promise<Record<string, string>> {
  const orderId = randomUUID();
  const now = t.clock.now().toISOString();
  await t.app.db.transaction((m) =>
    m.insert(SalesOrderEntity, {
      id: orderId,
      soNumber: 'SO-20261124-999999',
      resellerId,
      customerId,
      status: 'PROVISIONED',
      paymentMethod: 'CREDIT_CARD',
      poNumber: null,
      currency: 'USD',
      totalMinor: 100,
      idempotencyKey: 'other-reseller-order',
      requestHash: 'x',
      tenantDomain: 'other.onmicrosoft.com',
      placedByUserId: null,
      placedAt: now,
      provisionedAt: now,
      failureReason: null,
      updatedAt: now,
      version: 1,
    }),
  );
  const supportCase = await admin.gql(
    `mutation { openSupportCase(resellerId: "${resellerId}", input: { type: "OTHER", subject: "Other's case", text: "Private" }) { ... on CaseSaved { supportCase { id } } } }`,
  );
  const terms = await admin.gql(
    `mutation { submitTermsRequest(resellerId: "${resellerId}", input: { resellerMarketplaceId: "MP-200002", bcn: "20-200002", companyName: "Other Reseller",
      address: { line1: "1 Main St", city: "Austin", region: "TX", postalCode: "73301", country: "US" }, contact: { name: "Olga", email: "olga@other.example", phone: "+15125550100" }, requestedLimit: "10000" }) { ... on TermsRequestSaved { request { id } } } }`,
  );
  return {
    [ORDER]: orderId,
    [CASE]: supportCase.data?.openSupportCase.supportCase.id,
    [TERMS]: terms.data?.submitTermsRequest.request.id,
  };
}
