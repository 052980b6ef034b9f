import type { ChargeSum } from '@nce/domain';
import { Between } from 'typeorm';
import type { Database } from '../db/database.js';
import { insertRows } from '../db/sql.js';
import { decodeCursor } from '../platform/cursor.js';
import type { RequestContext, Transactional } from '../platform/request-context.js';
import { RESELLERS } from '../resellers/published.js';
import { SUBSCRIPTION_CHARGES } from '../subscriptions/published.js';
import { BillingRunEntity, MonthlyInvoiceAdjustmentEntity, MonthlyInvoiceEntity } from './entities.js';

/** One reseller's charges of a month in one currency, summed by payment method. */
export interface PartySums {
  resellerId: string;
  currency: string;
  sums: ChargeSum[];
}

/** What an invoice or credit note is to the documents around it (S20): corrected by, replacing, replaced by. */
export interface InvoiceLinks {
  /** A credit note: the invoice it cancels; a correction's invoice: the one it replaces. */
  corrects: { id: string; number: string } | null;
  /** An invoice that was corrected: the credit note that cancelled it. */
  creditedBy: { id: string; number: string } | null;
  /** An invoice that was corrected: the invoice that replaced it. */
  replacedBy: { id: string; number: string } | null;
  adjustments: { description: string; amountMinor: number }[];
}

export type ListedInvoice = MonthlyInvoiceEntity & { resellerName: string } & InvoiceLinks;

/** The invoices' order in lists: month and place in the month's sequence (CN- and MI- numbers share it). */
const SEQUENCE = 'substr(i.number, 4)';

/** The month's close and its invoices (billing_run, monthly_invoice), and the month's charges they sum. */
export class MonthlyInvoicesRepository {
  constructor(private readonly db: Database) {}

  run(ctx: RequestContext, month: string): Promise<BillingRunEntity | null> {
    return this.db.managerOf(ctx).findOneBy(BillingRunEntity, { month });
  }

  /** Starts a month's run unless one exists; answers whether this call started it. */
  async startRun(tx: Transactional, run: BillingRunEntity): Promise<boolean> {
    const before = await tx.transaction.countBy(BillingRunEntity, { month: run.month });
    await insertRows(
      tx.transaction,
      'billing_run',
      [
        {
          month: run.month,
          status: run.status,
          started_at: run.startedAt,
          started_by: run.startedBy,
          finished_at: null,
          invoices: 0,
        },
      ],
      { onConflictDoNothing: 'month' },
    );
    return before === 0;
  }

  async finishRun(tx: Transactional, month: string, finishedAt: string, invoices: number): Promise<void> {
    await tx.transaction.update(BillingRunEntity, { month }, { status: 'DONE', finishedAt, invoices });
  }

  /**
   * S18: a month's charges summed per reseller, currency and payment method, in one statement; parties in a fixed
   * order (reseller id, currency), so a run started again numbers every invoice as the first run did.
   */
  async partySums(from: string, to: string, party?: { resellerId: string; currency: string }): Promise<PartySums[]> {
    const rows = await this.db.select<Record<string, unknown>>(
      `SELECT c.reseller_id, c.currency, c.payment_method, SUM(c.amount_minor) AS amount, COUNT(*) AS n
       FROM ${SUBSCRIPTION_CHARGES} c WHERE c.at >= ? AND c.at < ?${party ? ' AND c.reseller_id = ? AND c.currency = ?' : ''}
       GROUP BY c.reseller_id, c.currency, c.payment_method ORDER BY c.reseller_id, c.currency, c.payment_method`,
      party ? [from, to, party.resellerId, party.currency] : [from, to],
    );
    const parties: PartySums[] = [];
    for (const row of rows) {
      const resellerId = String(row.reseller_id);
      const currency = String(row.currency);
      let party = parties.at(-1);
      if (!party || party.resellerId !== resellerId || party.currency !== currency) {
        party = { resellerId, currency, sums: [] };
        parties.push(party);
      }
      party.sums.push({
        paymentMethod: row.payment_method as ChargeSum['paymentMethod'],
        amountMinor: Number(row.amount),
        charges: Number(row.n),
      });
    }
    return parties;
  }

