import { randomUUID } from 'node:crypto';
import {
  isTrialOffer,
  subscriptionEventType,
  type Promotion,
  type PriceSegment,
  type SubscriptionState,
} from '@nce/domain';
import { In } from 'typeorm';

/** S17: what a subscription reads of its promotion. */
export type SubscriptionPromotion = Omit<Promotion, 'segment' | 'market'>;
import { CATALOG_OFFERS, CATALOG_PRICES, CATALOG_PROMOTIONS } from '../catalog/published.js';
import { CUSTOMERS } from '../customers/published.js';
import type { Database } from '../db/database.js';
import type { DomainEvents } from '../platform/domain-events.js';
import { aliasedSelectOf, insertEntities, insertRows, readNamed, rowSpec, updateReturning } from '../db/sql.js';
import { updateAtVersion } from '../db/versioned.js';
import { containsPattern, encodeKeyset, keysetAfter, type KeyOrder } from '../platform/cursor.js';
import type { SortColumns } from '../platform/list-sort.js';
import type { CoTermTarget } from '../orders/index.js';
import type { RequestContext, Transactional } from '../platform/request-context.js';
import { insertEachAtNextPosition } from '../platform/sequence.js';
import { RESELLERS } from '../resellers/published.js';
import { SeatBatchEntity, SubscriptionChargeEntity, SubscriptionEntity, SubscriptionEventEntity } from './entities.js';

export interface SubscriptionFilter {
  resellerId?: string | null;
  customerId?: string | null;
  /** Part of the product's or SKU's title, the SKU or product id, or Partner Center's subscription id. */
  product?: string | null;
  status?: SubscriptionState | null;
  /** Ending (and so renewing, or expiring) within this many days of `now`. */
  endingWithinDays?: number | null;
  /** Some seats can still be removed: a batch holding seats started less than 168 hours ago. */
  windowOpen?: boolean | null;
  autoRenew?: boolean | null;
  trial?: boolean | null;
  /** Term ending at or after this instant, and before `termEndBefore` (a calendar's day or month). */
  termEndFrom?: string | null;
  termEndBefore?: string | null;
}

/** One day of the renewal calendar, in one currency: the active subscriptions whose term ends that day. */
export interface TermEndDay {
  /** The term end's calendar date (UTC), YYYY-MM-DD. */
  day: string;
  currency: string;
  autoRenew: boolean;
  subscriptions: number;
  seats: number;
  /** Seats × their current price for one billing period. */
  amountMinor: number;
}

/** The columns a subscription list sorts on; it starts with the soonest term end. */
export const SUBSCRIPTION_SORTS = {
  TERM_END: { column: 's.term_end', property: 'termEnd', direction: 'ASC' },
  PRODUCT: { column: 's.sku_title', property: 'skuTitle', direction: 'ASC' },
  CUSTOMER: { column: 'c.company_name', property: 'customerName', direction: 'ASC' },
  RESELLER: { column: 'r.company_name', property: 'resellerName', direction: 'ASC' },
  QUANTITY: { column: 's.quantity', property: 'quantity', direction: 'DESC', type: 'number' },
} satisfies SortColumns<string>;
export type SubscriptionSortKey = keyof typeof SUBSCRIPTION_SORTS;

/** A subscription as lists show it. */
export interface ListedSubscription {
  id: string;
  partnerSubscriptionId: string;
  resellerId: string;
  customerId: string;
  orderId: string;
  productTitle: string;
  skuTitle: string;
  skuId: string;
  term: SubscriptionEntity['term'];
  billingPlan: SubscriptionEntity['billingPlan'];
  quantity: number;
  unitPriceMinor: number;
  currency: string;
  status: SubscriptionState;
  autoRenew: boolean;
  trial: boolean;
  promotionId: string | null;
  termStart: string;
  termEnd: string;
  version: number;
  resellerName: string;
  customerName: string;
  /** When the newest batch still holding seats started; its window is the last to close. */
  lastBatchAt: string | null;
}

export const LISTED_SUBSCRIPTION_ROW = rowSpec<ListedSubscription>(SubscriptionEntity, [
  ['id', 'id', 'text'],
  ['partner_subscription_id', 'partnerSubscriptionId', 'text'],
  ['reseller_id', 'resellerId', 'text'],
  ['customer_id', 'customerId', 'text'],
  ['order_id', 'orderId', 'text'],
  ['product_title', 'productTitle', 'text'],
  ['sku_title', 'skuTitle', 'text'],
  ['sku_id', 'skuId', 'text'],
  ['term', 'term', 'text'],
  ['billing_plan', 'billingPlan', 'text'],
  ['quantity', 'quantity', 'number'],
  ['unit_price_minor', 'unitPriceMinor', 'number'],
  ['currency', 'currency', 'text'],
  ['status', 'status', 'text'],
  ['auto_renew', 'autoRenew', 'flag'],
  ['trial', 'trial', 'flag'],
  ['promotion_id', 'promotionId', 'optionalText'],
  ['term_start', 'termStart', 'text'],
  ['term_end', 'termEnd', 'text'],
  ['version', 'version', 'number'],
]);
export const SUBSCRIPTION_RESELLER_NAME = rowSpec<ListedSubscription>(RESELLERS, [
  ['company_name', 'resellerName', 'text'],
]);
export const SUBSCRIPTION_CUSTOMER_NAME = rowSpec<ListedSubscription>(CUSTOMERS, [
  ['company_name', 'customerName', 'text'],
]);

