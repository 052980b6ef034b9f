import { createHash, randomUUID } from 'node:crypto';
import {
  addSeatsCharge,
  batchWindowClosesAt,
  billingPeriodAt,
  billingPlanFitsTerm,
  canChangeBilling,
  canChangeTerm,
  canPayWith,
  canScheduleChanges,
  cancelSubscription,
  checkQuantity,
  formatMoney,
  money,
  nextSubscriptionState,
  prorateDown,
  removeSeats,
  renewalDay,
  TERMS,
  termEndOf,
  isUpgrade,
  upgradeProductTitles,
  decideTrialConversion,
  isTrialOffer,
  paidSkuOfTrial,
  promotionRenews,
  trialEndOf,
  TRIAL_CONVERTS_TO,
  TRIAL_SEATS,
  type BillingPlan,
  type Money,
  type SeatBatch,
  type SeatRemoval,
  type Term,
} from '@nce/domain';
import type { AuditService, FieldChanges } from '../audit/index.js';
import type { Database } from '../db/database.js';
import type { ProvisionedLine } from '../orders/index.js';
import {
  SubscriptionBusy,
  SubscriptionChangeRefused,
  SubscriptionEtagStale,
  type PartnerCenter,
  type SubscriptionPatch,
} from '../partner-center/index.js';
import type { Clock } from '../platform/clock.js';
import { checkPageSize, type KeyOrder } from '../platform/cursor.js';
import { sortOrder, type SortDirection } from '../platform/list-sort.js';
import type { ModulePermission } from '../platform/permissions.js';
import {
  actingFor,
  ownReseller,
  requirePermission,
  type RequestContext,
  type Transactional,
} from '../platform/request-context.js';
import { fail, invalidField, notFound, ok, type Failure, type Result } from '../platform/result.js';
import type { TermsService } from '../terms/index.js';
import type {
  ScheduledChanges,
  SeatBatchEntity,
  SubscriptionChargeEntity,
  SubscriptionEntity,
  SubscriptionEventEntity,
  ChargeType,
} from './entities.js';
import {
  SUBSCRIPTION_SORTS,
  type ListedSubscription,
  type RenewalPrice,
  type SubscriptionFilter,
  type SubscriptionPromotion,
  type SubscriptionsRepository,
  type TermEndDay,
} from './subscriptions.repository.js';
import type { TermPrice, TermPrices } from './term-prices.js';
import type { ChargesWritten } from './subscriptions.repository.js';

export const SubscriptionPermission = {
  Read: 'subscriptions:read',
  Manage: 'subscriptions:manage',
} as const satisfies Record<string, ModulePermission>;

// S7: Partner Center refuses changes past about 1,200 on one subscription; stop just before.
export const CHANGE_LIMIT = 1200;

/** A change asked of a subscription, under an idempotency key. */
export interface ChangeRequest {
  idempotencyKey: string;
}

/** The next term's seats, term and billing as asked; what is left out stays as it is. */
export interface ScheduleRequest {
  quantity?: number | null;
  term?: Term | null;
  billingPlan?: BillingPlan | null;
}

/** The changes a user may have quoted before committing: those that move money. */
export type QuotedAction = 'ADD_SEATS' | 'REMOVE_SEATS' | 'CANCEL';

/** What a change would do now: its charge (positive) or refund (negative), or why it is refused. */
export interface Quote {
  amount: Money;
  wipesScheduledChanges: boolean;
  refusal: Failure | null;
}

export interface Changed {
  subscription: SubscriptionEntity;
  /** The subscription the change created (a partial upgrade's); null for others. */
  createdId?: string | null;
  replayed: boolean;
  /** What the change charged (positive) or refunded (negative); zero when it moved no money. */
  amount: Money;
}

/** What a decided change writes: the fields, seat batches, charges, credit and the sentence for the history. */
interface Plan {
  kind: string;
  fields: Partial<Omit<SubscriptionEntity, 'id' | 'version'>>;
  removals?: readonly SeatRemoval[];
  addBatch?: Omit<SeatBatchEntity, 'id' | 'subscriptionId'>;
  /** `priceRule`: the rule of the charge's price when not the term's (an upgrade's credit at the old price). */
  charges?: readonly {
    type: ChargeType;
    quantity: number;
    unitPriceMinor: number;
    amountMinor: number;
    end: Date;
    priceRule?: string | null;
  }[];
  /** What the reseller owes (positive) or gets back (negative) for this change. */
  amountMinor: number;
  message: string;
  changes: FieldChanges;
  /** Whether Partner Center is told (every change but scheduling is; scheduling is too, as instructions). */
  partner: boolean;
  /**
   * S13: a partial upgrade's new subscription, its first batch and its charge; its Microsoft id and etag come from
   * the transition's answer.
   */
  spinOff?: {
    subscription: Omit<SubscriptionEntity, 'partnerSubscriptionId' | 'etag'>;
    batch: Omit<SeatBatchEntity, 'id' | 'subscriptionId'>;
    charge: { quantity: number; unitPriceMinor: number; amountMinor: number; end: Date };
    message: string;
  };
  /** S13: an upgrade Microsoft is asked about first (its transition eligibility), now or at the renewal. */
  eligibility?: { productId: string; skuId: string; type: 'immediate' | 'scheduled' };
  /** An upgrade now goes to Partner Center as a transition, not as a change of the resource. */
  transition?: {
    productId: string;
    skuId: string;
    quantity?: number;
    term?: Exclude<Term, 'NONE'>;
    billingPlan?: BillingPlan;
  };
}

type Refusal = { ok: false; failure: Failure };

const refused = (code: string, message: string, fix?: { kind: 'link' | 'field' | 'action'; label: string }) =>
  fail(code, message, fix ? { fix } : {});

/**
 * A subscription's life after Buy (S1–S14): the seats it holds in batches with their own 7-day windows,
 * cancellation, auto-renew, the changes scheduled for its next term, suspension. Every change is decided by the
 * domain, told to Partner Center with the whole resource, and written in one transaction with its history
 * event, its charges (S18), the credit it draws or releases on terms (R2) and its audit entry. Each is
 * idempotent by key: the same key answers the change it made.
 */
