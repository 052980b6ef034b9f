import { randomUUID } from 'node:crypto';
import {
  billingMonth,
  canCloseMonth,
  correctedInvoiceTotals,
  correctionFromInput,
  creditNoteNumber,
  creditNoteTotals,
  dueDateOf,
  formatMoney,
  money,
  monthlyInvoiceNumber,
  monthlyInvoiceTotals,
  statementPeriod,
  statementTotals,
} from '@nce/domain';
import type { AuditService } from '../audit/index.js';
import type { Database } from '../db/database.js';
import type { DomainEvent, DomainEvents } from '../platform/domain-events.js';
import type { Clock } from '../platform/clock.js';
import { checkPageSize, encodeCursor } from '../platform/cursor.js';
import type { JobQueue } from '../platform/jobs/job-queue.js';
import { pdfDocument } from '../platform/pdf-text.js';
import { Permission } from '../platform/permissions.js';
import { actingFor, requirePermission, systemContext, type RequestContext } from '../platform/request-context.js';
import { fail, invalidField, notFound, ok, type Result } from '../platform/result.js';
import type { MailService } from '../mail/index.js';
import type { ResellerEntity, ResellerService } from '../resellers/index.js';
import type { BillingRunEntity, MonthlyInvoiceEntity } from './entities.js';
import type { MonthlyInvoicesRepository } from './monthly-invoices.repository.js';
import { BillingPermission } from './reconciliation.service.js';

export const CLOSE_MONTH_JOB = 'billing.closeMonth';

/** An invoice or credit note issued, for webhooks: keyed by its party and revision, so a run again tells it once. */
const issuedEvent = (i: MonthlyInvoiceEntity): DomainEvent => ({
  type: 'invoice.issued',
  resellerId: i.resellerId,
  subject: { type: 'invoice', id: i.id },
  at: i.issuedAt,
  key: `invoice.issued:${i.month}:${i.resellerId}:${i.currency}:${i.revision}`,
  data: {
    invoiceId: i.id,
    number: i.number,
    kind: i.kind,
    month: i.month,
    total: { amountMinor: i.totalMinor, currency: i.currency },
    due: { amountMinor: i.dueMinor, currency: i.currency, by: i.dueDate },
    correctsId: i.correctsId,
  },
});

export interface MonthlyBillingSettings {
  taxRateBasisPoints: number;
  /** Days after the invoice that terms charges are due. */
  netDays: number;
}

/**
 * S18, S20: closing a month. One run a month (its job keyed by the month), restart-safe: the invoices are issued a
 * few hundred a transaction, each party at most once (unique by month, reseller and currency), numbered in a fixed
 * order, so a run killed mid-way and run again issues the rest, each invoice exactly once, as the first run would.
 */
