import { money } from '@nce/domain';
import { createUnionType, Field, ID, Int, ObjectType } from 'type-graphql';
import { OperationRefused, ValidationFailed } from '../platform/common.types.js';
import { Money } from '../platform/money.types.js';
import type { DashboardView, MonthSum } from './dashboard.service.js';

@ObjectType({ simpleResolvers: true, description: 'A month’s revenue of one part of the business, and its margin.' })
export class MonthRevenue {
  @Field({ description: 'YYYY-MM.' })
  month: string;

  @Field({ description: 'The part: a segment, a product family (or Other), or NEW, RENEWAL, CHANGE.' })
  key: string;

  @Field(() => Money)
  revenue: Money;

  @Field(() => Money, { description: 'Revenue less what it cost at Microsoft’s partner price.' })
  margin: Money;
}

@ObjectType({ simpleResolvers: true })
export class RenewalWeek {
  @Field({ description: 'The week’s Monday, YYYY-MM-DD.' })
  weekStart: string;

  @Field(() => Int)
  subscriptions: number;

  @Field(() => Money, { description: 'Their current term’s value (seats × unit price).' })
  value: Money;
}

@ObjectType({ simpleResolvers: true })
export class TopReseller {
  @Field(() => ID)
  resellerId: string;

  @Field()
  name: string;

  @Field(() => Money)
  revenue: Money;

  @Field(() => Money)
  margin: Money;
}

@ObjectType({ simpleResolvers: true, description: 'Seats sold in a month’s orders, and how many were returned.' })
export class MonthReturns {
  @Field()
  month: string;

  @Field(() => Int)
  seats: number;

  @Field(() => Int)
  returned: number;
}

@ObjectType({ simpleResolvers: true, description: 'Terms requests: answered in the twelve months, and open now.' })
export class TermsFigures {
  @Field(() => Int)
  answered: number;

  @Field(() => Int, { description: 'Answered within 48 hours of when they began waiting.' })
  inside: number;

  @Field(() => Int)
  open: number;

  @Field(() => Int)
  overdue: number;
}

@ObjectType({
  simpleResolvers: true,
  description: 'A reseller’s month with its end customers, priced at its markups of today.',
})
export class EndCustomerMonth {
  @Field({ description: 'YYYY-MM.' })
  month: string;

  @Field(() => Money, { description: 'What the reseller paid: its charges.' })
  paid: Money;

  @Field(() => Money, { description: 'What its end customers pay at its markups.' })
  sales: Money;

  @Field(() => Money, { description: 'Sales less what it paid.' })
  margin: Money;
}

@ObjectType({ simpleResolvers: true, description: 'The business at a glance, over the last twelve months.' })
export class Dashboard {
  @Field()
  currency: string;

  @Field(() => [String], { description: 'The twelve months, oldest first.' })
  months: string[];

  @Field(() => [MonthRevenue])
  bySegment: MonthRevenue[];

  @Field(() => [MonthRevenue], { description: 'The five families with the most revenue, the rest as Other.' })
  byFamily: MonthRevenue[];

  @Field(() => [MonthRevenue], { description: 'NEW (purchases, conversions), RENEWAL, CHANGE (seats, credits…).' })
  byKind: MonthRevenue[];

  @Field(() => [RenewalWeek], { description: 'Thirteen weeks from this one.' })
  renewalsDue: RenewalWeek[];

  @Field(() => [TopReseller], { description: 'Staff only: the ten resellers with the most revenue.' })
  topResellers: TopReseller[];

  @Field(() => [MonthReturns])
  returns: MonthReturns[];

  @Field(() => TermsFigures, { nullable: true, description: 'Staff only.' })
  terms: TermsFigures | null;

  @Field(() => [EndCustomerMonth], {
    nullable: true,
    description: 'One reseller’s view only: its months with its end customers at its markups.',
  })
  endCustomers: EndCustomerMonth[] | null;

  static of(this: void, v: DashboardView): Dashboard {
    const m = (minor: number) => Money.of(money(minor, v.currency));
    const month = (r: MonthSum): MonthRevenue => ({
      month: r.month,
      key: r.key,
      revenue: m(r.amountMinor),
      margin: m(r.amountMinor - r.costMinor),
    });
    return Object.assign(new Dashboard(), {
      currency: v.currency,
      months: v.months,
      bySegment: v.bySegment.map(month),
      byFamily: v.byFamily.map(month),
      byKind: v.byKind.map(month),
      renewalsDue: v.renewalsDue.map((w) => ({
        weekStart: w.weekStart,
        subscriptions: w.subscriptions,
        value: m(w.valueMinor),
      })),
      returns: v.returns,
      terms: v.terms,
      endCustomers:
        v.endCustomers?.map((e) => ({
          month: e.month,
          paid: m(e.paidMinor),
          sales: m(e.salesMinor),
          margin: m(e.marginMinor),
        })) ?? null,
      topResellers: v.topResellers.map((r) => ({
        resellerId: r.resellerId,
        name: r.name,
        revenue: m(r.amountMinor),
        margin: m(r.amountMinor - r.costMinor),
      })),
    });
  }
}

export const DashboardResult = createUnionType({
  name: 'DashboardResult',
  types: () => [Dashboard, ValidationFailed, OperationRefused] as const,
});
