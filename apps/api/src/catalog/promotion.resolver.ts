import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../context.js';
import { Permission, RequirePermission } from '../platform/permissions.js';
import { toUnion } from '../platform/result-union.js';
import { Cursor } from '../platform/text.types.js';
import {
  Promotion,
  PromotionConnection,
  PromotionInput,
  PromotionSaved,
  SavePromotionResult,
} from './promotion.types.js';

@Resolver(() => Promotion)
export class PromotionResolver {
  @RequirePermission(Permission.SignedIn)
  @Query(() => PromotionConnection, { description: 'Microsoft’s promotions, latest start first.' })
  async promotions(
    @Arg('first', () => Int) first: number,
    @Ctx() ctx: Context,
    @Arg('after', () => Cursor, { nullable: true }) after?: string | null,
    @Arg('current', () => Boolean, { nullable: true, description: 'Only those not yet ended.' })
    current?: boolean | null,
  ): Promise<PromotionConnection> {
    const page = await ctx.app.promotions.list(ctx, { current }, first, after);
    return {
      nodes: page.promotions.map(Promotion.of),
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
    };
  }

  @RequirePermission(Permission.CatalogImport)
  @Mutation(() => SavePromotionResult, { description: 'Adds a promotion Microsoft announced.' })
  async createPromotion(
    @Arg('input', () => PromotionInput) input: PromotionInput,
    @Ctx() ctx: Context,
  ): Promise<typeof SavePromotionResult> {
    return toUnion(await ctx.app.promotions.create(ctx, input), PromotionSaved.of);
  }

  @RequirePermission(Permission.CatalogImport)
  @Mutation(() => SavePromotionResult, {
    description: 'Ends a promotion: its last day becomes yesterday; one not started yet is removed.',
  })
  async endPromotion(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<typeof SavePromotionResult> {
    return toUnion(await ctx.app.promotions.end(ctx, id), PromotionSaved.of);
  }
}
