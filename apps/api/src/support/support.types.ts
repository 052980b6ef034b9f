import { createUnionType, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '../platform/page-info.types.js';
import { Customer } from '../customers/customer.types.js';
import { BusinessError } from '../platform/business-error.js';
import { NotFound, OperationRefused, ValidationFailed, VersionConflict } from '../platform/common.types.js';
import { Money } from '../platform/money.types.js';
import { Reseller } from '../resellers/reseller.types.js';
import { Code, FreeText, ShortText } from '../platform/text.types.js';
import { sortEnum } from '../platform/list-sort.js';
import { CASE_SORTS } from './case.service.js';

export const CaseSortEnum = sortEnum('SupportCaseSort', CASE_SORTS, 'What the support queue is sorted on; OPENED (oldest first) unless asked.');

@ObjectType()
export class CaseComment {
  @Field()
  at: string;

  @Field(() => String, { nullable: true })
  authorEmail: string | null;

  @Field()
  kind: string;

  @Field()
  text: string;
}

@ObjectType({ description: 'A support case.' })
export class SupportCase {
  @Field(() => ID)
  id: string;

  @Field()
  number: string;

  @Field(() => ID)
  resellerId: string;

  @Field(() => ID, { nullable: true })
  customerId: string | null;

  @Field(() => ID, { nullable: true })
  orderId: string | null;

  @Field({ description: 'BILLING, RETURN, PASSWORD_LOGIN or OTHER.' })
  type: string;

  @Field()
  priority: string;

  @Field({ description: 'OPEN, WAITING_ON_RESELLER, RESOLVED or CLOSED.' })
  status: string;

  @Field()
  subject: string;

  @Field(() => String, { nullable: true })
  assigneeEmail: string | null;

  @Field(() => String, { nullable: true })
  openedByEmail: string | null;

  @Field()
  openedAt: string;

  @Field({ description: 'Hours since the case was opened.' })
  ageHours: number;

  @Field(() => Int)
  version: number;

  comments?: CaseComment[];
}

@ObjectType()
export class SupportCaseConnection {
  @Field(() => [SupportCase])
  nodes: SupportCase[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;
}

@InputType()
export class NewCaseInput {
  @Field(() => Code)
  type: string;

  @Field(() => Code, { nullable: true })
  priority?: string | null;

  @Field(() => ShortText)
  subject: string;

  @Field(() => FreeText)
  text: string;

  @Field(() => ID, { nullable: true })
  customerId?: string | null;

  @Field(() => ID, { nullable: true })
  orderId?: string | null;
}

@ObjectType()
export class CaseSaved {
  @Field(() => SupportCase)
  supportCase: SupportCase;
}

export const CaseResult = createUnionType({ name: 'CaseResult', types: () => [CaseSaved, ValidationFailed, VersionConflict, NotFound] as const });

@ObjectType({ description: 'May this line be returned now, and for how much?' })
export class ReturnOption {
  @Field(() => ID)
  orderLineId: string;

  @Field(() => Int)
  lineNumber: number;

  @Field()
  skuTitle: string;

  @Field(() => Int)
  quantity: number;

  @Field(() => Int)
  returnedQuantity: number;

  @Field()
  allowed: boolean;

  @Field(() => String, { nullable: true })
  code: string | null;

  @Field(() => String, { nullable: true })
  message: string | null;

  @Field(() => Int, { description: 'The seats the refund is for: those asked for in `quantities`, else every seat still returnable.' })
  refundQuantity: number;

  @Field(() => Money, { nullable: true, description: 'Refund for refundQuantity seats.' })
  refund: Money | null;

  @Field({ description: 'When the return window closes (or closed).' })
  windowClosesAt: string;
}

@ObjectType()
export class CreditNote {
  @Field(() => ID)
  id: string;

  @Field()
  number: string;

  @Field(() => Int)
  quantity: number;

  @Field(() => Money)
  amount: Money;

  @Field()
  refundMethod: string;

  @Field()
  issuedAt: string;
}

@ObjectType()
export class ReturnDone {
  @Field(() => CreditNote)
  creditNote: CreditNote;

  @Field()
  replayed: boolean;
}

@ObjectType({ implements: BusinessError, description: 'The return was refused; outside the window, with the date it closed.' })
export class ReturnRefused extends BusinessError {
  @Field(() => String, { nullable: true })
  windowClosedAt: string | null;
}

export const ReturnResult = createUnionType({ name: 'ReturnResult', types: () => [ReturnDone, ReturnRefused] as const });

@ObjectType()
export class InvoiceLine {
  @Field()
  description: string;

  @Field(() => Int)
  quantity: number;

  @Field(() => Int, { description: 'Seats returned since, each on a credit note.' })
  returnedQuantity: number;

  @Field(() => Money)
  unitPrice: Money;

  @Field(() => Money)
  total: Money;
}

@InputType({ description: 'How many seats of an order line a return would take.' })
export class ReturnQuantityInput {
  @Field(() => ID)
  orderLineId: string;

  @Field(() => Int)
  quantity: number;
}

@ObjectType({ description: 'A credit note: seats returned from an order and what was refunded for them.' })
export class CreditNoteDocument {
  @Field()
  number: string;

  @Field()
  issuedAt: string;

  @Field()
  description: string;

  @Field(() => Int)
  quantity: number;

  @Field(() => Money)
  amount: Money;

  @Field({ description: 'CARD_REFUND or TERMS_CREDIT.' })
  refundMethod: string;

  @Field()
  pdfUrl: string;
}

@ObjectType({ description: 'The invoice of an order.' })
export class Invoice {
  @Field()
  number: string;

  @Field()
  issuedAt: string;

  @Field()
  soNumber: string;

  @Field(() => String, { nullable: true })
  poNumber: string | null;

  @Field()
  paymentMethod: string;

  @Field()
  billTo: string;

  @Field(() => [InvoiceLine])
  lines: InvoiceLine[];

  @Field(() => Money)
  subtotal: Money;

  @Field(() => Int)
  taxRateBasisPoints: number;

  @Field(() => Money)
  tax: Money;

  @Field(() => Money)
  total: Money;

  @Field(() => [CreditNoteDocument], { description: 'Returns from this invoice, each with its credit note.' })
  creditNotes: CreditNoteDocument[];

  @Field(() => Money, { description: 'What the credit notes refunded.' })
  refunded: Money;

  @Field(() => Money, { description: 'The total less what was refunded.' })
  netTotal: Money;

  @Field()
  pdfUrl: string;
}

@ObjectType({ description: 'Who a customer-portal login belongs to.' })
export class LoginOwner {
  @Field(() => Customer)
  customer: Customer;

  @Field(() => Reseller)
  reseller: Reseller;
}

@ObjectType({ description: 'A sign-in lock lifted.' })
export class SignInUnlocked {
  @Field(() => Int, { description: 'How many failed sign-ins were cleared.' })
  cleared: number;
}

export const UnlockSignInResult = createUnionType({ name: 'UnlockSignInResult', types: () => [SignInUnlocked, OperationRefused] as const });
