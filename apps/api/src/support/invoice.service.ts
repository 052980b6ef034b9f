import { formatMoney, type Money } from '@nce/domain';
import { pdfDocument } from '../platform/pdf-text.js';
import type { Database } from '../db/database.js';
import type { MailService } from '../mail/index.js';
import type { OrderQueryService, OrderRow } from '../orders/index.js';
import { Permission } from '../platform/permissions.js';
import { actingFor, type RequestContext } from '../platform/request-context.js';
import type { AuditService } from '../audit/index.js';
import type { Clock } from '../platform/clock.js';
import type { ResellerEntity, ResellerService } from '../resellers/index.js';
import type { CreditNotesRepository } from './credit-notes.repository.js';
import type { CreditNoteEntity } from './entities.js';

export interface Invoice {
  number: string;
  issuedAt: string;
  order: OrderRow;
  reseller: ResellerEntity;
  lines: { description: string; quantity: number; returnedQuantity: number; unitPrice: Money; total: Money }[];
  subtotal: Money;
  taxRateBasisPoints: number;
  tax: Money;
  total: Money;
  creditNotes: (CreditNoteEntity & { description: string })[];
  refunded: Money;
  netTotal: Money;
}

/** Every order has an invoice, derived from it: number, lines, tax as configured, totals in minor units. */
export class InvoiceService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly orders: OrderQueryService,
    private readonly resellers: ResellerService,
    private readonly mail: MailService,
    private readonly notes: CreditNotesRepository,
    private readonly taxRateBasisPoints: number,
    private readonly publicUrl: () => string,
  ) {}

  /**
   * The invoice of an order its reseller's users, or staff who read orders, may see; null when there is no such order.
   */
  async invoice(ctx: RequestContext, orderId: string): Promise<Invoice | null> {
    const order = await this.orders.get(ctx, orderId);
    if (!order) return null;
    const reseller = await this.resellers.invoiceParty(ctx, order.resellerId);
    if (!reseller) throw new Error(`order ${orderId} names no reseller`);
    const money = (amountMinor: number) => ({ amountMinor, currency: order.currency });
    const subtotal = order.lines.reduce((sum, l) => sum + l.lineTotalMinor, 0);
    // Rounded half up to the minor unit, once, on the subtotal.
    const tax = Math.floor((subtotal * this.taxRateBasisPoints + 5000) / 10000);
    const lineById = new Map(order.lines.map((l) => [l.id, l]));
    const creditNotes = (await this.notes.ofOrder(orderId)).map((note) => ({
      ...note,
      description: `${note.quantity} × ${lineById.get(note.orderLineId)?.skuTitle ?? 'a line'} returned`,
    }));
    const refunded = creditNotes.reduce((sum, note) => sum + note.amountMinor, 0);
    return {
      number: `INV-${order.soNumber.slice(3)}`,
      issuedAt: order.placedAt,
      order,
      reseller,
      lines: order.lines.map((l) => ({
        description: `${l.skuTitle} (${l.term}, ${l.billingPlan.toLowerCase().replace('_', '-')})`,
        quantity: l.quantity,
        returnedQuantity: l.returnedQuantity,
        unitPrice: money(l.unitPriceMinor),
        total: money(l.lineTotalMinor),
      })),
      subtotal: money(subtotal),
      taxRateBasisPoints: this.taxRateBasisPoints,
      tax: money(tax),
      total: money(subtotal + tax),
      creditNotes,
      refunded: money(refunded),
      netTotal: money(subtotal + tax - refunded),
    };
  }

  /** A credit note of the invoice as a PDF document: what was returned and refunded, against which invoice. */
  async creditNotePdf(invoice: Invoice, creditNoteId: string): Promise<{ number: string; pdf: Buffer } | null> {
    const note = invoice.creditNotes.find((n) => n.id === creditNoteId);
    if (!note) return null;
    const { doc, text, done } = pdfDocument(`Credit note ${note.number}`, 'Credit note');
    const r = invoice.reseller;
    text(
      `Credit note ${note.number}  ·  ${note.issuedAt.slice(0, 10)}  ·  against invoice ${invoice.number} (sales order ${invoice.order.soNumber})`,
    );
    doc.moveDown();
    text(`Credit to: ${r.companyName} (marketplace ID ${r.marketplaceId}, BCN ${r.bcn})`);
    text(`End customer: ${invoice.order.customerName} · tenant ${invoice.order.tenantDomain}`);
    doc.moveDown();
    text(note.description);
    doc.fontSize(12);
    text(`Refunded: ${formatMoney({ amountMinor: note.amountMinor, currency: note.currency })}`);
    doc.fontSize(10).moveDown();
    text(
      note.refundMethod === 'TERMS_CREDIT'
        ? 'Released to the reseller’s marketplace credit line.'
        : 'Refunded to the card the order was paid with.',
    );
    return { number: note.number, pdf: await done() };
  }

  /** The invoice as a PDF document. */
  async pdf(invoice: Invoice): Promise<Buffer> {
    const { doc, text, done } = pdfDocument(`Invoice ${invoice.number}`, 'Invoice');
    const r = invoice.reseller;
    text(`Invoice ${invoice.number}  ·  Sales order ${invoice.order.soNumber}  ·  ${invoice.issuedAt.slice(0, 10)}`);
    if (invoice.order.poNumber) text(`PO ${invoice.order.poNumber}`);
    doc.moveDown();
    text(`Bill to: ${r.companyName} (marketplace ID ${r.marketplaceId}, BCN ${r.bcn})`);
    text(
      [
        r.address.line1,
        r.address.line2,
        `${r.address.city} ${r.address.region ?? ''} ${r.address.postalCode}`,
        r.address.country,
      ]
        .filter(Boolean)
        .join(', '),
    );
    text(`End customer: ${invoice.order.customerName} · tenant ${invoice.order.tenantDomain}`);
    doc.moveDown();
    for (const line of invoice.lines)
      text(`${line.quantity} × ${line.description} @ ${formatMoney(line.unitPrice)}  =  ${formatMoney(line.total)}`);
    doc.moveDown();
    text(`Subtotal: ${formatMoney(invoice.subtotal)}`);
    text(`Tax (${(invoice.taxRateBasisPoints / 100).toFixed(2)} %): ${formatMoney(invoice.tax)}`);
    doc.fontSize(12);
    text(`Total: ${formatMoney(invoice.total)}`);
    doc.fontSize(10);
    for (const note of invoice.creditNotes)
      text(
        `Credit note ${note.number}: ${note.description}, ${formatMoney({ amountMinor: note.amountMinor, currency: note.currency })} refunded`,
      );
    if (invoice.creditNotes.length) text(`Total after refunds: ${formatMoney(invoice.netTotal)}`);
    doc.moveDown();
    text(`Paid by ${invoice.order.paymentMethod === 'TERMS' ? 'marketplace terms' : 'credit card'}.`);
    return done();
  }

  /** Sends the invoice to the reseller's point of contact again. */
  async resend(ctx: RequestContext, orderId: string): Promise<boolean> {
    const invoice = await this.invoice(ctx, orderId);
    if (!invoice) return false;
    const actor = actingFor(ctx, invoice.order.resellerId, Permission.SupportCases);
    await this.db.transaction(actor, async (tx) => {
      await this.mail.enqueue(
        tx,
        {
          to: invoice.reseller.contact.email,
          subject: `Invoice ${invoice.number} (order ${invoice.order.soNumber})`,
          body: [
            `Hello ${invoice.reseller.contact.name},`,
            '',
            `Invoice ${invoice.number} for order ${invoice.order.soNumber}: ${formatMoney(invoice.total)} (tax ${formatMoney(invoice.tax)}).`,
            ...invoice.lines.map((l) => `  • ${l.quantity} × ${l.description}: ${formatMoney(l.total)}`),
            '',
            `The PDF: ${this.publicUrl()}/invoices/${invoice.order.id}.pdf (sign in first).`,
          ].join('\n'),
          relatedType: 'Order',
          relatedId: invoice.order.id,
        },
        `invoice-resend:${invoice.order.id}:${this.clock.now().getTime()}`,
      );
      await this.audit.record(tx, {
        operation: 'support.resendInvoice',
        entityType: 'Order',
        entityId: invoice.order.id,
      });
    });
    return true;
  }
}