const LIST_SELECT = [
  ...aliasedSelectOf('s', LISTED_SUBSCRIPTION_ROW, 's_'),
  ...aliasedSelectOf('r', SUBSCRIPTION_RESELLER_NAME, 'r_'),
  ...aliasedSelectOf('c', SUBSCRIPTION_CUSTOMER_NAME, 'c_'),
  `(SELECT MAX(b.started_at) FROM subscription_seat_batch b WHERE b.subscription_id = s.id AND b.quantity > b.removed AND b.started_at >= s.term_start) AS last_batch_at`,
].join(', ');

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const WINDOW_MS = 168 * HOUR;

/** A price of the catalog for renewing: the one in effect for the segment, currency, term, plan and seats. */
/** An offer of the catalog with the seats to price (a subscription's next term). */
export interface PriceOffer {
  productId: string;
  skuId: string;
  segment: string;
  currency: string;
  term: string;
  billingPlan: string;
  quantity: number;
}

export interface RenewalPrice {
  priceId: number;
  unitPriceMinor: number;
  /** Microsoft's estimated retail price, what retail-minus price-book rules start from. */
  retailPriceMinor: number;
}

/** Told of charges as they are written, in their transaction (billing keeps its per-day sums current). */
export type ChargesWritten = (tx: Transactional, charges: readonly SubscriptionChargeEntity[]) => Promise<void>;

/** Subscriptions with their seat batches, history and charges (subscription, subscription_*). */
export class SubscriptionsRepository {
  private readonly chargeListeners: ChargesWritten[] = [];

  /** `events`: each entry of a subscription's log is published as an event (webhooks), in its transaction. */
  constructor(
    private readonly db: Database,
    private readonly publisher: DomainEvents | null = null,
  ) {}

  /** Every charge written from now on is told to `listener`, in the transaction writing it. */
  onChargesWritten(listener: ChargesWritten): void {
    this.chargeListeners.push(listener);
  }

  private async chargesWritten(tx: Transactional, charges: readonly SubscriptionChargeEntity[]): Promise<void> {
    for (const listener of this.chargeListeners) await listener(tx, charges);
  }

  async insert(
    tx: Transactional,
    subscription: SubscriptionEntity,
    batch: SeatBatchEntity,
    charge: SubscriptionChargeEntity,
    event: Omit<SubscriptionEventEntity, 'seq' | 'id'>,
  ): Promise<void> {
    await insertEntities(tx.transaction, SubscriptionEntity, [subscription]);
    await this.insertBatches(tx, [batch]);
    await this.appendEvent(tx, event);
    await this.insertCharges(tx, [charge]);
  }

  byId(ctx: RequestContext, id: string): Promise<SubscriptionEntity | null> {
    return this.db.managerOf(ctx).findOneBy(SubscriptionEntity, { id });
  }

  /** Several subscriptions in one statement (a batch of renewals), in no particular order. */
  byIds(ctx: RequestContext, ids: readonly string[]): Promise<SubscriptionEntity[]> {
    return ids.length === 0
      ? Promise.resolve([])
      : this.db.managerOf(ctx).findBy(SubscriptionEntity, { id: In([...ids]) });
  }

  byOrderLine(ctx: RequestContext, orderLineId: string): Promise<SubscriptionEntity | null> {
    return this.db.managerOf(ctx).findOneBy(SubscriptionEntity, { orderLineId });
  }

  /** Whether the order line has its subscription already (provisioning opens one a line, once). */
  async existsForOrderLine(ctx: RequestContext, orderLineId: string): Promise<boolean> {
    const rows = await this.db.query(ctx, 'SELECT 1 AS found FROM subscription WHERE order_line_id = ?', [orderLineId]);
    return rows.length > 0;
  }

  /** An order's subscriptions Microsoft is still setting up. */
  pendingOfOrder(ctx: RequestContext, orderId: string): Promise<SubscriptionEntity[]> {
    return this.db.managerOf(ctx).findBy(SubscriptionEntity, { orderId, status: 'PENDING' });
  }