export class SubscriptionService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly partnerCenter: PartnerCenter,
    private readonly terms: TermsService,
    private readonly subscriptions: SubscriptionsRepository,
    private readonly prices: TermPrices,
  ) {}

  /** Other contexts (billing's per-day sums) told of every charge written, in its transaction. */
  onChargesWritten(listener: ChargesWritten): void {
    this.subscriptions.onChargesWritten(listener);
  }

  /**
   * S1: opens the subscription of a line Partner Center provisioned, in the transaction recording the line. A
   * co-termed line ends on the date it was bought to end with (S15); a trial runs 30 days and is scheduled to
   * convert to the product's paid SKU, 25 seats on an annual term billed monthly, unless changed (S16).
   */
  async open(tx: Transactional, line: ProvisionedLine): Promise<void> {
    if (line.term === 'NONE') return;
    if (await this.subscriptions.existsForOrderLine(tx, line.lineId)) return;
    const now = this.clock.now();
    const at = now.toISOString();
    const term = line.term;
    const price = await this.subscriptions.segmentOfPrice(tx, line.priceId);
    const segment = price?.segment ?? 'COMMERCIAL';
    const trial = isTrialOffer(price?.tags ?? '');
    const end = trial ? trialEndOf(now) : line.termEnd ? new Date(line.termEnd) : termEndOf(now, term);
    const period = billingPeriodAt({ start: now, end, billingPlan: line.billingPlan }, now);
    const conversion = trial ? await this.trialConversion(tx, { ...line, segment }) : null;
    const id = randomUUID();
    await this.subscriptions.insert(
      tx,
      {
        id,
        partnerSubscriptionId: line.subscriptionId,
        etag: line.etag,
        resellerId: line.resellerId,
        customerId: line.customerId,
        tenantId: line.tenantId,
        orderId: line.orderId,
        orderLineId: line.lineId,
        priceId: line.priceId,
        productId: line.productId,
        productTitle: line.productTitle,
        skuId: line.skuId,
        skuTitle: line.skuTitle,
        segment,
        currency: line.currency,
        term,
        billingPlan: line.billingPlan,
        quantity: line.quantity,
        unitPriceMinor: line.unitPriceMinor,
        paymentMethod: line.paymentMethod,
        // S2: pending until Microsoft has set it up (the order's completion asks it).
        status: 'PENDING',
        statusSince: at,
        // A trial with nothing to convert to ends at its end.
        autoRenew: !trial || conversion !== null,
        trial,
        termStart: at,
        termEnd: end.toISOString(),
        scheduledChanges: conversion,
        promotionId: line.promotionId,
        priceRule: line.priceRule,
        changeCount: 0,
        renewalRemindedDays: null,
        trialRemindedDays: null,
        createdAt: at,
        updatedAt: at,
        version: 1,
      },
      {
        id: randomUUID(),
        subscriptionId: id,
        kind: 'PURCHASE',
        quantity: line.quantity,
        removed: 0,
        startedAt: at,
        // What each seat paid at Buy: a co-termed first period costs less than a full one (S15).
        unitPaidMinor: Math.round(line.lineTotalMinor / line.quantity),
        paidDays: period.days,
      },
      {
        id: randomUUID(),
        subscriptionId: id,
        resellerId: line.resellerId,
        chargeType: 'new',
        quantity: line.quantity,
        unitPriceMinor: line.unitPriceMinor,
        amountMinor: line.lineTotalMinor,
        currency: line.currency,
        chargeStart: at,
        chargeEnd: period.end.toISOString(),
        at,
        paymentMethod: line.paymentMethod,
        priceRule: line.priceRule,
        reference: line.orderId,
      },
      {
        subscriptionId: id,
        at,
        kind: 'PROVISIONED',
        message: trial
          ? `Trial of ${line.quantity} seat(s) provisioned; it ends ${end.toISOString().slice(0, 10)} and then ${conversion ? `converts to ${describeChanges(conversion)}` : 'converts to paid'} unless auto-renew is turned off.`
          : `${line.quantity} seat(s) provisioned; the term ends ${end.toISOString().slice(0, 10)}${line.termEnd ? ' (co-termed)' : ''} and renews automatically.`,
        actorEmail: null,
        idempotencyKey: null,
        requestHash: null,
      },
    );
  }

  /** S2: the order's subscriptions become active once Microsoft has set every line up, in the order's commit. */
  async activate(tx: Transactional, orderId: string): Promise<void> {
    const at = this.clock.now().toISOString();
    for (const s of await this.subscriptions.pendingOfOrder(tx, orderId)) {
      const move = nextSubscriptionState(s.status, 'PROVISIONED');
      if (!move.ok) continue;
      const saved = await this.subscriptions.save(tx, s, { status: move.to, statusSince: at, updatedAt: at });
      if (!saved) throw new Error(`subscription ${s.id} changed while it was activated; retried`);
      await this.subscriptions.appendEvent(tx, {
        subscriptionId: s.id,
        at,
        kind: 'ACTIVATED',
        message: 'Microsoft finished setting it up: active.',
        actorEmail: null,
        idempotencyKey: null,
        requestHash: null,
      });
    }
  }

  /** The list's order from a sort and direction as the SPA names them (an unknown sort: the list's default). */
  orderBy(sortBy?: string | null, direction?: SortDirection | null): KeyOrder {
    return sortOrder(SUBSCRIPTION_SORTS, 'TERM_END', sortBy as keyof typeof SUBSCRIPTION_SORTS | null, direction);
  }

  /** A page of subscriptions: a reseller's users see their own only. */
  async list(
    ctx: RequestContext,
    filter: SubscriptionFilter,
    first: number,
    after?: string | null,
    order: KeyOrder = sortOrder(SUBSCRIPTION_SORTS, 'TERM_END'),
  ): Promise<{ subscriptions: ListedSubscription[]; hasNextPage: boolean; endCursor: string | null }> {
    requirePermission(ctx, SubscriptionPermission.Read);
    checkPageSize(first);
    if (filter.resellerId) actingFor(ctx, filter.resellerId, SubscriptionPermission.Read);
    if (filter.endingWithinDays !== null && filter.endingWithinDays !== undefined)
      filter = { ...filter, endingWithinDays: Math.max(0, Math.min(3660, filter.endingWithinDays)) };
    return this.subscriptions.page(
      { ...filter, resellerId: ownReseller(ctx, filter.resellerId) },
      this.clock.now(),
      first,
      after,
      order,
    );
  }

  /**
   * The renewal calendar of a month (YYYY-MM): each day, what renews on it (terms that ended the day before) and
   * what ends without renewing, with seats and their current price; a reseller's users see their own.
   */
  async renewalCalendar(ctx: RequestContext, month: string, resellerId?: string | null): Promise<Result<TermEndDay[]>> {
    requirePermission(ctx, SubscriptionPermission.Read);
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month))
      return invalidField('month', 'FORMAT', 'A month is written YYYY-MM, e.g. 2026-12.');
    if (resellerId) actingFor(ctx, resellerId, SubscriptionPermission.Read);
    const [year, monthNumber] = month.split('-').map(Number) as [number, number];
    // A renewal day is the day after a term end: the month's renewals are the terms ending from the day before it.
    const from = new Date(Date.UTC(year, monthNumber - 1, 0)).toISOString();
    const before = new Date(Date.UTC(year, monthNumber, 0)).toISOString();
    const days = await this.subscriptions.termEndDays(ownReseller(ctx, resellerId), from, before);
    return ok(
      days.map((d) => ({
        ...d,
        day: new Date(Date.parse(`${d.day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10),
      })),
    );
  }

  /** One subscription its reseller's users, or staff who read subscriptions, may see; null when there is none. */
  async get(ctx: RequestContext, id: string): Promise<SubscriptionEntity | null> {
    requirePermission(ctx, SubscriptionPermission.Read);
    const subscription = await this.subscriptions.byId(ctx, id);
    if (subscription) actingFor(ctx, subscription.resellerId, SubscriptionPermission.Read);
    return subscription;
  }

  /** The reseller's and customer's names, for a subscription the caller has reached. */
  names(
    ctx: RequestContext,
    subscription: SubscriptionEntity,
  ): Promise<{ resellerName: string; customerName: string }> {
    return this.subscriptions.namesOf(ctx, subscription);
  }

  batches(ctx: RequestContext, subscription: SubscriptionEntity): Promise<SeatBatchEntity[]> {
    return this.subscriptions.batches(ctx, subscription.id);
  }

  events(ctx: RequestContext, subscription: SubscriptionEntity): Promise<SubscriptionEventEntity[]> {
    return this.subscriptions.events(ctx, subscription.id);
  }

  charges(ctx: RequestContext, subscription: SubscriptionEntity): Promise<SubscriptionChargeEntity[]> {
    return this.subscriptions.charges(ctx, subscription.id);
  }

  /**
   * What the next term will be (S3, S8, S10): when it starts, its seats, term and billing with the scheduled
   * changes applied, and its price from the current price list; null when the subscription will not renew.
   */
  async nextTerm(
    ctx: RequestContext,
    subscription: SubscriptionEntity,
  ): Promise<
    | (ReturnType<typeof nextTermOf> & {
        renewsOn: Date;
        price: (TermPrice & { promotion: SubscriptionPromotion | null }) | null;
      })
    | null
  > {
    if (subscription.status !== 'ACTIVE' || !subscription.autoRenew) return null;
    const next = nextTermOf(subscription);
    const renewsOn = renewalDay(new Date(subscription.termEnd));
    const price = await renewalPriceOf(this.subscriptions, this.prices, ctx, subscription, next, this.clock.now());
    return { renewsOn, ...next, price };
  }

  /** S4: adds seats, charged for the days left in the billing period; they co-terminate with the subscription. */
  addSeats(ctx: RequestContext, id: string, quantity: number, request: ChangeRequest): Promise<Result<Changed>> {
    return this.change(ctx, id, 'ADD_SEATS', { quantity }, request, addSeatsPlan(quantity));
  }

  /** S5: removes seats from batches still inside their window, newest first, each refunded as it paid. */
  removeSeats(ctx: RequestContext, id: string, quantity: number, request: ChangeRequest): Promise<Result<Changed>> {
    return this.change(ctx, id, 'REMOVE_SEATS', { quantity }, request, removeSeatsPlan(quantity));
  }

  /** S6: cancels the whole subscription inside the window of its purchase or last renewal, refunding every seat. */
  cancel(ctx: RequestContext, id: string, request: ChangeRequest): Promise<Result<Changed>> {
    return this.change(ctx, id, 'CANCEL', {}, request, cancelPlan);
  }

  /**
   * What a money change would do now, before the user commits to it: allowed or refused (with why and the fix),
   * the charge or refund, and whether it drops the next term's scheduled changes (S10).
   */
  async quote(ctx: RequestContext, id: string, action: QuotedAction, quantity: number): Promise<Result<Quote>> {
    const s = await this.get(ctx, id);
    if (!s) return notFound('subscription');
    const now = this.clock.now();
    const batches = (await this.subscriptions.batches(ctx, s.id)).filter((b) => b.startedAt >= s.termStart);
    const decide = { ADD_SEATS: addSeatsPlan(quantity), REMOVE_SEATS: removeSeatsPlan(quantity), CANCEL: cancelPlan }[
      action
    ];
    const plan = renewing(s, now) ? renewingNow() : decide(s, batches, now);
    return ok({
      amount: money(plan.ok ? plan.value.amountMinor : 0, s.currency),
      wipesScheduledChanges: plan.ok && Boolean(s.scheduledChanges),
      refusal: plan.ok ? null : plan.failure,
    });
  }

  /** S8, S10: auto-renew on or off; off ends the subscription at its term end and drops scheduled changes. */
  setAutoRenew(ctx: RequestContext, id: string, on: boolean, request: ChangeRequest): Promise<Result<Changed>> {
    return this.change(ctx, id, on ? 'AUTO_RENEW_ON' : 'AUTO_RENEW_OFF', { on }, request, (s) => {
      if (s.status !== 'ACTIVE') return notActive(s);
      if (s.autoRenew === on) return refused('NOTHING_TO_CHANGE', `Auto-renew is already ${on ? 'on' : 'off'}.`);
      return ok<Plan>({
        kind: on ? 'AUTO_RENEW_ON' : 'AUTO_RENEW_OFF',
        // A trial keeps what it converts to: turning auto-renew back on converts it again (S16).
        fields: on ? { autoRenew: true } : { autoRenew: false, scheduledChanges: s.trial ? s.scheduledChanges : null },
        amountMinor: 0,
        message: on
          ? 'Auto-renew turned on: the subscription renews at its term end.'
          : `Auto-renew turned off: the subscription ends on ${s.termEnd.slice(0, 10)}.`,
        changes: { autoRenew: { before: s.autoRenew, after: on }, ...(on || s.trial ? {} : wiped(s)) },
        partner: true,
      });
    });
  }

  /**
   * S10, S11: the seats, term and billing of the next term (null clears them). Checked against the catalog: the
   * next term must have a price in the current price list.
   */
  async scheduleChanges(
    ctx: RequestContext,
    id: string,
    asked: ScheduleRequest | null,
    request: ChangeRequest,
  ): Promise<Result<Changed>> {
    if (asked?.term === 'NONE') return refused('TERM_INVALID', 'The next term is P1M, P1Y or P3Y.');
    const current = await this.subscriptions.byId(ctx, id);
    // An upgrade scheduled for the renewal stays: seats, term and billing are scheduled beside it. What a trial
    // converts to stays too, but for what is asked (S16).
    const kept = current?.trial ? current.scheduledChanges : null;
    const changes = asked
      ? ({
          quantity: asked.quantity ?? kept?.quantity ?? null,
          term: asked.term ?? kept?.term ?? null,
          billingPlan: asked.billingPlan ?? kept?.billingPlan ?? null,
          upgrade: current?.scheduledChanges?.upgrade ?? null,
        } as ScheduledChanges)
      : null;
    let price: RenewalPrice | null = null;
    if (current && changes) {
      const next = nextTermOf({ ...current, scheduledChanges: changes });
      price = await this.prices.priceFor(ctx, { ...current, ...next, subscriptionId: current.id }, this.clock.now());
    }
    return this.change(ctx, id, 'SCHEDULE', { changes }, request, (s, _batches, now) => {
      const verdict = canScheduleChanges(
        { state: s.status, autoRenew: s.autoRenew, termEnd: new Date(s.termEnd), trial: s.trial },
        now,
      );
      if (!verdict.allowed) return refused(verdict.code, verdict.message, verdict.fix);
      if (!changes) {
        if (s.trial)
          return refused(
            'TRIAL_CONVERTS',
            'A trial converts to paid at its end; turn auto-renew off to let it end instead.',
            { kind: 'action', label: 'Turn auto-renew off' },
          );
        if (!s.scheduledChanges) return refused('NOTHING_TO_CHANGE', 'No changes are scheduled for the next term.');
        return ok<Plan>({
          kind: 'SCHEDULE_CLEARED',
          fields: { scheduledChanges: null },
          amountMinor: 0,
          message: 'The changes scheduled for the next term were removed; it renews as it is.',
          changes: { scheduledChanges: { before: describeChanges(s.scheduledChanges), after: null } },
          partner: true,
        });
      }
      const invalid = invalidChanges(s, changes);
      if (invalid) return invalid;
      const next = nextTermOf({ ...s, scheduledChanges: changes });
      if (!price)
        return refused(
          'NEXT_TERM_NOT_PRICED',
          `The current price list has no ${next.term} ${next.billingPlan.toLowerCase()} price for ${next.quantity} seat(s) of ${s.skuTitle}; choose another term or billing.`,
        );
      const normalized: ScheduledChanges = {
        quantity: next.quantity,
        term: next.term,
        billingPlan: next.billingPlan,
        upgrade: changes.upgrade ?? null,
      };
      return ok<Plan>({
        kind: 'SCHEDULED',
        fields: { scheduledChanges: normalized },
        amountMinor: 0,
        message: `Scheduled for the next term: ${describeChanges(normalized)}, at ${formatMoney(money(price.unitPriceMinor, s.currency))} a seat.`,
        changes: {
          scheduledChanges: { before: describeChanges(s.scheduledChanges), after: describeChanges(normalized) },
        },
        partner: true,
      });
    });
  }

  /**
   * S12: the term goes up mid-term (P1M → P1Y or P3Y, P1Y → P3Y), never down. A new term starts now at the current
   * price list's price for it; the unused part of the billing period already paid is credited and the new term's
   * first period charged. Changes scheduled for the next term go, as the term they were made for ends now.
   */
  async changeTerm(ctx: RequestContext, id: string, term: Term, request: ChangeRequest): Promise<Result<Changed>> {
    if (term === 'NONE') return refused('TERM_INVALID', 'A subscription’s term is P1M, P1Y or P3Y.');
    const current = await this.subscriptions.byId(ctx, id);
    const billingPlan = current ? fittingPlan(current.billingPlan, term) : null;
    const price =
      current && billingPlan
        ? await this.prices.priceFor(
            ctx,
            { ...current, term, billingPlan, subscriptionId: current.id },
            this.clock.now(),
          )
        : null;
    return this.change(ctx, id, 'CHANGE_TERM', { term }, request, (s, _batches, now) => {
      if (s.trial) return trialLocked();
      if (s.status !== 'ACTIVE') return notActive(s);
      const verdict = canChangeTerm(s.term, term);
      if (!verdict.allowed) return refused(verdict.code, verdict.message, verdict.fix);
      if (!price || !billingPlan)
        return refused(
          'TERM_NOT_PRICED',
          `The current price list has no ${term} price for ${s.quantity} seat(s) of ${s.skuTitle}.`,
        );
      const { period, creditMinor } = unusedOfPeriod(s, now);
      const end = termEndOf(now, term);
      const first = billingPeriodAt({ start: now, end, billingPlan }, now);
      const chargeMinor = price.unitPriceMinor * s.quantity;
      return ok<Plan>({
        kind: 'TERM_CHANGED',
        fields: {
          term,
          billingPlan,
          priceId: price.priceId,
          unitPriceMinor: price.unitPriceMinor,
          priceRule: price.priceRule,
          // The seats keep their batches and windows (the start stays); the term now runs to the new end.
          termEnd: end.toISOString(),
          scheduledChanges: null,
          renewalRemindedDays: null,
        },
        charges: [
          {
            type: 'customerCredit',
            quantity: s.quantity,
            unitPriceMinor: 0,
            amountMinor: -creditMinor,
            end: period.end,
          },
          {
            type: 'extendTerm',
            quantity: s.quantity,
            unitPriceMinor: price.unitPriceMinor,
            amountMinor: chargeMinor,
            end: first.end,
          },
        ],
        amountMinor: chargeMinor - creditMinor,
        message: `Term changed from ${s.term} to ${term}: a new term to ${end.toISOString().slice(0, 10)} at ${formatMoney(money(price.unitPriceMinor, s.currency))} a seat; ${formatMoney(money(creditMinor, s.currency))} credited for the unused days of the period paid.`,
        changes: {
          term: { before: s.term, after: term },
          termEnd: { before: s.termEnd.slice(0, 10), after: end.toISOString().slice(0, 10) },
          ...wiped(s),
        },
        partner: true,
      });
    });
  }

  /**
   * S12: on a three-year term, billing changes between monthly and annual mid-term; it takes effect at the next
   * billing cycle, at the price list's price for the new billing (no money moves now).
   */
  async changeBilling(
    ctx: RequestContext,
    id: string,
    billingPlan: BillingPlan,
    request: ChangeRequest,
  ): Promise<Result<Changed>> {
    const current = await this.subscriptions.byId(ctx, id);
    const price = current
      ? await this.prices.priceFor(ctx, { ...current, billingPlan, subscriptionId: current.id }, this.clock.now())
      : null;
    return this.change(ctx, id, 'CHANGE_BILLING', { billingPlan }, request, (s, _batches, now) => {
      if (s.status !== 'ACTIVE') return notActive(s);
      const verdict = canChangeBilling(s.term, s.billingPlan, billingPlan);
      if (!verdict.allowed) return refused(verdict.code, verdict.message, verdict.fix);
      if (!price)
        return refused(
          'BILLING_NOT_PRICED',
          `The current price list has no ${billingPlan.toLowerCase()} price for ${s.skuTitle} on a ${s.term} term.`,
        );
      const nextCycle = billingPeriodAt(termOf(s), now).end;
      return ok<Plan>({
        kind: 'BILLING_CHANGED',
        fields: {
          billingPlan,
          priceId: price.priceId,
          unitPriceMinor: price.unitPriceMinor,
          priceRule: price.priceRule,
        },
        amountMinor: 0,
        message: `Billing changes from ${s.billingPlan.toLowerCase()} to ${billingPlan.toLowerCase()} from the next billing cycle (${nextCycle.toISOString().slice(0, 10)}), at ${formatMoney(money(price.unitPriceMinor, s.currency))} a seat.`,
        changes: { billingPlan: { before: s.billingPlan, after: billingPlan } },
        partner: true,
      });
    });
  }

  /** S13: the SKUs this subscription can upgrade to, each at the current price list's price for its seats. */
  async upgradeOptions(ctx: RequestContext, s: SubscriptionEntity) {
    const now = this.clock.now();
    const offers = (await this.subscriptions.upgradeOffers(ctx, s, upgradeProductTitles(s), now)).filter((offer) =>
      isUpgrade(s, offer),
    );
    // What the reseller pays for the higher SKU: its price book's price, as for any new term.
    const priced = await this.prices.priced(
      ctx,
      now,
      offers.map((offer) => ({
        offer: { ...s, ...offer, subscriptionId: s.id },
        listed: offer,
        discountBasisPoints: 0,
      })),
    );
    return offers.map((offer, i) => ({
      ...offer,
      unitPriceMinor: priced[i]!.unitPriceMinor,
      priceRule: priced[i]!.priceRule,
    }));
  }

  /**
   * S13: upgrades every seat to a higher SKU along Microsoft's paths, now or at renewal. Now: the subscription keeps
   * its term and has no new window; the unused days of the period paid are credited and the new SKU charged for
   * them. At renewal: scheduled for the next term like other changes (S10), closing a day before the term end.
   */
  async upgrade(
    ctx: RequestContext,
    id: string,
    to: { productId: string; skuId: string; when: 'NOW' | 'AT_RENEWAL'; quantity?: number | null },
    request: ChangeRequest,
  ): Promise<Result<Changed>> {
    const current = await this.subscriptions.byId(ctx, id);
    const target = current
      ? (await this.upgradeOptions(ctx, current)).find((o) => o.productId === to.productId && o.skuId === to.skuId)
      : undefined;
    return this.change(ctx, id, `UPGRADE_${to.when}`, to, request, (s, batches, now) => {
      if (s.trial) return trialLocked();
      if (s.status !== 'ACTIVE') return notActive(s);
      if (!target)
        return refused(
          'UPGRADE_PATH_MISSING',
          `Microsoft has no upgrade from ${s.skuTitle} to that SKU for this term and billing; only higher SKUs along its upgrade paths can be chosen.`,
        );
      const upgrade = {
        productId: target.productId,
        productTitle: target.productTitle,
        skuId: target.skuId,
        skuTitle: target.skuTitle,
      };
      // S13: some of the seats move to a new subscription of the higher SKU, ending with this one.
      const seats = to.quantity ?? s.quantity;
      if (!Number.isSafeInteger(seats) || seats < 1 || seats > s.quantity)
        return refused('UPGRADE_QUANTITY_INVALID', `Upgrade 1 to ${s.quantity} seat(s) of this subscription.`);
      if (seats < s.quantity) {
        if (to.when === 'AT_RENEWAL')
          return refused(
            'PARTIAL_UPGRADE_NOW_ONLY',
            'Some seats are upgraded now, into a new subscription; at renewal every seat is upgraded.',
            { kind: 'action', label: 'Upgrade the seats now' },
          );
        return ok({
          ...partialUpgradePlan(s, batches, now, target, seats),
          eligibility: { productId: target.productId, skuId: target.skuId, type: 'immediate' },
        });
      }
      if (to.when === 'AT_RENEWAL') {
        const verdict = canScheduleChanges(
          { state: s.status, autoRenew: s.autoRenew, termEnd: new Date(s.termEnd), trial: s.trial },
          now,
        );
        if (!verdict.allowed) return refused(verdict.code, verdict.message, verdict.fix);
        const scheduled: ScheduledChanges = { ...(s.scheduledChanges ?? {}), upgrade };
        return ok<Plan>({
          kind: 'UPGRADE_SCHEDULED',
          fields: { scheduledChanges: scheduled },
          eligibility: { productId: target.productId, skuId: target.skuId, type: 'scheduled' },
          amountMinor: 0,
          message: `Upgrade to ${target.skuTitle} scheduled for the renewal, at ${formatMoney(money(target.unitPriceMinor, s.currency))} a seat in today's price list.`,
          changes: {
            scheduledChanges: { before: describeChanges(s.scheduledChanges), after: describeChanges(scheduled) },
          },
          partner: true,
        });
      }
      const { period, leftDays, creditMinor } = unusedOfPeriod(s, now);
      const chargeMinor = prorateDown(
        money(target.unitPriceMinor * s.quantity, s.currency),
        leftDays,
        period.days,
      ).amountMinor;
      return ok<Plan>({
        kind: 'UPGRADED',
        fields: {
          ...upgrade,
          priceId: target.priceId,
          unitPriceMinor: target.unitPriceMinor,
          priceRule: target.priceRule,
          scheduledChanges: null,
        },
        charges: [
          {
            type: 'customerCredit',
            quantity: s.quantity,
            unitPriceMinor: 0,
            amountMinor: -creditMinor,
            end: period.end,
            priceRule: s.priceRule,
          },
          {
            type: 'convert',
            quantity: s.quantity,
            unitPriceMinor: target.unitPriceMinor,
            amountMinor: chargeMinor,
            end: period.end,
          },
        ],
        amountMinor: chargeMinor - creditMinor,
        message: `Upgraded ${s.quantity} seat(s) from ${s.skuTitle} to ${target.skuTitle} at ${formatMoney(money(target.unitPriceMinor, s.currency))} a seat; the ${leftDays} day(s) left in the period are charged at the new price less the old.`,
        changes: { sku: { before: s.skuTitle, after: target.skuTitle }, ...wiped(s) },
        partner: true,
        eligibility: { productId: target.productId, skuId: target.skuId, type: 'immediate' },
        transition: { productId: target.productId, skuId: target.skuId },
      });
    });
  }

  /**
   * Sends a change; when Partner Center answers that the subscription changed since our etag (412, changed in
   * Partner Center itself), reads its current etag and sends the same whole resource again, once.
   */
  private async patchFresh(patch: SubscriptionPatch): Promise<{ etag: string }> {
    try {
      return await this.partnerCenter.patchSubscription(patch);
    } catch (error) {
      if (!(error instanceof SubscriptionEtagStale)) throw error;
      const current = await this.partnerCenter.getSubscription({
        tenantId: patch.tenantId,
        subscriptionId: patch.subscriptionId,
      });
      if (!current) throw new SubscriptionChangeRefused('Partner Center no longer knows this subscription');
      return this.partnerCenter.patchSubscription({ ...patch, etag: current.etag });
    }
  }

  /**
   * S16: converts a trial to paid now, with at least 25 seats (fewer are scheduled for the trial's end instead):
   * the paid SKU's term starts now at the current price list's price, with a new 7-day window and a `convert`
   * charge. The term and billing scheduled for the conversion are kept.
   */
  async convertTrial(
    ctx: RequestContext,
    id: string,
    quantity: number,
    request: ChangeRequest,
  ): Promise<Result<Changed>> {
    const current = await this.subscriptions.byId(ctx, id);
    const next = current
      ? nextTermOf({ ...current, scheduledChanges: { ...current.scheduledChanges, quantity } })
      : null;
    const price =
      current && next && Number.isSafeInteger(quantity) && quantity > 0
        ? await this.prices.priceFor(ctx, { ...current, ...next, subscriptionId: current.id }, this.clock.now())
        : null;
    return this.change(ctx, id, 'CONVERT_TRIAL', { quantity }, request, (s, _batches, now) => {
      if (!s.trial) return refused('NOT_A_TRIAL', 'Only a trial converts to paid.');
      if (s.status !== 'ACTIVE') return notActive(s);
      if (!s.scheduledChanges?.upgrade)
        return refused(
          'NO_PAID_SKU',
          `The price list sells no paid SKU of ${s.productTitle} for this trial to become.`,
        );
      const seats = checkQuantity(quantity);
      if (!seats.allowed) return refused('SEAT_QUANTITY_INVALID', seats.message);
      const decided = decideTrialConversion(quantity, now, new Date(s.termEnd));
      if (!decided.ok) return refused(decided.code, decided.message, decided.fix);
      if (!next || !price)
        return refused(
          'CONVERSION_NOT_PRICED',
          `The current price list has no ${next?.term ?? 'paid'} price for ${quantity} seat(s) of ${next?.skuTitle ?? s.skuTitle}.`,
        );
      const end = termEndOf(now, next.term);
      const period = billingPeriodAt({ start: now, end, billingPlan: next.billingPlan }, now);
      const amountMinor = price.unitPriceMinor * quantity;
      return ok<Plan>({
        kind: 'TRIAL_CONVERTED',
        fields: {
          trial: false,
          term: next.term,
          billingPlan: next.billingPlan,
          quantity,
          productId: next.productId,
          productTitle: next.productTitle,
          skuId: next.skuId,
          skuTitle: next.skuTitle,
          priceId: price.priceId,
          unitPriceMinor: price.unitPriceMinor,
          priceRule: price.priceRule,
          termStart: now.toISOString(),
          termEnd: end.toISOString(),
          scheduledChanges: null,
          renewalRemindedDays: null,
        },
        addBatch: {
          kind: 'PURCHASE',
          quantity,
          removed: 0,
          startedAt: now.toISOString(),
          unitPaidMinor: price.unitPriceMinor,
          paidDays: period.days,
        },
        charges: [{ type: 'convert', quantity, unitPriceMinor: price.unitPriceMinor, amountMinor, end: period.end }],
        amountMinor,
        message: `Trial converted to paid: ${quantity} seat(s) of ${next.skuTitle}, ${next.term} billed ${next.billingPlan.toLowerCase()}, to ${end.toISOString().slice(0, 10)}, at ${formatMoney(money(price.unitPriceMinor, s.currency))} a seat.`,
        changes: {
          trial: { before: true, after: false },
          sku: { before: s.skuTitle, after: next.skuTitle },
          quantity: { before: s.quantity, after: quantity },
        },
        partner: true,
        transition: {
          productId: next.productId,
          skuId: next.skuId,
          quantity,
          term: next.term,
          billingPlan: next.billingPlan,
        },
      });
    });
  }

  /** S16: what a trial converts to at its end by default: 25 seats of the product's paid SKU, annual, monthly. */
  private async trialConversion(
    tx: Transactional,
    line: ProvisionedLine & { segment: string },
  ): Promise<ScheduledChanges | null> {
    const skus = await this.subscriptions.skusOfProduct(tx, {
      productId: line.productId,
      segment: line.segment,
      currency: line.currency,
      ...TRIAL_CONVERTS_TO,
    });
    const paid = paidSkuOfTrial(line.skuTitle, skus);
    if (!paid) return null;
    return {
      quantity: TRIAL_SEATS,
      ...TRIAL_CONVERTS_TO,
      upgrade: { productId: line.productId, productTitle: line.productTitle, skuId: paid.skuId, skuTitle: paid.title },
    };
  }

  /** S14: suspends the users' access; billing goes on, auto-renew turns off and scheduled changes go. */
  suspend(ctx: RequestContext, id: string, request: ChangeRequest): Promise<Result<Changed>> {
    return this.change(ctx, id, 'SUSPEND', {}, request, (s, _batches, now) => {
      if (s.trial) return trialLocked();
      const move = nextSubscriptionState(s.status, 'SUSPEND');
      if (!move.ok)
        return refused('SUBSCRIPTION_NOT_ACTIVE', `Only an active subscription can be suspended: ${move.message}.`);
      return ok<Plan>({
        kind: 'SUSPENDED',
        fields: { status: 'SUSPENDED', statusSince: now.toISOString(), autoRenew: false, scheduledChanges: null },
        amountMinor: 0,
        message: 'Suspended: users lost access; billing goes on and auto-renew is off.',
        changes: {
          status: { before: s.status, after: 'SUSPENDED' },
          autoRenew: { before: s.autoRenew, after: false },
          ...wiped(s),
        },
        partner: true,
      });
    });
  }

  /** S14: reactivates a suspended subscription before its term ends (auto-renew stays off until turned on). */
  reactivate(ctx: RequestContext, id: string, request: ChangeRequest): Promise<Result<Changed>> {
    return this.change(ctx, id, 'REACTIVATE', {}, request, (s, _batches, now) => {
      const move = nextSubscriptionState(s.status, 'REACTIVATE');
      if (!move.ok)
        return refused(
          'SUBSCRIPTION_NOT_SUSPENDED',
          `Only a suspended subscription can be reactivated: ${move.message}.`,
        );
      if (now.getTime() >= new Date(s.termEnd).getTime())
        return refused('TERM_ENDED', 'The term has ended: a suspended subscription cannot be reactivated after it.');
      return ok<Plan>({
        kind: 'REACTIVATED',
        fields: { status: 'ACTIVE', statusSince: now.toISOString() },
        amountMinor: 0,
        message: 'Reactivated: users have access again. Auto-renew is off until turned on.',
        changes: { status: { before: s.status, after: 'ACTIVE' } },
        partner: true,
      });
    });
  }

  /**
   * The one path of every change: permission and reach, the key's replay, the renewal and change-limit guards
   * (S9, S7), the domain's decision, Partner Center, then one transaction writing it all. A concurrent change
   * of the same subscription (its version moved, or a batch's seats went) writes nothing and says so.
   */
  private async change(
    ctx: RequestContext,
    id: string,
    kind: string,
    payload: Record<string, unknown>,
    request: ChangeRequest,
    decide: (s: SubscriptionEntity, batches: SeatBatchEntity[], now: Date) => Result<Plan> | Refusal,
  ): Promise<Result<Changed>> {
    requirePermission(ctx, SubscriptionPermission.Manage);
    const key = request.idempotencyKey.trim();
    if (!/^[\w:.-]{8,120}$/.test(key))
      return refused('INVALID_REQUEST', 'The idempotency key is 8 to 120 letters, digits or - _ : .');
    const requestHash = createHash('sha256').update(JSON.stringify({ id, kind, payload })).digest('hex');
    const replay = await this.replay(ctx, id, key, requestHash);
    if (replay) return replay;

    const s = await this.subscriptions.byId(ctx, id);
    if (!s) return notFound('subscription');
    const actor = actingFor(ctx, s.resellerId, SubscriptionPermission.Manage);
    const now = this.clock.now();
    // S9: from 00:00 UTC the day after the term end until the renewal job has run, the subscription is renewing.
    if (renewing(s, now)) return renewingNow();
    if (s.changeCount >= CHANGE_LIMIT)
      return refused(
        'CHANGE_LIMIT_REACHED',
        `Microsoft accepts about ${CHANGE_LIMIT} changes to one subscription and this one has had ${s.changeCount}; buy a new subscription for further changes.`,
      );
    // The batches of the current term: a renewal's batch holds every seat, the term's before it are done.
    const batches = (await this.subscriptions.batches(ctx, s.id)).filter((b) => b.startedAt >= s.termStart);
    const decided = decide(s, batches, now);
    if (!decided.ok) return decided;
    const plan = decided.value;
    const amount = money(plan.amountMinor, s.currency);
    if (plan.amountMinor > 0 && s.paymentMethod === 'TERMS') {
      const short = await this.creditShort(ctx, s.resellerId, amount);
      if (short) return short;
    }

    let etag = s.etag;
    let partnerAnswer: { etag: string; toSubscriptionId?: string } = { etag: s.etag };
    if (plan.partner) {
      try {
        if (plan.eligibility) {
          const eligibility = await this.partnerCenter.transitionEligibility({
            tenantId: s.tenantId,
            subscriptionId: s.partnerSubscriptionId,
            toCatalogItemId: `${plan.eligibility.productId}:${plan.eligibility.skuId}`,
            eligibilityType: plan.eligibility.type,
          });
          if (!eligibility.eligible)
            return refused(
              'UPGRADE_NOT_ELIGIBLE',
              `Microsoft does not allow this upgrade ${plan.eligibility.type === 'scheduled' ? 'at the renewal' : 'now'}${eligibility.reasons.length ? `: ${eligibility.reasons.join('; ')}` : ''}. Nothing was changed.`,
            );
        }
        const answer = plan.transition
          ? await this.partnerCenter.transitionSubscription({
              tenantId: s.tenantId,
              subscriptionId: s.partnerSubscriptionId,
              toCatalogItemId: `${plan.transition.productId}:${plan.transition.skuId}`,
              quantity: plan.transition.quantity ?? s.quantity,
              transitionType: 'transition_only',
              termDuration: plan.transition.term ?? s.term,
              billingCycle: (plan.transition.billingPlan ?? s.billingPlan).toLowerCase(),
            })
          : await this.patchFresh(this.patchOf({ ...s, ...plan.fields } as SubscriptionEntity));
        etag = answer.etag;
        partnerAnswer = answer;
      } catch (error) {
        if (error instanceof SubscriptionChangeRefused)
          return refused('PARTNER_CENTER_REFUSED', `Microsoft refused the change: ${error.message}.`);
        if (error instanceof SubscriptionBusy)
          return refused('PARTNER_CENTER_BUSY', 'Microsoft is busy with this subscription; nothing was changed.', {
            kind: 'action',
            label: 'Try again in a few minutes',
          });
        throw error;
      }
    }

    try {
      return await this.db.transaction(actor, async (tx) => {
        const raced = await this.replay(tx, id, key, requestHash);
        if (raced) return raced;
        if (plan.amountMinor > 0 && s.paymentMethod === 'TERMS') {
          // Again inside the transaction: concurrent charges on terms never exceed the limit together (R2).
          const short = await this.creditShort(tx, s.resellerId, amount);
          if (short) return short;
        }
        const saved = await this.apply(tx, s, plan, now, {
          kind,
          etag,
          idempotencyKey: key,
          requestHash,
          settleCredit: true,
          createdPartnerId: partnerAnswer.toSubscriptionId,
        });
        if (!saved) return concurrent();
        return ok<Changed>({
          subscription: saved,
          createdId: plan.spinOff?.subscription.id ?? null,
          replayed: false,
          amount,
        });
      });
    } catch (error) {
      const raced = await this.replay(ctx, id, key, requestHash);
      if (raced) return raced;
      if (error instanceof ConcurrentSeatChange) return concurrent();
      throw error;
    }
  }

  /**
   * Writes a decided change in `tx`: the subscription at its version (null when it moved on), the batches' seats,
   * its event, its charges, the credit it draws or releases on terms when `settleCredit`, and its audit entry.
   * Throws ConcurrentSeatChange when a batch no longer holds the seats the decision took from it.
   */
  private async apply(
    tx: Transactional,
    s: SubscriptionEntity,
    plan: Plan,
    now: Date,
    how: {
      kind: string;
      etag: string;
      idempotencyKey: string | null;
      requestHash: string | null;
      settleCredit: boolean;
      /** Microsoft's id of the subscription a partial upgrade created. */
      createdPartnerId?: string;
    },
  ): Promise<SubscriptionEntity | null> {
    const amount = money(plan.amountMinor, s.currency);
    const saved = await this.subscriptions.save(tx, s, {
      ...plan.fields,
      etag: how.etag,
      changeCount: s.changeCount + (plan.partner ? 1 : 0),
      updatedAt: now.toISOString(),
    });
    if (!saved) return null;
    for (const removal of plan.removals ?? [])
      if (removal.quantity > 0 && !(await this.subscriptions.removeFromBatch(tx, removal.batchId, removal.quantity)))
        throw new ConcurrentSeatChange();
    if (plan.addBatch)
      await this.subscriptions.insertBatch(tx, { id: randomUUID(), subscriptionId: s.id, ...plan.addBatch });
    const eventId = await this.subscriptions.appendEvent(tx, {
      subscriptionId: s.id,
      at: now.toISOString(),
      kind: plan.kind,
      message: plan.message,
      actorEmail: tx.principal?.email ?? null,
      idempotencyKey: how.idempotencyKey,
      requestHash: how.requestHash,
    });
    if (plan.spinOff) {
      const created = plan.spinOff;
      const at = now.toISOString();
      await this.subscriptions.insert(
        tx,
        { ...created.subscription, partnerSubscriptionId: how.createdPartnerId ?? randomUUID(), etag: how.etag },
        { id: randomUUID(), subscriptionId: created.subscription.id, ...created.batch },
        {
          id: randomUUID(),
          subscriptionId: created.subscription.id,
          resellerId: s.resellerId,
          chargeType: 'new',
          quantity: created.charge.quantity,
          unitPriceMinor: created.charge.unitPriceMinor,
          amountMinor: created.charge.amountMinor,
          currency: s.currency,
          chargeStart: at,
          chargeEnd: created.charge.end.toISOString(),
          at,
          paymentMethod: s.paymentMethod,
          reference: eventId,
          priceRule: created.subscription.priceRule,
        },
        {
          subscriptionId: created.subscription.id,
          at,
          kind: 'PROVISIONED',
          message: created.message,
          actorEmail: tx.principal?.email ?? null,
          idempotencyKey: null,
          requestHash: null,
        },
      );
    }
    await this.subscriptions.insertCharges(
      tx,
      (plan.charges ?? [])
        .filter((c) => c.amountMinor !== 0 || c.type !== 'removeQuantity')
        .map((c) => ({
          id: randomUUID(),
          subscriptionId: s.id,
          resellerId: s.resellerId,
          chargeType: c.type,
          quantity: c.quantity,
          unitPriceMinor: c.unitPriceMinor,
          amountMinor: c.amountMinor,
          currency: s.currency,
          chargeStart: now.toISOString(),
          chargeEnd: c.end.toISOString(),
          at: now.toISOString(),
          paymentMethod: s.paymentMethod,
          reference: eventId,
          // A change that reprices the term names its rule; other charges are at the running term's price.
          priceRule:
            c.priceRule !== undefined
              ? c.priceRule
              : 'priceRule' in plan.fields
                ? (plan.fields.priceRule ?? null)
                : s.priceRule,
        })),
    );
    if (how.settleCredit && s.paymentMethod === 'TERMS' && plan.amountMinor !== 0) {
      const note = `Subscription ${s.partnerSubscriptionId}: ${plan.kind.toLowerCase().replace(/_/g, ' ')}`;
      if (plan.amountMinor > 0) await this.terms.draw(tx, s.resellerId, amount, eventId, note);
      else await this.terms.release(tx, s.resellerId, money(-plan.amountMinor, s.currency), eventId, note);
    }
    await this.audit.record(tx, {
      operation: `subscriptions.${how.kind.toLowerCase()}`,
      entityType: 'Subscription',
      entityId: s.id,
      changes: {
        ...plan.changes,
        ...(plan.amountMinor ? { amount: { before: null, after: formatMoney(amount) } } : {}),
      },
    });
    return saved;
  }

  /**
   * R24, S5, S6 for a support return of an order line: what returning `quantity` of its seats would refund now,
   * decided on the line's subscription like a seat removal (all its seats: a cancellation). Null when the line has
   * no subscription (perpetual software, or a line not provisioned).
   */
  async quoteReturn(
    ctx: RequestContext,
    orderLineId: string,
    quantity: number,
  ): Promise<{ refund: Money; refusal: Failure | null; windowClosesAt: string | null } | null> {
    const s = await this.subscriptions.byOrderLine(ctx, orderLineId);
    if (!s) return null;
    const now = this.clock.now();
    const batches = (await this.subscriptions.batches(ctx, s.id)).filter((b) => b.startedAt >= s.termStart);
    const plan = this.returnPlan(s, batches, now, quantity);
    const open = batches
      .filter((b) => b.quantity > b.removed)
      .map((b) => batchWindowClosesAt({ startedAt: new Date(b.startedAt) }));
    const last = open.sort((a, b) => a.getTime() - b.getTime()).at(-1);
    return {
      refund: money(plan.ok ? -plan.value.amountMinor : 0, s.currency),
      refusal: plan.ok ? null : plan.failure,
      windowClosesAt: last ? last.toISOString() : null,
    };
  }

  /**
   * R24: a support return of `quantity` seats of an order line, in the return's transaction: the seats come off the
   * line's subscription as a removal (or cancellation) would take them, recorded with its charges and history. The
   * return issues the credit note and releases the credit, and Partner Center was told by it. Null: no subscription.
   */
  async returnSeats(
    tx: Transactional,
    orderLineId: string,
    quantity: number,
  ): Promise<Result<{ refund: Money }> | null> {
    const s = await this.subscriptions.byOrderLine(tx, orderLineId);
    if (!s) return null;
    const now = this.clock.now();
    const batches = (await this.subscriptions.batches(tx, s.id)).filter((b) => b.startedAt >= s.termStart);
    const decided = this.returnPlan(s, batches, now, quantity);
    if (!decided.ok) return decided;
    const saved = await this.apply(tx, s, decided.value, now, {
      kind: quantity >= s.quantity ? 'CANCEL' : 'REMOVE_SEATS',
      etag: s.etag,
      idempotencyKey: null,
      requestHash: null,
      settleCredit: false,
    });
    if (!saved) throw new ConcurrentSeatChange();
    return ok({ refund: money(-decided.value.amountMinor, s.currency) });
  }

  /** Whether `error` is a change that lost a race to another on the same seats (its transaction rolled back). */
  isConcurrentChange(error: unknown): boolean {
    return error instanceof ConcurrentSeatChange;
  }

  private returnPlan(s: SubscriptionEntity, batches: SeatBatchEntity[], now: Date, quantity: number) {
    if (renewing(s, now)) return renewingNow();
    if (!Number.isSafeInteger(quantity) || quantity < 1 || quantity > s.quantity)
      return refused('RETURN_QUANTITY_INVALID', `Return 1 to ${s.quantity} seat(s) of this subscription.`);
    return quantity >= s.quantity && quantity > 0
      ? cancelPlan(s, batches, now)
      : removeSeatsPlan(quantity)(s, batches, now);
  }

  /** The change this key made already, answered again; a key used for another change is refused. */
  private async replay(
    ctx: RequestContext,
    id: string,
    key: string,
    requestHash: string,
  ): Promise<Result<Changed> | null> {
    const done = await this.subscriptions.eventByKey(ctx, key);
    if (!done) return null;
    if (done.subscriptionId !== id || done.requestHash !== requestHash)
      return refused('IDEMPOTENCY_KEY_REUSED', 'This key was used for another change; send a new key.');
    const subscription = await this.subscriptions.byId(ctx, id);
    if (!subscription) return notFound('subscription');
    actingFor(ctx, subscription.resellerId, SubscriptionPermission.Manage);
    const charged = await this.subscriptions.chargesByReference(ctx, done.id);
    return ok({
      subscription,
      createdId: charged.find((c) => c.subscriptionId !== id)?.subscriptionId ?? null,
      replayed: true,
      amount: money(
        charged.reduce((sum, c) => sum + c.amountMinor, 0),
        subscription.currency,
      ),
    });
  }

  /** R2: refused when the credit line cannot carry `amount`. */
  private async creditShort(ctx: RequestContext, resellerId: string, amount: Money): Promise<Refusal | null> {
    const credit = await this.terms.creditInUse(ctx, resellerId);
    const verdict = canPayWith('TERMS', amount, credit ? { approved: true, ...credit } : null);
    return verdict.allowed ? null : refused(verdict.code, verdict.message, verdict.fix);
  }

  /** The whole resource as Partner Center takes it: every field, always (see SubscriptionPatch). */
  patchOf(s: SubscriptionEntity): SubscriptionPatch {
    const next = s.scheduledChanges ? nextTermOf(s) : null;
    return {
      tenantId: s.tenantId,
      subscriptionId: s.partnerSubscriptionId,
      etag: s.etag,
      quantity: s.quantity,
      status: s.status === 'DELETED' ? 'deleted' : s.status === 'SUSPENDED' ? 'suspended' : 'active',
      autoRenewEnabled: s.autoRenew,
      scheduledNextTermInstructions: next
        ? { quantity: next.quantity, termDuration: next.term, billingCycle: next.billingPlan.toLowerCase() }
        : null,
    };
  }
}

