import { randomUUID } from 'node:crypto';
import {
  billingMonth,
  canCloseMonth,
  dueDateOf,
  formatMoney,
  money,
  monthlyInvoiceNumber,
  monthlyInvoiceTotals,
} from '@nce/domain';
import type { AuditService } from '../audit/index.js';
import type { Database } from '../db/database.js';
import type { Clock } from '../platform/clock.js';
import { checkPageSize, encodeCursor } from '../platform/cursor.js';
import type { JobQueue } from '../platform/jobs/job-queue.js';
import { pdfDocument } from '../platform/pdf-text.js';
import { Permission } from '../platform/permissions.js';
import { actingFor, requirePermission, systemContext, type RequestContext } from '../platform/request-context.js';
import { fail, notFound, ok, type Result } from '../platform/result.js';
import type { MailService } from '../mail/index.js';
import type { ResellerEntity, ResellerService } from '../resellers/index.js';
import type { BillingRunEntity, MonthlyInvoiceEntity } from './entities.js';
import type { MonthlyInvoicesRepository } from './monthly-invoices.repository.js';
import { BillingPermission } from './reconciliation.service.js';

export const CLOSE_MONTH_JOB = 'billing.closeMonth';

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
        };
      });
      const contacts = await this.invoices.contactsOf(system, [...new Set(batch.map((i) => i.resellerId))]);
      await this.db.transaction(system, async (tx) => {
        await this.invoices.insertInvoices(tx, batch);
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
    return { invoices, hasNextPage: more, endCursor: last ? encodeCursor([last.number]) : null };
  }

  /** An invoice its reseller's users, or staff who reconcile or read orders, may see; null when there is none. */
  async invoice(ctx: RequestContext, id: string): Promise<MonthlyInvoiceEntity | null> {
    const invoice = await this.invoices.byId(ctx, id);
    if (!invoice) return null;
    actingFor(ctx, invoice.resellerId, BillingPermission.Reconcile, Permission.OrdersRead);
    return invoice;
  }

  /** The invoice as a PDF: its reseller, the month's charges by SKU and type, paid by card and due on terms. */
  async pdf(ctx: RequestContext, invoice: MonthlyInvoiceEntity): Promise<Buffer> {
    const range = billingMonth(invoice.month);
    if (!range.ok) throw new Error(`invoice ${invoice.id} has no month`);
    const reseller: ResellerEntity | null = await this.resellers.invoiceParty(ctx, invoice.resellerId);
    const lines = await this.invoices.linesOf(
      ctx,
      invoice,
      range.value.from.toISOString(),
      range.value.to.toISOString(),
    );
    const m = (amountMinor: number) => formatMoney(money(amountMinor, invoice.currency));
    const { doc, text, done } = pdfDocument(`Invoice ${invoice.number}`, 'Invoice');
    text(`Invoice ${invoice.number} · ${invoice.month} · issued ${invoice.issuedAt.slice(0, 10)}`);
    text(`Billed to: ${reseller?.companyName ?? invoice.resellerId}`);
    if (reseller)
      text(
        `${reseller.address.line1}, ${reseller.address.city} ${reseller.address.postalCode}, ${reseller.address.country}`,
      );
    doc.moveDown();
    for (const line of lines)
      text(
        `${line.skuTitle} — ${line.chargeType}, ${line.paymentMethod === 'TERMS' ? 'on terms' : 'by card'}: ${line.charges} charge(s), ${line.quantity} seat(s), ${m(line.amountMinor)}`,
      );
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
}
