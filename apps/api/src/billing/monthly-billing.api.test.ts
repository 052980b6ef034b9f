import { execFileSync } from 'node:child_process';
import { correctedInvoiceTotals, creditNoteTotals, monthlyInvoiceTotals } from '@nce/domain';
import { AuditEntryEntity } from '../audit/audit-entry.entity.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../platform/request-context.js';
import { SubscriptionChargeEntity } from '../subscriptions/entities.js';
import { LedgerRepository } from '../terms/ledger.repository.js';
import { buyProvisioned, demoResellerCaller, priceIdOfSku, type Caller } from '../test-support/purchases.js';
import { createTestApp, importPriceList, staff, TestClient, type TestApp } from '../test-support/test-app.js';
import { seedUsers } from '../test-support/users.js';
import { BillingRunEntity, MonthlyInvoiceEntity } from './entities.js';

const INVOICES = `{ nodes { number month resellerName charges subtotal { amountMinor } tax { amountMinor }
  total { amountMinor } paid { amountMinor } due { amountMinor } dueDate pdfUrl } pageInfo { hasNextPage } }`;
const CLOSE = `mutation($m: Code!) { closeBillingMonth(month: $m) { __typename
  ... on BillingRun { month status invoices } ... on BusinessError { code message } } }`;

describe('monthly billing: the month closed into one invoice per reseller, once (S18, S20)', () => {
  let t: TestApp;
  let client: TestClient;
  let reseller: Caller;
  let resellerId: string;
  const finance: Caller = { gql: (query, variables = {}) => client.gql(query, variables, staff('credit')) };

  beforeAll(async () => {
    t = await createTestApp({ TAX_RATE_BASIS_POINTS: '825', BILLING_NET_DAYS: '30' });
    await importPriceList(t.app);
    await seedUsers(t.app);
    client = await TestClient.start(t.app);
    ({ reseller, resellerId } = await demoResellerCaller(client));
    const monthly = await priceIdOfSku(reseller, 'Microsoft 365 Business Basic', 'P1M', 'MONTHLY');
    await buyProvisioned(t, reseller, resellerId, { customer: 'Card Buyer', priceId: monthly, quantity: 4 });
    // And a purchase on terms, due on the invoice's terms.
    await t.app.db.transaction(systemContext(t.clock, 'test'), async (tx) => {
      await new LedgerRepository(t.app.db).append(tx, {
        resellerId,
        at: t.clock.now().toISOString(),
        kind: 'LIMIT_SET',
        amountMinor: 5_000_000,
        currency: 'USD',
        reference: null,
        note: 'test limit',
      });
      await t.app.resellers.payOnTerms(tx, resellerId);
    });
    await buyProvisioned(t, reseller, resellerId, {
      customer: 'Terms Buyer',
      priceId: monthly,
      quantity: 2,
      paymentMethod: 'TERMS',
    });
  });
  afterAll(async () => {
    await client.stop();
    await t.close();
  });

  it('S18: refuses to close a month that has not ended, or is no month; writes nothing', async () => {
    expect((await finance.gql(CLOSE, { m: '2026-11' })).data?.closeBillingMonth).toMatchObject({
      code: 'MONTH_NOT_ENDED',
    });
    expect((await finance.gql(CLOSE, { m: '2026-13' })).data?.closeBillingMonth).toMatchObject({
      code: 'MONTH_INVALID',
    });
    expect((await reseller.gql(CLOSE, { m: '2026-10' })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await t.app.db.read.count(BillingRunEntity)).toBe(0);
  });

  it('S18: one invoice for the reseller’s month: card charges paid, terms charges due in net days, tax as configured', async () => {
    t.clock.set(new Date('2026-12-01T02:00:00Z'));
    const started = (await finance.gql(CLOSE, { m: '2026-11' })).data?.closeBillingMonth;
    expect(started).toMatchObject({ __typename: 'BillingRun', month: '2026-11', status: 'RUNNING' });
    await t.app.jobs.runDue();
    const run = (await finance.gql('{ billingRun(month: "2026-11") { status invoices finishedAt } }')).data?.billingRun;
    expect(run).toMatchObject({ status: 'DONE', invoices: 1 });

    const charges = await t.app.db.read.findBy(SubscriptionChargeEntity, { resellerId });
    const sum = (method: string) =>
      charges.filter((c) => c.paymentMethod === method).reduce((s, c) => s + c.amountMinor, 0);
    const expected = monthlyInvoiceTotals(
      [
        { paymentMethod: 'CREDIT_CARD', amountMinor: sum('CREDIT_CARD'), charges: 0 },
        { paymentMethod: 'TERMS', amountMinor: sum('TERMS'), charges: 0 },
      ],
      825,
    );
    expect(sum('TERMS')).toBeGreaterThan(0);
    const listed = await finance.gql(`{ monthlyInvoices(first: 10, month: "2026-11") ${INVOICES} }`);
    const invoice = listed.data?.monthlyInvoices.nodes[0];
    expect(invoice).toMatchObject({
      number: 'MI-202611-00001',
      month: '2026-11',
      resellerName: 'Demo Reseller Co',
      charges: charges.length,
      subtotal: { amountMinor: expected.subtotalMinor },
      tax: { amountMinor: expected.taxMinor },
      total: { amountMinor: expected.totalMinor },
      paid: { amountMinor: expected.paidMinor },
      due: { amountMinor: expected.dueMinor },
      dueDate: '2026-12-31',
    });
    // The reseller sees its own; its PDF downloads for it.
    const own = (await reseller.gql(`{ monthlyInvoices(first: 10) ${INVOICES} }`)).data?.monthlyInvoices.nodes;
    expect(own.map((i: { number: string }) => i.number)).toEqual(['MI-202611-00001']);
    const pdfAs = (principal: unknown) =>
      fetch(`${client.http.url}${invoice.pdfUrl}`, { headers: { 'x-test-principal': JSON.stringify(principal) } });
    const pdf = await pdfAs(staff('credit'));
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect((await pdf.arrayBuffer()).byteLength).toBeGreaterThan(1_000);
    const stranger = {
      kind: 'reseller',
      userId: 'x',
      email: 'x@x.example',
      resellerId: '11111111-2222-4333-8444-555555555555',
    };
    expect((await pdfAs(stranger)).status).toBe(403);
  });

  it('emails each reseller its invoice once, and support or finance can send it again; a reseller cannot', async () => {
    await t.app.jobs.runDue();
    const [invoice] = await t.app.db.read.findBy(MonthlyInvoiceEntity, { month: '2026-11' });
    const mails = () =>
      t.app.mail.list(systemContext(t.clock, 'test'), { relatedType: 'MonthlyInvoice', relatedId: invoice!.id });
    const sent = await mails();
    expect(sent.map((m) => m.subject)).toEqual(['Invoice MI-202611-00001 for 2026-11']);
    expect(sent[0]!.body).toContain(`/billing/invoices/${invoice!.id}.pdf`);
    const resend = (caller: Caller) =>
      caller.gql(
        `mutation($id: ID!) { resendMonthlyInvoice(id: $id) { __typename ... on InvoiceResent { number } ... on BusinessError { code } } }`,
        {
          id: invoice!.id,
        },
      );
    expect(
      (await resend({ gql: (q, v = {}) => client.gql(q, v, staff('support')) })).data?.resendMonthlyInvoice,
    ).toEqual({
      __typename: 'InvoiceResent',
      number: 'MI-202611-00001',
    });
    expect((await resend(reseller)).data?.resendMonthlyInvoice).toMatchObject({ code: 'FORBIDDEN' });
    await t.app.jobs.runDue();
    expect(await mails()).toHaveLength(2);
  });

  it('S20: closing again changes nothing: one run a month, the invoice issued is never edited', async () => {
    const before = await t.app.db.read.find(MonthlyInvoiceEntity);
    expect((await finance.gql(CLOSE, { m: '2026-11' })).data?.closeBillingMonth).toMatchObject({
      status: 'DONE',
      invoices: 1,
    });
    await t.app.jobs.runDue();
    expect(await t.app.db.read.find(MonthlyInvoiceEntity)).toEqual(before);
  });

  it('a run stopped mid-way (a crash after a commit) and run again issues each invoice exactly once, numbered as before', async () => {
    // October: charges of 7 resellers (written as the subscriptions context writes them), 2 invoices a commit.
    const parties = Array.from({ length: 7 }, (_, i) => `00000000-0000-4000-8000-00000000000${i}`);
    await t.app.db.transaction(async (m) => {
      for (const [i, party] of parties.entries())
        await m.insert(SubscriptionChargeEntity, {
          id: `10000000-0000-4000-8000-00000000000${i}`,
          subscriptionId: `20000000-0000-4000-8000-00000000000${i}`,
          resellerId: party,
          chargeType: 'new',
          quantity: i + 1,
          unitPriceMinor: 1_000,
          amountMinor: (i + 1) * 1_000,
          currency: 'USD',
          chargeStart: '2026-10-10T00:00:00.000Z',
          chargeEnd: '2026-11-10T00:00:00.000Z',
          at: '2026-10-10T00:00:00.000Z',
          paymentMethod: 'TERMS',
          reference: `test-${i}`,
        } as SubscriptionChargeEntity);
    });
    t.app.monthlyBilling.invoicesPerCommit = 2;
    let commits = 0;
    t.app.monthlyBilling.afterCommit = async () => {
      commits += 1;
      if (commits === 2) throw new Error('killed mid-way');
    };
    await finance.gql(CLOSE, { m: '2026-10' });
    await t.app.jobs.runDue();
    expect(await t.app.db.read.countBy(MonthlyInvoiceEntity, { month: '2026-10' })).toBe(4);
    expect((await t.app.db.read.findOneByOrFail(BillingRunEntity, { month: '2026-10' })).status).toBe('RUNNING');
    // The job runs again after its backoff, from the start: the four issued stay as they are.
    const issued = await t.app.db.read.findBy(MonthlyInvoiceEntity, { month: '2026-10' });
    t.clock.advance(60_000);
    await t.app.jobs.runDue();
    const all = await t.app.db.read.find(MonthlyInvoiceEntity, {
      where: { month: '2026-10' },
      order: { number: 'ASC' },
    });
    expect(all.map((i) => i.number)).toEqual(parties.map((_, i) => `MI-202610-0000${i + 1}`));
    expect(all.map((i) => i.resellerId)).toEqual(parties);
    expect(all.map((i) => i.subtotalMinor)).toEqual(parties.map((_, i) => (i + 1) * 1_000));
    for (const first of issued) expect(all.find((i) => i.id === first.id)).toEqual(first);
    expect((await t.app.db.read.findOneByOrFail(BillingRunEntity, { month: '2026-10' })).status).toBe('DONE');
  });

  describe('S20: a correction is a credit note cancelling the invoice and a new invoice replacing it', () => {
    const CORRECT = `mutation($input: CorrectInvoiceInput!) { correctMonthlyInvoice(input: $input) { __typename
      ... on InvoiceCorrected { creditNote { id number pdfUrl } invoice { id number pdfUrl } total { amountMinor }
        due { amountMinor } }
      ... on ValidationFailed { code fields { field code message } } ... on BusinessError { code message fix { label } } } }`;
    const LINKED = `{ monthlyInvoices(first: 10, month: "2026-11") { nodes { id number kind reason due { amountMinor }
      corrects { number } creditedBy { number } replacedBy { number } adjustments { description amount { amountMinor } } } } }`;
    const correct = (caller: Caller, input: Record<string, unknown>) =>
      caller.gql(CORRECT, { input }).then((r) => r.data?.correctMonthlyInvoice ?? r.errors?.[0]?.extensions);
    const pdfText = async (url: string) =>
      execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], {
        input: Buffer.from(
          await (
            await fetch(`${client.http.url}${url}`, {
              headers: { 'x-test-principal': JSON.stringify(staff('credit')) },
            })
          ).arrayBuffer(),
        ),
      }).toString('utf8');
    let original: MonthlyInvoiceEntity;

    beforeAll(async () => {
      original = await t.app.db.read.findOneByOrFail(MonthlyInvoiceEntity, { number: 'MI-202611-00001' });
    });

    it('S20: refuses a correction without a reason or with a bad line, and a reseller’s; writes nothing', async () => {
      const line = { description: 'Goodwill', amount: '-10.00' };
      expect(await correct(finance, { invoiceId: original.id, reason: ' ', adjustments: [line] })).toMatchObject({
        code: 'VALIDATION_FAILED',
        fields: [{ field: 'reason', code: 'REASON_REQUIRED' }],
      });
      expect(
        await correct(finance, { invoiceId: original.id, reason: 'r', adjustments: [{ ...line, amount: 'ten' }] }),
      ).toMatchObject({ fields: [{ field: 'adjustments', code: 'ADJUSTMENT_INVALID' }] });
      expect(await correct(finance, { invoiceId: original.id, reason: 'r', adjustments: [] })).toMatchObject({
        fields: [{ field: 'adjustments' }],
      });
      expect(
        await correct(finance, { invoiceId: '00000000-0000-4000-8000-000000000000', reason: 'r', adjustments: [line] }),
      ).toMatchObject({ code: 'NOT_FOUND' });
      expect(await correct(reseller, { invoiceId: original.id, reason: 'r', adjustments: [line] })).toMatchObject({
        code: 'FORBIDDEN',
      });
      expect(await t.app.db.read.countBy(MonthlyInvoiceEntity, { month: '2026-11' })).toBe(1);
    });

    it('S20: issues a credit note cancelling the invoice in full and a new invoice with the adjustment; the first is never edited', async () => {
      const corrected = await correct(finance, {
        invoiceId: original.id,
        reason: 'Seats removed inside the window were charged',
        adjustments: [{ description: 'Two seats refunded', amount: '-10.00' }],
      });
      expect(corrected).toMatchObject({
        __typename: 'InvoiceCorrected',
        creditNote: { number: 'CN-202611-00002' },
        invoice: { number: 'MI-202611-00003' },
      });
      expect(await t.app.db.read.findOneByOrFail(MonthlyInvoiceEntity, { id: original.id })).toEqual(original);
      const charges = await t.app.db.read.findBy(SubscriptionChargeEntity, { resellerId });
      const sums = (['CREDIT_CARD', 'TERMS'] as const).map((paymentMethod) => {
        const own = charges.filter((c) => c.paymentMethod === paymentMethod && c.at < '2026-12');
        return { paymentMethod, amountMinor: own.reduce((n, c) => n + c.amountMinor, 0), charges: own.length };
      });
      const expected = correctedInvoiceTotals(sums, [{ description: 'x', amountMinor: -1_000 }], 825);
      const credit = await t.app.db.read.findOneByOrFail(MonthlyInvoiceEntity, { number: 'CN-202611-00002' });
      const replacement = await t.app.db.read.findOneByOrFail(MonthlyInvoiceEntity, { number: 'MI-202611-00003' });
      expect(credit).toMatchObject({ ...creditNoteTotals(original), kind: 'CREDIT_NOTE', correctsId: original.id });
      expect(replacement).toMatchObject({ ...expected, kind: 'INVOICE', correctsId: original.id });
      expect(corrected.due.amountMinor).toBe(expected.dueMinor);
      // $10.00 less, and its 8.25 % tax (rounded on the whole of what is on terms).
      expect(original.dueMinor - corrected.due.amountMinor).toBeGreaterThanOrEqual(1_082);
      expect(original.dueMinor - corrected.due.amountMinor).toBeLessThanOrEqual(1_083);

      const listed = (await finance.gql(LINKED)).data?.monthlyInvoices.nodes;
      expect(listed.map((i: { number: string }) => i.number)).toEqual([
        'MI-202611-00003',
        'CN-202611-00002',
        'MI-202611-00001',
      ]);
      expect(listed[0]).toMatchObject({
        kind: 'INVOICE',
        reason: 'Seats removed inside the window were charged',
        corrects: { number: 'MI-202611-00001' },
        adjustments: [{ description: 'Two seats refunded', amount: { amountMinor: -1_000 } }],
      });
      expect(listed[1]).toMatchObject({ kind: 'CREDIT_NOTE', corrects: { number: 'MI-202611-00001' } });
      expect(listed[2]).toMatchObject({
        creditedBy: { number: 'CN-202611-00002' },
        replacedBy: { number: 'MI-202611-00003' },
        adjustments: [],
      });
      // The reseller sees all three, and is told by mail; the correction is audited.
      await t.app.jobs.runDue();
      expect((await reseller.gql(LINKED)).data?.monthlyInvoices.nodes).toHaveLength(3);
      const mails = await t.app.mail.list(systemContext(t.clock, 'test'), {
        relatedType: 'MonthlyInvoice',
        relatedId: replacement.id,
      });
      expect(mails.map((m) => m.subject)).toEqual([
        'Invoice MI-202611-00001 corrected: credit note CN-202611-00002, new invoice MI-202611-00003',
      ]);
      expect(mails[0]!.body).toContain(credit.id);
      expect(
        await t.app.db.read.findOneBy(AuditEntryEntity, { operation: 'billing.correctInvoice', entityId: original.id }),
      ).not.toBeNull();

      const notePdf = await pdfText(corrected.creditNote.pdfUrl);
      expect(notePdf).toContain('Credit note CN-202611-00002');
      expect(notePdf).toContain('Cancels invoice MI-202611-00001 in full');
      const invoicePdf = await pdfText(corrected.invoice.pdfUrl);
      expect(invoicePdf).toContain('Replaces invoice MI-202611-00001');
      expect(invoicePdf).toContain('Two seats refunded');
      expect(await pdfText(`/billing/invoices/${original.id}.pdf`)).toContain(
        'cancelled by credit note CN-202611-00002, replaced by invoice MI-202611-00003',
      );
    });

    it('S20: corrects only the latest invoice; a correction of a correction carries the earlier adjustments', async () => {
      const line = { description: 'Late fee waived', amount: '-5' };
      expect(await correct(finance, { invoiceId: original.id, reason: 'again', adjustments: [line] })).toMatchObject({
        code: 'INVOICE_ALREADY_CORRECTED',
        fix: { label: 'Correct MI-202611-00003' },
      });
      const credit = await t.app.db.read.findOneByOrFail(MonthlyInvoiceEntity, { number: 'CN-202611-00002' });
      expect(await correct(finance, { invoiceId: credit.id, reason: 'r', adjustments: [line] })).toMatchObject({
        code: 'NOT_AN_INVOICE',
      });
      const latest = await t.app.db.read.findOneByOrFail(MonthlyInvoiceEntity, { number: 'MI-202611-00003' });
      // Two corrections of one invoice at once: one is issued, the other is told it was corrected already.
      const both = await Promise.all([
        correct(finance, { invoiceId: latest.id, reason: 'Fee waived', adjustments: [line] }),
        correct(finance, { invoiceId: latest.id, reason: 'Fee waived', adjustments: [line] }),
      ]);
      expect(both.map((r) => r.__typename ?? r.code).sort()).toEqual(['InvoiceCorrected', 'OperationRefused']);
      const refused = both.find((r) => r.__typename !== 'InvoiceCorrected');
      expect(refused.code).toBe('INVOICE_ALREADY_CORRECTED');
      const newest = (await finance.gql(LINKED)).data?.monthlyInvoices.nodes[0];
      expect(newest).toMatchObject({
        number: 'MI-202611-00005',
        corrects: { number: 'MI-202611-00003' },
        adjustments: [
          { description: 'Two seats refunded', amount: { amountMinor: -1_000 } },
          { description: 'Late fee waived', amount: { amountMinor: -500 } },
        ],
      });
      expect(await t.app.db.read.countBy(MonthlyInvoiceEntity, { month: '2026-11' })).toBe(5);
      // The close's count of the month is its own invoices.
      expect((await finance.gql('{ billingRun(month: "2026-11") { invoices } }')).data?.billingRun.invoices).toBe(1);
    });

    it('a statement lists the period’s invoices and credit notes with their sums, for the reseller and finance', async () => {
      const get = (path: string, principal: unknown) =>
        fetch(`${client.http.url}${path}`, { headers: { 'x-test-principal': JSON.stringify(principal) } });
      const own = { kind: 'reseller', userId: 'u', email: 'u@demo.test', resellerId };
      const pdf = await get(`/billing/statements/${resellerId}.pdf?from=2026-10&to=2026-11`, own);
      expect(pdf.status).toBe(200);
      expect(pdf.headers.get('content-disposition')).toContain('statement-2026-10-to-2026-11.pdf');
      const text = execFileSync('pdftotext', ['-enc', 'UTF-8', '-layout', '-', '-'], {
        input: Buffer.from(await pdf.arrayBuffer()),
      }).toString('utf8');
      for (const number of [
        'MI-202611-00001',
        'CN-202611-00002',
        'MI-202611-00003',
        'CN-202611-00004',
        'MI-202611-00005',
      ])
        expect(text).toContain(number);
      const latest = await t.app.db.read.findOneByOrFail(MonthlyInvoiceEntity, { number: 'MI-202611-00005' });
      // Each credit note takes back its invoice: the sum is what the latest invoice asks.
      expect(text.replace(/\s+/g, ' ')).toContain(
        `USD: 5 document(s), total $${(latest.totalMinor / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}`,
      );
      // The default period: the twelve months before this one (the clock is in December 2026).
      expect(
        (await get(`/billing/statements/${resellerId}.pdf`, staff('credit'))).headers.get('content-disposition'),
      ).toContain('statement-2025-12-to-2026-11.pdf');
      const refused = await get(`/billing/statements/${resellerId}.pdf?from=2026-11&to=2026-10`, staff('credit'));
      expect(refused.status).toBe(400);
      expect(await refused.json()).toMatchObject({ code: 'PERIOD_INVALID' });
      const stranger = { ...own, resellerId: '11111111-2222-4333-8444-555555555555' };
      expect((await get(`/billing/statements/${resellerId}.pdf`, stranger)).status).toBe(403);
      expect((await get('/billing/statements/11111111-2222-4333-8444-555555555555.pdf', staff('credit'))).status).toBe(
        404,
      );
      expect((await fetch(`${client.http.url}/billing/statements/${resellerId}.pdf`)).status).toBe(401);
    });
  });
});
