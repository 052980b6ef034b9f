import type { BillingPlan, Prerequisite as DomainPrerequisite, Readiness, Term } from '@nce/domain';
import { SafeIntResolver } from 'graphql-scalars';
import { createUnionType, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PageInfo } from '../platform/page-info.types.js';
import { BusinessError, Fix } from '../platform/business-error.js';
import { BillingPlanEnum, TermEnum } from '../platform/graphql-enums.js';
import { Money } from '../platform/money.types.js';
import { Code } from '../platform/text.types.js';
import { sortEnum } from '../platform/list-sort.js';
import { toFix } from '../platform/common.types.js';
import { detailsOf, type Failure } from '../platform/result.js';
import { MONTH_END, type CartView, type LineEndOption } from './cart.service.js';
import { ORDER_SORTS, type ListedOrder } from './order-query.service.js';
import type { Bought, NotReady, PricesChanged as PriceChanges } from './purchase.service.js';

const money = (amountMinor: number, currency: string) => Money.of({ amountMinor, currency });

export const LineEndEnum = { FULL_TERM: 'FULL_TERM', MONTH_END: 'MONTH_END', SUBSCRIPTION: 'SUBSCRIPTION' } as const;
export type LineEnd = keyof typeof LineEndEnum;
registerEnumType(LineEndEnum, {
  name: 'LineEnd',
  description:
    'What a new subscription’s first term ends with: a full term, the last month end before it, or an existing subscription of the customer (its first term is shortened and prorated).',
});

export const OrderSortEnum = sortEnum(
  'OrderSort',
  ORDER_SORTS,
  'What an order list is sorted on; PLACED (newest first) unless asked.',
);

@ObjectType({ simpleResolvers: true })
export class CartLine {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  priceId: number;

  @Field()
  productTitle: string;

  @Field()
  skuTitle: string;

  @Field(() => TermEnum)
  term: Term;

  @Field(() => BillingPlanEnum)
  billingPlan: BillingPlan;

  @Field(() => Int)
  quantity: number;

  @Field(() => Int, { nullable: true, description: 'Microsoft’s seat limit for this price.' })
  maxQuantity: number | null;

  @Field(() => Money, { description: 'Unit price when the line was priced.' })
  unitPrice: Money;

  @Field(() => Money, {
    nullable: true,
    description: 'Today’s catalog price; differs from unitPrice when the price changed.',
  })
  currentUnitPrice: Money | null;

  @Field(() => Money, { description: 'What the line costs at Buy: a shortened first period is prorated.' })
  lineTotal: Money;

  @Field({ description: 'A free trial: 25 seats for 30 days.' })
  trial: boolean;

  @Field(() => LineEndEnum)
  endWith: LineEnd;

  @Field(() => ID, { nullable: true, description: 'The subscription the first term ends with, when it does.' })
  endWithSubscriptionId: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'When the first term ends, if not after a full term (ISO 8601); null for a full term.',
  })
  termEnd: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Why the chosen end no longer holds (Buy is blocked until another is chosen).',
  })
  endDateProblem: string | null;

  @Field(() => String, { nullable: true, description: 'The Microsoft promotion in today’s price, if any.' })
  promotionName: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The price-book rule that set today’s price, e.g. "Gold: cost + 5 %"; null: the partner price.',
  })
  priceRule: string | null;
}

@ObjectType({ simpleResolvers: true, description: 'An end a cart line’s first term can take, with what it costs.' })
export class CartLineEndOption {
  @Field(() => LineEndEnum)
  kind: LineEnd;

  @Field(() => ID, { nullable: true })
  subscriptionId: string | null;

  @Field()
  label: string;

  @Field({ description: 'When the first term would end (ISO 8601).' })
  termEnd: string;

  @Field(() => Money, { description: 'What the line would cost at Buy with this end.' })
  lineTotal: Money;

  @Field(() => String, { nullable: true, description: 'Why this end cannot be chosen; null when it can.' })
  problem: string | null;

  static of(this: void, option: LineEndOption): CartLineEndOption {
    return {
      kind: option.kind,
      subscriptionId: option.subscriptionId,
      label: option.label,
      termEnd: option.termEnd,
      lineTotal: money(option.firstUnitChargeMinor * option.quantity, option.currency),
      problem: option.problem,
    };
  }
}

@ObjectType({ simpleResolvers: true, description: 'The reseller’s cart.' })
export class Cart {
  @Field(() => ID)
  id: string;

  @Field(() => ID, { nullable: true })
  customerId: string | null;

  @Field(() => String, { nullable: true })
  priceSegment: string | null;

  @Field(() => [CartLine])
  lines: CartLine[];

  @Field(() => Money, { nullable: true })
  total: Money | null;

  @Field(() => Int)
  version: number;

