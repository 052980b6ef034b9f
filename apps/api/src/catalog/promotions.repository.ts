import type { PriceSegment } from '@nce/domain';
import type { Database } from '../db/database.js';
import { decodeCursor } from '../platform/cursor.js';
import type { RequestContext, Transactional } from '../platform/request-context.js';
import { PromotionEntity } from './promotion.entity.js';

/** The catalog's promotions (catalog_promotion), and whether an offer they name is in the price list. */
export class PromotionsRepository {
  constructor(private readonly db: Database) {}

  /** Promotions, latest start first; `current`: those not yet ended on `today`. */
  async page(
    ctx: RequestContext,
    filter: { current?: boolean | null; today: string },
    first: number,
    after?: string | null,
  ): Promise<{ promotions: PromotionEntity[]; more: boolean }> {
    const q = this.db
      .managerOf(ctx)
      .createQueryBuilder(PromotionEntity, 'pm')
      .orderBy('pm.start_date', 'DESC')
      .addOrderBy('pm.id', 'ASC')
      .take(first + 1);
    if (filter.current) q.andWhere('pm.end_date >= :today', { today: filter.today });
    if (after) {
      const [start, id] = decodeCursor(after, ['string', 'string']) as [string, string];
      q.andWhere('(pm.start_date < :start OR (pm.start_date = :start AND pm.id > :id))', { start, id });
    }
    const rows = await q.getMany();
    return { promotions: rows.slice(0, first), more: rows.length > first };
  }

  byId(ctx: RequestContext, id: string): Promise<PromotionEntity | null> {
    return this.db.managerOf(ctx).findOneBy(PromotionEntity, { id });
  }

  /** The promotions in effect on `day` for a segment and market: what a catalog page prices with. */
  inEffect(segment: PriceSegment, market: string, day: string): Promise<PromotionEntity[]> {
    return this.db.read
      .createQueryBuilder(PromotionEntity, 'pm')
      .where('pm.segment = :segment AND pm.market = :market AND pm.start_date <= :day AND pm.end_date >= :day', {
        segment,
        market,
        day,
      })
      .orderBy('pm.discount_bp', 'DESC')
      .addOrderBy('pm.id', 'ASC')
      .getMany();
  }

  /** Whether the price list sells the offer a promotion names, for its segment and market. */
  async offerExists(
    ctx: RequestContext,
    p: Omit<PromotionEntity, 'id' | 'name' | 'createdAt' | 'discountBasisPoints' | 'startDate' | 'endDate'>,
  ): Promise<boolean> {
    const rows = await this.db.query(
      ctx,
      `SELECT 1 FROM catalog_price pr JOIN catalog_sku s ON s.id = pr.sku_ref
       WHERE s.product_id = ? AND s.sku_id = ? AND pr.term = ? AND pr.billing_plan = ? AND pr.segment = ? AND pr.market = ? LIMIT 1`,
      [p.productId, p.skuId, p.term, p.billingPlan, p.segment, p.market],
    );
    return rows.length > 0;
  }

  async insert(tx: Transactional, promotion: PromotionEntity): Promise<void> {
    await tx.transaction.insert(PromotionEntity, promotion);
  }

  async setEnd(tx: Transactional, id: string, endDate: string): Promise<void> {
    await tx.transaction.update(PromotionEntity, { id }, { endDate });
  }

  async remove(tx: Transactional, id: string): Promise<void> {
    await tx.transaction.delete(PromotionEntity, { id });
  }
}
