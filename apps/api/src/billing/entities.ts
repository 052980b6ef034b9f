import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { bigintAsNumber } from '../db/columns.js';

/** S18: a month's close: one row a month, whoever asked first; the job it queued turns it DONE. */
@Entity('billing_run')
export class BillingRunEntity {
  /** YYYY-MM. */
  @PrimaryColumn({ type: 'varchar', length: 7 })
  month: string;

  @Column({ type: 'varchar', length: 12 })
  status: 'RUNNING' | 'DONE';

  @Column({ name: 'started_at', type: 'varchar', length: 30 })
  startedAt: string;

  @Column({ name: 'started_by', type: 'varchar', length: 254 })
  startedBy: string;

  @Column({ name: 'finished_at', type: 'varchar', length: 30, nullable: true })
  finishedAt: string | null;

  @Column({ type: 'integer', default: 0 })
  invoices: number;
}

/**
 * S18, S20: one reseller's month in one currency. Issued once (unique by month, reseller, currency and revision),
 * never edited: a correction adds a credit note cancelling it and a new invoice replacing it, the next revisions.
 */
@Entity('monthly_invoice')
@Index('ux_monthly_invoice_party', ['month', 'resellerId', 'currency', 'revision'], { unique: true })
@Index('ix_monthly_invoice_corrects', ['correctsId'])
@Index('ux_monthly_invoice_number', ['number'], { unique: true })
@Index('ix_monthly_invoice_reseller', ['resellerId', 'month'])
export class MonthlyInvoiceEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 20 })
  number: string;

  @Column({ type: 'varchar', length: 7 })
  month: string;

  @Column({ name: 'reseller_id', type: 'varchar', length: 36 })
  resellerId: string;

  @Column({ type: 'varchar', length: 3 })
  currency: string;

  @Column({ type: 'integer' })
  charges: number;

  @Column({ name: 'subtotal_minor', type: 'bigint', transformer: bigintAsNumber })
  subtotalMinor: number;

  @Column({ name: 'tax_minor', type: 'bigint', transformer: bigintAsNumber })
  taxMinor: number;

  @Column({ name: 'total_minor', type: 'bigint', transformer: bigintAsNumber })
  totalMinor: number;

  /** Card-paid charges with their tax: paid when they were made. */
  @Column({ name: 'paid_minor', type: 'bigint', transformer: bigintAsNumber })
  paidMinor: number;

  /** Terms charges with their tax: due by `dueDate` (negative: a credit to the reseller). */
  @Column({ name: 'due_minor', type: 'bigint', transformer: bigintAsNumber })
  dueMinor: number;

  /** YYYY-MM-DD. */
  @Column({ name: 'due_date', type: 'varchar', length: 10 })
  dueDate: string;

  @Column({ name: 'tax_rate_bp', type: 'integer' })
  taxRateBasisPoints: number;

  @Column({ name: 'issued_at', type: 'varchar', length: 30 })
  issuedAt: string;

  @Column({ type: 'varchar', length: 12, default: 'INVOICE' })
  kind: 'INVOICE' | 'CREDIT_NOTE';

  /** 0: the close's invoice; each correction adds two (its credit note, then its new invoice). */
  @Column({ type: 'integer', default: 0 })
  revision: number;

  /** A credit note: the invoice it cancels. A correction's new invoice: the invoice it replaces. */
  @Column({ name: 'corrects_id', type: 'varchar', length: 36, nullable: true })
  correctsId: string | null;

  /** Why the invoice was corrected (credit notes and new invoices of a correction). */
  @Column({ type: 'varchar', length: 500, nullable: true })
  reason: string | null;
}

/** S20: a line a correction added to an invoice, settled on the reseller's account; carried into later corrections. */
@Entity('monthly_invoice_adjustment')
export class MonthlyInvoiceAdjustmentEntity {
  @PrimaryColumn({ name: 'invoice_id', type: 'varchar', length: 36 })
  invoiceId: string;

  @PrimaryColumn({ type: 'integer' })
  position: number;

  @Column({ type: 'varchar', length: 200 })
  description: string;

  @Column({ name: 'amount_minor', type: 'bigint', transformer: bigintAsNumber })
  amountMinor: number;
}

/**
 * Revenue by day (staff's dashboard): the charges of a day summed by segment, product family, kind and currency,
 * kept current by the charge writer in its transaction.
 */
@Entity('revenue_day')
export class RevenueDayEntity {
  @PrimaryColumn({ type: 'varchar', length: 10 })
  day: string;

  @PrimaryColumn({ type: 'varchar', length: 16 })
  segment: string;

  @PrimaryColumn({ type: 'varchar', length: 100 })
  family: string;

  @PrimaryColumn({ type: 'varchar', length: 8 })
  kind: string;

  @PrimaryColumn({ type: 'varchar', length: 3 })
  currency: string;

  @Column({ type: 'integer' })
  charges: number;

  @Column({ name: 'amount_minor', type: 'bigint', transformer: bigintAsNumber })
  amountMinor: number;

  @Column({ name: 'cost_minor', type: 'bigint', transformer: bigintAsNumber })
  costMinor: number;
}

/** Revenue by reseller and month (top resellers, a reseller's own dashboard), kept current as `revenue_day` is. */
@Entity('revenue_reseller_month')
export class RevenueResellerMonthEntity {
  @PrimaryColumn({ type: 'varchar', length: 7 })
  month: string;

  @PrimaryColumn({ name: 'reseller_id', type: 'varchar', length: 36 })
  resellerId: string;

  @PrimaryColumn({ type: 'varchar', length: 16 })
  segment: string;

  @PrimaryColumn({ type: 'varchar', length: 100 })
  family: string;

  @PrimaryColumn({ type: 'varchar', length: 8 })
  kind: string;

  @PrimaryColumn({ type: 'varchar', length: 3 })
  currency: string;

  @Column({ type: 'integer' })
  charges: number;

  @Column({ name: 'amount_minor', type: 'bigint', transformer: bigintAsNumber })
  amountMinor: number;

  @Column({ name: 'cost_minor', type: 'bigint', transformer: bigintAsNumber })
  costMinor: number;
}
