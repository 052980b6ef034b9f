import { createUnionType, Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BusinessError, Fix } from '../platform/business-error.js';
import { PageInfo } from '../platform/page-info.types.js';

export enum ImportStatusEnum {
  RUNNING = 'RUNNING',
  SUCCEEDED = 'SUCCEEDED',
  FAILED = 'FAILED',
}
registerEnumType(ImportStatusEnum, { name: 'PriceListImportStatus' });

import type { Failure } from '../platform/result.js';
import type { PriceListImportEntity } from './price-list-import.entity.js';
import { UPLOAD_MAX_AGE_MS } from './upload-store.js';
@ObjectType({
  description:
    'One run of the price-list importer. A failed run applied nothing; its error names the line and column at fault.',
})
export class PriceListImport {
  @Field(() => ID)
  id: string;

  @Field()
  sourceName: string;

  @Field(() => ImportStatusEnum)
  status: ImportStatusEnum;

  @Field(() => Int)
  rowsRead: number;

  @Field(() => Int)
  rowsInserted: number;

  @Field(() => Int)
  rowsUpdated: number;

  @Field(() => Int)
  rowsUnchanged: number;

  @Field(() => Int, { nullable: true, description: 'Line of the file at fault (1 is the header).' })
  errorLine: number | null;

  @Field(() => String, { nullable: true, description: 'Header name of the column at fault.' })
  errorColumn: string | null;

  @Field(() => String, { nullable: true })
  errorMessage: string | null;

  @Field()
  startedAt: string;

  @Field(() => String, { nullable: true })
  finishedAt: string | null;

  static of(this: void, entity: PriceListImportEntity): PriceListImport {
    return Object.assign(new PriceListImport(), entity);
  }
}

@ObjectType()
export class PriceListImportConnection {
  @Field(() => [PriceListImport])
  nodes: PriceListImport[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;
}

@ObjectType({ implements: BusinessError })
export class UploadNotFound extends BusinessError {
  static from(this: void, failure: Failure): UploadNotFound {
    const fix = Object.assign(new Fix(), {
      kind: 'action',
      label: 'Upload the file again (POST /uploads), then use the uploadId it returns',
    });
    return Object.assign(new UploadNotFound(), { code: failure.code, message: failure.message, fix });
  }
}

export const ImportPriceListResult = createUnionType({
  name: 'ImportPriceListResult',
  types: () => [PriceListImport, UploadNotFound] as const,
});

@ObjectType({ description: 'Uploaded price-list files kept on the server’s disk.' })
export class UploadDiskUsage {
  @Field(() => Int)
  files: number;

  @Field(() => Float, { description: 'Bytes the files take together.' })
  bytes: number;

  @Field(() => Int, { description: 'Hours an unimported upload is kept before it is removed.' })
  maxAgeHours: number;

  static of(usage: { files: number; bytes: number }): UploadDiskUsage {
    return Object.assign(new UploadDiskUsage(), usage, { maxAgeHours: UPLOAD_MAX_AGE_MS / 3_600_000 });
  }
}
