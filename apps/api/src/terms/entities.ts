import { AddressColumns, ContactColumns } from '../platform/address.columns.js';
import type { PaymentTerms, TermsRequestState } from '@nce/domain';
import { Column, Entity, PrimaryColumn, VersionColumn } from 'typeorm';
import { bigintAsNumber } from '../db/columns.js';

/** R23: a reseller's request for marketplace terms (a credit line), and the credit team's answer. */
@Entity('terms_request')
export class TermsRequestEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'reseller_id', type: 'varchar', length: 36 })
  resellerId: string;

  @Column({ name: 'open_key', type: 'varchar', length: 36, nullable: true, unique: true })
  openKey: string | null;

  @Column({ type: 'varchar', length: 24 })
  status: TermsRequestState;

  @Column({ name: 'marketplace_id', type: 'varchar', length: 40 })
  marketplaceId: string;

  @Column({ type: 'varchar', length: 20 })
  bcn: string;

  @Column({ name: 'company_name', type: 'varchar', length: 200 })
  companyName: string;

  @Column(() => AddressColumns, { prefix: false })
  address: AddressColumns;

  @Column(() => ContactColumns, { prefix: 'contact' })
  contact: ContactColumns;

  @Column({ name: 'submitted_at', type: 'varchar', length: 30 })
  submittedAt: string;

  @Column({ name: 'waiting_since', type: 'varchar', length: 30 })
  waitingSince: string;

  @Column({ name: 'assignee_user_id', type: 'varchar', length: 36, nullable: true })
  assigneeUserId: string | null;

  @Column({ name: 'assignee_email', type: 'varchar', length: 254, nullable: true })
  assigneeEmail: string | null;

  /** The credit line the reseller asked for; null on requests made before it was asked. */
  @Column({ name: 'requested_limit_minor', type: 'bigint', nullable: true, transformer: bigintAsNumber })
  requestedLimitMinor: number | null;

  @Column({ name: 'requested_currency', type: 'varchar', length: 3, nullable: true })
  requestedCurrency: string | null;

  @Column({ name: 'credit_limit_minor', type: 'bigint', nullable: true, transformer: bigintAsNumber })
  creditLimitMinor: number | null;

  @Column({ type: 'varchar', length: 3, nullable: true })
  currency: string | null;

  @Column({ name: 'payment_terms', type: 'varchar', length: 10, nullable: true })
  paymentTerms: PaymentTerms | null;

  @Column({ name: 'effective_from', type: 'varchar', length: 10, nullable: true })
  effectiveFrom: string | null;

  @Column({ name: 'decision_reason', type: 'text', nullable: true })
  decisionReason: string | null;

  @Column({ name: 'decided_at', type: 'varchar', length: 30, nullable: true })
  decidedAt: string | null;

  @Column({ name: 'decided_by_email', type: 'varchar', length: 254, nullable: true })
  decidedByEmail: string | null;

  @Column({ name: 'updated_at', type: 'varchar', length: 30 })
  updatedAt: string;

  @VersionColumn()
  version: number;
}

/** The request's history: comments and every change of status, in order. */
@Entity('terms_request_note')
export class TermsRequestNoteEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'request_id', type: 'varchar', length: 36 })
  requestId: string;

  @Column({ type: 'varchar', length: 30 })
  at: string;

  @Column({ type: 'integer' })
  seq: number;

  @Column({ name: 'author_email', type: 'varchar', length: 254, nullable: true })
  authorEmail: string | null;

  @Column({ type: 'varchar', length: 16 })
  kind: 'COMMENT' | 'STATUS';

  @Column({ type: 'text' })
  text: string;
}

export type LedgerKind = 'LIMIT_SET' | 'ORDER_CHARGED' | 'RETURN_RELEASED';

@Entity('credit_ledger')
export class CreditLedgerEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'reseller_id', type: 'varchar', length: 36 })
  resellerId: string;

  @Column({ type: 'varchar', length: 30 })
  at: string;

  /** Position in the reseller's ledger (entries can share a millisecond). */
  @Column({ type: 'integer', default: 0 })
  seq: number;

  @Column({ type: 'varchar', length: 16 })
  kind: LedgerKind;

  @Column({ name: 'amount_minor', type: 'bigint', transformer: bigintAsNumber })
  amountMinor: number;

  @Column({ type: 'varchar', length: 3 })
  currency: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  reference: string | null;

  @Column({ type: 'text' })
  note: string;
}
