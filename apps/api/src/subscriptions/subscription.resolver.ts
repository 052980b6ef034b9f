import { money, SCHEDULE_CUTOFF_HOURS, type BillingPlan, type SubscriptionState, type Term } from '@nce/domain';
import { BillingPlanEnum, TermEnum } from '../platform/graphql-enums.js';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context.js';
import { SortDirection, sortOrder } from '../platform/list-sort.js';
import { RequirePermission } from '../platform/permissions.js';
import { NotFound, ValidationFailed } from '../platform/common.types.js';
import { toUnion } from '../platform/result-union.js';
import type { Result } from '../platform/result.js';
import { BadInput } from '../platform/request-context.js';
import { Code, Cursor, ShortText } from '../platform/text.types.js';
import { Money } from '../platform/money.types.js';
import { SubscriptionPermission, type Changed, type QuotedAction } from './subscription.service.js';
import { SUBSCRIPTION_SORTS, type SubscriptionSortKey } from './subscriptions.repository.js';
import {
  NextTerm,
  RenewalCalendar,
  RenewalCalendarResult,
  RenewalDay,
  ScheduledChangeInput,
  SeatBatch,
  Subscription,
  SubscriptionChanged,
  SubscriptionChangeInput,
  SubscriptionChangeRefused,
  SubscriptionChangeResult,
  SubscriptionCharge,
  SubscriptionConnection,
  SubscriptionEmail,
  SubscriptionActionEnum,
  SubscriptionEvent,
  SubscriptionQuote,
  SubscriptionSortEnum,
  SubscriptionStatusEnum,
  UpgradeOption,
  UpgradeTimingEnum,
} from './subscription.types.js';

const HOUR = 3_600_000;

/** An ISO instant argument as the list compares it, or BadInput naming the argument. */
function instant(value: string | null, argument: string): string | null {
  if (!value) return null;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new BadInput(`"${argument}" is not an ISO date-time.`, argument);
  return date.toISOString();
}

@Resolver(() => Subscription)
export class SubscriptionResolver {
  @RequirePermission(SubscriptionPermission.Read)
  @Query(() => SubscriptionConnection, {
    description: 'Subscriptions, soonest term end first unless sorted otherwise; reseller users see only their own.',
  })
  async subscriptions(
    @Arg('resellerId', () => ID, { nullable: true }) resellerId: string | null,
    @Arg('customerId', () => ID, { nullable: true }) customerId: string | null,
    @Arg('product', () => ShortText, {
      nullable: true,
      description: 'Part of the product or SKU title or id, or of Microsoft’s subscription id.',
    })
    product: string | null,
    @Arg('status', () => SubscriptionStatusEnum, { nullable: true }) status: SubscriptionState | null,
    @Arg('endingWithinDays', () => Int, {
      nullable: true,
      description: 'Terms ending (renewing, or expiring) within this many days.',
    })
    endingWithinDays: number | null,
    @Arg('windowOpen', () => Boolean, {
      nullable: true,
      description: 'True: some seats can still be removed for a refund; false: none can.',
    })
    windowOpen: boolean | null,
    @Arg('autoRenew', () => Boolean, { nullable: true }) autoRenew: boolean | null,
    @Arg('trial', () => Boolean, { nullable: true }) trial: boolean | null,
    @Arg('termEndFrom', () => Code, { nullable: true, description: 'Terms ending at or after this instant (ISO).' })
    termEndFrom: string | null,
    @Arg('termEndBefore', () => Code, { nullable: true, description: 'Terms ending before this instant (ISO).' })
    termEndBefore: string | null,
    @Arg('sortBy', () => SubscriptionSortEnum, { nullable: true }) sortBy: SubscriptionSortKey | null,
    @Arg('direction', () => SortDirection, { nullable: true }) direction: SortDirection | null,
    @Arg('first', () => Int, { defaultValue: 25 }) first: number,
    @Arg('after', () => Cursor, { nullable: true }) after: string | null,
    @Ctx() ctx: Context,
  ): Promise<SubscriptionConnection> {
    const page = await ctx.app.subscriptions.list(
      ctx,
      {
        resellerId,
        customerId,
        product,
        status,
        endingWithinDays,
        windowOpen,
        autoRenew,
        trial,
        termEndFrom: instant(termEndFrom, 'termEndFrom'),
        termEndBefore: instant(termEndBefore, 'termEndBefore'),
      },
      first,
      after,
      sortOrder(SUBSCRIPTION_SORTS, 'TERM_END', sortBy, direction),
    );
    const now = ctx.clock.now();
    return {
      nodes: page.subscriptions.map((s) => Subscription.listed(s, now)),
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
    };
  }

