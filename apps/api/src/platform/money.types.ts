import { formatMoney, formatMoneyAmount, type Money as DomainMoney } from '@nce/domain';
import { SafeIntResolver } from 'graphql-scalars';
import { Field, ObjectType } from 'type-graphql';

@ObjectType({ description: 'An amount of money: integer minor units (cents) and ISO 4217 currency. Never a float.' })
export class Money {
  @Field(() => SafeIntResolver, { description: 'Amount in the currency’s minor unit (e.g. cents).' })
  amountMinor: number;

  @Field()
  currency: string;

  @Field({ description: 'Exact decimal text, e.g. "12.50".' })
  amount: string;

  @Field({ description: 'Amount with its currency, e.g. "12.50 USD".' })
  formatted: string;

  static of(value: DomainMoney): Money {
    return Object.assign(new Money(), { ...value, amount: formatMoneyAmount(value), formatted: formatMoney(value) });
  }
}