  /**
   * Issues invoices; one a party already has (a run started again) is left as it was, unless `skipIssued` is false
   * (a correction's documents: a second correction of the same revision fails on the party's uniqueness).
   */
  async insertInvoices(tx: Transactional, invoices: readonly MonthlyInvoiceEntity[], skipIssued = true): Promise<void> {
    if (invoices.length === 0) return;
    await insertRows(
      tx.transaction,
      'monthly_invoice',
      invoices.map((i) => ({
        id: i.id,
        number: i.number,
        month: i.month,
        reseller_id: i.resellerId,
        currency: i.currency,
        charges: i.charges,
        subtotal_minor: i.subtotalMinor,
        tax_minor: i.taxMinor,
        total_minor: i.totalMinor,
        paid_minor: i.paidMinor,
        due_minor: i.dueMinor,
        due_date: i.dueDate,
        tax_rate_bp: i.taxRateBasisPoints,
        issued_at: i.issuedAt,
        kind: i.kind,
        revision: i.revision,
        corrects_id: i.correctsId,
        reason: i.reason,
      })),
      skipIssued ? { onConflictDoNothing: 'month, reseller_id, currency, revision' } : {},
    );
  }

  async insertAdjustments(
    tx: Transactional,
    invoiceId: string,
    adjustments: readonly { description: string; amountMinor: number }[],
  ): Promise<void> {
    if (adjustments.length === 0) return;
    await insertRows(
      tx.transaction,
      'monthly_invoice_adjustment',
      adjustments.map((a, position) => ({
        invoice_id: invoiceId,
        position,
        description: a.description,
        amount_minor: a.amountMinor,
      })),
    );
  }

  countOf(ctx: RequestContext, month: string): Promise<number> {
    return this.db.managerOf(ctx).countBy(MonthlyInvoiceEntity, { month, revision: 0 });
  }

  /** How many documents (invoices and credit notes) the month has: the last place taken in its sequence. */
  documentsOf(tx: Transactional, month: string): Promise<number> {
    return tx.transaction.countBy(MonthlyInvoiceEntity, { month });
  }

  /**
   * Holds the month's run row until the transaction ends: corrections of one month are numbered one at a time
   * (on PostgreSQL a row lock; SQLite's writes are serialised already).
   */
  async lockMonth(tx: Transactional, month: string): Promise<BillingRunEntity | null> {
    await this.db.query(tx, 'UPDATE billing_run SET invoices = invoices WHERE month = ?', [month]);
    return tx.transaction.findOneBy(BillingRunEntity, { month });
  }

  byId(ctx: RequestContext, id: string): Promise<MonthlyInvoiceEntity | null> {
    return this.db.managerOf(ctx).findOneBy(MonthlyInvoiceEntity, { id });
  }

  /** The documents' links and adjustment lines, for a page of them in two statements. */
  async linksOf(ctx: RequestContext, invoices: readonly MonthlyInvoiceEntity[]): Promise<Map<string, InvoiceLinks>> {
    const links = new Map<string, InvoiceLinks>(
      invoices.map((i) => [i.id, { corrects: null, creditedBy: null, replacedBy: null, adjustments: [] }]),
    );
    if (invoices.length === 0) return links;
    const ids = invoices.map((i) => i.id);
    const around = [...new Set([...ids, ...invoices.flatMap((i) => (i.correctsId ? [i.correctsId] : []))])];
    const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ');
    const related = await this.db.query<Record<string, unknown>>(
      ctx,
      `SELECT id, number, kind, corrects_id FROM monthly_invoice
       WHERE id IN (${marks(around.length)}) OR corrects_id IN (${marks(ids.length)})`,
      [...around, ...ids],
    );
    const numbers = new Map(related.map((r) => [String(r.id), String(r.number)]));
    for (const invoice of invoices)
      if (invoice.correctsId)
        links.get(invoice.id)!.corrects = { id: invoice.correctsId, number: numbers.get(invoice.correctsId) ?? '' };
    for (const r of related) {
      const target = r.corrects_id ? links.get(String(r.corrects_id)) : undefined;
      if (!target) continue;
      const ref = { id: String(r.id), number: String(r.number) };
      if (r.kind === 'CREDIT_NOTE') target.creditedBy = ref;
      else target.replacedBy = ref;
    }
    const adjustments = await this.db.managerOf(ctx).find(MonthlyInvoiceAdjustmentEntity, {
      where: ids.map((invoiceId) => ({ invoiceId })),
      order: { position: 'ASC' },
    });
    for (const a of adjustments)
      links.get(a.invoiceId)!.adjustments.push({ description: a.description, amountMinor: a.amountMinor });
    return links;
  }