/** A batch no longer holds the seats a decision took from it: another change came first. */
class ConcurrentSeatChange extends Error {}

/** Whether the renewal day of the subscription's term has come (S8) and the renewal job has not yet moved it on. */
export const renewing = (s: Pick<SubscriptionEntity, 'status' | 'termEnd'>, now: Date): boolean =>
  (s.status === 'ACTIVE' || s.status === 'SUSPENDED') && now.getTime() >= renewalDay(new Date(s.termEnd)).getTime();

const renewingNow = () =>
  refused('RENEWAL_IN_PROGRESS', 'The subscription is renewing; try again in a few minutes.', {
    kind: 'action',
    label: 'Retry in a few minutes',
  });

const concurrent = () =>
  refused('CONCURRENT_CHANGE', 'The subscription changed meanwhile; look at it again before changing it.', {
    kind: 'action',
    label: 'Reload the subscription',
  });

const trialLocked = () =>
  refused('TRIAL_LOCKED', 'During a trial its seats and status do not change; convert it to paid first.');

const notActive = (s: SubscriptionEntity) =>
  refused('SUBSCRIPTION_NOT_ACTIVE', `This needs an active subscription; this one is ${s.status.toLowerCase()}.`);

/**
 * The billing period `now` falls in, its whole days left, and what the seats paid for those days: what a change
 * that ends the period's price early (a longer term, an upgrade) credits back.
 */