  @RequirePermission(SubscriptionPermission.Read)
  @Query(() => RenewalCalendarResult, { description: 'A month (YYYY-MM) of renewals, day by day, with totals.' })
  async renewalCalendar(
    @Arg('month', () => Code) month: string,
    @Arg('resellerId', () => ID, { nullable: true }) resellerId: string | null,
    @Ctx() ctx: Context,
  ): Promise<typeof RenewalCalendarResult> {
    return toUnion(
      await ctx.app.subscriptions.renewalCalendar(ctx, month, resellerId),
      (days) => Object.assign(new RenewalCalendar(), { month, days: days.map(RenewalDay.of) }),
      ValidationFailed.from,
    );
  }

  @RequirePermission(SubscriptionPermission.Manage)
  @Query(() => SubscriptionQuote, {
    nullable: true,
    description:
      'What adding or removing seats, or cancelling, would charge or refund now; null: no such subscription.',
  })
  async subscriptionQuote(
    @Arg('id', () => ID) id: string,
    @Arg('action', () => SubscriptionActionEnum) action: QuotedAction,
    @Arg('quantity', () => Int, { defaultValue: 0 }) quantity: number,
    @Ctx() ctx: Context,
  ): Promise<SubscriptionQuote | null> {
    const quoted = await ctx.app.subscriptions.quote(ctx, id, action, quantity);
    return quoted.ok ? SubscriptionQuote.of(quoted.value) : null;
  }

