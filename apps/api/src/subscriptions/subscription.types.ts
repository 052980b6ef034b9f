import {
  batchWindowClosesAt,
  money,
  renewalDay,
  SUBSCRIPTION_STATES,
  type BillingPlan,
  type SubscriptionState,
  type Term,
} from '@nce/domain';
import { createUnionType, Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BusinessError } from '../platform/business-error.js';
import { NotFound, toFix, ValidationFailed } from '../platform/common.types.js';
import { BillingPlanEnum, TermEnum } from '../platform/graphql-enums.js';
import { Money } from '../platform/money.types.js';
import { PageInfo } from '../platform/page-info.types.js';
import type { Failure } from '../platform/result.js';
import { Code } from '../platform/text.types.js';
import { sortEnum } from '../platform/list-sort.js';
import type {
  SeatBatchEntity,
  SubscriptionChargeEntity,
  SubscriptionEntity,
  SubscriptionEventEntity,
} from './entities.js';
import { renewing, type Changed, type Quote } from './subscription.service.js';
import { SUBSCRIPTION_SORTS, type ListedSubscription, type TermEndDay } from './subscriptions.repository.js';

export const SubscriptionStatusEnum = Object.fromEntries(SUBSCRIPTION_STATES.map((s) => [s, s])) as {
  [K in SubscriptionState]: K;
};
registerEnumType(SubscriptionStatusEnum, {
  name: 'SubscriptionStatus',
  description:
    'PENDING while provisioning; ACTIVE; SUSPENDED (no access, still billed); EXPIRED (not renewed: access for 30 days, not billed); DISABLED (no access, deleted after 90 days); DELETED (cancelled).',
});

export const SubscriptionSortEnum = sortEnum(
  'SubscriptionSort',
  SUBSCRIPTION_SORTS,
  'What a subscription list is sorted by: term end (soonest first), product, customer, reseller or seats.',
);

@ObjectType({ simpleResolvers: true, description: 'What changes for the next term, chosen by the reseller.' })
export class ScheduledChange {
  @Field(() => Int)
  quantity: number;

  @Field(() => TermEnum)
  term: Term;

  @Field(() => BillingPlanEnum)
  billingPlan: BillingPlan;

  @Field(() => String, { nullable: true, description: 'The SKU the next term is upgraded to, if one is scheduled.' })
  upgradeTo: string | null;
}

@ObjectType({ simpleResolvers: true, description: 'A higher SKU the subscription can upgrade to, at today’s price.' })
export class UpgradeOption {
  @Field()
  productId: string;

  @Field()
  productTitle: string;

  @Field()
  skuId: string;

  @Field()
  skuTitle: string;

  @Field(() => Money, { description: 'One seat for one billing period, same term and billing.' })
  unitPrice: Money;
}

export const UpgradeTimingEnum = { NOW: 'NOW', AT_RENEWAL: 'AT_RENEWAL' } as const;
registerEnumType(UpgradeTimingEnum, {
  name: 'UpgradeTiming',
  description: 'Now (the rest of the period charged at the new price), or when the subscription renews.',
});

@ObjectType({ description: 'A licence in a customer’s tenant, from its purchase through its renewals.' })
export class Subscription {
  @Field(() => ID)
  id: string;

  @Field({ description: 'Microsoft Partner Center’s id of the subscription.' })
  partnerSubscriptionId: string;

  @Field(() => ID)
  resellerId: string;

  @Field()
  resellerName: string;

  @Field(() => ID)
  customerId: string;

  @Field()
  customerName: string;

  @Field(() => ID, { description: 'The order that bought it.' })
  orderId: string;

  @Field()
  productTitle: string;

  @Field()
  skuTitle: string;

  @Field()
  skuId: string;

  @Field(() => TermEnum)
  term: Term;

  @Field(() => BillingPlanEnum)
  billingPlan: BillingPlan;

  @Field(() => Int, { description: 'Seats held now.' })
  quantity: number;

  @Field(() => Money, { description: 'One seat’s price for one billing period of the current term.' })
  unitPrice: Money;

  @Field(() => SubscriptionStatusEnum)
  status: SubscriptionState;

  @Field()
  autoRenew: boolean;

  @Field()
  trial: boolean;

  @Field(() => ID, { nullable: true, description: 'The Microsoft promotion the current term is priced with.' })
  promotionId: string | null;

  @Field()
  termStart: string;

  @Field()
  termEnd: string;