function unusedOfPeriod(s: SubscriptionEntity, now: Date) {
  const period = billingPeriodAt(termOf(s), now);
  const leftDays = Math.max(0, Math.floor((period.end.getTime() - now.getTime()) / 86_400_000));
  const creditMinor = prorateDown(money(s.unitPriceMinor * s.quantity, s.currency), leftDays, period.days).amountMinor;
  return { period, leftDays, creditMinor };
}

/** The current term as the domain's billing period sees it. */
const termOf = (s: SubscriptionEntity) => ({
  start: new Date(s.termStart),
  end: new Date(s.termEnd),
  billingPlan: s.billingPlan,
});

const seatBatchOf =
  (currency: string) =>
  (b: SeatBatchEntity): SeatBatch => ({
    id: b.id,
    kind: b.kind,
    quantity: b.quantity,
    removed: b.removed,
    startedAt: new Date(b.startedAt),
    unitPaid: money(b.unitPaidMinor, currency),
    paidDays: b.paidDays,
  });

/** The billing a new, longer term keeps: the same, unless the term is too short for it (then monthly). */
const fittingPlan = (plan: BillingPlan, term: Exclude<Term, 'NONE'>): BillingPlan =>
  plan === 'TRIENNIAL' && term !== 'P3Y' ? 'MONTHLY' : plan;

