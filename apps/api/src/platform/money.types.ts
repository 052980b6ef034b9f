import { formatMoney, formatMoneyAmount, type Money as DomainMoney } from '@nce/domain';
import { SafeIntResolver } from 'graphql-scalars';
import { Field, ObjectType } from 'type-graphql';

@ObjectType({
  simpleResolvers: true,
  description: 'An amount of money: integer minor units (cents) and ISO 4217 currency. Never a float.',
})
export class Money {
  @Field(() => SafeIntResolver, { description: 'Amount in the currency’s minor unit (e.g. cents).' })
  amountMinor: number;

  @Field()
  currency: string;

  // The texts are getters: a catalog page holds thousands of prices, and most queries ask for neither.
  // (simpleResolvers: graphql-js reads the property directly, getters included.)
  @Field({ description: 'Exact decimal text, e.g. "12.50".' })
  get amount(): string {
    return formatMoneyAmount(this);
  }

  @Field({ description: 'The amount as people read it, e.g. "$1,234.50".' })
  get formatted(): string {
    return formatMoney(this);
  }

  static of(value: DomainMoney): Money {
    const money = new Money();
    money.amountMinor = value.amountMinor;
    money.currency = value.currency;
    return money;
  }
}
