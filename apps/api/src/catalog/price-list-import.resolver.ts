import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../context.js';
import { Permission, RequirePermission } from '../platform/permissions.js';
import { toUnion } from '../platform/result-union.js';
import { Cursor, ShortText } from '../platform/text.types.js';
import {
  ImportPriceListResult,
  PriceListImport,
  PriceListImportConnection,
  UploadDiskUsage,
  UploadNotFound,
} from './price-list-import.types.js';

@Resolver()
export class PriceListImportResolver {
  @RequirePermission(Permission.CatalogImport)
  @Mutation(() => ImportPriceListResult, {
    description: 'Start importing an uploaded NCE price-list CSV (POST /uploads). Poll priceListImport for progress.',
  })
  async importPriceList(
    @Arg('uploadId', () => ID) uploadId: string,
    @Arg('fileName', () => ShortText, {
      nullable: true,
      description: 'The name the file had on the uploader’s computer, shown in the import history.',
    })
    fileName: string | null,
    @Ctx() ctx: Context,
  ): Promise<typeof ImportPriceListResult> {
    return toUnion(
      await ctx.app.priceLists.startFromUpload(ctx, uploadId, fileName),
      PriceListImport.of,
      UploadNotFound.from,
    );
  }

  @RequirePermission(Permission.CatalogImport)
  @Query(() => PriceListImport, { nullable: true })
  async priceListImport(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<PriceListImport | null> {
    const entity = await ctx.app.priceLists.get(ctx, id);
    return entity && PriceListImport.of(entity);
  }

  @RequirePermission(Permission.CatalogImport)
  @Query(() => PriceListImportConnection, { description: 'Price-list imports, newest first.' })
  async priceListImports(
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
    @Arg('after', () => Cursor, { nullable: true }) after: string | null,
    @Ctx() ctx: Context,
  ): Promise<PriceListImportConnection> {
    const page = await ctx.app.priceLists.list(ctx, first, after);
    return {
      nodes: page.imports.map(PriceListImport.of),
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
    };
  }

  @RequirePermission(Permission.CatalogImport)
  @Query(() => UploadDiskUsage, {
    description:
      'Uploaded files on the server’s disk: waiting to be imported, or being imported. Unimported ones are removed after a day.',
  })
  async priceListUploads(@Ctx() ctx: Context): Promise<UploadDiskUsage> {
    return UploadDiskUsage.of(await ctx.app.priceLists.uploadUsage(ctx));
  }
}