/**
 * S3, S17: the next term's price: the price list's in effect at `at`, less the subscription's promotion when the
 * next term is for the promotion's offer and the renewal falls within its dates (else no promotion); null when the
 * price list has no price for the next term.
 */
export async function renewalPriceOf(
  repository: SubscriptionsRepository,
  prices: TermPrices,
  ctx: RequestContext,
  s: SubscriptionEntity,
  next: ReturnType<typeof nextTermOf>,
  at: Date,
): Promise<(TermPrice & { promotion: SubscriptionPromotion | null }) | null> {
  return (await renewalPricesOf(repository, prices, ctx, [{ s, next }], at))[0] ?? null;
}

/**
 * `renewalPriceOf` for many subscriptions at once (a batch of renewals): the list prices in one statement, each
 * promotion read once, each price book from memory.
 */
export async function renewalPricesOf(
  repository: SubscriptionsRepository,
  prices: TermPrices,
  ctx: RequestContext,
  subscriptions: readonly { s: SubscriptionEntity; next: ReturnType<typeof nextTermOf> }[],
  at: Date,
): Promise<((TermPrice & { promotion: SubscriptionPromotion | null }) | null)[]> {
  const offers = subscriptions.map(({ s, next }) => ({ ...s, ...next, subscriptionId: s.id }));
  const listed = await prices.listed(ctx, offers, at);
  const promotions = new Map<string, SubscriptionPromotion | null>();
  for (const { s } of subscriptions)
    if (s.promotionId && !promotions.has(s.promotionId))
      promotions.set(s.promotionId, await repository.promotion(ctx, s.promotionId));
  // S17: a promotion carries into the next term only for the offer it is for, when the renewal falls within it.
  const carried = subscriptions.map(({ s, next }) => {
    const promotion = s.promotionId ? (promotions.get(s.promotionId) ?? null) : null;
    return promotion && promotionRenews(promotion, next, renewalDay(new Date(s.termEnd))) ? promotion : null;
  });
  const pricedAt = subscriptions.flatMap((_, i) => (listed[i] ? [i] : []));
  const priced = await prices.priced(
    ctx,
    at,
    pricedAt.map((i) => ({
      offer: offers[i]!,
      listed: listed[i]!,
      discountBasisPoints: carried[i]?.discountBasisPoints ?? 0,
    })),
  );
  const byIndex = new Map(pricedAt.map((i, k) => [i, priced[k]!]));
  return subscriptions.map((_, i) => {
    const price = byIndex.get(i);
    return price ? { ...price, promotion: carried[i] ?? null } : null;
  });
}