  @Field(() => String, {
    nullable: true,
    description: 'When it renews (the day after the term end, from 00:00 UTC); null when it will not.',
  })
  renewsOn: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'When the last seats still removable for a refund stop being so; null when none are.',
  })
  windowClosesAt: string | null;

  @Field(() => Float, { nullable: true, description: 'Hours until `windowClosesAt`, by the marketplace’s clock.' })
  windowHoursLeft: number | null;

  @Field(() => ScheduledChange, { nullable: true })
  scheduledChange: ScheduledChange | null;

  @Field({ description: 'Its renewal day has come and the renewal is not done yet: changes wait until it is.' })
  renewing: boolean;

  @Field(() => Int, { description: 'Changes made at Microsoft so far (Microsoft accepts about 1,200).' })
  changeCount: number;

  @Field(() => Int)
  version: number;

  /** The entity behind a detail view (batches, history); absent on list rows. */
  entity?: SubscriptionEntity;

  static of(
    this: void,
    s: SubscriptionEntity,
    names: SubscriptionNames,
    batches: readonly SeatBatchEntity[],
    now: Date,
  ) {
    const open = batches
      .map((b) => SeatBatch.of(b, s, now))
      .filter((b) => b.windowOpen)
      .map((b) => b.windowClosesAt)
      .sort();
    const closes = open[open.length - 1] ?? null;
    return Object.assign(new Subscription(), {
      ...common(s),
      ...names,
      orderId: s.orderId,
      windowClosesAt: closes,
      windowHoursLeft: hoursLeft(closes, now),
      renewing: renewing(s, now),
      scheduledChange: s.scheduledChanges
        ? Object.assign(new ScheduledChange(), {
            quantity: s.scheduledChanges.quantity ?? s.quantity,
            term: s.scheduledChanges.term ?? s.term,
            billingPlan: s.scheduledChanges.billingPlan ?? s.billingPlan,
            upgradeTo: s.scheduledChanges.upgrade?.skuTitle ?? null,
          })
        : null,
      changeCount: s.changeCount,
      entity: s,
    });
  }

  static listed(this: void, s: ListedSubscription, now: Date): Subscription {
    const ends = s.lastBatchAt ? batchWindowClosesAt({ startedAt: new Date(s.lastBatchAt) }) : null;
    const closes = ends && ends.getTime() > now.getTime() ? ends.toISOString() : null;
    return Object.assign(new Subscription(), {
      ...common(s),
      resellerName: s.resellerName,
      customerName: s.customerName,
      orderId: s.orderId,
      windowClosesAt: closes,
      windowHoursLeft: hoursLeft(closes, now),
      renewing: renewing(s, now),
      scheduledChange: null,
      changeCount: 0,
    });
  }
}

const hoursLeft = (closes: string | null, now: Date): number | null =>
  closes ? Math.max(0, Math.round((Date.parse(closes) - now.getTime()) / 36_000) / 100) : null;

/** The reseller's and the customer's names, which a subscription shows beside its own fields. */
export interface SubscriptionNames {
  resellerName: string;
  customerName: string;
}

function common(s: Omit<ListedSubscription, 'resellerName' | 'customerName' | 'lastBatchAt'>) {
  const renews = s.status === 'ACTIVE' && s.autoRenew;
  return {
    id: s.id,
    partnerSubscriptionId: s.partnerSubscriptionId,
    resellerId: s.resellerId,
    customerId: s.customerId,
    productTitle: s.productTitle,
    skuTitle: s.skuTitle,
    skuId: s.skuId,
    term: s.term,
    billingPlan: s.billingPlan,
    quantity: s.quantity,
    unitPrice: Money.of(money(s.unitPriceMinor, s.currency)),
    status: s.status,
    autoRenew: s.autoRenew,
    trial: s.trial,
    promotionId: s.promotionId,
    termStart: s.termStart,
    termEnd: s.termEnd,
    renewsOn: renews ? renewalDay(new Date(s.termEnd)).toISOString() : null,
    version: s.version,
  };
}

@ObjectType({
  description: 'Seats bought together: at purchase, at a renewal, or added; each with its own 7-day window.',
})
export class SeatBatch {
  @Field(() => ID)
  id: string;

  @Field({ description: 'PURCHASE, RENEWAL or ADD.' })
  kind: string;

  @Field(() => Int)
  quantity: number;

  @Field(() => Int, { description: 'Seats of the batch removed since.' })
  removed: number;

  @Field()
  startedAt: string;

  @Field({ description: 'Until when its seats can be removed for a prorated refund.' })
  windowClosesAt: string;

  @Field({ description: 'Whether the window is open now.' })
  windowOpen: boolean;