  @RequirePermission(SubscriptionPermission.Read)
  @Query(() => Subscription, { nullable: true })
  async subscription(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Subscription | null> {
    const found = await ctx.app.subscriptions.get(ctx, id);
    if (!found) return null;
    const [names, batches] = await Promise.all([
      ctx.app.subscriptions.names(ctx, found),
      ctx.app.subscriptions.batches(ctx, found),
    ]);
    return Subscription.of(found, names, batches, ctx.clock.now());
  }

  @FieldResolver(() => [SeatBatch], { description: 'Its seat batches, of every term, oldest first.' })
  async batches(@Root() s: Subscription, @Ctx() ctx: Context): Promise<SeatBatch[]> {
    const entity = await this.entityOf(s, ctx);
    const now = ctx.clock.now();
    return (await ctx.app.subscriptions.batches(ctx, entity)).map((b) => SeatBatch.of(b, entity, now));
  }

  @FieldResolver(() => [SubscriptionEvent], { description: 'Every change, oldest first: what, when and who.' })
  async history(@Root() s: Subscription, @Ctx() ctx: Context): Promise<SubscriptionEvent[]> {
    return (await ctx.app.subscriptions.events(ctx, await this.entityOf(s, ctx))).map(SubscriptionEvent.of);
  }

  @FieldResolver(() => [SubscriptionCharge], { description: 'Its charges and refunds, oldest first.' })
  async charges(@Root() s: Subscription, @Ctx() ctx: Context): Promise<SubscriptionCharge[]> {
    return (await ctx.app.subscriptions.charges(ctx, await this.entityOf(s, ctx))).map(SubscriptionCharge.of);
  }

  @FieldResolver(() => [SubscriptionEmail], {
    description: 'Emails sent about it (reminders, renewals), newest first.',
  })
  async emails(@Root() s: Subscription, @Ctx() ctx: Context): Promise<SubscriptionEmail[]> {
    await this.entityOf(s, ctx);
    const sent = await ctx.app.mail.list(ctx, { relatedType: 'Subscription', relatedId: s.id });
    return sent.map((m) =>
      Object.assign(new SubscriptionEmail(), {
        to: m.to,
        subject: m.subject,
        body: m.body,
        createdAt: m.createdAt,
        status: m.status,
      }),
    );
  }

  @FieldResolver(() => [UpgradeOption], { description: 'Higher SKUs it can upgrade to, along Microsoft’s paths.' })
  async upgradeOptions(@Root() s: Subscription, @Ctx() ctx: Context): Promise<UpgradeOption[]> {
    const entity = await this.entityOf(s, ctx);
    return (await ctx.app.subscriptions.upgradeOptions(ctx, entity)).map((o) =>
      Object.assign(new UpgradeOption(), {
        productId: o.productId,
        productTitle: o.productTitle,
        skuId: o.skuId,
        skuTitle: o.skuTitle,
        unitPrice: Money.of(money(o.unitPriceMinor, entity.currency)),
      }),
    );
  }

  @RequirePermission(SubscriptionPermission.Manage)
  @Mutation(() => SubscriptionChangeResult, {
    description:
      'Upgrades seats to a higher SKU along Microsoft’s paths: every seat now or at renewal, or some seats now into a new subscription ending with this one.',
  })
  async upgradeSubscription(
    @Arg('id', () => ID) id: string,
    @Arg('productId', () => Code) productId: string,
    @Arg('skuId', () => Code) skuId: string,
    @Arg('when', () => UpgradeTimingEnum) when: 'NOW' | 'AT_RENEWAL',
    @Arg('input', () => SubscriptionChangeInput) input: SubscriptionChangeInput,
    @Ctx() ctx: Context,
    @Arg('quantity', () => Int, { nullable: true, description: 'Seats to upgrade; every seat when omitted.' })
    quantity?: number | null,
  ): Promise<typeof SubscriptionChangeResult> {
    return this.answer(ctx, await ctx.app.subscriptions.upgrade(ctx, id, { productId, skuId, when, quantity }, input));
  }

  @FieldResolver(() => NextTerm, { nullable: true, description: 'The next term; null when it will not renew.' })
  async nextTerm(@Root() s: Subscription, @Ctx() ctx: Context): Promise<NextTerm | null> {
    const entity = await this.entityOf(s, ctx);
    const next = await ctx.app.subscriptions.nextTerm(ctx, entity);
    if (!next) return null;
    return Object.assign(new NextTerm(), {
      renewsOn: next.renewsOn.toISOString(),
      skuTitle: next.skuTitle,
      quantity: next.quantity,
      term: next.term,
      billingPlan: next.billingPlan,
      unitPrice: next.price ? Money.of(money(next.price.unitPriceMinor, entity.currency)) : null,
      firstCharge: next.price ? Money.of(money(next.price.unitPriceMinor * next.quantity, entity.currency)) : null,
      promotionName: next.price?.promotion?.name ?? null,
      priceRule: next.price?.priceRule ?? null,
      changesCloseAt: new Date(new Date(entity.termEnd).getTime() - SCHEDULE_CUTOFF_HOURS * HOUR).toISOString(),
    });
  }

  @RequirePermission(SubscriptionPermission.Manage)
  @Mutation(() => SubscriptionChangeResult, {
    description: 'Adds seats, charged for the days left in the billing period; removable for 7 days.',
  })
  async addSubscriptionSeats(
    @Arg('id', () => ID) id: string,
    @Arg('quantity', () => Int) quantity: number,
    @Arg('input', () => SubscriptionChangeInput) input: SubscriptionChangeInput,
    @Ctx() ctx: Context,
  ): Promise<typeof SubscriptionChangeResult> {
    return this.answer(ctx, await ctx.app.subscriptions.addSeats(ctx, id, quantity, input));
  }

  @RequirePermission(SubscriptionPermission.Manage)
  @Mutation(() => SubscriptionChangeResult, {
    description:
      'Converts a trial to paid now, with at least 25 seats (fewer are scheduled for the trial’s end instead).',
  })
  async convertTrial(
    @Arg('id', () => ID) id: string,
    @Arg('quantity', () => Int) quantity: number,
    @Arg('input', () => SubscriptionChangeInput) input: SubscriptionChangeInput,
    @Ctx() ctx: Context,
  ): Promise<typeof SubscriptionChangeResult> {
    return this.answer(ctx, await ctx.app.subscriptions.convertTrial(ctx, id, quantity, input));
  }

  @RequirePermission(SubscriptionPermission.Manage)
  @Mutation(() => SubscriptionChangeResult, {
    description: 'Removes seats still inside their 7-day window, newest first, for a prorated refund.',
  })
  async removeSubscriptionSeats(
    @Arg('id', () => ID) id: string,
    @Arg('quantity', () => Int) quantity: number,
    @Arg('input', () => SubscriptionChangeInput) input: SubscriptionChangeInput,
    @Ctx() ctx: Context,
  ): Promise<typeof SubscriptionChangeResult> {
    return this.answer(ctx, await ctx.app.subscriptions.removeSeats(ctx, id, quantity, input));
  }

  @RequirePermission(SubscriptionPermission.Manage)
  @Mutation(() => SubscriptionChangeResult, {
    description: 'Cancels the subscription inside the 7-day window of its purchase or last renewal, with a refund.',
  })
  async cancelSubscription(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => SubscriptionChangeInput) input: SubscriptionChangeInput,
    @Ctx() ctx: Context,
  ): Promise<typeof SubscriptionChangeResult> {
    return this.answer(ctx, await ctx.app.subscriptions.cancel(ctx, id, input));
  }