/** The next term: the current one with the scheduled changes applied. */
export function nextTermOf(
  s: Pick<
    SubscriptionEntity,
    'quantity' | 'term' | 'billingPlan' | 'scheduledChanges' | 'productId' | 'productTitle' | 'skuId' | 'skuTitle'
  >,
) {
  const upgrade = s.scheduledChanges?.upgrade;
  return {
    quantity: s.scheduledChanges?.quantity ?? s.quantity,
    term: s.scheduledChanges?.term ?? s.term,
    billingPlan: s.scheduledChanges?.billingPlan ?? s.billingPlan,
    productId: upgrade?.productId ?? s.productId,
    productTitle: upgrade?.productTitle ?? s.productTitle,
    skuId: upgrade?.skuId ?? s.skuId,
    skuTitle: upgrade?.skuTitle ?? s.skuTitle,
  };
}

export function describeChanges(changes: ScheduledChanges | null): string | null {
  if (!changes) return null;
  return [
    changes.quantity ? `${changes.quantity} seat(s)` : null,
    changes.term ? `term ${changes.term}` : null,
    changes.billingPlan ? `${changes.billingPlan.toLowerCase()} billing` : null,
    changes.upgrade ? `upgrade to ${changes.upgrade.skuTitle}` : null,
  ]
    .filter(Boolean)
    .join(', ');
}

