import { randomUUID } from 'node:crypto';
import {
  billingPeriodAt,
  DISABLED_DAYS,
  EXPIRED_GRACE_DAYS,
  formatMoney,
  money,
  nextSubscriptionState,
  renewalDay,
  termEndOf,
  type SubscriptionEvent,
  type SubscriptionState,
} from '@nce/domain';
import type { EntityManager } from 'typeorm';
import type { AuditService } from '../audit/index.js';
import type { Database } from '../db/database.js';
import type { MailService } from '../mail/index.js';
import type { Clock } from '../platform/clock.js';
import type { BatchedJob, JobQueue } from '../platform/jobs/job-queue.js';
import { systemContext, type RequestContext } from '../platform/request-context.js';
import type { ResellerService } from '../resellers/index.js';
import type { TermsService } from '../terms/index.js';
import type { SubscriptionEntity } from './entities.js';
import type { TermPrices } from './term-prices.js';
import { describeChanges, nextTermOf, renewalPriceOf, renewalPricesOf } from './subscription.service.js';
import type { SubscriptionsRepository } from './subscriptions.repository.js';

export const RENEWAL_SCAN_JOB = 'subscriptions.renewal-scan';
export const RENEW_JOB = 'subscription.renew';
export const RENEWAL_DIGEST_JOB = 'subscriptions.renewal-digest';
const DIGEST_SLOT_MS = 10 * 60_000;

const DAY = 86_400_000;
/** Due subscriptions queued per transaction by the scan. */
const SCAN_PAGE = 500;
/**
 * The scheduled scan queues the next page only while fewer renewal jobs than this wait: a renewal day's jobs are
 * queued as the workers drain them, not all in its first seconds (on PostgreSQL, 100,000 job inserts at once
 * took the machine from the requests being served; bench/README.md, renewal day).
 */
export const RENEWAL_BACKLOG = 2_000;
/** How often a paced scan looks at the backlog, and how long it waits for any drain before queuing regardless. */
const BACKLOG_POLL_MS = 200;
const BACKLOG_STALL_MS = 10_000;

/** What the job does to a subscription in each status once its day has come (S2, S8). */
const STEPS: { status: SubscriptionState; column: 'term_end' | 'status_since'; event: SubscriptionEvent }[] = [
  { status: 'ACTIVE', column: 'term_end', event: 'RENEW' },
  { status: 'SUSPENDED', column: 'term_end', event: 'TERM_ENDED' },
  { status: 'EXPIRED', column: 'status_since', event: 'GRACE_ENDED' },
  { status: 'DISABLED', column: 'status_since', event: 'DELETE' },
];

/**
 * The renewal engine (S2, S3, S8, S10). A recurring scan queues one durable job per subscription whose day has
 * come, keyed by the subscription, its term end and status, so each is queued once however many scans and
 * processes see it; the job queue's leases run each once, and a job that finds the subscription already moved
 * on does nothing. An auto-renewing subscription starts its next term, with the scheduled changes applied, at the
 * current price list's price, with a new 7-day window for all its seats and a `renew` charge; the reseller is
 * emailed. One not renewing expires, then is disabled, then deleted on Microsoft's timetable.
 */