  @RequirePermission(SubscriptionPermission.Manage)
  @Mutation(() => SubscriptionChangeResult, {
    description: 'Turns auto-renew on or off; off ends the subscription at its term end.',
  })
  async setSubscriptionAutoRenew(
    @Arg('id', () => ID) id: string,
    @Arg('autoRenew') autoRenew: boolean,
    @Arg('input', () => SubscriptionChangeInput) input: SubscriptionChangeInput,
    @Ctx() ctx: Context,
  ): Promise<typeof SubscriptionChangeResult> {
    return this.answer(ctx, await ctx.app.subscriptions.setAutoRenew(ctx, id, autoRenew, input));
  }

  @RequirePermission(SubscriptionPermission.Manage)
  @Mutation(() => SubscriptionChangeResult, {
    description: 'Schedules the next term’s seats, term or billing; null clears what was scheduled.',
  })
  async scheduleSubscriptionChange(
    @Arg('id', () => ID) id: string,
    @Arg('change', () => ScheduledChangeInput, { nullable: true }) change: ScheduledChangeInput | null,
    @Arg('input', () => SubscriptionChangeInput) input: SubscriptionChangeInput,
    @Ctx() ctx: Context,
  ): Promise<typeof SubscriptionChangeResult> {
    return this.answer(ctx, await ctx.app.subscriptions.scheduleChanges(ctx, id, change ? { ...change } : null, input));
  }

  @RequirePermission(SubscriptionPermission.Manage)
  @Mutation(() => SubscriptionChangeResult, {
    description: 'Lengthens the term now (never shortens it): the unused paid days are credited, the new term charged.',
  })
  async changeSubscriptionTerm(
    @Arg('id', () => ID) id: string,
    @Arg('term', () => TermEnum) term: Term,
    @Arg('input', () => SubscriptionChangeInput) input: SubscriptionChangeInput,
    @Ctx() ctx: Context,
  ): Promise<typeof SubscriptionChangeResult> {
    return this.answer(ctx, await ctx.app.subscriptions.changeTerm(ctx, id, term, input));
  }

  @RequirePermission(SubscriptionPermission.Manage)
  @Mutation(() => SubscriptionChangeResult, {
    description: 'Switches a three-year term between monthly and annual billing, from the next billing cycle.',
  })
  async changeSubscriptionBilling(
    @Arg('id', () => ID) id: string,
    @Arg('billingPlan', () => BillingPlanEnum) billingPlan: BillingPlan,
    @Arg('input', () => SubscriptionChangeInput) input: SubscriptionChangeInput,
    @Ctx() ctx: Context,
  ): Promise<typeof SubscriptionChangeResult> {
    return this.answer(ctx, await ctx.app.subscriptions.changeBilling(ctx, id, billingPlan, input));
  }

  @RequirePermission(SubscriptionPermission.Manage)
  @Mutation(() => SubscriptionChangeResult, {
    description: 'Suspends the users’ access; billing goes on, auto-renew turns off.',
  })
  async suspendSubscription(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => SubscriptionChangeInput) input: SubscriptionChangeInput,
    @Ctx() ctx: Context,
  ): Promise<typeof SubscriptionChangeResult> {
    return this.answer(ctx, await ctx.app.subscriptions.suspend(ctx, id, input));
  }

  @RequirePermission(SubscriptionPermission.Manage)
  @Mutation(() => SubscriptionChangeResult, {
    description: 'Reactivates a suspended subscription before its term ends.',
  })
  async reactivateSubscription(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => SubscriptionChangeInput) input: SubscriptionChangeInput,
    @Ctx() ctx: Context,
  ): Promise<typeof SubscriptionChangeResult> {
    return this.answer(ctx, await ctx.app.subscriptions.reactivate(ctx, id, input));
  }

  private async answer(ctx: Context, result: Result<Changed>): Promise<typeof SubscriptionChangeResult> {
    if (!result.ok)
      return toUnion(
        result,
        () => null as never,
        (failure) => (failure.code === 'NOT_FOUND' ? NotFound.from(failure) : SubscriptionChangeRefused.from(failure)),
      );
    const changed = result.value;
    const [names, batches] = await Promise.all([
      ctx.app.subscriptions.names(ctx, changed.subscription),
      ctx.app.subscriptions.batches(ctx, changed.subscription),
    ]);
    return SubscriptionChanged.of(changed, names, batches, ctx.clock.now());
  }

  private async entityOf(s: Subscription, ctx: Context) {
    if (s.entity) return s.entity;
    const found = await ctx.app.subscriptions.get(ctx, s.id);
    if (!found) throw new Error(`subscription ${s.id} vanished`);
    s.entity = found;
    return found;
  }
}
