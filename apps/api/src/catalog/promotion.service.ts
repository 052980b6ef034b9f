import { validatePromotion, type PromotionInput } from '@nce/domain';
import type { AuditService } from '../audit/index.js';
import type { Database } from '../db/database.js';
import { isoDate } from '../platform/clock.js';
import { checkPageSize, encodeCursor } from '../platform/cursor.js';
import { Permission } from '../platform/permissions.js';
import { requirePermission, type RequestContext } from '../platform/request-context.js';
import { fail, invalid, notFound, ok, type Result } from '../platform/result.js';
import type { PromotionEntity } from './promotion.entity.js';
import type { PromotionsInEffect } from './promotions-in-effect.js';
import type { PromotionsRepository } from './promotions.repository.js';

const DAY = 86_400_000;

/**
 * S17: Microsoft's promotions as staff enter them from Microsoft's announcements: a discount on the partner price of
 * one offer between two days. The catalog, the cart and Buy price with those in effect; a subscription bought with
 * one keeps it for its renewal only when the renewal falls within its dates.
 */
export class PromotionService {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditService,
    private readonly promotions: PromotionsRepository,
    private readonly inEffect: PromotionsInEffect,
  ) {}

  async list(
    ctx: RequestContext,
    filter: { current?: boolean | null },
    first: number,
    after?: string | null,
  ): Promise<{ promotions: PromotionEntity[]; hasNextPage: boolean; endCursor: string | null }> {
    requirePermission(ctx, Permission.SignedIn);
    checkPageSize(first);
    const { promotions, more } = await this.promotions.page(
      ctx,
      { ...filter, today: isoDate(ctx.clock.now()) },
      first,
      after,
    );
    const last = promotions.at(-1);
    return { promotions, hasNextPage: more, endCursor: last ? encodeCursor([last.startDate, last.id]) : null };
  }

  /** Adds a promotion; every field checked, and the offer it names must be in the price list. */
  async create(ctx: RequestContext, input: PromotionInput): Promise<Result<PromotionEntity>> {
    requirePermission(ctx, Permission.CatalogImport);
    const valid = validatePromotion(input);
    if (!valid.ok) return invalid(valid.errors ?? []);
    const promotion = valid.value;
    if (!(await this.promotions.offerExists(ctx, promotion)))
      return invalid([
        {
          field: 'skuId',
          code: 'OFFER_NOT_IN_PRICE_LIST',
          message: `The price list has no ${promotion.term} ${promotion.billingPlan.toLowerCase()} ${promotion.segment.toLowerCase()} price in ${promotion.market} for SKU ${promotion.skuId} of product ${promotion.productId}.`,
        },
      ]);
    const created = await this.db.transaction(ctx, async (tx) => {
      if (await this.promotions.byId(tx, promotion.id))
        return invalid([
          { field: 'id', code: 'PROMOTION_EXISTS', message: `Promotion ${promotion.id} exists already.` },
        ]);
      const entity: PromotionEntity = { ...promotion, createdAt: ctx.clock.now().toISOString() };
      await this.promotions.insert(tx, entity);
      await this.audit.record(tx, {
        operation: 'catalog.createPromotion',
        entityType: 'Promotion',
        entityId: promotion.id,
        changes: {
          discount: { before: null, after: `${promotion.discountBasisPoints / 100} %` },
          dates: { before: null, after: `${promotion.startDate} → ${promotion.endDate}` },
        },
      });
      return ok(entity);
    });
    // Catalog pages of this process price with it at once.
    this.inEffect.forget();
    return created;
  }

  /**
   * Ends a promotion: one in effect keeps what it priced and ends yesterday (or today, if it started today); one not
   * started yet priced nothing and is removed. Answers the promotion as it is now, null when removed.
   */
  async end(ctx: RequestContext, id: string): Promise<Result<PromotionEntity | null>> {
    requirePermission(ctx, Permission.CatalogImport);
    const today = isoDate(ctx.clock.now());
    const ended = await this.db.transaction(ctx, async (tx) => {
      const promotion = await this.promotions.byId(tx, id);
      if (!promotion) return notFound('promotion');
      if (promotion.endDate < today) return fail('PROMOTION_ENDED', `Promotion ${id} ended on ${promotion.endDate}.`);
      const yesterday = isoDate(new Date(ctx.clock.now().getTime() - DAY));
      const removed = promotion.startDate > today;
      const endDate = promotion.startDate > yesterday ? today : yesterday;
      if (removed) await this.promotions.remove(tx, id);
      else await this.promotions.setEnd(tx, id, endDate);
      await this.audit.record(tx, {
        operation: 'catalog.endPromotion',
        entityType: 'Promotion',
        entityId: id,
        changes: { endDate: { before: promotion.endDate, after: removed ? null : endDate } },
      });
      return ok(removed ? null : { ...promotion, endDate });
    });
    this.inEffect.forget();
    return ended;
  }
}
