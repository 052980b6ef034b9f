import { Column, Entity, PrimaryColumn, VersionColumn } from 'typeorm';
import type { CaseStatus } from '@nce/domain';
import { bigintAsNumber } from '../db/columns.js';

export const CASE_TYPES = ['BILLING', 'RETURN', 'PASSWORD_LOGIN', 'OTHER'] as const;
export type CaseType = (typeof CASE_TYPES)[number];
export { CASE_STATUSES, type CaseStatus } from '@nce/domain';
export const CASE_PRIORITIES = ['LOW', 'NORMAL', 'HIGH', 'URGENT'] as const;
export type CasePriority = (typeof CASE_PRIORITIES)[number];

/** R24: a support case — billing and invoicing, a return, a password or sign-in problem, or other. */
@Entity('support_case')
export class SupportCaseEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 20, unique: true })
  number: string;

  @Column({ name: 'reseller_id', type: 'varchar', length: 36 })
  resellerId: string;

  @Column({ name: 'customer_id', type: 'varchar', length: 36, nullable: true })
  customerId: string | null;

  @Column({ name: 'order_id', type: 'varchar', length: 36, nullable: true })
  orderId: string | null;

  @Column({ type: 'varchar', length: 20 })
  type: CaseType;

  @Column({ type: 'varchar', length: 10 })
  priority: CasePriority;

  @Column({ type: 'varchar', length: 24 })
  status: CaseStatus;

  @Column({ type: 'varchar', length: 200 })
  subject: string;

  @Column({ name: 'assignee_user_id', type: 'varchar', length: 36, nullable: true })
  assigneeUserId: string | null;

  @Column({ name: 'assignee_email', type: 'varchar', length: 254, nullable: true })
  assigneeEmail: string | null;

  @Column({ name: 'opened_by_email', type: 'varchar', length: 254, nullable: true })
  openedByEmail: string | null;

  @Column({ name: 'opened_at', type: 'varchar', length: 30 })
  openedAt: string;

  @Column({ name: 'updated_at', type: 'varchar', length: 30 })
  updatedAt: string;

  @VersionColumn()
  version: number;
}

@Entity('case_comment')
export class CaseCommentEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'case_id', type: 'varchar', length: 36 })
  caseId: string;

  @Column({ type: 'varchar', length: 30 })
  at: string;

  @Column({ type: 'integer' })
  seq: number;

  @Column({ name: 'author_email', type: 'varchar', length: 254, nullable: true })
  authorEmail: string | null;

  /** COMMENT from a person, or ACTION for what support did (return executed, password reset …). */
  @Column({ type: 'varchar', length: 16 })
  kind: 'COMMENT' | 'ACTION';

  @Column({ type: 'text' })
  text: string;
}

/** R24: what a return refunded. */
@Entity('credit_note')
export class CreditNoteEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 24, unique: true })
  number: string;

  @Column({ name: 'order_id', type: 'varchar', length: 36 })
  orderId: string;

  @Column({ name: 'order_line_id', type: 'varchar', length: 36 })
  orderLineId: string;

  @Column({ name: 'case_id', type: 'varchar', length: 36, nullable: true })
  caseId: string | null;

  @Column({ type: 'integer' })
  quantity: number;

  @Column({ name: 'amount_minor', type: 'bigint', transformer: bigintAsNumber })
  amountMinor: number;

  @Column({ type: 'varchar', length: 3 })
  currency: string;

  /** TERMS_CREDIT (released to the credit line) or CARD_REFUND. */
  @Column({ name: 'refund_method', type: 'varchar', length: 16 })
  refundMethod: 'TERMS_CREDIT' | 'CARD_REFUND';

  @Column({ name: 'idempotency_key', type: 'varchar', length: 120, unique: true })
  idempotencyKey: string;

  @Column({ name: 'issued_at', type: 'varchar', length: 30 })
  issuedAt: string;

  @Column({ name: 'issued_by_email', type: 'varchar', length: 254, nullable: true })
  issuedByEmail: string | null;
}