  /** Every seat batch of the subscription, of all its terms, oldest first. */
  batches(ctx: RequestContext, subscriptionId: string): Promise<SeatBatchEntity[]> {
    return this.db.managerOf(ctx).find(SeatBatchEntity, { where: { subscriptionId }, order: { startedAt: 'ASC' } });
  }

  events(ctx: RequestContext, subscriptionId: string): Promise<SubscriptionEventEntity[]> {
    return this.db.managerOf(ctx).find(SubscriptionEventEntity, { where: { subscriptionId }, order: { seq: 'ASC' } });
  }

  charges(ctx: RequestContext, subscriptionId: string): Promise<SubscriptionChargeEntity[]> {
    return this.db
      .managerOf(ctx)
      .find(SubscriptionChargeEntity, { where: { subscriptionId }, order: { at: 'ASC', id: 'ASC' } });
  }

  /** The charges a change wrote (on its subscription and on one it created), by the change's event. */
  chargesByReference(ctx: RequestContext, reference: string): Promise<SubscriptionChargeEntity[]> {
    return this.db.managerOf(ctx).findBy(SubscriptionChargeEntity, { reference });
  }

  eventByKey(ctx: RequestContext, idempotencyKey: string): Promise<SubscriptionEventEntity | null> {
    return this.db.managerOf(ctx).findOneBy(SubscriptionEventEntity, { idempotencyKey });
  }

  /** Writes `fields` if the subscription is still at `version`; null when another change came first. */
  save(
    tx: Transactional,
    subscription: Pick<SubscriptionEntity, 'id' | 'version'>,
    fields: Partial<Omit<SubscriptionEntity, 'id' | 'version'>>,
  ): Promise<SubscriptionEntity | null> {
    return updateAtVersion(tx.transaction, SubscriptionEntity, subscription.id, subscription.version, fields as never);
  }

  /** Takes `quantity` seats out of a batch, only while it still holds them; false when it no longer does. */
  async removeFromBatch(tx: Transactional, batchId: string, quantity: number): Promise<boolean> {
    const result = await tx.transaction
      .createQueryBuilder()
      .update(SeatBatchEntity)
      .set({ removed: () => `removed + ${Number(quantity)}` })
      .where('id = :batchId AND removed + :quantity <= quantity', { batchId, quantity })
      .execute();
    return result.affected === 1;
  }

  /** Hand-written inserts: the renewal job writes one of each per subscription, 100,000 on a busy day. */
  async insertBatch(tx: Transactional, batch: SeatBatchEntity): Promise<void> {
    await this.insertBatches(tx, [batch]);
  }

  async insertBatches(tx: Transactional, batches: readonly SeatBatchEntity[]): Promise<void> {
    await insertRows(
      tx.transaction,
      'subscription_seat_batch',
      batches.map((batch) => ({
        id: batch.id,
        subscription_id: batch.subscriptionId,
        kind: batch.kind,
        quantity: batch.quantity,
        removed: batch.removed,
        started_at: batch.startedAt,
        unit_paid_minor: batch.unitPaidMinor,
        paid_days: batch.paidDays,
      })),
    );
  }

  async insertCharges(tx: Transactional, charges: readonly SubscriptionChargeEntity[]): Promise<void> {
    await insertRows(
      tx.transaction,
      'subscription_charge',
      charges.map((c) => ({
        id: c.id,
        subscription_id: c.subscriptionId,
        reseller_id: c.resellerId,
        charge_type: c.chargeType,
        quantity: c.quantity,
        unit_price_minor: c.unitPriceMinor,
        amount_minor: c.amountMinor,
        currency: c.currency,
        charge_start: c.chargeStart,
        charge_end: c.chargeEnd,
        at: c.at,
        payment_method: c.paymentMethod,
        reference: c.reference,
        price_rule: c.priceRule,
      })),
    );
    await this.chargesWritten(tx, charges);
  }

  /**
   * The renewal's write of the subscription: its next term, only if it is still at the version read (false when
   * a change came first). One statement, no read-back.
   */
  async renewTerm(
    tx: Transactional,
    s: Pick<SubscriptionEntity, 'id' | 'version'>,
    term: Pick<
      SubscriptionEntity,
      | 'termStart'
      | 'termEnd'
      | 'quantity'
      | 'term'
      | 'billingPlan'
      | 'unitPriceMinor'
      | 'priceId'
      | 'statusSince'
      | 'updatedAt'
      | 'productId'
      | 'productTitle'
      | 'skuId'
      | 'skuTitle'
      | 'promotionId'
      | 'priceRule'
    >,
  ): Promise<boolean> {
    const rows = await updateReturning(
      tx.transaction,
      `UPDATE subscription SET term_start = ?, term_end = ?, quantity = ?, term = ?, billing_plan = ?, unit_price_minor = ?,
         price_id = ?, status_since = ?, updated_at = ?, product_id = ?, product_title = ?, sku_id = ?, sku_title = ?,
         scheduled_changes = NULL, renewal_reminded_days = NULL, trial = ?, promotion_id = ?, price_rule = ?,
         version = version + 1
       WHERE id = ? AND version = ? RETURNING id`,
      [
        term.termStart,
        term.termEnd,
        term.quantity,
        term.term,
        term.billingPlan,
        term.unitPriceMinor,
        term.priceId,
        term.statusSince,
        term.updatedAt,
        term.productId,
        term.productTitle,
        term.skuId,
        term.skuTitle,
        // S16: a trial's renewal is its conversion to paid.
        this.flag(false),
        term.promotionId,
        term.priceRule,
        s.id,
        s.version,
      ],
    );
    return rows.length === 1;
  }

