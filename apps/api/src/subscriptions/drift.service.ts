import { randomUUID } from 'node:crypto';
import { subscriptionDrift, type DriftDifference } from '@nce/domain';
import type { AuditService } from '../audit/index.js';
import type { Database } from '../db/database.js';
import type { PartnerCenter, PartnerSubscription } from '../partner-center/index.js';
import type { Clock } from '../platform/clock.js';
import type { JobQueue } from '../platform/jobs/job-queue.js';
import type { ModulePermission } from '../platform/permissions.js';
import { requirePermission, systemContext, type RequestContext } from '../platform/request-context.js';
import type { DriftCheckEntity, DriftDifferenceEntity } from './drift.entities.js';
import type { DriftRepository } from './drift.repository.js';

export const DriftPermission = {
  /** Compare subscriptions with Partner Center and read the differences: staff. */
  Check: 'subscriptions:drift',
} as const satisfies Record<string, ModulePermission>;

export const DAILY_DRIFT_JOB = 'subscriptions.drift-daily';
export const DRIFT_CHECK_JOB = 'subscriptions.drift-check';
const DAY = 86_400_000;
/** The least time between two daily checks (a restart makes the daily job due at once). */
const DAILY_GAP_MS = 20 * 3_600_000;
/** Our subscriptions compared a statement at a time (Partner Center is asked a tenant at a time). */
const PAGE = 500;
/** The most differences one answer lists (all are counted). */
const MAX_LISTED = 500;

export interface DriftItem extends DriftDifference {
  subscriptionId: string;
  partnerSubscriptionId: string;
  skuTitle: string;
  customerName: string;
}

/**
 * The drift check: every active or suspended subscription compared with Partner Center's record of it (quantity,
 * status, auto-renew, term end), daily and when staff ask; each difference listed with a suggested fix. Nothing is
 * changed: staff decide, because Partner Center may be the one that is wrong.
 */
export class DriftService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly jobs: JobQueue,
    private readonly audit: AuditService,
    private readonly partnerCenter: PartnerCenter,
    private readonly checks: DriftRepository,
  ) {
    jobs.every(DAILY_DRIFT_JOB, DAY, () => this.daily().then(() => undefined));
    jobs.register(DRIFT_CHECK_JOB, (payload) => this.check(String(payload.checkId)), { long: true });
  }

  /**
   * The daily check. Recurring jobs are also due when a worker starts: a process restarted (a deploy) does not ask
   * Partner Center about every subscription again if a check began within the last 20 hours. Answers the check queued.
   */
  async daily(): Promise<DriftCheckEntity | null> {
    const system = systemContext(this.clock, 'system:drift');
    const last = await this.checks.latest(system);
    if (last && this.clock.now().getTime() - Date.parse(last.startedAt) < DAILY_GAP_MS) return null;
    return this.start(system);
  }

  /** Queues a check unless one is running; answers the check that will answer. */
  async start(ctx: RequestContext): Promise<DriftCheckEntity> {
    requirePermission(ctx, DriftPermission.Check);
    return this.db.transaction(ctx, async (tx) => {
      const running = await this.checks.running(tx);
      if (running) return running;
      const last = await this.checks.latest(tx);
      const check: DriftCheckEntity = {
        id: randomUUID(),
        number: (last?.number ?? 0) + 1,
        status: 'RUNNING',
        startedAt: this.clock.now().toISOString(),
        startedBy: ctx.principal?.email ?? 'daily check',
        finishedAt: null,
        checked: 0,
        differences: 0,
      };
      await this.checks.insert(tx, check);
      await this.jobs.enqueue(tx.transaction, DRIFT_CHECK_JOB, { checkId: check.id }, { key: `drift:${check.id}` });
      await this.audit.record(tx, {
        operation: 'subscriptions.driftCheck',
        entityType: 'DriftCheck',
        entityId: check.id,
        changes: { status: { before: null, after: 'RUNNING' } },
      });
      return check;
    });
  }

  /** The check: our subscriptions a page at a time in tenant order, each tenant's asked of Partner Center once. */
  async check(checkId: string): Promise<void> {
    const system = systemContext(this.clock, 'system:drift');
    // Run again after a crash: start over (the differences of the first try are replaced).
    await this.db.transaction(system, (tx) => this.checks.clear(tx, checkId));
    let after: [string, string] | null = null;
    let checked = 0;
    let found = 0;
    let tenant = null as { id: string; subscriptions: Map<string, PartnerSubscription> } | null;
    for (;;) {
      const page = await this.checks.compared(after, PAGE, this.clock.now().toISOString());
      const differences: DriftDifferenceEntity[] = [];
      for (const s of page) {
        let theirs: PartnerSubscription | null;
        if (!s.tenantId)
          theirs = await this.partnerCenter.getSubscription({
            tenantId: null,
            subscriptionId: s.partnerSubscriptionId,
          });
        else {
          if (tenant?.id !== s.tenantId) {
            const listed = await this.partnerCenter.listSubscriptions({ tenantId: s.tenantId });
            tenant = { id: s.tenantId, subscriptions: new Map(listed.map((p) => [p.id, p])) };
          }
          theirs = tenant.subscriptions.get(s.partnerSubscriptionId) ?? null;
        }
        for (const d of subscriptionDrift(s, theirs))
          differences.push({
            checkId,
            subscriptionId: s.id,
            field: d.field,
            ours: d.ours.slice(0, 40),
            theirs: d.theirs.slice(0, 40),
            fix: d.fix.slice(0, 400),
          });
      }
      checked += page.length;
      found += differences.length;
      await this.db.transaction(system, async (tx) => {
        await this.checks.insertDifferences(tx, differences);
        await this.checks.update(tx, checkId, { checked, differences: found });
      });
      if (page.length < PAGE) break;
      const last = page[page.length - 1]!;
      after = [last.tenantId, last.id];
    }
    await this.db.transaction(system, async (tx) => {
      await this.checks.update(tx, checkId, {
        status: 'DONE',
        finishedAt: this.clock.now().toISOString(),
        checked,
        differences: found,
      });
      await this.audit.record(tx, {
        operation: 'subscriptions.driftChecked',
        entityType: 'DriftCheck',
        entityId: checkId,
        changes: { checked: { before: null, after: checked }, differences: { before: null, after: found } },
      });
    });
  }

  /** The latest check and (up to `first`, at most 500) its differences, with the subscriptions' names. */
  async latest(ctx: RequestContext, first: number): Promise<{ check: DriftCheckEntity; items: DriftItem[] } | null> {
    requirePermission(ctx, DriftPermission.Check);
    const check = await this.checks.latest(ctx);
    if (!check) return null;
    const items = await this.checks.differences(ctx, check.id, Math.min(Math.max(first, 1), MAX_LISTED));
    return { check, items: items as DriftItem[] };
  }
}
