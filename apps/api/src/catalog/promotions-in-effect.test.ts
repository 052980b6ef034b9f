import { describe, expect, it } from 'vitest';
import type { PromotionEntity } from './promotion.entity.js';
import { PROMOTIONS_CACHE_MS, PromotionsInEffect } from './promotions-in-effect.js';
import type { PromotionsRepository } from './promotions.repository.js';

describe('the promotions a catalog page prices with', () => {
  const reads: string[] = [];
  const repository = {
    inEffect: async (segment: string, market: string, day: string) => {
      reads.push(`${segment}:${market}:${day}`);
      return [] as PromotionEntity[];
    },
  } as unknown as PromotionsRepository;

  it('reads them once for a few seconds per segment, market and day; again after, or at once when told', async () => {
    const cache = new PromotionsInEffect(repository);
    const at = new Date('2026-11-28T10:00:00Z');
    await cache.get('COMMERCIAL', 'US', '2026-11-28', at);
    await cache.get('COMMERCIAL', 'US', '2026-11-28', new Date(at.getTime() + PROMOTIONS_CACHE_MS - 1));
    await cache.get('EDUCATION', 'US', '2026-11-28', at);
    expect(reads).toEqual(['COMMERCIAL:US:2026-11-28', 'EDUCATION:US:2026-11-28']);
    await cache.get('COMMERCIAL', 'US', '2026-11-28', new Date(at.getTime() + PROMOTIONS_CACHE_MS));
    expect(reads).toHaveLength(3);
    cache.forget();
    await cache.get('COMMERCIAL', 'US', '2026-11-28', new Date(at.getTime() + PROMOTIONS_CACHE_MS));
    expect(reads).toHaveLength(4);
    // A clock moved back (a test, a restart at another time) reads again rather than trusting the future.
    await cache.get('COMMERCIAL', 'US', '2026-11-28', new Date(at.getTime() - 1));
    expect(reads).toHaveLength(5);
  });
});