export class MonthlyBillingService {
  /** Invoices issued a transaction: a run killed mid-way loses at most this many, issued again when it restarts. */
  invoicesPerCommit = 200;
  /** Called after each commit of a run (tests stop a run there, as a crash would). */
  afterCommit: (issued: number) => Promise<void> = async () => {};

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly jobs: JobQueue,
    private readonly audit: AuditService,
    private readonly resellers: ResellerService,
    private readonly invoices: MonthlyInvoicesRepository,
    private readonly mail: MailService,
    private readonly settings: MonthlyBillingSettings,
    private readonly publicUrl: () => string,
    private readonly events: DomainEvents | null = null,
  ) {
    jobs.register(
      CLOSE_MONTH_JOB,
      async (payload, _job, done) => {
        await this.issue(String(payload.month));
        await this.db.transaction((m) => done(m));
      },
      { long: true },
    );
  }

  async run(ctx: RequestContext, month: string): Promise<BillingRunEntity | null> {
    requirePermission(ctx, BillingPermission.Reconcile);
    return this.invoices.run(ctx, month);
  }

  /**
   * Closes a month that has ended: queues its run, once. Asking again answers the run as it is (running or done).
   */
  async close(ctx: RequestContext, month: string): Promise<Result<BillingRunEntity>> {
    requirePermission(ctx, BillingPermission.Close);
    const closable = canCloseMonth(month, this.clock.now());
    if (!closable.ok) return fail(closable.code, closable.message);
    return this.db.transaction(ctx, async (tx) => {
      const run: BillingRunEntity = {
        month,
        status: 'RUNNING',
        startedAt: this.clock.now().toISOString(),
        startedBy: ctx.principal?.kind === 'staff' ? ctx.principal.email : 'system',
        finishedAt: null,
        invoices: 0,
      };
      if (await this.invoices.startRun(tx, run)) {
        await this.jobs.enqueue(tx.transaction, CLOSE_MONTH_JOB, { month }, { key: `billing:close:${month}` });
        await this.audit.record(tx, {
          operation: 'billing.closeMonth',
          entityType: 'BillingRun',
          entityId: month,
          changes: { status: { before: null, after: 'RUNNING' } },
        });
      }
      return ok((await this.invoices.run(tx, month))!);
    });
  }

  /** The run: every party of the month invoiced, a batch a transaction; those invoiced already are skipped. */
  async issue(month: string): Promise<number> {
    const range = billingMonth(month);
    if (!range.ok) throw new Error(`billing run for a month that is none: ${month}`);
    const parties = await this.invoices.partySums(range.value.from.toISOString(), range.value.to.toISOString());
    const issuedAt = this.clock.now();
    const system = systemContext(this.clock, `billing:${month}`);
    for (let start = 0; start < parties.length; start += this.invoicesPerCommit) {
      const batch = parties.slice(start, start + this.invoicesPerCommit).map((party, i): MonthlyInvoiceEntity => {
        const totals = monthlyInvoiceTotals(party.sums, this.settings.taxRateBasisPoints);
        return {
          id: randomUUID(),
          number: monthlyInvoiceNumber(month, start + i + 1),
          month,
          resellerId: party.resellerId,
          currency: party.currency,
          charges: totals.charges,
          subtotalMinor: totals.subtotalMinor,
          taxMinor: totals.taxMinor,
          totalMinor: totals.totalMinor,
          paidMinor: totals.paidMinor,
          dueMinor: totals.dueMinor,
          dueDate: dueDateOf(issuedAt, this.settings.netDays),
          taxRateBasisPoints: this.settings.taxRateBasisPoints,
          issuedAt: issuedAt.toISOString(),
          kind: 'INVOICE',
          revision: 0,
          correctsId: null,
          reason: null,
        };
      });
      const contacts = await this.invoices.contactsOf(system, [...new Set(batch.map((i) => i.resellerId))]);
      await this.db.transaction(system, async (tx) => {
        await this.invoices.insertInvoices(tx, batch);
        await this.events?.publish(tx, batch.map(issuedEvent));
        // Each reseller is told of its invoice once: the mail's key is the invoice's party, as the invoice's is.
        for (const invoice of batch) {
          const contact = contacts.get(invoice.resellerId);
          if (contact)
            await this.mail.enqueue(
              tx,
              this.invoiceMail(invoice, contact),
              `monthly-invoice:${month}:${invoice.resellerId}:${invoice.currency}`,
            );
        }
      });
      await this.afterCommit(start + batch.length);
    }
    const count = await this.invoices.countOf(system, month);
    await this.db.transaction(system, async (tx) => {
      await this.invoices.finishRun(tx, month, this.clock.now().toISOString(), count);
      await this.audit.record(tx, {
        operation: 'billing.monthClosed',
        entityType: 'BillingRun',
        entityId: month,
        changes: { status: { before: 'RUNNING', after: 'DONE' }, invoices: { before: null, after: count } },
      });
    });
    return count;
  }

  /**
   * S20: corrects an issued invoice without editing it: a credit note cancels it in full and a new invoice replaces
   * it: the month's charges again, plus the adjustments of earlier corrections and these, settled on account. Both
   * are numbered in the month's sequence and mailed to the reseller; only the latest invoice of a party is corrected.
   */
  async correct(
    ctx: RequestContext,
    input: { invoiceId: string; reason: string; adjustments: readonly { description: string; amount: string }[] },
  ): Promise<Result<{ creditNote: MonthlyInvoiceEntity; invoice: MonthlyInvoiceEntity }>> {
    requirePermission(ctx, BillingPermission.Close);
    return this.db.transaction(ctx, async (tx) => {
      const original = await this.invoices.byId(tx, input.invoiceId);
      if (!original) return notFound('invoice');
      const correction = correctionFromInput(input.reason, input.adjustments, original.currency);
      if (!correction.ok)
        return invalidField(
          correction.code === 'REASON_REQUIRED' ? 'reason' : 'adjustments',
          correction.code,
          correction.message,
        );
      const run = await this.invoices.lockMonth(tx, original.month);
      if (run?.status !== 'DONE')
        return fail('MONTH_STILL_CLOSING', `${original.month} is still closing; correct its invoices once it is done.`);
      if (original.kind === 'CREDIT_NOTE')
        return fail('NOT_AN_INVOICE', `${original.number} is a credit note; correct the invoice that replaced it.`);
      const links = (await this.invoices.linksOf(tx, [original])).get(original.id)!;
      if (links.creditedBy)
        return fail(
          'INVOICE_ALREADY_CORRECTED',
          `${original.number} was corrected already (credit note ${links.creditedBy.number}); correct ${links.replacedBy?.number ?? 'its new invoice'} instead.`,
          { fix: { kind: 'action', label: `Correct ${links.replacedBy?.number ?? 'the new invoice'}` } },
        );
      const range = billingMonth(original.month);
      if (!range.ok) throw new Error(`invoice ${original.id} has no month`);
      const [party] = await this.invoices.partySums(range.value.from.toISOString(), range.value.to.toISOString(), {
        resellerId: original.resellerId,
        currency: original.currency,
      });
      const adjustments = [...links.adjustments, ...correction.value.adjustments];
      const totals = correctedInvoiceTotals(party?.sums ?? [], adjustments, original.taxRateBasisPoints);
      const cancelled = creditNoteTotals(original);
      const place = await this.invoices.documentsOf(tx, original.month);
      const now = this.clock.now();
      const common = {
        month: original.month,
        resellerId: original.resellerId,
        currency: original.currency,
        taxRateBasisPoints: original.taxRateBasisPoints,
        issuedAt: now.toISOString(),
        correctsId: original.id,
        reason: correction.value.reason,
      };
      const creditNote: MonthlyInvoiceEntity = {
        ...common,
        ...cancelled,
        id: randomUUID(),
        number: creditNoteNumber(original.month, place + 1),
        // The credit settles against what the cancelled invoice asked, by the same day.
        dueDate: original.dueDate,
        kind: 'CREDIT_NOTE',
        revision: original.revision + 1,
      };
      const invoice: MonthlyInvoiceEntity = {
        ...common,
        ...totals,
        id: randomUUID(),
        number: monthlyInvoiceNumber(original.month, place + 2),
        dueDate: dueDateOf(now, this.settings.netDays),
        kind: 'INVOICE',
        revision: original.revision + 2,
      };
      await this.invoices.insertInvoices(tx, [creditNote, invoice], false);
      await this.events?.publish(tx, [issuedEvent(creditNote), issuedEvent(invoice)]);
      await this.invoices.insertAdjustments(tx, invoice.id, adjustments);
      const contact = (await this.invoices.contactsOf(tx, [original.resellerId])).get(original.resellerId);
      if (contact)
        await this.mail.enqueue(
          tx,
          this.correctionMail(original, creditNote, invoice, contact),
          `monthly-invoice-correction:${invoice.id}`,
        );
      await this.audit.record(tx, {
        operation: 'billing.correctInvoice',
        entityType: 'MonthlyInvoice',
        entityId: original.id,
        changes: {
          creditNote: { before: null, after: creditNote.number },
          invoice: { before: original.number, after: invoice.number },
          reason: { before: null, after: correction.value.reason },
        },
      });
      return ok({ creditNote, invoice });
    });
  }

  private correctionMail(
    original: MonthlyInvoiceEntity,
    creditNote: MonthlyInvoiceEntity,
    invoice: MonthlyInvoiceEntity,
    contact: { name: string; email: string },
  ) {
    const m = (minor: number) => formatMoney(money(minor, invoice.currency));
    const pdf = (i: MonthlyInvoiceEntity) => `${this.publicUrl()}/billing/invoices/${i.id}.pdf`;
    return {
      to: contact.email,
      subject: `Invoice ${original.number} corrected: credit note ${creditNote.number}, new invoice ${invoice.number}`,
      body: [
        `Hello ${contact.name},`,
        '',
        `We corrected your invoice ${original.number} for ${original.month}: ${invoice.reason ?? ''}`,
        `Credit note ${creditNote.number} cancels it (${m(creditNote.totalMinor)}).`,
        `Invoice ${invoice.number} replaces it: ${m(invoice.totalMinor)}, of which ${m(invoice.dueMinor)} on terms by ${invoice.dueDate}.`,
        '',
        `The credit note: ${pdf(creditNote)}`,
        `The new invoice: ${pdf(invoice)} (sign in first).`,
      ].join('\n'),
      relatedType: 'MonthlyInvoice',
      relatedId: invoice.id,
    };
  }

  /** Emails an issued invoice again to its reseller's contact (support or finance, when a reseller asks). */
  async resend(ctx: RequestContext, id: string): Promise<Result<MonthlyInvoiceEntity>> {
    const invoice = await this.invoices.byId(ctx, id);
    if (!invoice) return notFound('invoice');
    const actor = actingFor(ctx, invoice.resellerId, BillingPermission.Reconcile, Permission.SupportCases);
    if (ctx.principal?.kind === 'reseller') return fail('FORBIDDEN', 'Ask support to send the invoice again.');
    const contact = (await this.invoices.contactsOf(actor, [invoice.resellerId])).get(invoice.resellerId);
    if (!contact) return notFound('reseller');
    await this.db.transaction(actor, async (tx) => {
      await this.mail.enqueue(
        tx,
        this.invoiceMail(invoice, contact),
        `monthly-invoice-resend:${id}:${this.clock.now().getTime()}`,
      );
      await this.audit.record(tx, {
        operation: 'billing.resendInvoice',
        entityType: 'MonthlyInvoice',
        entityId: id,
        changes: { sentTo: { before: null, after: contact.email } },
      });
    });
    return ok(invoice);
  }

  private invoiceMail(invoice: MonthlyInvoiceEntity, contact: { name: string; email: string }) {
    const m = (minor: number) => formatMoney(money(minor, invoice.currency));
    return {
      to: contact.email,
      subject: `Invoice ${invoice.number} for ${invoice.month}`,
      body: [
        `Hello ${contact.name},`,
        '',
        `Your invoice ${invoice.number} for ${invoice.month}: ${m(invoice.totalMinor)} (tax ${m(invoice.taxMinor)}), ${invoice.charges} charge(s).`,
        `Paid by card when charged: ${m(invoice.paidMinor)}.`,
        invoice.dueMinor > 0
          ? `Due on terms by ${invoice.dueDate}: ${m(invoice.dueMinor)}.`
          : invoice.dueMinor < 0
            ? `A credit to you on terms: ${m(-invoice.dueMinor)}.`
            : 'Nothing is due on terms.',
        '',
        `The PDF: ${this.publicUrl()}/billing/invoices/${invoice.id}.pdf (sign in first).`,
      ].join('\n'),
      relatedType: 'MonthlyInvoice',
      relatedId: invoice.id,
    };
  }

  /** Invoices, newest first: staff see every reseller's (or one's); a reseller user only its own. */
  async list(
    ctx: RequestContext,
    filter: { month?: string | null; resellerId?: string | null },
    first: number,
    after?: string | null,
  ) {
    checkPageSize(first);
    const resellerId = ctx.principal?.kind === 'reseller' ? ctx.principal.resellerId : (filter.resellerId ?? null);
    if (resellerId) actingFor(ctx, resellerId, BillingPermission.Reconcile, Permission.OrdersRead);
    else requirePermission(ctx, BillingPermission.Reconcile);
    const { invoices, more } = await this.invoices.page(ctx, { month: filter.month, resellerId }, first, after);
    const last = invoices.at(-1);
    // The cursor is the place in the month's sequence that credit notes (CN-) and invoices (MI-) share.
    return { invoices, hasNextPage: more, endCursor: last ? encodeCursor([last.number.slice(3)]) : null };
  }

  /** An invoice its reseller's users, or staff who reconcile or read orders, may see; null when there is none. */
  async invoice(ctx: RequestContext, id: string): Promise<MonthlyInvoiceEntity | null> {
    const invoice = await this.invoices.byId(ctx, id);
    if (!invoice) return null;
    actingFor(ctx, invoice.resellerId, BillingPermission.Reconcile, Permission.OrdersRead);
    return invoice;
  }

  /**
   * The invoice as a PDF: its reseller, the month's charges by SKU and type, the adjustments of corrections, what
   * was paid by card and what is due on terms. A credit note: the invoice it cancels, why, and its amounts.
   */
  async pdf(ctx: RequestContext, invoice: MonthlyInvoiceEntity): Promise<Buffer> {
    const range = billingMonth(invoice.month);
    if (!range.ok) throw new Error(`invoice ${invoice.id} has no month`);
    const reseller: ResellerEntity | null = await this.resellers.invoiceParty(ctx, invoice.resellerId);
    const links = (await this.invoices.linksOf(ctx, [invoice])).get(invoice.id)!;
    const creditNote = invoice.kind === 'CREDIT_NOTE';
    const lines = creditNote
      ? []
      : await this.invoices.linesOf(ctx, invoice, range.value.from.toISOString(), range.value.to.toISOString());
    const m = (amountMinor: number) => formatMoney(money(amountMinor, invoice.currency));
    const title = creditNote ? 'Credit note' : 'Invoice';
    const { doc, text, done } = pdfDocument(`${title} ${invoice.number}`, title);
    text(`${title} ${invoice.number} · ${invoice.month} · issued ${invoice.issuedAt.slice(0, 10)}`);
    text(`Billed to: ${reseller?.companyName ?? invoice.resellerId}`);
    if (reseller)
      text(
        `${reseller.address.line1}, ${reseller.address.city} ${reseller.address.postalCode}, ${reseller.address.country}`,
      );
    if (links.corrects)
      text(
        creditNote
          ? `Cancels invoice ${links.corrects.number} in full. Reason: ${invoice.reason ?? ''}`
          : `Replaces invoice ${links.corrects.number}. Reason: ${invoice.reason ?? ''}`,
      );
    if (links.creditedBy)
      text(
        `Corrected: cancelled by credit note ${links.creditedBy.number}${links.replacedBy ? `, replaced by invoice ${links.replacedBy.number}` : ''}.`,
      );
    doc.moveDown();
    for (const line of lines)
      text(
        `${line.skuTitle} — ${line.chargeType}, ${line.paymentMethod === 'TERMS' ? 'on terms' : 'by card'}: ${line.charges} charge(s), ${line.quantity} seat(s), ${m(line.amountMinor)}`,
      );
    for (const adjustment of links.adjustments)
      text(`Adjustment — ${adjustment.description}, on account: ${m(adjustment.amountMinor)}`);
    doc.moveDown();
    text(`Subtotal: ${m(invoice.subtotalMinor)}`);
    text(`Tax (${invoice.taxRateBasisPoints / 100} %): ${m(invoice.taxMinor)}`);
    text(`Total: ${m(invoice.totalMinor)}`);
    text(`Paid by card when charged: ${m(invoice.paidMinor)}`);
    text(
      invoice.dueMinor >= 0
        ? `Due on terms by ${invoice.dueDate}: ${m(invoice.dueMinor)}`
        : `Credit to you on terms: ${m(-invoice.dueMinor)}`,
    );
    return done();
  }

  /**
   * A reseller's statement as a PDF: every invoice and credit note of the period (by default the twelve months before
   * this one) with what each asked by card and on terms, and the sums per currency. For its own users and finance.
   */
  async statement(
    ctx: RequestContext,
    resellerId: string,
    period: { from?: string | null; to?: string | null },
  ): Promise<Result<{ pdf: Buffer; from: string; to: string }>> {
    actingFor(ctx, resellerId, BillingPermission.Reconcile, Permission.OrdersRead);
    const months = statementPeriod(period.from, period.to, this.clock.now());
    if (!months.ok) return fail(months.code, months.message);
    const reseller = await this.resellers.invoiceParty(ctx, resellerId);
    if (!reseller) return notFound('reseller');
    const { from, to } = months.value;
    const documents = await this.invoices.statementDocuments(ctx, resellerId, from, to);
    const { doc, text, done } = pdfDocument(`Statement ${reseller.companyName} ${from} to ${to}`, 'Statement');
    text(`Statement of invoices · ${from} to ${to} · made ${this.clock.now().toISOString().slice(0, 10)}`);
    text(`For: ${reseller.companyName}`);
    text(
      `${reseller.address.line1}, ${reseller.address.city} ${reseller.address.postalCode}, ${reseller.address.country}`,
    );
    doc.moveDown();
    if (documents.length === 0) text('No invoices or credit notes in this period.');
    for (const d of documents) {
      const m = (minor: number) => formatMoney(money(minor, d.currency));
      const what = d.kind === 'CREDIT_NOTE' ? 'Credit note' : 'Invoice';
      text(
        `${d.issuedAt.slice(0, 10)} · ${what} ${d.number} (${d.month}): total ${m(d.totalMinor)}, paid by card ${m(d.paidMinor)}, on terms ${m(d.dueMinor)}${d.dueMinor > 0 ? ` due by ${d.dueDate}` : ''}`,
      );
    }
    doc.moveDown();
    for (const sum of statementTotals(documents)) {
      const m = (minor: number) => formatMoney(money(minor, sum.currency));
      text(
        `${sum.currency}: ${sum.documents} document(s), total ${m(sum.totalMinor)}, paid by card ${m(sum.paidMinor)}, on terms ${m(sum.dueMinor)}`,
      );
    }
    text('Credit notes cancel the invoice they name; payments received on terms are not shown here.');
    return ok({ pdf: await done(), from, to });
  }
}