/** The audit's note that a change dropped the next term's scheduled changes (S10). */
const wiped = (s: SubscriptionEntity): FieldChanges =>
  s.scheduledChanges ? { scheduledChanges: { before: describeChanges(s.scheduledChanges), after: null } } : {};

function invalidChanges(s: SubscriptionEntity, changes: ScheduledChanges): Refusal | null {
  if (changes.quantity !== null && changes.quantity !== undefined) {
    const verdict = checkQuantity(changes.quantity);
    if (!verdict.allowed) return refused('SEAT_QUANTITY_INVALID', verdict.message);
  }
  if (changes.billingPlan && !['MONTHLY', 'ANNUAL', 'TRIENNIAL'].includes(changes.billingPlan))
    return refused('BILLING_PLAN_INVALID', 'A subscription is billed monthly, annually or for the whole term.');
  const term = changes.term ?? s.term;
  if (!(TERMS as readonly string[]).includes(term)) return refused('TERM_INVALID', 'The next term is P1M, P1Y or P3Y.');
  const fits = billingPlanFitsTerm(term, changes.billingPlan ?? s.billingPlan);
  if (!fits.ok) return refused('BILLING_PLAN_INVALID', fits.message);
  const next = nextTermOf({ ...s, scheduledChanges: changes });
  if (
    next.quantity === s.quantity &&
    next.term === s.term &&
    next.billingPlan === s.billingPlan &&
    next.skuId === s.skuId &&
    next.productId === s.productId
  )
    return refused('NOTHING_TO_CHANGE', 'The next term would be the same as this one; nothing to schedule.');
  return null;
}