  /** What renewed for a reseller between two instants, with what names it: for its renewal email. One statement. */
  async renewedBetween(
    resellerId: string,
    from: string,
    before: string,
    limit: number,
  ): Promise<{ message: string; skuTitle: string; partnerSubscriptionId: string; customerName: string }[]> {
    const rows = await this.db.select<Record<string, unknown>>(
      `SELECT e.message, s.sku_title, s.partner_subscription_id, c.company_name
       FROM subscription s JOIN subscription_event e ON e.subscription_id = s.id JOIN ${CUSTOMERS} c ON c.id = s.customer_id
       WHERE s.reseller_id = ? AND e.kind IN ('RENEWED', 'TRIAL_CONVERTED') AND e.at >= ? AND e.at < ? ORDER BY e.at, s.id LIMIT ?`,
      [resellerId, from, before, limit],
    );
    return rows.map((row) => ({
      message: String(row.message),
      skuTitle: String(row.sku_title),
      partnerSubscriptionId: String(row.partner_subscription_id),
      customerName: String(row.company_name),
    }));
  }

  /** How many renewed for a reseller between two instants. */
  async countRenewedBetween(resellerId: string, from: string, before: string): Promise<number> {
    const [row] = await this.db.select<{ n: number }>(
      `SELECT COUNT(*) AS n FROM subscription s JOIN subscription_event e ON e.subscription_id = s.id
       WHERE s.reseller_id = ? AND e.kind IN ('RENEWED', 'TRIAL_CONVERTED') AND e.at >= ? AND e.at < ?`,
      [resellerId, from, before],
    );
    return Number(row?.n ?? 0);
  }

  async appendEvent(tx: Transactional, event: Omit<SubscriptionEventEntity, 'seq' | 'id'>): Promise<string> {
    return (await this.appendEvents(tx, [event]))[0]!;
  }

  /** One event for each of several subscriptions, in one statement; answers their ids in the same order. */
  async appendEvents(
    tx: Transactional,
    events: readonly Omit<SubscriptionEventEntity, 'seq' | 'id'>[],
  ): Promise<string[]> {
    const ids = events.map(() => randomUUID());
    await insertEachAtNextPosition(
      tx.transaction,
      'subscription_event',
      'subscription_id',
      events.map((event, i) => eventRow(ids[i]!, event)),
    );
    await this.publisher?.publish(
      tx,
      events.map((event, i) => ({
        type: subscriptionEventType(event.kind),
        resellerId: null,
        subject: { type: 'subscription' as const, id: event.subscriptionId },
        at: event.at,
        data: { eventId: ids[i]!, kind: event.kind, message: event.message },
      })),
    );
    return ids;
  }