  /** Invoices by number, newest month first; a reseller's only when `resellerId` is given. */
  async page(
    ctx: RequestContext,
    filter: { month?: string | null; resellerId?: string | null },
    first: number,
    after?: string | null,
  ): Promise<{ invoices: ListedInvoice[]; more: boolean }> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.month) {
      where.push('i.month = ?');
      params.push(filter.month);
    }
    if (filter.resellerId) {
      where.push('i.reseller_id = ?');
      params.push(filter.resellerId);
    }
    if (after) {
      const [sequence] = decodeCursor(after, ['string']) as [string];
      where.push(`${SEQUENCE} < ?`);
      params.push(sequence);
    }
    const rows = await this.db.query<Record<string, unknown>>(
      ctx,
      `SELECT i.id, r.company_name FROM monthly_invoice i JOIN ${RESELLERS} r ON r.id = i.reseller_id
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY ${SEQUENCE} DESC LIMIT ?`,
      [...params, first + 1],
    );
    const ids = rows.slice(0, first).map((r) => String(r.id));
    const entities = ids.length
      ? await this.db.managerOf(ctx).findBy(
          MonthlyInvoiceEntity,
          ids.map((id) => ({ id })),
        )
      : [];
    const byId = new Map(entities.map((e) => [e.id, e]));
    const links = await this.linksOf(ctx, entities);
    return {
      invoices: rows.slice(0, first).map((r) => ({
        ...byId.get(String(r.id))!,
        resellerName: String(r.company_name),
        ...links.get(String(r.id))!,
      })),
      more: rows.length > first,
    };
  }

  /** A reseller's invoices and credit notes of the months from `from` to `to` (YYYY-MM, inclusive), in sequence. */
  statementDocuments(
    ctx: RequestContext,
    resellerId: string,
    from: string,
    to: string,
  ): Promise<MonthlyInvoiceEntity[]> {
    return this.db.managerOf(ctx).find(MonthlyInvoiceEntity, {
      where: { resellerId, month: Between(from, to) },
      order: { month: 'ASC', issuedAt: 'ASC', number: 'ASC' },
    });
  }

  /** What an invoice sums, for its PDF: the month's charges of its reseller and currency by SKU, type and payment. */
  async linesOf(
    ctx: RequestContext,
    invoice: MonthlyInvoiceEntity,
    from: string,
    to: string,
  ): Promise<
    {
      skuTitle: string;
      chargeType: string;
      paymentMethod: string;
      quantity: number;
      amountMinor: number;
      charges: number;
    }[]
  > {
    const rows = await this.db.query<Record<string, unknown>>(
      ctx,
      `SELECT c.sku_title, c.charge_type, c.payment_method, SUM(c.quantity) AS quantity, SUM(c.amount_minor) AS amount,
         COUNT(*) AS n
       FROM ${SUBSCRIPTION_CHARGES} c WHERE c.reseller_id = ? AND c.currency = ? AND c.at >= ? AND c.at < ?
       GROUP BY c.sku_title, c.charge_type, c.payment_method ORDER BY c.sku_title, c.charge_type, c.payment_method`,
      [invoice.resellerId, invoice.currency, from, to],
    );
    return rows.map((r) => ({
      skuTitle: String(r.sku_title),
      chargeType: String(r.charge_type),
      paymentMethod: String(r.payment_method),
      quantity: Number(r.quantity),
      amountMinor: Number(r.amount),
      charges: Number(r.n),
    }));
  }

  /** Whom to write to about the resellers' invoices: each one's contact. */
  async contactsOf(
    ctx: RequestContext,
    resellerIds: readonly string[],
  ): Promise<Map<string, { name: string; email: string }>> {
    if (resellerIds.length === 0) return new Map();
    const rows = await this.db.query<Record<string, unknown>>(
      ctx,
      `SELECT r.id, r.contact_name, r.contact_email FROM ${RESELLERS} r WHERE r.id IN (${resellerIds.map(() => '?').join(', ')})`,
      [...resellerIds],
    );
    return new Map(rows.map((r) => [String(r.id), { name: String(r.contact_name), email: String(r.contact_email) }]));
  }
}