/**
 * S13: `seats` of the subscription move to a new subscription of the higher SKU with the same term end, inheriting
 * the window of the batch they leave (an upgrade opens none). The unused days of the period the moved seats paid
 * are credited; the new subscription is charged the higher price for those days.
 */
function partialUpgradePlan(
  s: SubscriptionEntity,
  batches: SeatBatchEntity[],
  now: Date,
  target: RenewalPrice & {
    productId: string;
    productTitle: string;
    skuId: string;
    skuTitle: string;
    priceRule: string | null;
  },
  seats: number,
): Plan {
  const period = billingPeriodAt(termOf(s), now);
  const leftDays = Math.max(0, Math.floor((period.end.getTime() - now.getTime()) / 86_400_000));
  const creditMinor = prorateDown(money(s.unitPriceMinor * seats, s.currency), leftDays, period.days).amountMinor;
  const chargeMinor = prorateDown(money(target.unitPriceMinor * seats, s.currency), leftDays, period.days).amountMinor;
  const removals: SeatRemoval[] = [];
  let left = seats;
  for (const b of [...batches].sort((x, y) => y.startedAt.localeCompare(x.startedAt))) {
    const take = Math.min(b.quantity - b.removed, left);
    if (take <= 0) continue;
    removals.push({ batchId: b.id, quantity: take, refund: money(0, s.currency) });
    left -= take;
    if (left === 0) break;
  }
  const inherited = batches.find((b) => b.id === removals[0]?.batchId)?.startedAt ?? s.termStart;
  const at = now.toISOString();
  const id = randomUUID();
  return {
    kind: 'UPGRADED_PARTIALLY',
    fields: { quantity: s.quantity - seats, scheduledChanges: null },
    removals,
    charges: [
      { type: 'customerCredit', quantity: seats, unitPriceMinor: 0, amountMinor: -creditMinor, end: period.end },
    ],
    amountMinor: chargeMinor - creditMinor,
    message: `${seats} of ${s.quantity} seat(s) upgraded to ${target.skuTitle} in a new subscription ending ${s.termEnd.slice(0, 10)}, at ${formatMoney(money(target.unitPriceMinor, s.currency))} a seat; ${formatMoney(money(creditMinor, s.currency))} credited for their unused days here.`,
    changes: {
      quantity: { before: s.quantity, after: s.quantity - seats },
      upgradedTo: { before: null, after: target.skuTitle },
      ...wiped(s),
    },
    partner: true,
    transition: { productId: target.productId, skuId: target.skuId, quantity: seats },
    spinOff: {
      subscription: {
        ...s,
        id,
        orderLineId: id,
        priceId: target.priceId,
        productId: target.productId,
        productTitle: target.productTitle,
        skuId: target.skuId,
        skuTitle: target.skuTitle,
        quantity: seats,
        unitPriceMinor: target.unitPriceMinor,
        priceRule: target.priceRule,
        status: 'ACTIVE',
        statusSince: at,
        trial: false,
        scheduledChanges: null,
        // A promotion is for its SKU: the higher one does not carry it.
        promotionId: null,
        trialRemindedDays: null,
        changeCount: 1,
        createdAt: at,
        updatedAt: at,
        version: 1,
      },
      batch: {
        kind: 'PURCHASE',
        quantity: seats,
        removed: 0,
        startedAt: inherited,
        unitPaidMinor: Math.floor(chargeMinor / seats),
        paidDays: Math.max(1, leftDays),
      },
      charge: { quantity: seats, unitPriceMinor: target.unitPriceMinor, amountMinor: chargeMinor, end: period.end },
      message: `Created by upgrading ${seats} seat(s) of subscription ${s.partnerSubscriptionId} from ${s.skuTitle}; it ends with it on ${s.termEnd.slice(0, 10)} and keeps its 7-day window.`,
    },
  };
}

/** S4: added seats, charged for the days left in the billing period; they co-terminate with the subscription. */
const addSeatsPlan =
  (quantity: number) =>
  (s: SubscriptionEntity, _batches: SeatBatchEntity[], now: Date): Result<Plan> | Refusal => {
    if (s.trial) return trialLocked();
    if (s.status !== 'ACTIVE') return notActive(s);
    if (!Number.isSafeInteger(quantity) || quantity < 1)
      return refused('SEAT_QUANTITY_INVALID', 'Add at least one seat.');
    const total = checkQuantity(s.quantity + quantity);
    if (!total.allowed) return refused('SEAT_QUANTITY_INVALID', total.message);
    const period = billingPeriodAt(termOf(s), now);
    const { unitCharge, paidDays } = addSeatsCharge(money(s.unitPriceMinor, s.currency), period.start, period.end, now);
    const amountMinor = unitCharge.amountMinor * quantity;
    return ok<Plan>({
      kind: 'SEATS_ADDED',
      fields: { quantity: s.quantity + quantity, scheduledChanges: null },
      addBatch: {
        kind: 'ADD',
        quantity,
        removed: 0,
        startedAt: now.toISOString(),
        unitPaidMinor: unitCharge.amountMinor,
        paidDays,
      },
      charges: [
        { type: 'addQuantity', quantity, unitPriceMinor: unitCharge.amountMinor, amountMinor, end: period.end },
      ],
      amountMinor,
      message: `${quantity} seat(s) added (${s.quantity} → ${s.quantity + quantity}), charged ${formatMoney(money(amountMinor, s.currency))} for ${paidDays} day(s) to ${period.end.toISOString().slice(0, 10)}; they can be removed until ${batchWindowClosesAt({ startedAt: now }).toISOString()}.`,
      changes: { quantity: { before: s.quantity, after: s.quantity + quantity }, ...wiped(s) },
      partner: true,
    });
  };

/** S5: seats removed from batches still inside their window, newest first, each refunded as it paid. */
const removeSeatsPlan =
  (quantity: number) =>
  (s: SubscriptionEntity, batches: SeatBatchEntity[], now: Date): Result<Plan> | Refusal => {
    if (s.trial) return trialLocked();
    if (s.status !== 'ACTIVE') return notActive(s);
    const decided = removeSeats(batches.map(seatBatchOf(s.currency)), quantity, now);
    if (!decided.ok) return refused(decided.code, decided.message, decided.fix);
    const refundMinor = decided.value.reduce((sum, r) => sum + r.refund.amountMinor, 0);
    const period = billingPeriodAt(termOf(s), now);
    return ok<Plan>({
      kind: 'SEATS_REMOVED',
      fields: { quantity: s.quantity - quantity, scheduledChanges: null },
      removals: decided.value,
      charges: decided.value.map((r) => ({
        type: 'removeQuantity' as const,
        quantity: -r.quantity,
        unitPriceMinor: 0,
        amountMinor: -r.refund.amountMinor,
        end: period.end,
      })),
      amountMinor: -refundMinor,
      message: `${quantity} seat(s) removed (${s.quantity} → ${s.quantity - quantity}), refunded ${formatMoney(money(refundMinor, s.currency))}.`,
      changes: { quantity: { before: s.quantity, after: s.quantity - quantity }, ...wiped(s) },
      partner: true,
    });
  };

/** S6: the whole subscription cancelled inside the window of its purchase or last renewal, every seat refunded. */
const cancelPlan = (s: SubscriptionEntity, batches: SeatBatchEntity[], now: Date): Result<Plan> | Refusal => {
  if (s.trial) return trialLocked();
  const decided = cancelSubscription(s.status, batches.map(seatBatchOf(s.currency)), now);
  if (!decided.ok) return refused(decided.code, decided.message, decided.fix);
  const refundMinor = decided.value.reduce((sum, r) => sum + r.refund.amountMinor, 0);
  return ok<Plan>({
    kind: 'CANCELLED',
    fields: { status: 'DELETED', statusSince: now.toISOString(), autoRenew: false, scheduledChanges: null },
    removals: decided.value,
    charges: [
      {
        type: 'cancelImmediate',
        quantity: -s.quantity,
        unitPriceMinor: 0,
        amountMinor: -refundMinor,
        end: new Date(s.termEnd),
      },
    ],
    amountMinor: -refundMinor,
    message: `Cancelled: ${s.quantity} seat(s) ended, refunded ${formatMoney(money(refundMinor, s.currency))}.`,
    changes: { status: { before: s.status, after: 'DELETED' }, ...wiped(s) },
    partner: true,
  });
};
