import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { Context } from '../context.js';
import { Permission, RequirePermission } from '../platform/permissions.js';
import { toProduct, toProductConnection } from './catalog.mapper.js';
import { CatalogFilterInput, Market, Product, ProductConnection } from './catalog.types.js';
import { Code, Cursor } from '../platform/text.types.js';

@Resolver()
export class CatalogResolver {
  @RequirePermission(Permission.SignedIn)
  @Query(() => ProductConnection, {
    description: 'Browse the NCE catalog by segment, with search, filters and "show more" paging.',
  })
  async catalogProducts(
    @Arg('filter', () => CatalogFilterInput) filter: CatalogFilterInput,
    @Arg('first', () => Int, { defaultValue: 25 }) first: number,
    @Arg('after', () => Cursor, { nullable: true }) after: string | null,
    @Ctx() ctx: Context,
  ): Promise<ProductConnection> {
    return toProductConnection(await ctx.app.catalog.browse(ctx, filter, first, after));
  }

  @RequirePermission(Permission.SignedIn)
  @Query(() => Product, {
    nullable: true,
    description: 'One product with its SKUs and prices for a segment; null when it has none there.',
  })
  async catalogProduct(
    @Arg('id', () => Code) id: string,
    @Arg('filter', () => CatalogFilterInput) filter: CatalogFilterInput,
    @Ctx() ctx: Context,
  ): Promise<Product | null> {
    const product = await ctx.app.catalog.product(ctx, id, filter);
    return product && toProduct(product);
  }

  @RequirePermission(Permission.SignedIn)
  @Query(() => [Market], { description: 'Markets and currencies the catalog has prices in.' })
  async catalogMarkets(@Ctx() ctx: Context): Promise<Market[]> {
    return ctx.app.catalog.markets(ctx);
  }
}