  /** The cart as the API shows it; an empty one when the reseller has none open. */
  static of(this: void, view: CartView | null): Cart {
    if (!view)
      return Object.assign(new Cart(), {
        id: 'none',
        customerId: null,
        priceSegment: null,
        lines: [],
        total: null,
        version: 0,
      });
    const currency = view.cart.currency ?? 'USD';
    const lines = view.lines.map((l) => ({
      ...l,
      unitPrice: money(l.unitPriceMinor, l.currency),
      currentUnitPrice: l.currentUnitPriceMinor === null ? null : money(l.currentUnitPriceMinor, l.currency),
      lineTotal: money(l.firstUnitChargeMinor * l.quantity, l.currency),
      endWith: (!l.endWith ? 'FULL_TERM' : l.endWith === MONTH_END ? 'MONTH_END' : 'SUBSCRIPTION') as LineEnd,
      endWithSubscriptionId: l.endWith && l.endWith !== MONTH_END ? l.endWith : null,
    }));
    return Object.assign(new Cart(), {
      id: view.cart.id,
      customerId: view.cart.customerId,
      priceSegment: view.cart.priceSegment,
      lines,
      total: view.cart.currency
        ? money(
            view.lines.reduce((sum, l) => sum + l.firstUnitChargeMinor * l.quantity, 0),
            currency,
          )
        : null,
      version: view.cart.version,
    });
  }
}

@ObjectType({ implements: BusinessError })
export class CartRefused extends BusinessError {
  static from(this: void, failure: Failure): CartRefused {
    return Object.assign(new CartRefused(), { code: failure.code, message: failure.message, fix: toFix(failure.fix) });
  }
}

export const CartResult = createUnionType({ name: 'CartResult', types: () => [Cart, CartRefused] as const });

@ObjectType({ description: 'One unmet prerequisite of a purchase.' })
export class Prerequisite {
  @Field()
  step: string;

  @Field()
  code: string;

  @Field()
  message: string;

  @Field(() => Fix, { nullable: true })
  fix: Fix | null;

  static of(this: void, p: DomainPrerequisite): Prerequisite {
    return Object.assign(new Prerequisite(), { ...p, fix: toFix(p.fix) });
  }
}

@ObjectType()
export class ChecklistStep {
  @Field()
  step: string;

  @Field()
  label: string;

  @Field()
  done: boolean;
}

@ObjectType({ description: 'Pre-flight: every unmet prerequisite of the cart at once, and the checklist.' })
export class PurchaseReadiness {
  @Field()
  ready: boolean;

  @Field(() => [Prerequisite])
  unmet: Prerequisite[];

  @Field(() => [ChecklistStep])
  checklist: ChecklistStep[];

  @Field({ description: 'CREDIT_CARD (the default) or TERMS.' })
  paymentMethod: string;

  @Field(() => Money, { nullable: true })
  total: Money | null;

  static of(
    readiness: Readiness & { paymentMethod: string; total: { amountMinor: number; currency: string } | null },
  ): PurchaseReadiness {
    return {
      ...readiness,
      unmet: readiness.unmet.map(Prerequisite.of),
      total: readiness.total ? Money.of(readiness.total) : null,
    };
  }
}

@InputType()
export class BuyInput {
  @Field(() => Code, {
    description: 'Retrying with the same key returns the same order; another request under it is refused.',
  })
  idempotencyKey: string;

  @Field(() => Code, { nullable: true })
  poNumber?: string | null;

  @Field(() => Code, { nullable: true, description: 'CREDIT_CARD or TERMS; the default otherwise.' })
  paymentMethod?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'The cart version the buyer confirmed (Cart.version); another version is refused as CART_CHANGED.',
  })
  cartVersion?: number | null;

  @Field(() => SafeIntResolver, {
    nullable: true,
    description: 'The total in minor units the buyer confirmed; another total is refused as CART_CHANGED.',
  })
  expectedTotalMinor?: number | null;
}

@ObjectType({ simpleResolvers: true })
export class OrderLine {
  @Field(() => Int)
  lineNumber: number;

  @Field()
  productTitle: string;

  @Field()
  skuTitle: string;

  @Field(() => TermEnum)
  term: Term;

  @Field(() => BillingPlanEnum)
  billingPlan: BillingPlan;

  @Field(() => Int)
  quantity: number;

  @Field(() => Money)
  unitPrice: Money;

  @Field(() => Money)
  lineTotal: Money;

  @Field(() => String, { nullable: true })
  subscriptionId: string | null;

  @Field()
  status: string;
}

@ObjectType()
export class OrderEvent {
  @Field()
  at: string;

  @Field()
  state: string;

  @Field()
  message: string;
}

@ObjectType()
export class EmailSent {
  @Field(() => ID)
  id: string;

  @Field()
  to: string;

  @Field()
  subject: string;

  @Field()
  body: string;

  @Field({ description: 'SENT (SMTP) or WRITTEN (local outbox).' })
  status: string;

  @Field()
  createdAt: string;
}

@ObjectType({ simpleResolvers: true, description: 'A placed order and its provisioning.' })
export class Order {
  @Field(() => ID)
  id: string;

