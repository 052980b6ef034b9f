import { Ctx, Int, Arg, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../context.js';
import { RequirePermission } from '../platform/permissions.js';
import { DriftPermission } from './drift.service.js';
import { DriftCheck } from './drift.types.js';

@Resolver(() => DriftCheck)
export class DriftResolver {
  @RequirePermission(DriftPermission.Check)
  @Query(() => DriftCheck, {
    nullable: true,
    description: 'The latest comparison of subscriptions with Partner Center and its differences; null: none yet.',
  })
  async partnerCenterDrift(
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { defaultValue: 100 }) first: number,
  ): Promise<DriftCheck | null> {
    const latest = await ctx.app.drift.latest(ctx, first);
    return latest && DriftCheck.of(latest);
  }

  @RequirePermission(DriftPermission.Check)
  @Mutation(() => DriftCheck, {
    description: 'Compares every active subscription with Partner Center now (a running check answers for itself).',
  })
  async checkPartnerCenterDrift(@Ctx() ctx: Context): Promise<DriftCheck> {
    const check = await ctx.app.drift.start(ctx);
    return DriftCheck.of({ check, items: [] });
  }
}
