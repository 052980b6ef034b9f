import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../context.js';
import { Permission, RequirePermission } from '../platform/permissions.js';
import { ImportPriceListResult, PriceListImport, PriceListImportConnection, UploadDiskUsage, UploadNotFound } from './price-list-import.types.js';
import { UPLOAD_MAX_AGE_MS } from './upload-store.js';
import type { PriceListImportEntity } from './price-list-import.entity.js';
import { Cursor, ShortText } from '../platform/text.types.js';

const toImport = (entity: PriceListImportEntity): PriceListImport => Object.assign(new PriceListImport(), entity);

@Resolver()
export class PriceListImportResolver {
  @RequirePermission(Permission.CatalogImport)
  @Mutation(() => ImportPriceListResult, { description: 'Start importing an uploaded NCE price-list CSV (POST /uploads). Poll priceListImport for progress.' })
  async importPriceList(
    @Arg('uploadId', () => ID) uploadId: string,
    @Arg('fileName', () => ShortText, { nullable: true, description: 'The name the file had on the uploader’s computer, shown in the import history.' }) fileName: string | null,
    @Ctx() { app, actor }: Context,
  ): Promise<typeof ImportPriceListResult> {
    const started = await app.priceLists.startFromUpload(actor, uploadId, fileName);
    if (!started.ok) return UploadNotFound.of(uploadId);
    const entity = await app.priceLists.get(started.importId);
    return toImport(entity!);
  }

  @RequirePermission(Permission.CatalogImport)
  @Query(() => PriceListImport, { nullable: true })
  async priceListImport(@Arg('id', () => ID) id: string, @Ctx() { app }: Context): Promise<PriceListImport | null> {
    const entity = await app.priceLists.get(id);
    return entity ? toImport(entity) : null;
  }

  @RequirePermission(Permission.CatalogImport)
  @Query(() => PriceListImportConnection, { description: 'Price-list imports, newest first.' })
  async priceListImports(
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
    @Arg('after', () => Cursor, { nullable: true }) after: string | null,
    @Ctx() { app }: Context,
  ): Promise<PriceListImportConnection> {
    const page = await app.priceLists.list(first, after);
    return { nodes: page.imports.map(toImport), pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor } };
  }

  @RequirePermission(Permission.CatalogImport)
  @Query(() => UploadDiskUsage, { description: 'Uploaded files on the server’s disk: waiting to be imported, or being imported. Unimported ones are removed after a day.' })
  async priceListUploads(@Ctx() { app }: Context): Promise<UploadDiskUsage> {
    return Object.assign(new UploadDiskUsage(), await app.uploads.usage(), { maxAgeHours: UPLOAD_MAX_AGE_MS / 3_600_000 });
  }
}
