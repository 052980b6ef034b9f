import { systemContext } from '../platform/request-context.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, importPriceList, TestClient, type TestApp } from '../test-support/test-app.js';
import { demo, seedUsers } from '../test-support/users.js';
import { TermsRequestEntity, type LedgerKind } from './entities.js';
import { LedgerRepository } from './ledger.repository.js';

const REQUEST = `id status sla ageHours dueAt assigneeEmail version requestedLimit { amountMinor currency formatted } creditLimit { formatted } paymentTerms decisionReason notes { kind text authorEmail }`;
const RESULT = `__typename ... on TermsRequestSaved { request { ${REQUEST} } } ... on ValidationFailed { fields { field code } } ... on VersionConflict { currentVersion }
  ... on OpenTermsRequestExists { code requestId } ... on OperationRefused { code message }`;
const input = {
  resellerMarketplaceId: 'MP-100001',
  bcn: '20-100001',
  companyName: 'Demo Reseller Co',
  address: { line1: '3351 Michelson Dr', city: 'Irvine', region: 'CA', postalCode: '92612', country: 'US' },
  contact: { name: 'Rita Reseller', email: 'reseller@demo.test', phone: '+1 949 555 0100' },
  requestedLimit: '25,000',
};

describe('credit desk: terms requests (R23) and their effect on checkout (R2)', () => {
  let t: TestApp;
  let reseller: TestClient;
  let credit: TestClient;
  let credit2: TestClient;
  let resellerId: string;
  beforeAll(async () => {
    t = await createTestApp();
    await importPriceList(t.app);
    await seedUsers(t.app);
    reseller = await TestClient.start(t.app);
    await reseller.signIn(demo('reseller').email, demo('reseller').password);
    resellerId = (await reseller.gql('{ me { resellerId } }')).data?.me.resellerId;
    credit = reseller.fork();
    await credit.signIn(demo('credit').email, demo('credit').password);
    credit2 = reseller.fork();
    await credit2.signIn(demo('admin').email, demo('admin').password);
  });
  afterAll(async () => {
    await reseller.stop();
    await t.close();
  });

  const submit = async (body = input) =>
    (
      await reseller.gql(
        `mutation($r: ID!, $i: TermsRequestInput!) { submitTermsRequest(resellerId: $r, input: $i) { ${RESULT} } }`,
        { r: resellerId, i: body },
      )
    ).data?.submitTermsRequest;
  const decide = async (client: TestClient, id: string, version: number, event: string, comment?: string) =>
    (
      await client.gql(
        `mutation($id: ID!, $v: Int!, $e: Code!, $c: FreeText) { decideTermsRequest(id: $id, version: $v, event: $e, comment: $c) { ${RESULT} } }`,
        { id, v: version, e: event, c: comment },
      )
    ).data?.decideTermsRequest;
  const approve = async (client: TestClient, id: string, version: number, limit = '1000.00') =>
    (
      await client.gql(
        `mutation($id: ID!, $v: Int!) { approveTermsRequest(id: $id, version: $v, input: { creditLimit: "${limit}", currency: "USD", paymentTerms: "NET_30", effectiveFrom: "2026-12-01" }) { ${RESULT} } }`,
        { id, v: version },
      )
    ).data?.approveTermsRequest;

  it('R23: refuses a request with missing or malformed fields, field by field', async () => {
    const result = await submit({ ...input, bcn: '', contact: { ...input.contact, email: 'nope' } });
    expect(result.fields.map((f: { field: string }) => f.field).sort()).toEqual(['bcn', 'contact.email']);
  });

  it('R23: refuses a credit line that is missing, zero or not an amount, and writes nothing', async () => {
    for (const requestedLimit of ['', '0', 'a lot', '-100']) {
      const result = await submit({ ...input, requestedLimit });
      expect(result).toMatchObject({ __typename: 'ValidationFailed', fields: [{ field: 'requestedLimit' }] });
    }
    expect(await t.app.db.read.count(TermsRequestEntity)).toBe(0);
  });

  let requestId: string;
  it('R23: submits a request, tells the credit team, and refuses a second open one with a pointer to it', async () => {
    const first = await submit();
    expect(first.request).toMatchObject({
      status: 'SUBMITTED',
      sla: 'ON_TRACK',
      requestedLimit: { amountMinor: 2_500_000, currency: 'USD', formatted: '$25,000.00' },
      notes: [{ kind: 'STATUS', text: 'Submitted.' }],
    });
    requestId = first.request.id;
    const second = await submit();
    expect(second).toMatchObject({ code: 'OPEN_REQUEST_EXISTS', requestId });
    await t.app.jobs.runDue();
    const mails = await t.app.mail.list(systemContext(t.clock, 'test'), {
      relatedType: 'TermsRequest',
      relatedId: requestId,
    });
    expect(mails).toEqual([
      expect.objectContaining({
        to: 'credit-team@marketplace.example',
        status: 'WRITTEN',
        body: expect.stringContaining('credit line of $25,000.00'),
      }),
    ]);
  });

  it('shows the request’s age against the 24–48 h answer window in the queue, oldest first', async () => {
    t.clock.advance(30 * 3_600_000);
    await reseller.signIn(demo('reseller').email, demo('reseller').password);
    await credit.signIn(demo('credit').email, demo('credit').password);
    await credit2.signIn(demo('admin').email, demo('admin').password);
    const queue = await credit.gql(
      `{ termsRequests(statuses: ["SUBMITTED", "IN_REVIEW"], first: 10) { nodes { id sla ageHours } } }`,
    );
    expect(queue.data?.termsRequests.nodes).toEqual([{ id: requestId, sla: 'DUE_SOON', ageHours: 30 }]);
  });

  it('lets one of two analysts claim a request; the other gets a clear conflict; only the claimant decides', async () => {
    const request = (await credit.gql(`{ termsRequest(id: "${requestId}") { version } }`)).data?.termsRequest;
    const [a, b] = await Promise.all([
      decide(credit, requestId, request.version, 'CLAIM'),
      decide(credit2, requestId, request.version, 'CLAIM'),
    ]);
    expect([a.__typename, b.__typename].sort()).toEqual(['TermsRequestSaved', 'VersionConflict']);
    const winner = a.__typename === 'TermsRequestSaved' ? a.request : b.request;
    const loser = a.__typename === 'TermsRequestSaved' ? credit2 : credit;
    expect(winner.status).toBe('IN_REVIEW');
    const notYours = await approve(loser, requestId, winner.version);
    expect(notYours).toMatchObject({ code: 'NOT_ASSIGNEE' });
    const claimant = loser === credit ? credit2 : credit;
    const rejectedWithoutReason = await decide(claimant, requestId, winner.version, 'REJECT', 'no');
    expect(rejectedWithoutReason.fields).toEqual([
      expect.objectContaining({ field: 'reason', code: 'REJECTION_REASON_REQUIRED' }),
    ]);
    // Hand it to the credit user for the rest of the test.
    if (claimant !== credit) {
      const released = await decide(claimant, requestId, winner.version, 'RELEASE');
      const claimed = await decide(credit, requestId, released.request.version, 'CLAIM');
      expect(claimed.request.assigneeEmail).toBe('credit@demo.test');
    }
  });

  it('R2: approval sets the limit in the ledger, switches the reseller to terms and tells the reseller', async () => {
    const request = (await credit.gql(`{ termsRequest(id: "${requestId}") { version } }`)).data?.termsRequest;
    const approved = await approve(credit, requestId, request.version);
    expect(approved.request).toMatchObject({
      status: 'APPROVED',
      sla: 'ANSWERED',
      creditLimit: { formatted: '$1,000.00' },
      paymentTerms: 'NET_30',
    });
    const standing = await reseller.gql(
      `{ resellerCredit(resellerId: "${resellerId}") { limit { amountMinor } used { amountMinor } available { amountMinor } paymentTerms ledger { kind amount { amountMinor } } } }`,
    );
    expect(standing.data?.resellerCredit).toMatchObject({
      limit: { amountMinor: 100000 },
      used: { amountMinor: 0 },
      available: { amountMinor: 100000 },
      paymentTerms: 'NET_30',
      ledger: [{ kind: 'LIMIT_SET' }],
    });
    expect(
      (await reseller.gql(`{ reseller(id: "${resellerId}") { paymentMethod } }`)).data?.reseller.paymentMethod,
    ).toBe('TERMS');
    await t.app.jobs.runDue();
    const mails = await t.app.mail.list(systemContext(t.clock, 'test'), {
      relatedType: 'TermsRequest',
      relatedId: requestId,
    });
    expect(mails.map((m) => m.to)).toContain('reseller@demo.test');
    expect(mails.find((m) => m.to === 'reseller@demo.test')?.body).toMatch(/approved: a credit line of \$1,000\.00/);
    // A decided request cannot be decided again.
    expect(
      await decide(credit, requestId, approved.request.version, 'REJECT', 'Changed our mind entirely'),
    ).toMatchObject({ code: 'ILLEGAL_TRANSITION' });
  });

  it('R2: checkout offers terms, refuses an order beyond the remaining credit with the figures, and charges the ledger', async () => {
    const prices = await reseller.gql(
      '{ catalogProducts(filter: { segment: COMMERCIAL, terms: [P1Y], billingPlans: [MONTHLY] }, first: 1) { edges { node { skus { prices { id unitPrice { amountMinor } } } } } } }',
    );
    const price = prices.data?.catalogProducts.edges[0].node.skus[0].prices[0];
    const prepareCart = async (name: string, quantity: number) => {
      const added = await reseller.gql(
        `mutation { addToCart(resellerId: "${resellerId}", priceId: ${Number(price.id)}) { ... on Cart { lines { id } } } }`,
      );
      await reseller.gql(
        `mutation { setCartQuantity(resellerId: "${resellerId}", lineId: "${added.data?.addToCart.lines[0].id}", quantity: ${quantity}) { __typename } }`,
      );
      const customers = await reseller.gql('{ customers(search: "Contoso Pharmacy", first: 1) { nodes { id } } }');
      await reseller.gql(
        `mutation { bindCartCustomer(resellerId: "${resellerId}", customerId: "${customers.data?.customers.nodes[0].id}") { __typename } }`,
      );
      void name;
    };
    const perSeat = Number(price.unitPrice.amountMinor);
    const seatsOverLimit = Math.floor(100000 / perSeat) + 1;
    await prepareCart('too big', seatsOverLimit);
    const readiness = await reseller.gql(
      `{ purchaseReadiness(resellerId: "${resellerId}", paymentMethod: "TERMS") { ready unmet { code message } } }`,
    );
    expect(readiness.data?.purchaseReadiness.unmet).toEqual([
      expect.objectContaining({
        code: 'CREDIT_LIMIT_EXCEEDED',
        message: expect.stringMatching(/\$1,000\.00 available of \$1,000\.00/),
      }),
    ]);
    const fits = Math.floor(100000 / perSeat / 2);
    const line = (await reseller.gql(`{ cart(resellerId: "${resellerId}") { lines { id } } }`)).data?.cart.lines[0].id;
    await reseller.gql(
      `mutation { setCartQuantity(resellerId: "${resellerId}", lineId: "${line}", quantity: ${fits}) { __typename } }`,
    );
    expect(
      (await reseller.gql(`{ purchaseReadiness(resellerId: "${resellerId}", paymentMethod: "TERMS") { ready } }`)).data
        ?.purchaseReadiness.ready,
    ).toBe(true);
    const placed = await reseller.gql(
      `mutation { buy(resellerId: "${resellerId}", input: { idempotencyKey: "terms-order-0001", paymentMethod: "TERMS" }) { __typename ... on OrderPlaced { order { paymentMethod total { amountMinor } } } } }`,
    );
    expect(placed.data?.buy).toMatchObject({ __typename: 'OrderPlaced', order: { paymentMethod: 'TERMS' } });
    const after = (
      await reseller.gql(
        `{ resellerCredit(resellerId: "${resellerId}") { used { amountMinor } available { amountMinor } ledger { kind } } }`,
      )
    ).data?.resellerCredit;
    expect(after.used.amountMinor).toBe(placed.data?.buy.order.total.amountMinor);
    expect(after.ledger.map((e: { kind: string }) => e.kind)).toEqual(['LIMIT_SET', 'ORDER_CHARGED']);
  });

  it('R2: parallel Buys on terms never take the reseller over its limit', async () => {
    const credit = async () =>
      (
        await reseller.gql(
          `{ resellerCredit(resellerId: "${resellerId}") { limit { amountMinor } used { amountMinor } } }`,
        )
      ).data?.resellerCredit;
    const prices = await reseller.gql(
      '{ catalogProducts(filter: { segment: COMMERCIAL, terms: [P1Y], billingPlans: [MONTHLY] }, first: 1) { edges { node { skus { prices { id unitPrice { amountMinor } } } } } } }',
    );
    const price = prices.data?.catalogProducts.edges[0].node.skus[0].prices[0];
    const customer = (await reseller.gql('{ customers(search: "Contoso Pharmacy", first: 1) { nodes { id } } }')).data
      ?.customers.nodes[0].id;
    const before = await credit();
    // Each cart takes 60 % of what is left: one fits, two together would not.
    const seats = Math.floor(
      ((before.limit.amountMinor - before.used.amountMinor) * 0.6) / Number(price.unitPrice.amountMinor),
    );
    expect(seats).toBeGreaterThan(0);
    const fillCart = async () => {
      const added = await reseller.gql(
        `mutation { addToCart(resellerId: "${resellerId}", priceId: ${Number(price.id)}) { ... on Cart { lines { id } } } }`,
      );
      await reseller.gql(
        `mutation { setCartQuantity(resellerId: "${resellerId}", lineId: "${added.data?.addToCart.lines[0].id}", quantity: ${seats}) { __typename } }`,
      );
      await reseller.gql(
        `mutation { bindCartCustomer(resellerId: "${resellerId}", customerId: "${customer}") { __typename } }`,
      );
    };
    const buyOnTerms = (key: string) =>
      reseller.gql(
        `mutation { buy(resellerId: "${resellerId}", input: { idempotencyKey: "${key}", paymentMethod: "TERMS" }) { __typename ... on OrderPlaced { order { total { amountMinor } } } ... on BuyRefused { code } ... on PurchaseNotReady { code } } }`,
      );

    await fillCart();
    const racing = await Promise.all(Array.from({ length: 10 }, (_, i) => buyOnTerms(`terms-parallel-${i}`)));
    const placed = racing.filter((r) => r.data?.buy.__typename === 'OrderPlaced');
    expect(placed).toHaveLength(1);
    await fillCart();
    const second = await Promise.all(Array.from({ length: 5 }, (_, i) => buyOnTerms(`terms-parallel-second-${i}`)));
    expect(second.filter((r) => r.data?.buy.__typename === 'OrderPlaced')).toHaveLength(0);
    expect(second.map((r) => r.data?.buy.code)).toContain('NOT_READY');

    const after = await credit();
    expect(after.used.amountMinor).toBe(before.used.amountMinor + placed[0]!.data!.buy.order.total.amountMinor);
    expect(after.used.amountMinor).toBeLessThanOrEqual(after.limit.amountMinor);
  });
});

