import type { PriceSegment } from '@nce/domain';
import type { PromotionEntity } from './promotion.entity.js';
import type { PromotionsRepository } from './promotions.repository.js';

/** How long a process prices catalog pages with the promotions it read (another process's change shows after it). */
export const PROMOTIONS_CACHE_MS = 10_000;

/**
 * The promotions in effect for a segment and market on a day, as catalog pages price with them: read once and kept
 * for a few seconds, so a page stays at two SQL statements. A promotion created or ended in this process is seen at
 * once (`forget`); one changed by another process within PROMOTIONS_CACHE_MS.
 */
export class PromotionsInEffect {
  private readonly cache = new Map<string, { readAt: number; promotions: Promise<PromotionEntity[]> }>();

  constructor(private readonly promotions: PromotionsRepository) {}

  get(segment: PriceSegment, market: string, day: string, now: Date): Promise<PromotionEntity[]> {
    const key = `${segment}:${market}:${day}`;
    const hit = this.cache.get(key);
    if (hit && now.getTime() - hit.readAt < PROMOTIONS_CACHE_MS && now.getTime() >= hit.readAt) return hit.promotions;
    if (this.cache.size > 100) this.cache.clear();
    const promotions = this.promotions.inEffect(segment, market, day);
    this.cache.set(key, { readAt: now.getTime(), promotions });
    promotions.catch(() => this.cache.delete(key));
    return promotions;
  }

  forget(): void {
    this.cache.clear();
  }
}
