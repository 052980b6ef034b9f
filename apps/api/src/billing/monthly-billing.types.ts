import { money } from '@nce/domain';
import { createUnionType, Field, ID, Int, ObjectType } from 'type-graphql';
import { NotFound, OperationRefused, ValidationFailed } from '../platform/common.types.js';
import { Money } from '../platform/money.types.js';
import { PageInfo } from '../platform/page-info.types.js';
import type { BillingRunEntity, MonthlyInvoiceEntity } from './entities.js';

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

@ObjectType({ simpleResolvers: true, description: 'One reseller’s month in one currency; never edited.' })
export class MonthlyInvoice {
  @Field(() => ID)
  id: string;

  @Field()
  number: string;

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

  static of(this: void, i: MonthlyInvoiceEntity & { resellerName: string }): MonthlyInvoice {
    const m = (minor: number) => Money.of(money(minor, i.currency));
    return {
      id: i.id,
      number: i.number,
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