  @Field(() => Float, { nullable: true, description: 'Hours until the window closes; null once it has.' })
  hoursLeft: number | null;

  @Field({ description: 'Whether it belongs to the current term.' })
  current: boolean;

  @Field(() => Money, { description: 'What one seat of the batch paid for its period.' })
  unitPaid: Money;

  static of(this: void, b: SeatBatchEntity, s: SubscriptionEntity, now: Date): SeatBatch {
    const closes = batchWindowClosesAt({ startedAt: new Date(b.startedAt) });
    const windowOpen = b.startedAt >= s.termStart && b.quantity > b.removed && closes.getTime() > now.getTime();
    return Object.assign(new SeatBatch(), {
      id: b.id,
      kind: b.kind,
      quantity: b.quantity,
      removed: b.removed,
      startedAt: b.startedAt,
      windowClosesAt: closes.toISOString(),
      windowOpen,
      hoursLeft: windowOpen ? hoursLeft(closes.toISOString(), now) : null,
      current: b.startedAt >= s.termStart,
      unitPaid: Money.of(money(b.unitPaidMinor, s.currency)),
    });
  }
}

@ObjectType({ simpleResolvers: true, description: 'One change in a subscription’s history: what, when and who.' })
export class SubscriptionEvent {
  @Field(() => ID)
  id: string;

  @Field()
  at: string;

  @Field()
  kind: string;

  @Field()
  message: string;

  @Field(() => String, { nullable: true, description: 'Who made it; null for Microsoft or the marketplace itself.' })
  actorEmail: string | null;

  static of(this: void, e: SubscriptionEventEntity): SubscriptionEvent {
    return Object.assign(new SubscriptionEvent(), {
      id: e.id,
      at: e.at,
      kind: e.kind,
      message: e.message,
      actorEmail: e.actorEmail,
    });
  }
}

@ObjectType({ description: 'A money movement of a subscription, typed as Microsoft bills it; refunds are negative.' })
export class SubscriptionCharge {
  @Field(() => ID)
  id: string;

  @Field({ description: 'new, renew, addQuantity, removeQuantity, cancelImmediate, …' })
  chargeType: string;

  @Field(() => Int)
  quantity: number;

  @Field(() => Money)
  amount: Money;

  @Field()
  chargeStart: string;

  @Field()
  chargeEnd: string;

  @Field()
  at: string;

  static of(this: void, c: SubscriptionChargeEntity): SubscriptionCharge {
    return Object.assign(new SubscriptionCharge(), {
      id: c.id,
      chargeType: c.chargeType,
      quantity: c.quantity,
      amount: Money.of(money(c.amountMinor, c.currency)),
      chargeStart: c.chargeStart,
      chargeEnd: c.chargeEnd,
      at: c.at,
    });
  }
}

@ObjectType({
  description: 'The next term as it will renew: scheduled changes applied, priced from the current price list.',
})
export class NextTerm {
  @Field()
  renewsOn: string;

  @Field({ description: 'The SKU it renews as (another when an upgrade is scheduled).' })
  skuTitle: string;

  @Field(() => Int)
  quantity: number;

  @Field(() => TermEnum)
  term: Term;

  @Field(() => BillingPlanEnum)
  billingPlan: BillingPlan;

  @Field(() => Money, {
    nullable: true,
    description: 'One seat for one billing period; null when the price list has none.',
  })
  unitPrice: Money | null;

  @Field(() => Money, { nullable: true, description: 'The first billing period of the next term for all its seats.' })
  firstCharge: Money | null;

  @Field(() => String, {
    nullable: true,
    description: 'The promotion that still prices the next term (the renewal falls within its dates), if any.',
  })
  promotionName: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The price-book rule that sets its price, in words; null: the partner price.',
  })
  priceRule: string | null;

  @Field({ description: 'Until when changes for the next term can be scheduled (a day before the term ends).' })
  changesCloseAt: string;
}

@ObjectType({ description: 'One day of the renewal calendar: what renews (or, without auto-renew, ends) that day.' })
export class RenewalDay {
  @Field({ description: 'The calendar date (UTC), YYYY-MM-DD: the day after the terms end.' })
  day: string;

  @Field({ description: 'True: these renew; false: they end without renewing.' })
  autoRenew: boolean;

  @Field(() => Int)
  subscriptions: number;

  @Field(() => Int)
  seats: number;

  @Field(() => Money, { description: 'Their seats at today’s price for one billing period.' })
  amount: Money;

