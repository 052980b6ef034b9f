import { money } from '@nce/domain';
import { createUnionType, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { NotFound, OperationRefused, ValidationFailed } from '../platform/common.types.js';
import { Money } from '../platform/money.types.js';
import { PageInfo } from '../platform/page-info.types.js';
import { Code, FreeText, ShortText } from '../platform/text.types.js';
import type { BillingRunEntity, MonthlyInvoiceEntity } from './entities.js';
import type { ListedInvoice } from './monthly-invoices.repository.js';

@ObjectType({ simpleResolvers: true, description: 'A month’s close: its invoices issued, once.' })
export class BillingRun {
  @Field({ description: 'YYYY-MM.' })
  month: string;

  @Field({ description: 'RUNNING or DONE.' })
  status: string;

  @Field()
  startedAt: string;

  @Field()
  startedBy: string;

  @Field(() => String, { nullable: true })
  finishedAt: string | null;

  @Field(() => Int, { description: 'Invoices issued (known once done).' })
  invoices: number;

  static of(this: void, run: BillingRunEntity): BillingRun {
    return Object.assign(new BillingRun(), run);
  }
}

@ObjectType({ simpleResolvers: true, description: 'An invoice or credit note named by its number.' })
export class InvoiceRef {
  @Field(() => ID)
  id: string;

  @Field()
  number: string;

  @Field({ description: 'Where its PDF is served.' })
  pdfUrl: string;

  static of(this: void, i: { id: string; number: string }): InvoiceRef {
    return { id: i.id, number: i.number, pdfUrl: `/billing/invoices/${i.id}.pdf` };
  }
}

@ObjectType({ simpleResolvers: true, description: 'A line a correction added, settled on the reseller’s account.' })
export class InvoiceAdjustment {
  @Field()
  description: string;

  @Field(() => Money, { description: 'Negative: a credit to the reseller.' })
  amount: Money;
}

@ObjectType({
  simpleResolvers: true,
  description: 'One reseller’s month in one currency, or a credit note cancelling one; never edited.',
})
export class MonthlyInvoice {
  @Field(() => ID)
  id: string;

  @Field()
  number: string;

  @Field({ description: 'INVOICE or CREDIT_NOTE.' })
  kind: string;

  @Field(() => String, { nullable: true, description: 'Why it was issued by a correction; null for the close’s.' })
  reason: string | null;

  @Field(() => InvoiceRef, {
    nullable: true,
    description: 'A credit note: the invoice it cancels; a correction’s invoice: the invoice it replaces.',
  })
  corrects: InvoiceRef | null;

  @Field(() => InvoiceRef, { nullable: true, description: 'A corrected invoice: the credit note cancelling it.' })
  creditedBy: InvoiceRef | null;

  @Field(() => InvoiceRef, { nullable: true, description: 'A corrected invoice: the invoice replacing it.' })
  replacedBy: InvoiceRef | null;

  @Field(() => [InvoiceAdjustment])
  adjustments: InvoiceAdjustment[];

  @Field()
  month: string;

  @Field(() => ID)
  resellerId: string;

  @Field()
  resellerName: string;

  @Field(() => Int)
  charges: number;

  @Field(() => Money)
  subtotal: Money;

  @Field(() => Money)
  tax: Money;

  @Field(() => Money)
  total: Money;

  @Field(() => Money, { description: 'Card-paid charges with their tax: paid when charged.' })
  paid: Money;

  @Field(() => Money, { description: 'Terms charges with their tax, due by dueDate (negative: a credit).' })
  due: Money;

  @Field({ description: 'YYYY-MM-DD.' })
  dueDate: string;

  @Field()
  issuedAt: string;

  @Field({ description: 'Where its PDF is served.' })
  pdfUrl: string;

  static of(this: void, i: ListedInvoice): MonthlyInvoice {
    const m = (minor: number) => Money.of(money(minor, i.currency));
    const ref = (r: { id: string; number: string } | null) => (r ? InvoiceRef.of(r) : null);
    return {
      id: i.id,
      number: i.number,
      kind: i.kind,
      reason: i.reason,
      corrects: ref(i.corrects),
      creditedBy: ref(i.creditedBy),
      replacedBy: ref(i.replacedBy),
      adjustments: i.adjustments.map((a) => ({ description: a.description, amount: m(a.amountMinor) })),
      month: i.month,
      resellerId: i.resellerId,
      resellerName: i.resellerName,
      charges: i.charges,
      subtotal: m(i.subtotalMinor),
      tax: m(i.taxMinor),
      total: m(i.totalMinor),
      paid: m(i.paidMinor),
      due: m(i.dueMinor),
      dueDate: i.dueDate,
      issuedAt: i.issuedAt,
      pdfUrl: `/billing/invoices/${i.id}.pdf`,
    };
  }
}

@ObjectType({ simpleResolvers: true })
export class MonthlyInvoiceConnection {
  @Field(() => [MonthlyInvoice])
  nodes: MonthlyInvoice[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;
}

export const CloseMonthResult = createUnionType({
  name: 'CloseMonthResult',
  types: () => [BillingRun, ValidationFailed, NotFound, OperationRefused] as const,
});

@ObjectType({ simpleResolvers: true })
export class InvoiceResent {
  @Field()
  number: string;

  static of(this: void, i: MonthlyInvoiceEntity): InvoiceResent {
    return Object.assign(new InvoiceResent(), { number: i.number });
  }
}

export const ResendInvoiceResult = createUnionType({
  name: 'ResendInvoiceResult',
  types: () => [InvoiceResent, NotFound, OperationRefused] as const,
});

@InputType({ description: 'A line of a correction: what it is and a signed decimal amount in the invoice’s currency.' })
export class InvoiceAdjustmentInput {
  @Field(() => ShortText)
  description: string;

  @Field(() => Code, { description: 'Signed decimal, e.g. "-45.00" (a credit) or "12.50".' })
  amount: string;
}

@InputType({ description: 'Corrects an issued invoice: a credit note cancels it and a new invoice replaces it.' })
export class CorrectInvoiceInput {
  @Field(() => ID)
  invoiceId: string;

  @Field(() => FreeText, { description: 'Why, up to 500 characters; the credit note, new invoice and mail show it.' })
  reason: string;

  @Field(() => [InvoiceAdjustmentInput])
  adjustments: InvoiceAdjustmentInput[];
}

@ObjectType({ simpleResolvers: true, description: 'A correction issued: the credit note and the new invoice.' })
export class InvoiceCorrected {
  @Field(() => InvoiceRef)
  creditNote: InvoiceRef;

  @Field(() => InvoiceRef)
  invoice: InvoiceRef;

  @Field(() => Money, { description: 'The new invoice’s total.' })
  total: Money;

  @Field(() => Money, { description: 'What the new invoice asks on terms (negative: a credit).' })
  due: Money;

  static of(this: void, c: { creditNote: MonthlyInvoiceEntity; invoice: MonthlyInvoiceEntity }): InvoiceCorrected {
    const m = (minor: number) => Money.of(money(minor, c.invoice.currency));
    return Object.assign(new InvoiceCorrected(), {
      creditNote: InvoiceRef.of(c.creditNote),
      invoice: InvoiceRef.of(c.invoice),
      total: m(c.invoice.totalMinor),
      due: m(c.invoice.dueMinor),
    });
  }
}

export const CorrectInvoiceResult = createUnionType({
  name: 'CorrectInvoiceResult',
  types: () => [InvoiceCorrected, ValidationFailed, NotFound, OperationRefused] as const,
});