  /** A page of subscriptions with their reseller's and customer's names: one statement whatever its size. */
  async page(
    filter: SubscriptionFilter,
    now: Date,
    first: number,
    after: string | null | undefined,
    order: KeyOrder,
  ): Promise<{ subscriptions: ListedSubscription[]; hasNextPage: boolean; endCursor: string | null }> {
    const where: string[] = [];
    const params: (string | number)[] = [];
    const add = (sql: string, ...values: (string | number)[]) => (where.push(sql), params.push(...values));
    if (filter.resellerId) add('s.reseller_id = ?', filter.resellerId);
    if (filter.customerId) add('s.customer_id = ?', filter.customerId);
    if (filter.status) add('s.status = ?', filter.status);
    if (filter.autoRenew !== null && filter.autoRenew !== undefined)
      add('s.auto_renew = ?', this.flag(filter.autoRenew));
    if (filter.trial !== null && filter.trial !== undefined) add('s.trial = ?', this.flag(filter.trial));
    if (filter.endingWithinDays !== null && filter.endingWithinDays !== undefined)
      add(
        's.term_end >= ? AND s.term_end < ?',
        now.toISOString(),
        new Date(now.getTime() + filter.endingWithinDays * DAY).toISOString(),
      );
    if (filter.windowOpen !== null && filter.windowOpen !== undefined)
      add(
        `${filter.windowOpen ? '' : 'NOT '}EXISTS (SELECT 1 FROM subscription_seat_batch b WHERE b.subscription_id = s.id AND b.quantity > b.removed AND b.started_at >= s.term_start AND b.started_at > ?)`,
        new Date(now.getTime() - WINDOW_MS).toISOString(),
      );
    if (filter.termEndFrom) add('s.term_end >= ?', filter.termEndFrom);
    if (filter.termEndBefore) add('s.term_end < ?', filter.termEndBefore);
    if (filter.product?.trim()) {
      const pattern = containsPattern(filter.product.trim());
      add(
        "(LOWER(s.sku_title) LIKE ? ESCAPE '\\' OR LOWER(s.product_title) LIKE ? ESCAPE '\\' OR LOWER(s.sku_id) LIKE ? ESCAPE '\\' OR LOWER(s.product_id) LIKE ? ESCAPE '\\' OR LOWER(s.partner_subscription_id) LIKE ? ESCAPE '\\')",
        pattern,
        pattern,
        pattern,
        pattern,
        pattern,
      );
    }
    if (after) {
      const past = keysetAfter(order.column, 's.id', order, after);
      add(past.sql, ...past.params);
    }
    const rows = await this.db.select<Record<string, unknown>>(
      `SELECT ${LIST_SELECT} FROM subscription s ${this.outerFirst} ${RESELLERS} r ON r.id = s.reseller_id ${this.outerFirst} ${CUSTOMERS} c ON c.id = s.customer_id
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY ${order.column} ${order.direction}, s.id ${order.direction} LIMIT ?`,
      [...params, first + 1],
    );
    const subscriptions = rows.slice(0, first).map((row) => {
      const listed = readNamed(LISTED_SUBSCRIPTION_ROW, row, 's_', {} as ListedSubscription);
      readNamed(SUBSCRIPTION_RESELLER_NAME, row, 'r_', listed);
      readNamed(SUBSCRIPTION_CUSTOMER_NAME, row, 'c_', listed);
      listed.lastBatchAt =
        row.last_batch_at === null || row.last_batch_at === undefined ? null : String(row.last_batch_at);
      return listed;
    });
    const last = subscriptions[subscriptions.length - 1];
    return {
      subscriptions,
      hasNextPage: rows.length > first,
      endCursor: last
        ? encodeKeyset(order, last[order.property as keyof ListedSubscription] as string | number, last.id)
        : null,
    };
  }

  /**
   * Seat batches of active subscriptions with a window reminder due at `now`: the window closes within one of
   * `hours` and the batch was last reminded at a larger threshold, or never. Oldest first.
   */
  async windowRemindersDue(
    now: Date,
    hours: readonly number[],
    limit: number,
  ): Promise<{ batchId: string; subscriptionId: string; closesAt: string; reminded: number | null }[]> {
    // A window of 168 hours closes within `t` hours once its batch started at least 168 - t hours ago.
    const startedBy = (t: number) => new Date(now.getTime() - (168 - t) * HOUR).toISOString();
    const due = hours.map(
      () => '(b.started_at <= ? AND (b.window_reminded_hours IS NULL OR b.window_reminded_hours > ?))',
    );
    const rows = await this.db.select<Record<string, unknown>>(
      `SELECT b.id, b.subscription_id, b.started_at, b.window_reminded_hours FROM subscription_seat_batch b
       ${this.outerFirst} subscription s ON s.id = b.subscription_id
       WHERE b.started_at > ? AND b.started_at <= ? AND b.quantity > b.removed AND b.started_at >= s.term_start
         AND s.status = 'ACTIVE' AND (${due.join(' OR ')}) ORDER BY b.started_at, b.id LIMIT ?`,
      [
        new Date(now.getTime() - WINDOW_MS).toISOString(),
        startedBy(Math.max(...hours)),
        ...hours.flatMap((t) => [startedBy(t), t]),
        limit,
      ],
    );
    return rows.map((row) => ({
      batchId: String(row.id),
      subscriptionId: String(row.subscription_id),
      closesAt: new Date(Date.parse(String(row.started_at)) + WINDOW_MS).toISOString(),
      reminded: row.window_reminded_hours === null ? null : Number(row.window_reminded_hours),
    }));
  }