  static of(this: void, d: TermEndDay): RenewalDay {
    return Object.assign(new RenewalDay(), {
      day: d.day,
      autoRenew: d.autoRenew,
      subscriptions: d.subscriptions,
      seats: d.seats,
      amount: Money.of(money(d.amountMinor, d.currency)),
    });
  }
}

@ObjectType({ description: 'A month of renewals, day by day.' })
export class RenewalCalendar {
  @Field()
  month: string;

  @Field(() => [RenewalDay])
  days: RenewalDay[];
}

export const RenewalCalendarResult = createUnionType({
  name: 'RenewalCalendarResult',
  types: () => [RenewalCalendar, ValidationFailed] as const,
});

export const SubscriptionActionEnum = {
  ADD_SEATS: 'ADD_SEATS',
  REMOVE_SEATS: 'REMOVE_SEATS',
  CANCEL: 'CANCEL',
} as const;
registerEnumType(SubscriptionActionEnum, {
  name: 'SubscriptionAction',
  description: 'A change that moves money, quoted before it is made.',
});

@ObjectType({ description: 'What a change would do if made now: its money effect, or why it would be refused.' })
export class SubscriptionQuote {
  @Field()
  allowed: boolean;

  @Field(() => Money, { description: 'Charged (positive) or refunded (negative).' })
  amount: Money;

  @Field({ description: 'Whether it drops the changes scheduled for the next term.' })
  wipesScheduledChanges: boolean;

  @Field(() => SubscriptionChangeRefused, { nullable: true, description: 'Why it would be refused.' })
  refusal: SubscriptionChangeRefused | null;

  static of(this: void, quote: Quote): SubscriptionQuote {
    return Object.assign(new SubscriptionQuote(), {
      allowed: !quote.refusal,
      amount: Money.of(quote.amount),
      wipesScheduledChanges: quote.wipesScheduledChanges,
      refusal: quote.refusal ? SubscriptionChangeRefused.from(quote.refusal) : null,
    });
  }
}

@ObjectType({ simpleResolvers: true, description: 'An email sent about the subscription (reminders, renewals).' })
export class SubscriptionEmail {
  @Field()
  to: string;

  @Field()
  subject: string;

  @Field()
  body: string;

  @Field()
  createdAt: string;

  @Field({ description: 'SENT by SMTP, or WRITTEN to the outbox only.' })
  status: string;
}

@ObjectType()
export class SubscriptionConnection {
  @Field(() => [Subscription])
  nodes: Subscription[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;
}

@ObjectType({ description: 'The change was made (or, for a repeated key, had been).' })
export class SubscriptionChanged {
  @Field(() => Subscription)
  subscription: Subscription;

  @Field({ description: 'True when this answers a retry of an earlier change with the same key.' })
  replayed: boolean;

  @Field(() => Money, { description: 'Charged (positive) or refunded (negative); zero when no money moved.' })
  amount: Money;

  @Field(() => ID, { nullable: true, description: 'The subscription the change created (a partial upgrade’s).' })
  createdSubscriptionId: string | null;

  static of(this: void, changed: Changed, names: SubscriptionNames, batches: readonly SeatBatchEntity[], now: Date) {
    return Object.assign(new SubscriptionChanged(), {
      subscription: Subscription.of(changed.subscription, names, batches, now),
      replayed: changed.replayed,
      amount: Money.of(changed.amount),
      createdSubscriptionId: changed.createdId ?? null,
    });
  }
}

@ObjectType({
  implements: BusinessError,
  description: 'The change is not allowed now; the code names the rule, the message why, the fix what to do instead.',
})
export class SubscriptionChangeRefused extends BusinessError {
  static from(this: void, failure: Failure): SubscriptionChangeRefused {
    return Object.assign(new SubscriptionChangeRefused(), {
      code: failure.code,
      message: failure.message,
      fix: toFix(failure.fix),
    });
  }
}

export const SubscriptionChangeResult = createUnionType({
  name: 'SubscriptionChangeResult',
  types: () => [SubscriptionChanged, SubscriptionChangeRefused, NotFound] as const,
});

@InputType({ description: 'A change to a subscription, made once per key.' })
export class SubscriptionChangeInput {
  @Field(() => Code, {
    description: 'Retrying with the same key answers the same change; another change under it is refused.',
  })
  idempotencyKey: string;
}

@InputType({ description: 'The next term’s seats, term and billing; what is left out stays as it is.' })
export class ScheduledChangeInput {
  @Field(() => Int, { nullable: true })
  quantity?: number | null;

  @Field(() => TermEnum, { nullable: true })
  term?: Term | null;

  @Field(() => BillingPlanEnum, { nullable: true })
  billingPlan?: BillingPlan | null;
}
