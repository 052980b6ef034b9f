import { CUSTOMERS } from '../customers/published.js';
import type { Database } from '../db/database.js';
import { insertRows } from '../db/sql.js';
import type { RequestContext, Transactional } from '../platform/request-context.js';
import { DriftCheckEntity, DriftDifferenceEntity } from './drift.entities.js';

/** A subscription as the drift check compares it. */
export interface ComparedSubscription {
  id: string;
  /** '' when the subscription names no tenant. */
  tenantId: string;
  partnerSubscriptionId: string;
  quantity: number;
  status: string;
  autoRenew: boolean;
  termEnd: string;
}

/** Drift checks and their differences (drift_check, drift_difference), and the subscriptions they compare. */
export class DriftRepository {
  constructor(private readonly db: Database) {}

  running(tx: Transactional): Promise<DriftCheckEntity | null> {
    return tx.transaction.findOneBy(DriftCheckEntity, { status: 'RUNNING' });
  }

  async latest(ctx: RequestContext): Promise<DriftCheckEntity | null> {
    const [last] = await this.db.managerOf(ctx).find(DriftCheckEntity, { order: { number: 'DESC' }, take: 1 });
    return last ?? null;
  }

  async insert(tx: Transactional, check: DriftCheckEntity): Promise<void> {
    await tx.transaction.insert(DriftCheckEntity, check);
  }

  async update(tx: Transactional, id: string, changes: Partial<DriftCheckEntity>): Promise<void> {
    await tx.transaction.update(DriftCheckEntity, { id }, changes);
  }

  async clear(tx: Transactional, checkId: string): Promise<void> {
    await tx.transaction.delete(DriftDifferenceEntity, { checkId });
  }

  async insertDifferences(tx: Transactional, differences: readonly DriftDifferenceEntity[]): Promise<void> {
    if (differences.length === 0) return;
    await insertRows(
      tx.transaction,
      'drift_difference',
      differences.map((d) => ({
        check_id: d.checkId,
        subscription_id: d.subscriptionId,
        field: d.field,
        ours: d.ours,
        theirs: d.theirs,
        fix: d.fix,
      })),
    );
  }

  /**
   * Active and suspended subscriptions in tenant order, a page after `after` (tenant, id); those whose term has ended
   * are left out (their renewal is under way: compared, they would differ until it is done).
   */
  async compared(after: [string, string] | null, limit: number, now: string): Promise<ComparedSubscription[]> {
    const rows = await this.db.select<Record<string, unknown>>(
      `SELECT s.id, COALESCE(s.tenant_id, '') AS tenant, s.partner_subscription_id, s.quantity, s.status, s.auto_renew,
         s.term_end FROM subscription s WHERE s.status IN ('ACTIVE', 'SUSPENDED') AND s.term_end > ?
         ${after ? "AND (COALESCE(s.tenant_id, ''), s.id) > (?, ?)" : ''}
       ORDER BY COALESCE(s.tenant_id, ''), s.id LIMIT ${Number(limit)}`,
      after ? [now, ...after] : [now],
    );
    return rows.map((r) => ({
      id: String(r.id),
      tenantId: String(r.tenant),
      partnerSubscriptionId: String(r.partner_subscription_id),
      quantity: Number(r.quantity),
      status: String(r.status),
      autoRenew: r.auto_renew === true || r.auto_renew === 1,
      termEnd: String(r.term_end),
    }));
  }

  /** A check's differences (up to `limit`) with the subscriptions' SKU, Partner Center id and customer. */
  async differences(ctx: RequestContext, checkId: string, limit: number) {
    const rows = await this.db.query<Record<string, unknown>>(
      ctx,
      `SELECT d.subscription_id, d.field, d.ours, d.theirs, d.fix, s.partner_subscription_id, s.sku_title,
         c.company_name FROM drift_difference d JOIN subscription s ON s.id = d.subscription_id
         LEFT JOIN ${CUSTOMERS} c ON c.id = s.customer_id
       WHERE d.check_id = ? ORDER BY c.company_name, s.sku_title, d.subscription_id, d.field LIMIT ?`,
      [checkId, limit],
    );
    return rows.map((r) => ({
      subscriptionId: String(r.subscription_id),
      partnerSubscriptionId: String(r.partner_subscription_id),
      skuTitle: String(r.sku_title),
      customerName: String(r.company_name ?? ''),
      field: String(r.field),
      ours: String(r.ours),
      theirs: String(r.theirs),
      fix: String(r.fix),
    }));
  }
}