describe('R2: the credit a purchase may use', () => {
  it('is the latest limit less charges plus releases in its currency, summed by the database, as the ledger view shows', async () => {
    const t = await createTestApp();
    try {
      await seedUsers(t.app);
      const [{ id: resellerId }] = await t.app.db.read.query('SELECT id FROM reseller ORDER BY id LIMIT 1');
      const system = systemContext(t.clock, 'test');
      const entry = (kind: LedgerKind, amountMinor: number, currency = 'USD') =>
        t.app.db.transaction(system, (tx) =>
          new LedgerRepository(t.app.db).append(tx, {
            resellerId,
            at: t.clock.now().toISOString(),
            kind,
            amountMinor,
            currency,
            reference: null,
            note: kind,
          }),
        );
      const bothAgree = async () => {
        const standing = await t.app.terms.standing(system, resellerId);
        const expected = standing.limit ? { limit: standing.limit, used: standing.used } : null;
        expect(await t.app.terms.creditInUse(system, resellerId)).toEqual(expected);
        expect(await t.app.db.transaction(system, (tx) => t.app.terms.creditInUse(tx, resellerId))).toEqual(expected);
        return expected;
      };
      expect(await bothAgree()).toBeNull();
      await entry('LIMIT_SET', 100_000);
      await entry('ORDER_CHARGED', 30_000);
      await entry('ORDER_CHARGED', 25_000);
      await entry('RETURN_RELEASED', 5_000);
      await entry('ORDER_CHARGED', 7_000, 'EUR');
      expect(await bothAgree()).toEqual({
        limit: { amountMinor: 100_000, currency: 'USD' },
        used: { amountMinor: 50_000, currency: 'USD' },
      });
      await entry('LIMIT_SET', 200_000);
      expect(await bothAgree()).toEqual({
        limit: { amountMinor: 200_000, currency: 'USD' },
        used: { amountMinor: 50_000, currency: 'USD' },
      });
    } finally {
      await t.close();
    }
  });
});
