import { systemContext } from '../platform/request-context.js';
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { CustomerEntity } from '../customers/customer.entity.js';
import { ResellerEntity } from '../resellers/reseller.entity.js';
import { AuditEntryEntity } from '../audit/audit-entry.entity.js';
import { UNLOCKS_PER_ACCOUNT_PER_DAY } from './login-help.service.js';
import { createTestApp, importPriceList, TestClient, type TestApp } from '../test-support/test-app.js';
import { demo, seedUsers } from '../test-support/users.js';

const DAY = 24 * 3_600_000;

describe('support desk: cases, invoices, returns and sign-in help (R24)', () => {
  let t: TestApp;
  let reseller: TestClient;
  let support: TestClient;
  let resellerId: string;
  let orderId: string;
  let caseId: string;

  beforeAll(async () => {
    t = await createTestApp({ TAX_RATE_BASIS_POINTS: '825', PROVISIONING_DELAY_SECONDS: '1' });
    await importPriceList(t.app);
    await seedUsers(t.app);
    reseller = await TestClient.start(t.app);
    await reseller.signIn(demo('reseller').email, demo('reseller').password);
    resellerId = (await reseller.gql('{ me { resellerId } }')).data?.me.resellerId;
    support = reseller.fork();
    await support.signIn(demo('support').email, demo('support').password);
    orderId = await buyAndProvision(4);
  });
  afterAll(async () => {
    await reseller.stop();
    await t.close();
  });

  async function buyAndProvision(quantity: number): Promise<string> {
    const prices = await reseller.gql(
      '{ catalogProducts(filter: { segment: COMMERCIAL, terms: [P1Y], billingPlans: [MONTHLY] }, first: 1) { edges { node { skus { prices { id } } } } } }',
    );
    const added = await reseller.gql(
      `mutation { addToCart(resellerId: "${resellerId}", priceId: ${Number(prices.data?.catalogProducts.edges[0].node.skus[0].prices[0].id)}) { ... on Cart { lines { id } } } }`,
    );
    await reseller.gql(
      `mutation { setCartQuantity(resellerId: "${resellerId}", lineId: "${added.data?.addToCart.lines[0].id}", quantity: ${quantity}) { __typename } }`,
    );
    const customer = (await reseller.gql('{ customers(search: "Contoso Pharmacy", first: 1) { nodes { id } } }')).data
      ?.customers.nodes[0].id;
    await reseller.gql(
      `mutation { bindCartCustomer(resellerId: "${resellerId}", customerId: "${customer}") { __typename } }`,
    );
    const bought = await reseller.gql(
      `mutation { buy(resellerId: "${resellerId}", input: { idempotencyKey: "support-${Date.now()}-${quantity}", poNumber: "PO-42" }) { ... on OrderPlaced { order { id } } } }`,
    );
    await t.app.jobs.runDue();
    t.clock.advance(1000);
    await t.app.jobs.runDue();
    return bought.data?.buy.order.id;
  }

  it('opens a case for the reseller, with the order it concerns, and refuses bad input field by field', async () => {
    const bad = await reseller.gql(
      `mutation { openSupportCase(resellerId: "${resellerId}", input: { type: "COMPLAINT", subject: "", text: "" }) { ... on ValidationFailed { fields { field } } } }`,
    );
    expect(bad.data?.openSupportCase.fields.map((f: { field: string }) => f.field).sort()).toEqual([
      'subject',
      'text',
      'type',
    ]);
    const opened = await reseller.gql(
      `mutation($r: ID!, $o: ID!) { openSupportCase(resellerId: $r, input: { type: "RETURN", priority: "HIGH", subject: "Too many seats", text: "We ordered 4 seats, we need 2.", orderId: $o }) { ... on CaseSaved { supportCase { id number status priority comments { kind text authorEmail } } } } }`,
      { r: resellerId, o: orderId },
    );
    expect(opened.data?.openSupportCase.supportCase).toMatchObject({
      number: expect.stringMatching(/^CS-\d{6}$/),
      status: 'OPEN',
      priority: 'HIGH',
      comments: [{ kind: 'COMMENT', authorEmail: 'reseller@demo.test' }],
    });
    caseId = opened.data?.openSupportCase.supportCase.id;
    const queue = await support.gql('{ supportCases(statuses: ["OPEN"], first: 10) { nodes { id ageHours } } }');
    expect(queue.data?.supportCases.nodes).toEqual([{ id: caseId, ageHours: 0 }]);
  });

  it('lists cases with reseller and customer names, one reseller’s on request, sorted on a column; a reseller opens one without an order', async () => {
    const general = await reseller.gql(
      `mutation { openSupportCase(resellerId: "${resellerId}", input: { type: "BILLING", subject: "A question about our statement", text: "Which card is charged?" }) { ... on CaseSaved { supportCase { id orderId customerName } } } }`,
    );
    expect(general.data?.openSupportCase.supportCase).toMatchObject({ orderId: null, customerName: null });
    const listed = (
      await support.gql(
        `{ supportCases(resellerId: "${resellerId}", sortBy: SUBJECT, first: 10) { nodes { subject resellerName customerName } } }`,
      )
    ).data?.supportCases.nodes;
    expect(listed).toEqual([
      { subject: 'A question about our statement', resellerName: 'Demo Reseller Co', customerName: null },
      { subject: 'Too many seats', resellerName: 'Demo Reseller Co', customerName: null },
    ]);
    const reversed = (
      await support.gql('{ supportCases(sortBy: SUBJECT, direction: DESC, first: 10) { nodes { subject } } }')
    ).data?.supportCases.nodes.map((c: { subject: string }) => c.subject);
    expect(reversed).toEqual(['Too many seats', 'A question about our statement']);
    expect(
      (
        await support.gql(
          '{ supportCases(resellerId: "00000000-0000-4000-8000-000000000000", first: 10) { nodes { id } } }',
        )
      ).data?.supportCases.nodes,
    ).toEqual([]);
    // A reseller sees its own cases, and asking for another reseller's is refused.
    expect(
      (await reseller.gql('{ supportCases(first: 10) { nodes { resellerName } } }')).data?.supportCases.nodes,
    ).toHaveLength(2);
    expect(
      (
        await reseller.gql(
          '{ supportCases(resellerId: "00000000-0000-4000-8000-000000000000", first: 10) { nodes { id } } }',
        )
      ).errors?.[0].extensions?.code,
    ).toBe('FORBIDDEN');
    const closed = (
      await support.gql(`{ supportCase(id: "${general.data?.openSupportCase.supportCase.id}") { version } }`)
    ).data?.supportCase;
    await support.gql(
      `mutation { updateSupportCase(id: "${general.data?.openSupportCase.supportCase.id}", version: ${closed.version}, status: "CLOSED") { __typename } }`,
    );
  });

  it('R24: moves a case along its lifecycle only: a closed case stays closed, and the refusal says where it may go', async () => {
    const closedId = (await support.gql('{ supportCases(statuses: ["CLOSED"], first: 1) { nodes { id version } } }'))
      .data?.supportCases.nodes[0];
    const reopen = await support.gql(
      `mutation { updateSupportCase(id: "${closedId.id}", version: ${closedId.version}, status: "OPEN") { __typename ... on ValidationFailed { fields { field code message } } } }`,
    );
    expect(reopen.data?.updateSupportCase).toEqual({
      __typename: 'ValidationFailed',
      fields: [
        {
          field: 'status',
          code: 'ILLEGAL_TRANSITION',
          message: expect.stringMatching(/stays closed; open a new case/),
        },
      ],
    });
    expect((await support.gql(`{ supportCase(id: "${closedId.id}") { status version } }`)).data?.supportCase).toEqual({
      status: 'CLOSED',
      version: closedId.version,
    });
  });

  it('finds audit entries by the actor’s name or email and the entity’s name, and names the entity', async () => {
    const entries = async (filter: Record<string, string>, direction = 'DESC') =>
      (await t.app.audit.list(systemContext(t.app.clock, 'test'), { ...filter }, 50, null, direction as 'ASC' | 'DESC'))
        .entries;
    const byName = await entries({ entity: 'too many' });
    expect(byName.map((e) => e.operation)).toContain('support.openCase');
    expect(new Set(byName.map((e) => e.entityId)).size).toBe(1);
    const byActor = await entries({ actor: 'Sid Supp' });
    expect(byActor.length).toBeGreaterThan(0);
    expect(byActor.every((e) => e.actorEmail === 'support@demo.test')).toBe(true);
    expect(await entries({ actor: 'nobody-by-this-name' })).toEqual([]);
    const oldestFirst = await entries({ actor: 'support@demo' }, 'ASC');
    expect(oldestFirst.map((e) => e.at)).toEqual([...byActor].reverse().map((e) => e.at));
    const admin = reseller.fork();
    await admin.signIn(demo('admin').email, demo('admin').password);
    const named = (
      await admin.gql(
        '{ auditEntries(filter: { entity: "Demo Reseller Co", operation: "seed.createReseller" }, first: 5) { nodes { entityType entityName } } }',
      )
    ).data?.auditEntries.nodes;
    expect(named).toEqual([{ entityType: 'Reseller', entityName: 'Demo Reseller Co' }]);
  });

  it('takes a case and changes its status, refusing a stale version', async () => {
    const current = (await support.gql(`{ supportCase(id: "${caseId}") { version } }`)).data?.supportCase;
    const mine = await support.gql(
      `mutation { updateSupportCase(id: "${caseId}", version: ${current.version}, assignToMe: true, status: "WAITING_ON_RESELLER") { ... on CaseSaved { supportCase { assigneeEmail status } } } }`,
    );
    expect(mine.data?.updateSupportCase.supportCase).toEqual({
      assigneeEmail: 'support@demo.test',
      status: 'WAITING_ON_RESELLER',
    });
    const stale = await support.gql(
      `mutation { updateSupportCase(id: "${caseId}", version: ${current.version}, status: "RESOLVED") { __typename } }`,
    );
    expect(stale.data?.updateSupportCase.__typename).toBe('VersionConflict');
  });

  it('shows the order’s invoice with tax as configured and serves it as a PDF to whoever may see the order', async () => {
    const invoice = (
      await support.gql(
        `{ invoice(orderId: "${orderId}") { number soNumber poNumber subtotal { amountMinor } tax { amountMinor } total { amountMinor } taxRateBasisPoints pdfUrl } }`,
      )
    ).data?.invoice;
    expect(invoice.number).toBe(`INV-${invoice.soNumber.slice(3)}`);
    expect(invoice.poNumber).toBe('PO-42');
    expect(invoice.tax.amountMinor).toBe(Math.floor((invoice.subtotal.amountMinor * 825 + 5000) / 10000));
    expect(invoice.total.amountMinor).toBe(invoice.subtotal.amountMinor + invoice.tax.amountMinor);
    const pdf = await fetch(`${reseller.http.url}${invoice.pdfUrl}`, { headers: { cookie: reseller.sessionCookie! } });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('cache-control')).toBe('private, no-store');
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    expect((await fetch(`${reseller.http.url}${invoice.pdfUrl}`)).status).toBe(401);
    expect((await support.gql(`mutation { resendInvoice(orderId: "${orderId}") }`)).data?.resendInvoice).toBe(true);
    await t.app.jobs.runDue();
    const mails = await t.app.mail.list(systemContext(t.clock, 'test'), { relatedType: 'Order', relatedId: orderId });
    expect(mails.find((m) => m.subject.startsWith('Invoice'))).toMatchObject({ to: 'reseller@demo.test' });
  });

  it('writes invoice PDFs in fonts that cover Latin Extended, Greek, Cyrillic, CJK and emoji: every name comes back as typed', async () => {
    const names = { reseller: 'Łódź Café 株式会社 🚀 Ωmega', customer: 'Кириллица Ελληνικά 한국어 주식회사' };
    const order = (await support.gql(`{ order(id: "${orderId}") { customerId } }`)).data?.order;
    const before = {
      reseller: await t.app.db.read.findOneByOrFail(ResellerEntity, { id: resellerId }),
      customer: await t.app.db.read.findOneByOrFail(CustomerEntity, { id: order.customerId }),
    };
    onTestFinished(() =>
      t.app.db.transaction(async (m) => {
        await m.update(ResellerEntity, resellerId, { companyName: before.reseller.companyName });
        await m.update(CustomerEntity, order.customerId, { companyName: before.customer.companyName });
      }),
    );
    await t.app.db.transaction(async (m) => {
      await m.update(ResellerEntity, resellerId, { companyName: names.reseller });
      await m.update(CustomerEntity, order.customerId, { companyName: names.customer });
    });
    const invoice = (await support.gql(`{ invoice(orderId: "${orderId}") { pdfUrl } }`)).data?.invoice;
    const pdf = Buffer.from(
      await (
        await fetch(`${reseller.http.url}${invoice.pdfUrl}`, { headers: { cookie: reseller.sessionCookie! } })
      ).arrayBuffer(),
    );
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: pdf }).toString('utf8');
    expect(text).toContain(names.reseller);
    expect(text).toContain(names.customer);
  });

  it('R24: shows eligibility before submitting, returns seats within 7 days with a prorated refund, idempotently', async () => {
    t.clock.advance(2 * DAY);
    await reseller.signIn(demo('reseller').email, demo('reseller').password);
    await support.signIn(demo('support').email, demo('support').password);
    const options = (
      await support.gql(
        `{ returnOptions(orderId: "${orderId}") { orderLineId allowed quantity refund { amountMinor } windowClosesAt } }`,
      )
    ).data?.returnOptions;
    expect(options[0]).toMatchObject({ allowed: true, quantity: 4 });
    const line = options[0].orderLineId;
    const ret = `mutation($q: Int!, $k: Code!) { returnOrderLine(orderLineId: "${line}", quantity: $q, idempotencyKey: $k, caseId: "${caseId}") {
      __typename ... on ReturnDone { replayed creditNote { number quantity amount { amountMinor } refundMethod } } ... on ReturnRefused { code message windowClosedAt } } }`;
    // The refund is quoted for the seats chosen, before anything is submitted.
    const quoted = (
      await support.gql(
        `query($q: [ReturnQuantityInput!]) { returnOptions(orderId: "${orderId}", quantities: $q) { refundQuantity refund { amountMinor } } }`,
        { q: [{ orderLineId: line, quantity: 2 }] },
      )
    ).data?.returnOptions[0];
    expect(quoted.refundQuantity).toBe(2);
    expect(quoted.refund.amountMinor).toBeLessThan(options[0].refund.amountMinor);
    const first = (await support.gql(ret, { q: 2, k: 'return-line-0001' })).data?.returnOrderLine;
    expect(first).toMatchObject({
      __typename: 'ReturnDone',
      replayed: false,
      creditNote: { quantity: 2, refundMethod: 'CARD_REFUND' },
    });
    expect(first.creditNote.amount.amountMinor).toBe(quoted.refund.amountMinor);

    // The invoice shows the return: seats returned on the line, its credit note as a PDF, the total net of it.
    const invoice = (
      await reseller.gql(
        `{ invoice(orderId: "${orderId}") { number total { amountMinor } refunded { amountMinor } netTotal { amountMinor } lines { quantity returnedQuantity } creditNotes { number description amount { amountMinor } pdfUrl } } }`,
      )
    ).data?.invoice;
    expect(invoice.lines[0]).toEqual({ quantity: 4, returnedQuantity: 2 });
    expect(invoice.creditNotes).toEqual([
      {
        number: first.creditNote.number,
        description: expect.stringMatching(/^2 × .* returned$/),
        amount: { amountMinor: first.creditNote.amount.amountMinor },
        pdfUrl: expect.stringMatching(/^\/invoices\/.*\/credit-notes\/.*\.pdf$/),
      },
    ]);
    expect(invoice.netTotal.amountMinor).toBe(invoice.total.amountMinor - first.creditNote.amount.amountMinor);
    const note = await fetch(`${reseller.http.url}${invoice.creditNotes[0].pdfUrl}`, {
      headers: { cookie: reseller.sessionCookie! },
    });
    expect(note.status).toBe(200);
    expect(note.headers.get('cache-control')).toBe('private, no-store');
    const noteText = execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], {
      input: Buffer.from(await note.arrayBuffer()),
    }).toString('utf8');
    expect(noteText).toContain(`Credit note ${first.creditNote.number}`);
    expect(noteText).toContain(`against invoice ${invoice.number}`);
    expect((await fetch(`${reseller.http.url}${invoice.creditNotes[0].pdfUrl}`)).status).toBe(401);
    expect(
      (
        await fetch(`${reseller.http.url}/invoices/${orderId}/credit-notes/00000000-0000-0000-0000-000000000000.pdf`, {
          headers: { cookie: reseller.sessionCookie! },
        })
      ).status,
    ).toBe(404);
    expect(first.creditNote.amount.amountMinor).toBeLessThan(options[0].refund.amountMinor / 2 + 1);
    const again = (await support.gql(ret, { q: 2, k: 'return-line-0001' })).data?.returnOrderLine;
    expect(again).toMatchObject({ replayed: true, creditNote: { number: first.creditNote.number } });
    const order = (await support.gql(`{ order(id: "${orderId}") { status events { message } } }`)).data?.order;
    expect(order.status).toBe('PARTIALLY_RETURNED');
    expect(order.events.at(-1).message).toMatch(/2 × .* returned; credit note CN-/);
    const thread = (await support.gql(`{ supportCase(id: "${caseId}") { comments { kind text } } }`)).data?.supportCase
      .comments;
    expect(thread.at(-1)).toMatchObject({ kind: 'ACTION', text: expect.stringMatching(/Returned 2 ×/) });
  });

  it('never refunds more than was paid under concurrent returns of one line', async () => {
    const options = (await support.gql(`{ returnOptions(orderId: "${orderId}") { orderLineId } }`)).data?.returnOptions;
    const results = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        support.gql(
          `mutation { returnOrderLine(orderLineId: "${options[0].orderLineId}", quantity: 2, idempotencyKey: "parallel-return-${i}") { __typename ... on ReturnRefused { code } } }`,
        ),
      ),
    );
    const done = results.filter((r) => r.data?.returnOrderLine.__typename === 'ReturnDone');
    expect(done).toHaveLength(1);
    const line = (await support.gql(`{ order(id: "${orderId}") { status lines { quantity } } }`)).data?.order;
    expect(line.status).toBe('RETURNED');
  });

  it('R24: refuses a return after the window, with the date it closed', async () => {
    const late = await buyAndProvision(1);
    t.clock.advance(8 * DAY);
    await support.signIn(demo('support').email, demo('support').password);
    const options = (
      await support.gql(`{ returnOptions(orderId: "${late}") { orderLineId allowed code windowClosesAt } }`)
    ).data?.returnOptions;
    expect(options[0]).toMatchObject({ allowed: false, code: 'RETURN_WINDOW_CLOSED' });
    const refused = (
      await support.gql(
        `mutation { returnOrderLine(orderLineId: "${options[0].orderLineId}", quantity: 1, idempotencyKey: "late-return-0001") { ... on ReturnRefused { code message windowClosedAt } } }`,
      )
    ).data?.returnOrderLine;
    expect(refused).toMatchObject({
      code: 'RETURN_WINDOW_CLOSED',
      windowClosedAt: options[0].windowClosesAt,
      message: expect.stringMatching(/closed on/),
    });
  });

  it('helps with sign-in: unlocks a throttled account, emails a reset link, regenerates a portal password, finds a login’s owner', async () => {
    const victim = reseller.fork();
    for (let i = 0; i < 5; i += 1) await victim.signIn(demo('reseller').email, `wrong ${i}`);
    expect((await victim.signIn(demo('reseller').email, demo('reseller').password)).data?.signIn.code).toBe(
      'TOO_MANY_ATTEMPTS',
    );
    expect(
      (
        await support.gql(
          `mutation { unlockSignIn(email: "${demo('reseller').email}") { ... on SignInUnlocked { cleared } } }`,
        )
      ).data?.unlockSignIn,
    ).toEqual({ cleared: 5 });
    expect((await victim.signIn(demo('reseller').email, demo('reseller').password)).data?.signIn.__typename).toBe(
      'SignedIn',
    );

    expect(
      (await t.app.db.read.findBy(AuditEntryEntity, { operation: 'support.unlockSignIn' })).map((e) => e.entityId),
    ).toEqual([demo('reseller').email]);

    expect(
      (await support.gql(`mutation { sendPasswordReset(email: "${demo('reseller').email}") { code } }`)).data
        ?.sendPasswordReset,
    ).toBeNull();
    await t.app.jobs.runDue();
    const mails = await t.app.mail.list(systemContext(t.clock, 'test'), { relatedType: 'User' });
    expect(mails[0]).toMatchObject({ to: 'reseller@demo.test', body: expect.stringMatching(/reset-password\?token=/) });

    const owner = (
      await support.gql(
        '{ portalLoginOwner(login: "CONTOSO.pharmacy") { customer { id companyName } reseller { companyName } } }',
      )
    ).data?.portalLoginOwner;
    expect(owner).toMatchObject({
      customer: { companyName: 'Contoso Pharmacy' },
      reseller: { companyName: 'Demo Reseller Co' },
    });
    const reveal = `mutation { revealPortalPassword(customerId: "${owner.customer.id}") { value } }`;
    const before = (await support.gql(reveal)).data?.revealPortalPassword.value;
    expect(
      (await support.gql(`mutation { regeneratePortalPassword(customerId: "${owner.customer.id}") }`)).data
        ?.regeneratePortalPassword,
    ).toBe(true);
    expect((await support.gql(reveal)).data?.revealPortalPassword.value).not.toBe(before);
  });

  it('unlocks reseller users only: a staff account needs an admin, and unlocking is rationed per account and per person', async () => {
    const UNLOCK = `mutation($e: EmailText!) { unlockSignIn(email: $e) { __typename ... on SignInUnlocked { cleared } ... on OperationRefused { code message } } }`;
    t.clock.advance(DAY + 1000); // past the unlock the test before made
    await support.signIn(demo('support').email, demo('support').password);
    const admin = support.fork();
    await admin.signIn(demo('admin').email, demo('admin').password);
    // Support may not lift the lock on an admin's account (that would allow guessing in cycles).
    const refused = (await support.gql(UNLOCK, { e: demo('admin').email })).data?.unlockSignIn;
    expect(refused).toMatchObject({ __typename: 'OperationRefused', code: 'ADMIN_REQUIRED' });
    expect((await admin.gql(UNLOCK, { e: demo('credit').email })).data?.unlockSignIn).toMatchObject({
      __typename: 'SignInUnlocked',
    });
    expect((await support.gql(UNLOCK, { e: 'nobody@demo.test' })).data?.unlockSignIn).toMatchObject({
      code: 'USER_NOT_FOUND',
    });

    // One account: at most UNLOCKS_PER_ACCOUNT_PER_DAY a day, by anyone; after a day, again.
    for (let i = 0; i < UNLOCKS_PER_ACCOUNT_PER_DAY; i += 1)
      expect((await support.gql(UNLOCK, { e: demo('reseller').email })).data?.unlockSignIn.__typename).toBe(
        'SignInUnlocked',
      );
    expect((await admin.gql(UNLOCK, { e: demo('reseller').email })).data?.unlockSignIn).toMatchObject({
      code: 'UNLOCK_LIMIT',
      message: expect.stringMatching(/reset link/),
    });
    t.clock.advance(DAY + 1000);
    await support.signIn(demo('support').email, demo('support').password);
    expect((await support.gql(UNLOCK, { e: demo('reseller').email })).data?.unlockSignIn.__typename).toBe(
      'SignInUnlocked',
    );
    const audited = await t.app.db.read.findBy(AuditEntryEntity, {
      operation: 'support.unlockSignIn',
      entityId: demo('reseller').email,
    });
    expect(audited.length).toBe(UNLOCKS_PER_ACCOUNT_PER_DAY + 2);
  });
});