export class RenewalService {
  /** The resellers whose renewal digest of the current slot a committed renewal has queued. */
  private digestsQueued = { slot: 0, resellers: new Set<string>() };

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly jobs: JobQueue,
    private readonly audit: AuditService,
    private readonly mail: MailService,
    private readonly terms: TermsService,
    private readonly resellers: ResellerService,
    private readonly subscriptions: SubscriptionsRepository,
    private readonly prices: TermPrices,
    scanEveryMs: number,
  ) {
    // Beside the worker: a paced scan waits for the jobs it queued, which the same worker runs meanwhile.
    jobs.every(RENEWAL_SCAN_JOB, scanEveryMs, () => this.scan({ paced: true }).then(() => undefined), { long: true });
    jobs.register(
      RENEW_JOB,
      (payload, _job, done) =>
        this.step(String(payload.subscriptionId), String(payload.termEnd), String(payload.status), done),
      { batch: (batched, done) => this.renewTogether(batched, done) },
    );
    jobs.register(RENEWAL_DIGEST_JOB, (payload, _job, done) =>
      this.digest(String(payload.resellerId), String(payload.from), done),
    );
  }

  private get system(): RequestContext {
    return systemContext(this.clock, 'system:renewals');
  }

  /**
   * Queues a job for every subscription whose day has come; answers how many it found due. `paced`: each page
   * waits until the backlog of renewal jobs is under RENEWAL_BACKLOG (or has not moved for a while: no worker).
   */
  async scan(options: { paced?: boolean; page?: number; backlog?: number } = {}): Promise<number> {
    const page = options.page ?? SCAN_PAGE;
    const backlog = options.backlog ?? RENEWAL_BACKLOG;
    const now = this.clock.now();
    const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
    // S8: renewal runs from 00:00 UTC the day after the term end, so a term ending before today is due.
    const before: Record<SubscriptionState, string> = {
      ACTIVE: today.toISOString(),
      SUSPENDED: today.toISOString(),
      EXPIRED: new Date(now.getTime() - EXPIRED_GRACE_DAYS * DAY).toISOString(),
      DISABLED: new Date(now.getTime() - DISABLED_DAYS * DAY).toISOString(),
      PENDING: '',
      DELETED: '',
    };
    let found = 0;
    let worked = performance.now();
    for (const step of STEPS) {
      let after: { key: string; id: string } | null = null;
      for (;;) {
        const due = await this.subscriptions.due(step.status, step.column, before[step.status], after, page);
        if (due.length === 0) break;
        found += due.length;
        await this.db.transaction((m) =>
          this.jobs.enqueueMany(
            m,
            RENEW_JOB,
            due.map((d) => ({
              payload: { subscriptionId: d.id, termEnd: d.termEnd, status: step.status },
              options: { key: `${RENEW_JOB}:${d.id}:${d.termEnd}:${step.status}` },
            })),
          ),
        );
        const last = due[due.length - 1]!;
        after = { key: last.key, id: last.id };
        await this.jobs.giveWay(performance.now() - worked);
        if (options.paced && due.length === page) await this.drained(backlog);
        worked = performance.now();
        if (due.length < page) break;
      }
    }
    return found;
  }

  /** Waits until fewer than `backlog` renewal jobs wait, or until none has run for BACKLOG_STALL_MS. */
  private async drained(backlog: number): Promise<void> {
    // Counted past the threshold, so that a larger backlog (left by a stall) is seen to move.
    const count = () => this.jobs.pending(RENEW_JOB, 2 * backlog);
    let waiting = await count();
    let moved = performance.now();
    while (waiting >= backlog && performance.now() - moved < BACKLOG_STALL_MS) {
      await new Promise((resolve) => setTimeout(resolve, BACKLOG_POLL_MS));
      const now = await count();
      if (now < waiting) moved = performance.now();
      waiting = now;
    }
  }

  /** Moves one subscription on, if it is still where the job found it. */
  async step(
    subscriptionId: string,
    termEnd: string,
    status: string,
    done?: (m: EntityManager) => Promise<void>,
  ): Promise<void> {
    const s = await this.subscriptions.byId(this.system, subscriptionId);
    if (!s || s.termEnd !== termEnd || s.status !== status) return;
    if (s.status === 'ACTIVE' && s.autoRenew) return this.renew(s, done);
    const event: SubscriptionEvent =
      s.status === 'ACTIVE' || s.status === 'SUSPENDED'
        ? 'TERM_ENDED'
        : s.status === 'EXPIRED'
          ? 'GRACE_ENDED'
          : 'DELETE';
    const move = nextSubscriptionState(s.status, event);
    if (!move.ok) return;
    // Each state's clock starts when Microsoft's does, whenever this job ran: the day after the term end, then
    // 30 days later, then 90.
    const since =
      event === 'TERM_ENDED'
        ? renewalDay(new Date(s.termEnd))
        : new Date(
            new Date(s.statusSince).getTime() + (event === 'GRACE_ENDED' ? EXPIRED_GRACE_DAYS : DISABLED_DAYS) * DAY,
          );
    const words: Record<string, string> = {
      EXPIRED: `Expired at the term end (auto-renew was off): users keep access for ${EXPIRED_GRACE_DAYS} days, nothing is billed.`,
      DISABLED: `Disabled: users lost access; the subscription is deleted after ${DISABLED_DAYS} days.`,
      DELETED: 'Deleted by Microsoft after its disabled period.',
    };
    await this.db.transaction(this.system, async (tx, m) => {
      // Lost in a crash, the whole step is lost with its job's done mark, and the job runs it again.
      await this.db.commitWithoutWaitingForDisk(tx);
      const saved = await this.subscriptions.save(tx, s, {
        status: move.to,
        statusSince: since.toISOString(),
        scheduledChanges: null,
        updatedAt: this.clock.now().toISOString(),
      });
      // Changed since it was read (a change raced the renewal day): the job fails and runs again on what is there.
      if (!saved) throw new Error(`subscription ${s.id} changed while it was moved on; retried`);
      await this.subscriptions.appendEvent(tx, {
        subscriptionId: s.id,
        at: this.clock.now().toISOString(),
        kind: move.to,
        message: words[move.to] ?? move.to,
        actorEmail: null,
        idempotencyKey: null,
        requestHash: null,
      });
      await this.audit.record(tx, {
        operation: `subscriptions.${event.toLowerCase()}`,
        entityType: 'Subscription',
        entityId: s.id,
        changes: { status: { before: s.status, after: move.to } },
      });
      await done?.(m);
    });
  }

  private async renew(s: SubscriptionEntity, done?: (m: EntityManager) => Promise<void>): Promise<void> {
    const now = this.clock.now();
    const next = nextTermOf(s);
    // S3: the new term is priced from the current price list; without a price there, the last price holds (as the
    // history says).
    const price = await renewalPriceOf(this.subscriptions, this.prices, this.system, s, next, now);
    await this.writeRenewals([this.planRenewal(s, next, price, now)], now, done);
  }

  /**
   * A batch of renewal jobs claimed together (a renewal day): the subscriptions still due to renew are renewed in
   * one transaction, a few statements for all of them; the jobs of the others (to expire, moved on meanwhile, a
   * second job of one subscription) are left to run one by one, and should one renewal have raced a change, the
   * transaction rolls back and every job runs one by one.
   */
  async renewTogether(
    jobs: readonly BatchedJob[],
    done: (m: EntityManager, jobs: readonly BatchedJob[]) => Promise<void>,
  ): Promise<void> {
    const found = new Map(
      (
        await this.subscriptions.byIds(this.system, [...new Set(jobs.map((j) => String(j.payload.subscriptionId)))])
      ).map((s) => [s.id, s]),
    );
    const taken = new Set<string>();
    const renewing = jobs.flatMap((j) => {
      const s = found.get(String(j.payload.subscriptionId));
      if (!s || taken.has(s.id) || s.termEnd !== String(j.payload.termEnd) || s.status !== String(j.payload.status))
        return [];
      if (s.status !== 'ACTIVE' || !s.autoRenew) return [];
      taken.add(s.id);
      return [{ job: j, s, next: nextTermOf(s) }];
    });
    if (renewing.length < 2) return;
    const now = this.clock.now();
    const prices = await renewalPricesOf(this.subscriptions, this.prices, this.system, renewing, now);
    const plans = renewing.map(({ s, next }, i) => this.planRenewal(s, next, prices[i] ?? null, now));
    await this.writeRenewals(plans, now, (m) =>
      done(
        m,
        renewing.map((r) => r.job),
      ),
    );
  }

  /** What renewing `s` writes: its next term, priced (S3, S17), its new window (S8), its event and its charge. */
  private planRenewal(
    s: SubscriptionEntity,
    next: ReturnType<typeof nextTermOf>,
    price: Awaited<ReturnType<typeof renewalPriceOf>>,
    now: Date,
  ) {
    const start = new Date(s.termEnd);
    const end = termEndOf(start, next.term);
    const unitPriceMinor = price?.unitPriceMinor ?? s.unitPriceMinor;
    const period = billingPeriodAt({ start, end, billingPlan: next.billingPlan }, start);
    const amount = money(unitPriceMinor * next.quantity, s.currency);
    const applied = describeChanges(s.scheduledChanges);
    return {
      s,
      amount,
      term: {
        termStart: start.toISOString(),
        termEnd: end.toISOString(),
        quantity: next.quantity,
        term: next.term,
        billingPlan: next.billingPlan,
        unitPriceMinor,
        priceId: price?.priceId ?? s.priceId,
        statusSince: start.toISOString(),
        updatedAt: now.toISOString(),
        productId: next.productId,
        productTitle: next.productTitle,
        skuId: next.skuId,
        skuTitle: next.skuTitle,
        // S17: the promotion carries into the new term only within its dates; a price-less renewal keeps the old.
        promotionId: price ? (price.promotion?.id ?? null) : s.promotionId,
        priceRule: price ? price.priceRule : s.priceRule,
      },
      // S8: a new 7-day window for all its seats, from the renewal.
      batch: {
        id: randomUUID(),
        subscriptionId: s.id,
        kind: 'RENEWAL' as const,
        quantity: next.quantity,
        removed: 0,
        startedAt: now.toISOString(),
        unitPaidMinor: unitPriceMinor,
        paidDays: period.days,
      },
      event: {
        subscriptionId: s.id,
        at: now.toISOString(),
        kind: s.trial ? 'TRIAL_CONVERTED' : 'RENEWED',
        message: `${s.trial ? `Trial converted to paid, ${next.skuTitle}` : 'Renewed'} for ${next.term} to ${end.toISOString().slice(0, 10)}: ${next.quantity} seat(s) at ${formatMoney(money(unitPriceMinor, s.currency))}${price ? '' : ' (the price list has no price for the new term; the last price was kept)'}${price?.promotion ? ` with promotion ${price.promotion.name}` : s.promotionId && price ? ' (its promotion ended before the renewal: list price)' : ''}${applied ? `; scheduled changes applied (${applied})` : ''}.`,
        actorEmail: null,
        idempotencyKey: null,
        requestHash: null,
      },
      charge: {
        id: randomUUID(),
        subscriptionId: s.id,
        resellerId: s.resellerId,
        // S16: a trial's renewal is its conversion to paid.
        chargeType: s.trial ? ('convert' as const) : ('renew' as const),
        quantity: next.quantity,
        unitPriceMinor,
        amountMinor: amount.amountMinor,
        currency: s.currency,
        chargeStart: start.toISOString(),
        chargeEnd: period.end.toISOString(),
        at: now.toISOString(),
        paymentMethod: s.paymentMethod,
        priceRule: price ? price.priceRule : s.priceRule,
      },
      audit: {
        operation: 'subscriptions.renew',
        entityType: 'Subscription',
        entityId: s.id,
        changes: {
          termEnd: { before: s.termEnd.slice(0, 10), after: end.toISOString().slice(0, 10) },
          ...(next.quantity !== s.quantity ? { quantity: { before: s.quantity, after: next.quantity } } : {}),
          ...(unitPriceMinor !== s.unitPriceMinor
            ? {
                unitPrice: {
                  before: formatMoney(money(s.unitPriceMinor, s.currency)),
                  after: formatMoney(money(unitPriceMinor, s.currency)),
                },
              }
            : {}),
        },
      },
    };
  }

  /** Writes planned renewals in one transaction, with `done` (the jobs' done marks) in it. */
  private async writeRenewals(
    plans: readonly ReturnType<RenewalService['planRenewal']>[],
    now: Date,
    done?: (m: EntityManager) => Promise<void>,
  ): Promise<void> {
    // One email a reseller for the renewals of each ten minutes, not one a subscription: a renewal day renews
    // thousands. The digest is queued once per slot (by key) and sent when the slot is over; once a committed
    // renewal queued it, the renewals after it skip a statement that would change nothing.
    const slot = Math.floor(now.getTime() / DIGEST_SLOT_MS) * DIGEST_SLOT_MS;
    const resellers = [...new Set(plans.map((p) => p.s.resellerId))];
    const digestsToQueue = resellers.filter(
      (r) => this.digestsQueued.slot !== slot || !this.digestsQueued.resellers.has(r),
    );
    await this.db.transaction(this.system, async (tx, m) => {
      // Lost in a crash, the whole renewal is lost with its job's done mark, and the job runs it again.
      await this.db.commitWithoutWaitingForDisk(tx);
      for (const p of plans) {
        const renewed = await this.subscriptions.renewTerm(tx, p.s, p.term);
        // Changed since it was read (a change raced the renewal day): the job fails and runs again on what is there.
        if (!renewed) throw new Error(`subscription ${p.s.id} changed while it was renewed; retried`);
      }
      await this.subscriptions.insertBatches(
        tx,
        plans.map((p) => p.batch),
      );
      const eventIds = await this.subscriptions.appendEvents(
        tx,
        plans.map((p) => p.event),
      );
      await this.subscriptions.insertCharges(
        tx,
        plans.map((p, i) => ({ ...p.charge, reference: eventIds[i]! })),
      );
      // R2: a renewal on terms draws on the credit line like any purchase (Microsoft renews regardless).
      for (const [i, p] of plans.entries())
        if (p.s.paymentMethod === 'TERMS')
          await this.terms.draw(
            tx,
            p.s.resellerId,
            p.amount,
            eventIds[i]!,
            `Subscription ${p.s.partnerSubscriptionId}: renewal`,
          );
      await this.audit.recordMany(
        tx,
        plans.map((p) => p.audit),
      );
      await this.jobs.enqueueMany(
        m,
        RENEWAL_DIGEST_JOB,
        digestsToQueue.map((resellerId) => ({
          payload: { resellerId, from: new Date(slot).toISOString() },
          options: {
            key: `${RENEWAL_DIGEST_JOB}:${resellerId}:${slot}`,
            runAt: new Date(slot + DIGEST_SLOT_MS + 60_000),
          },
        })),
      );
      await done?.(m);
    });
    if (this.digestsQueued.slot !== slot) this.digestsQueued = { slot, resellers: new Set() };
    for (const r of resellers) this.digestsQueued.resellers.add(r);
  }

  /** The renewals of one reseller in one ten-minute slot, in one email to its contact. */
  async digest(resellerId: string, from: string, done?: (m: EntityManager) => Promise<void>): Promise<void> {
    const before = new Date(Date.parse(from) + DIGEST_SLOT_MS).toISOString();
    const count = await this.subscriptions.countRenewedBetween(resellerId, from, before);
    const reseller = await this.resellers.get(this.system, resellerId);
    if (!reseller || count === 0) return;
    const shown = await this.subscriptions.renewedBetween(resellerId, from, before, 200);
    await this.db.transaction(this.system, async (tx, m) => {
      await this.mail.enqueue(
        tx,
        {
          to: reseller.contact.email,
          subject: `${count} subscription(s) renewed`,
          body: [
            `Hello ${reseller.contact.name},`,
            '',
            `These subscriptions renewed on ${from.slice(0, 10)}:`,
            ...shown.map(
              (r) => `  • ${r.skuTitle} for ${r.customerName} (subscription ${r.partnerSubscriptionId}): ${r.message}`,
            ),
            ...(count > shown.length
              ? [`  … and ${count - shown.length} more: see the renewal calendar in the marketplace.`]
              : []),
            '',
            'Each renewal opened a new 7-day window: seats can be removed for a prorated refund for 7 days.',
          ].join('\n'),
          relatedType: 'Reseller',
          relatedId: resellerId,
        },
        `${RENEWAL_DIGEST_JOB}:${resellerId}:${from}`,
      );
      await done?.(m);
    });
  }
}
