import { createUnionType, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '../platform/page-info.types.js';
import { Customer } from '../customers/index.js';
import { BusinessError } from '../platform/business-error.js';
import { NotFound, OperationRefused, ValidationFailed, VersionConflict } from '../platform/common.types.js';
import { Money } from '../platform/money.types.js';
import { Reseller } from '../resellers/index.js';
import { Code, FreeText, ShortText } from '../platform/text.types.js';
import { sortEnum } from '../platform/list-sort.js';
import { detailsOf, type Failure } from '../platform/result.js';
import type { CustomerEntity } from '../customers/index.js';
import type { ResellerEntity } from '../resellers/index.js';
import type { ReturnDecision } from '@nce/domain';
import { CASE_SORTS } from './case.service.js';
import type { SupportCaseEntity } from './entities.js';
import type { Invoice as ServiceInvoice } from './invoice.service.js';
import type { ReturnDone as ServiceReturnDone } from './returns.service.js';

/** What a return option shows of an order line. */
interface ReturnableOrderLine {
  id: string;
  lineNumber: number;
  skuTitle: string;
  quantity: number;
  returnedQuantity: number;
  subscriptionId: string | null;
}

export const CaseSortEnum = sortEnum(
  'SupportCaseSort',
  CASE_SORTS,
  'What the support queue is sorted on; OPENED (oldest first) unless asked.',
);

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

  /** A stored case as the API shows it; its age measured at `now`. */
  static of(this: void, c: SupportCaseEntity, now: Date): SupportCase {
    return Object.assign(new SupportCase(), {
      ...c,
      ageHours: Math.round(((now.getTime() - Date.parse(c.openedAt)) / 3_600_000) * 10) / 10,
    });
  }
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

  static of(this: void, supportCase: SupportCaseEntity, now: Date): CaseSaved {
    return Object.assign(new CaseSaved(), { supportCase: SupportCase.of(supportCase, now) });
  }
}

export const CaseResult = createUnionType({
  name: 'CaseResult',
  types: () => [CaseSaved, ValidationFailed, VersionConflict, NotFound] as const,
});

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

  @Field(() => Int, {
    description: 'The seats the refund is for: those asked for in `quantities`, else every seat still returnable.',
  })
  refundQuantity: number;

  @Field(() => Money, { nullable: true, description: 'Refund for refundQuantity seats.' })
  refund: Money | null;

  @Field({ description: 'When the return window closes (or closed).' })
  windowClosesAt: string;

  static of(
    this: void,
    { line, quantity, decision }: { line: ReturnableOrderLine; quantity: number; decision: ReturnDecision },
  ): ReturnOption {
    const provisioned = !!line.subscriptionId;
    return {
      refundQuantity: quantity,
      orderLineId: line.id,
      lineNumber: line.lineNumber,
      skuTitle: line.skuTitle,
      quantity: line.quantity,
      returnedQuantity: line.returnedQuantity,
      allowed: decision.allowed && provisioned,
      code: decision.allowed ? (provisioned ? null : 'NOT_PROVISIONED') : decision.code,
      message: decision.allowed ? (provisioned ? null : 'Not provisioned yet.') : decision.message,
      refund: decision.allowed ? Money.of(decision.refund) : null,
      windowClosesAt: decision.closesAt.toISOString(),
    };
  }
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

  static of(this: void, { creditNote: note, replayed }: ServiceReturnDone): ReturnDone {
    return Object.assign(new ReturnDone(), {
      replayed,
      creditNote: { ...note, amount: Money.of({ amountMinor: note.amountMinor, currency: note.currency }) },
    });
  }
}

@ObjectType({
  implements: BusinessError,
  description: 'The return was refused; outside the window, with the date it closed.',
})
export class ReturnRefused extends BusinessError {
  @Field(() => String, { nullable: true })
  windowClosedAt: string | null;

  static from(this: void, failure: Failure): ReturnRefused {
    return Object.assign(new ReturnRefused(), {
      code: failure.code,
      message: failure.message,
      windowClosedAt: detailsOf<{ closesAt: string | null }>(failure).closesAt ?? null,
      fix: null,
    });
  }
}

export const ReturnResult = createUnionType({
  name: 'ReturnResult',
  types: () => [ReturnDone, ReturnRefused] as const,
});

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

  static of(invoice: ServiceInvoice): Invoice {
    const r = invoice.reseller;
    const orderId = invoice.order.id;
    return {
      ...invoice,
      soNumber: invoice.order.soNumber,
      poNumber: invoice.order.poNumber,
      paymentMethod: invoice.order.paymentMethod,
      billTo: `${r.companyName}, ${[r.address.line1, r.address.city, r.address.region, r.address.postalCode, r.address.country].filter(Boolean).join(', ')}`,
      lines: invoice.lines.map((l) => ({ ...l, unitPrice: Money.of(l.unitPrice), total: Money.of(l.total) })),
      subtotal: Money.of(invoice.subtotal),
      tax: Money.of(invoice.tax),
      total: Money.of(invoice.total),
      creditNotes: invoice.creditNotes.map((note) => ({
        number: note.number,
        issuedAt: note.issuedAt,
        description: note.description,
        quantity: note.quantity,
        amount: Money.of({ amountMinor: note.amountMinor, currency: note.currency }),
        refundMethod: note.refundMethod,
        pdfUrl: `/invoices/${orderId}/credit-notes/${note.id}.pdf`,
      })),
      refunded: Money.of(invoice.refunded),
      netTotal: Money.of(invoice.netTotal),
      pdfUrl: `/invoices/${orderId}.pdf`,
    };
  }
}

@ObjectType({ description: 'Who a customer-portal login belongs to.' })
export class LoginOwner {
  @Field(() => Customer)
  customer: Customer;

  @Field(() => Reseller)
  reseller: Reseller;

  static of(found: { customer: CustomerEntity; reseller: ResellerEntity } | null): LoginOwner | null {
    return found && { customer: Customer.of(found.customer), reseller: Reseller.of(found.reseller) };
  }
}

@ObjectType({ description: 'A sign-in lock lifted.' })
export class SignInUnlocked {
  @Field(() => Int, { description: 'How many failed sign-ins were cleared.' })
  cleared: number;

  static of(this: void, cleared: number): SignInUnlocked {
    return Object.assign(new SignInUnlocked(), { cleared });
  }
}

export const UnlockSignInResult = createUnionType({
  name: 'UnlockSignInResult',
  types: () => [SignInUnlocked, OperationRefused] as const,
});