  /**
   * Active subscriptions with a reminder due before their term ends: auto-renewing paid ones (`RENEWAL`) or trials
   * (`TRIAL`) whose term ends within one of `days`, last reminded at a larger threshold or never. Soonest first.
   */
  async termRemindersDue(
    kind: 'RENEWAL' | 'TRIAL',
    now: Date,
    days: readonly number[],
    limit: number,
  ): Promise<{ subscriptionId: string; termEnd: string; reminded: number | null }[]> {
    const column = kind === 'RENEWAL' ? 'renewal_reminded_days' : 'trial_reminded_days';
    const endsBy = (t: number) => new Date(now.getTime() + t * DAY).toISOString();
    const due = days.map(() => `(term_end <= ? AND (${column} IS NULL OR ${column} > ?))`);
    const rows = await this.db.select<Record<string, unknown>>(
      `SELECT id, term_end, ${column} AS reminded FROM subscription
       WHERE status = 'ACTIVE' AND term_end > ? AND term_end <= ? AND trial = ?${kind === 'RENEWAL' ? ' AND auto_renew = ?' : ''}
         AND (${due.join(' OR ')}) ORDER BY term_end, id LIMIT ?`,
      [
        now.toISOString(),
        endsBy(Math.max(...days)),
        this.flag(kind === 'TRIAL'),
        ...(kind === 'RENEWAL' ? [this.flag(true)] : []),
        ...days.flatMap((t) => [endsBy(t), t]),
        limit,
      ],
    );
    return rows.map((row) => ({
      subscriptionId: String(row.id),
      termEnd: String(row.term_end),
      reminded: row.reminded === null ? null : Number(row.reminded),
    }));
  }

  /** Records the reminder sent, only if no other sent one since (the value is still `was`): false otherwise. */
  async markReminded(
    tx: Transactional,
    target: { batchId: string } | { subscriptionId: string; kind: 'RENEWAL' | 'TRIAL' },
    threshold: number,
    was: number | null,
  ): Promise<boolean> {
    const [table, column, id] =
      'batchId' in target
        ? ['subscription_seat_batch', 'window_reminded_hours', target.batchId]
        : [
            'subscription',
            target.kind === 'RENEWAL' ? 'renewal_reminded_days' : 'trial_reminded_days',
            target.subscriptionId,
          ];
    const rows = await updateReturning(
      tx.transaction,
      `UPDATE ${table} SET ${column} = ? WHERE id = ? AND ${was === null ? `${column} IS NULL` : `${column} = ?`} RETURNING id`,
      [threshold, id, ...(was === null ? [] : [was])],
    );
    return rows.length === 1;
  }

  /** Active subscriptions by the day their term ends, between two instants: one grouped statement. */
  async termEndDays(resellerId: string | null | undefined, from: string, before: string): Promise<TermEndDay[]> {
    const rows = await this.db.select<Record<string, unknown>>(
      `SELECT SUBSTR(s.term_end, 1, 10) AS day, s.currency, s.auto_renew, COUNT(*) AS subscriptions,
         SUM(s.quantity) AS seats, SUM(s.quantity * s.unit_price_minor) AS amount_minor
       FROM subscription s WHERE s.status = 'ACTIVE' AND s.term_end >= ? AND s.term_end < ?${resellerId ? ' AND s.reseller_id = ?' : ''}
       GROUP BY SUBSTR(s.term_end, 1, 10), s.currency, s.auto_renew ORDER BY day, s.currency`,
      [from, before, ...(resellerId ? [resellerId] : [])],
    );
    return rows.map((row) => ({
      day: String(row.day),
      currency: String(row.currency),
      autoRenew: row.auto_renew === true || Number(row.auto_renew) === 1,
      subscriptions: Number(row.subscriptions),
      seats: Number(row.seats),
      amountMinor: Number(row.amount_minor),
    }));
  }

  /**
   * A page of subscriptions in `status` whose `column` (term_end, or status_since) is before `before`, in the
   * order of that column then the id, after the last one seen: how the renewal job finds what is due.
   */
  async due(
    status: SubscriptionState,
    column: 'term_end' | 'status_since',
    before: string,
    after: { key: string; id: string } | null,
    limit: number,
  ): Promise<{ id: string; key: string; termEnd: string }[]> {
    const rows = await this.db.select<Record<string, unknown>>(
      // A row-value comparison starts each page where the last ended in the index: thousands of subscriptions
      // share one end (month ends, co-terms), and `key > ? OR (key = ? AND id > ?)` read them all again every page.
      `SELECT id, ${column} AS due_key, term_end FROM subscription WHERE status = ? AND ${column} < ?
       ${after ? `AND (${column}, id) > (?, ?)` : ''} ORDER BY ${column}, id LIMIT ?`,
      [status, before, ...(after ? [after.key, after.id] : []), limit],
    );
    return rows.map((row) => ({ id: String(row.id), key: String(row.due_key), termEnd: String(row.term_end) }));
  }

  /** The names a subscription shows: its reseller's and its customer's. */
  async namesOf(
    ctx: RequestContext,
    s: Pick<SubscriptionEntity, 'resellerId' | 'customerId'>,
  ): Promise<{ resellerName: string; customerName: string }> {
    const [row] = await this.db.query<Record<string, unknown>>(
      ctx,
      `SELECT r.company_name AS reseller_name, c.company_name AS customer_name FROM ${RESELLERS} r, ${CUSTOMERS} c WHERE r.id = ? AND c.id = ?`,
      [s.resellerId, s.customerId],
    );
    return { resellerName: String(row?.reseller_name ?? ''), customerName: String(row?.customer_name ?? '') };
  }