  @Field({ description: 'The sales order number.' })
  soNumber: string;

  @Field(() => ID)
  resellerId: string;

  @Field()
  resellerName: string;

  @Field(() => ID)
  customerId: string;

  @Field()
  customerName: string;

  @Field()
  status: string;

  @Field()
  paymentMethod: string;

  @Field(() => String, { nullable: true })
  poNumber: string | null;

  @Field(() => Money)
  total: Money;

  @Field()
  tenantDomain: string;

  @Field()
  placedAt: string;

  @Field(() => String, { nullable: true })
  provisionedAt: string | null;

  @Field(() => String, { nullable: true })
  failureReason: string | null;

  @Field(() => [OrderLine])
  lines: OrderLine[];

  // Detail only; resolved by OrderResolver.
  events?: OrderEvent[];

  /**
   * A plain object built field by field (lists map hundreds of rows); type-graphql makes an Order of it for the field
   * resolvers.
   */
  static of(this: void, o: ListedOrder & Pick<Order, 'events'>): Order {
    return {
      events: o.events,
      id: o.id,
      soNumber: o.soNumber,
      resellerId: o.resellerId,
      resellerName: o.resellerName,
      customerId: o.customerId,
      customerName: o.customerName,
      status: o.status,
      paymentMethod: o.paymentMethod,
      poNumber: o.poNumber,
      total: money(o.totalMinor, o.currency),
      tenantDomain: o.tenantDomain,
      placedAt: o.placedAt,
      provisionedAt: o.provisionedAt,
      failureReason: o.failureReason,
      lines: o.lines.map((l) => ({
        lineNumber: l.lineNumber,
        productTitle: l.productTitle,
        skuTitle: l.skuTitle,
        term: l.term,
        billingPlan: l.billingPlan,
        quantity: l.quantity,
        unitPrice: money(l.unitPriceMinor, o.currency),
        lineTotal: money(l.lineTotalMinor, o.currency),
        subscriptionId: l.subscriptionId,
        status: l.status,
      })),
    };
  }
}

@ObjectType({ simpleResolvers: true })
export class OrderConnection {
  @Field(() => [Order])
  nodes: Order[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;
}

@ObjectType({ simpleResolvers: true })
export class OrderPlaced {
  @Field(() => Order)
  order: Order;

  @Field({ description: 'True when this answers a retry of an earlier Buy with the same key.' })
  replayed: boolean;

  static of(this: void, bought: Bought): OrderPlaced {
    return Object.assign(new OrderPlaced(), { order: Order.of(bought.placed), replayed: bought.replayed });
  }
}

@ObjectType({
  implements: BusinessError,
  description: 'The purchase cannot go ahead yet; every unmet prerequisite is listed.',
})
export class PurchaseNotReady extends BusinessError {
  @Field(() => [Prerequisite])
  unmet: Prerequisite[];

  static from(this: void, failure: Failure): PurchaseNotReady {
    return Object.assign(new PurchaseNotReady(), {
      code: failure.code,
      message: failure.message,
      unmet: (detailsOf<NotReady>(failure).unmet ?? []).map(Prerequisite.of),
    });
  }
}

@ObjectType()
export class PriceChange {
  @Field()
  title: string;

  @Field(() => Money)
  before: Money;

  @Field(() => Money, { nullable: true, description: 'Null when the price is no longer sold.' })
  after: Money | null;
}

@ObjectType({
  implements: BusinessError,
  description: 'Prices changed since the cart was priced; nothing was charged.',
})
export class PricesChanged extends BusinessError {
  @Field(() => [PriceChange])
  changes: PriceChange[];

  static from(this: void, failure: Failure): PricesChanged {
    const changes = detailsOf<PriceChanges>(failure).changes ?? [];
    return Object.assign(new PricesChanged(), {
      code: failure.code,
      message: failure.message,
      changes: changes.map((c) => ({
        title: c.title,
        before: money(c.before, c.currency),
        after: c.after === null ? null : money(c.after, c.currency),
      })),
    });
  }
}

@ObjectType({ implements: BusinessError })
export class BuyRefused extends BusinessError {
  static from(this: void, failure: Failure): BuyRefused {
    return Object.assign(new BuyRefused(), { code: failure.code, message: failure.message, fix: toFix(failure.fix) });
  }
}

/** Buy's failures by code; any other is a BuyRefused. */
export const BUY_FAILURES = (failure: Failure): PurchaseNotReady | PricesChanged | BuyRefused =>
  failure.code === 'NOT_READY'
    ? PurchaseNotReady.from(failure)
    : failure.code === 'PRICES_CHANGED'
      ? PricesChanged.from(failure)
      : BuyRefused.from(failure);

export const BuyResult = createUnionType({
  name: 'BuyResult',
  types: () => [OrderPlaced, PurchaseNotReady, PricesChanged, BuyRefused] as const,
});