  /**
   * The catalog's offers a subscription might upgrade to (S13): its own product's other SKUs and the products
   * named, for its segment, currency, term and billing and its seats, in effect at `at`. The caller keeps the upgrades.
   */
  async upgradeOffers(
    ctx: RequestContext,
    s: Pick<SubscriptionEntity, 'productId' | 'segment' | 'currency' | 'term' | 'billingPlan' | 'quantity'>,
    productTitles: readonly string[],
    at: Date,
  ): Promise<(RenewalPrice & { productId: string; productTitle: string; skuId: string; skuTitle: string })[]> {
    const day = at.toISOString().slice(0, 10);
    const rows = await this.db.query<Record<string, unknown>>(
      ctx,
      `SELECT o.price_id, o.unit_price_minor, o.erp_price_minor, o.product_id, o.product_title, o.sku_id, o.sku_title FROM ${CATALOG_OFFERS} o
       WHERE (o.product_id = ?${productTitles.length ? ` OR o.product_title IN (${productTitles.map(() => '?').join(', ')})` : ''})
         AND o.segment = ? AND o.currency = ? AND o.term = ? AND o.billing_plan = ?
         AND o.tier_min <= ? AND (o.tier_max IS NULL OR o.tier_max >= ?)
         AND o.effective_start <= ? AND (o.effective_end IS NULL OR o.effective_end >= ?)
       ORDER BY o.unit_price_minor, o.sku_title, o.price_id LIMIT 100`,
      [s.productId, ...productTitles, s.segment, s.currency, s.term, s.billingPlan, s.quantity, s.quantity, day, day],
    );
    return rows.map((row) => ({
      priceId: Number(row.price_id),
      unitPriceMinor: Number(row.unit_price_minor),
      retailPriceMinor: Number(row.erp_price_minor),
      productId: String(row.product_id),
      productTitle: String(row.product_title),
      skuId: String(row.sku_id),
      skuTitle: String(row.sku_title),
    }));
  }

  /**
   * The segment a price row is for (a subscription keeps it, to price its renewals) and its tags (a trial's are
   * "Trial"); null when it is gone.
   */
  async segmentOfPrice(ctx: RequestContext, priceId: number): Promise<{ segment: PriceSegment; tags: string } | null> {
    const [row] = await this.db.query<{ segment: string; tags: string }>(
      ctx,
      `SELECT pr.segment, pr.tags FROM ${CATALOG_PRICES} pr WHERE pr.price_id = ?`,
      [priceId],
    );
    return row ? { segment: row.segment as PriceSegment, tags: String(row.tags) } : null;
  }

  /**
   * S16: the SKUs of a product sold for a term and billing in a segment and currency, with whether each is a trial:
   * what a trial of the product can convert to.
   */
  async skusOfProduct(
    ctx: RequestContext,
    offer: { productId: string; segment: string; currency: string; term: string; billingPlan: string },
  ): Promise<{ skuId: string; title: string; trial: boolean }[]> {
    const rows = await this.db.query<{ sku_id: string; sku_title: string; tags: string }>(
      ctx,
      `SELECT DISTINCT o.sku_id, o.sku_title, o.tags FROM ${CATALOG_OFFERS} o
       WHERE o.product_id = ? AND o.segment = ? AND o.currency = ? AND o.term = ? AND o.billing_plan = ?
       ORDER BY o.sku_id LIMIT 100`,
      [offer.productId, offer.segment, offer.currency, offer.term, offer.billingPlan],
    );
    return rows.map((r) => ({
      skuId: String(r.sku_id),
      title: String(r.sku_title),
      trial: isTrialOffer(String(r.tags)),
    }));
  }

  /** S15: a customer's active paid subscriptions still running at `at`, what a new one may end with. */
  async coTermTargets(ctx: RequestContext, customerId: string, at: Date): Promise<CoTermTarget[]> {
    const rows = await this.db.query<Record<string, unknown>>(
      ctx,
      `SELECT id, sku_title, tenant_id, term, term_end FROM subscription
       WHERE customer_id = ? AND status = 'ACTIVE' AND trial = ? AND term_end > ?
       ORDER BY term_end, id LIMIT 50`,
      [customerId, this.flag(false), at.toISOString()],
    );
    return rows.map((r) => ({
      subscriptionId: String(r.id),
      title: `${String(r.sku_title)} (${String(r.term)}, ends ${String(r.term_end).slice(0, 10)})`,
      tenantId: (r.tenant_id as string | null) ?? null,
      term: r.term as CoTermTarget['term'],
      termEnd: String(r.term_end),
    }));
  }

  /** S17: a promotion as the catalog publishes it; null when there is none by that id. */
  async promotion(ctx: RequestContext, id: string): Promise<SubscriptionPromotion | null> {
    const [row] = await this.db.query<Record<string, unknown>>(
      ctx,
      `SELECT pm.id, pm.name, pm.product_id, pm.sku_id, pm.term, pm.billing_plan, pm.discount_bp, pm.start_date, pm.end_date
       FROM ${CATALOG_PROMOTIONS} pm WHERE pm.id = ?`,
      [id],
    );
    return row
      ? {
          id: String(row.id),
          name: String(row.name),
          productId: String(row.product_id),
          skuId: String(row.sku_id),
          term: row.term as SubscriptionPromotion['term'],
          billingPlan: row.billing_plan as SubscriptionPromotion['billingPlan'],
          discountBasisPoints: Number(row.discount_bp),
          startDate: String(row.start_date),
          endDate: String(row.end_date),
        }
      : null;
  }

  /**
   * The catalog's prices for next terms (S3), one for each offer by its index, in one statement whatever their
   * number (a batch of renewals): in effect at `at`, the seats' tier, the latest start, the highest id among equals.
   */
  async pricesFor(ctx: RequestContext, offers: readonly PriceOffer[], at: Date): Promise<(RenewalPrice | null)[]> {
    if (offers.length === 0) return [];
    const day = at.toISOString().slice(0, 10);
    const keyOf = (o: (typeof offers)[number]) =>
      [o.productId, o.skuId, o.segment, o.currency, o.term, o.billingPlan].join('\u0000');
    const distinct = [...new Map(offers.map((o) => [keyOf(o), o])).values()];
    const rows = await this.db.query<Record<string, unknown>>(
      ctx,
      `SELECT o.price_id, o.unit_price_minor, o.erp_price_minor, o.product_id, o.sku_id, o.segment, o.currency, o.term, o.billing_plan,
         o.tier_min, o.tier_max, o.effective_start FROM ${CATALOG_OFFERS} o
       WHERE (o.product_id, o.sku_id, o.segment, o.currency, o.term, o.billing_plan) IN (VALUES ${distinct.map(() => '(?, ?, ?, ?, ?, ?)').join(', ')})
         AND o.effective_start <= ? AND (o.effective_end IS NULL OR o.effective_end >= ?)`,
      [...distinct.flatMap((o) => [o.productId, o.skuId, o.segment, o.currency, o.term, o.billingPlan]), day, day],
    );
    const byOffer = new Map<string, Record<string, unknown>[]>();
    for (const row of rows) {
      const key = [row.product_id, row.sku_id, row.segment, row.currency, row.term, row.billing_plan].join('\u0000');
      byOffer.set(key, [...(byOffer.get(key) ?? []), row]);
    }
    return offers.map((o) => {
      const fitting = (byOffer.get(keyOf(o)) ?? []).filter(
        (r) => Number(r.tier_min) <= o.quantity && (r.tier_max === null || Number(r.tier_max) >= o.quantity),
      );
      const best = fitting.sort((a, b) =>
        String(a.effective_start) !== String(b.effective_start)
          ? String(b.effective_start).localeCompare(String(a.effective_start))
          : Number(b.price_id) - Number(a.price_id),
      )[0];
      return best
        ? {
            priceId: Number(best.price_id),
            unitPriceMinor: Number(best.unit_price_minor),
            retailPriceMinor: Number(best.erp_price_minor),
          }
        : null;
    });
  }

  /** The catalog's price for a next term (S3): in effect at `at`, for the seats held; null when none is. */
  async priceFor(ctx: RequestContext, offer: PriceOffer, at: Date): Promise<RenewalPrice | null> {
    return (await this.pricesFor(ctx, [offer], at))[0] ?? null;
  }

  /**
   * A join that keeps its left side the outer loop: the subscriptions of a list, read in its index order; the
   * batches of a window's range of start times. SQLite's planner, whose statistics may predate the subscriptions,
   * otherwise starts from the other side (a list page sorted every subscription: seconds at a million); its CROSS
   * JOIN is a join it never reorders. PostgreSQL plans these itself.
   */
  private get outerFirst(): string {
    return this.db.kind === 'sqlite' ? 'CROSS JOIN' : 'JOIN';
  }

  /** A boolean as each engine compares it: SQLite stores 1 and 0. */
  private flag(value: boolean): number | string {
    return this.db.kind === 'postgres' ? String(value) : value ? 1 : 0;
  }
}

const eventRow = (id: string, event: Omit<SubscriptionEventEntity, 'seq' | 'id'>) => ({
  id,
  subscription_id: event.subscriptionId,
  at: event.at,
  kind: event.kind,
  message: event.message,
  actor_email: event.actorEmail,
  idempotency_key: event.idempotencyKey,
  request_hash: event.requestHash,
});
