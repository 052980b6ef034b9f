import { nextImportState, type ImportEvent } from '@nce/domain';
import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import type { EntityManager } from 'typeorm';
import type { AuditService } from '../audit/index.js';
import type { Database } from '../db/database.js';
import { Permission } from '../platform/permissions.js';
import {
  requirePermission,
  systemContext,
  type RequestContext,
  type Transactional,
} from '../platform/request-context.js';
import { fail, ok, type Result } from '../platform/result.js';
import type { Clock } from '../platform/clock.js';
import type { JobQueue } from '../platform/jobs/job-queue.js';
import type { PriceListImportEntity } from './price-list-import.entity.js';
import type { PriceListsRepository, StagingColumn } from './price-lists.repository.js';
import {
  checkHeader,
  parsePriceListRow,
  PriceListError,
  type PriceListFault,
  type PriceListRow,
} from './price-list-row.js';
import type { UploadStore } from './upload-store.js';

export interface ImportProgress {
  rowsRead: number;
  bytesRead: number;
}

export interface ImportSummary {
  importId: string;
  rowsRead: number;
  rowsInserted: number;
  rowsUpdated: number;
  rowsUnchanged: number;
}

export type ImportResult = ({ ok: true } & ImportSummary) | { ok: false; importId: string; fault: PriceListFault };

const STAGING_BATCH = 250;

/**
 * Imports Microsoft's NCE price list. The file is streamed (memory stays flat whatever its size),
 * every row is checked, and valid rows wait in a staging table; only when the whole file has been
 * read without a fault does one short transaction merge them into the catalog. A bad file therefore
 * writes nothing to the catalog, and re-importing the same file changes nothing.
 */
export const IMPORT_PRICE_LIST_JOB = 'catalog.importPriceList';

/** Attempts of an import job before it is failed: a crash or an outage mid-way is retried from the first row. */
const IMPORT_ATTEMPTS = 3;

/** Where an import job reads its file: an upload (taken for it), or a path on the server (the CLI). */
type ImportSource = { upload: string } | { file: string };

export class PriceListImporter {
  /** Progress listeners of imports this process started and runs itself (the CLI's progress line). */
  private readonly progress = new Map<string, (progress: ImportProgress) => void>();

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly uploads: UploadStore,
    private readonly audit: AuditService,
    private readonly jobs: JobQueue,
    private readonly imports: PriceListsRepository,
  ) {
    // The import is a job: leased while it runs, run again from the first row when its process died, and
    // failed (nothing of it applied) once its attempts are spent.
    jobs.register(IMPORT_PRICE_LIST_JOB, (payload, _job, done) => this.runJob(payload, done), {
      long: true,
      onGiveUp: (payload, error) => this.giveUp(payload, error),
    });
  }

  /**
   * Queues the import of an uploaded file and answers at once with the import; its progress and outcome
   * are read with get(). The upload is deleted when the import ends.
   */
  async startFromUpload(
    actor: RequestContext,
    uploadId: string,
    fileName?: string | null,
  ): Promise<Result<PriceListImportEntity>> {
    requirePermission(actor, Permission.CatalogImport);
    const upload = await this.uploads.take(uploadId);
    if (!upload) return fail('UPLOAD_NOT_FOUND', `No upload with id ${uploadId} is waiting to be imported.`);
    // Only the name's last part, without control characters: it is shown, never used as a path.
    const shown = fileName
      ?.split(/[\\/]/)
      .pop()
      // eslint-disable-next-line no-control-regex -- control characters are what this removes
      ?.replace(/[\u0000-\u001f\u007f]/g, '')
      .trim();
    const importId = await this.queue(actor, shown || `upload ${uploadId}`, { upload: uploadId }).catch(
      async (error: unknown) => {
        await upload.putBack();
        throw error;
      },
    );
    return ok((await this.get(actor, importId))!);
  }

  /** Uploaded files waiting or being imported, and the bytes they hold on the server's disk. */
  uploadUsage(ctx: RequestContext): Promise<{ files: number; bytes: number }> {
    requirePermission(ctx, Permission.CatalogImport);
    return this.uploads.usage();
  }

  /** Imports, newest first, keyset-paginated. */
  async list(
    ctx: RequestContext,
    first: number,
    after?: string | null,
  ): Promise<{ imports: PriceListImportEntity[]; hasNextPage: boolean; endCursor: string | null }> {
    requirePermission(ctx, Permission.CatalogImport);
    const page = await this.imports.page(first, after);
    return { imports: page.rows, hasNextPage: page.hasNextPage, endCursor: page.endCursor };
  }

  /**
   * Imports a file on the server's disk now, in this process, and answers the outcome: the CLI, the demo
   * and the bench. It is a job like any other import: should this process die, a worker runs it again.
   */
  async importFile(
    ctx: RequestContext,
    path: string,
    sourceName: string,
    onProgress?: (progress: ImportProgress) => void,
  ): Promise<ImportResult> {
    requirePermission(ctx, Permission.CatalogImport);
    const importId = await this.queue(ctx, sourceName, { file: path });
    if (onProgress) this.progress.set(importId, onProgress);
    try {
      await this.jobs.runJob(`${IMPORT_PRICE_LIST_JOB}:${importId}`);
    } finally {
      this.progress.delete(importId);
    }
    const record = await this.imports.byId(ctx, importId);
    if (!record) throw new Error(`no price-list import ${importId}`);
    if (record.status === 'SUCCEEDED') {
      const { rowsRead, rowsInserted, rowsUpdated, rowsUnchanged } = record;
      return { ok: true, importId, rowsRead, rowsInserted, rowsUpdated, rowsUnchanged };
    }
    if (record.status === 'FAILED') {
      const fault = { line: record.errorLine ?? 0, column: record.errorColumn, message: record.errorMessage ?? '' };
      return { ok: false, importId, fault };
    }
    throw new Error(`the import of ${sourceName} stopped and is queued to run again; see the import history`);
  }

  /** Records the import and queues its job, in one transaction. */
  private async queue(ctx: RequestContext, sourceName: string, source: ImportSource): Promise<string> {
    const id = randomUUID();
    await this.db.transaction(ctx, async (tx, m) => {
      const now = this.clock.now().toISOString();
      await this.imports.insert(tx, {
        id,
        sourceName: sourceName.slice(0, 300),
        status: 'RUNNING',
        startedAt: now,
      });
      await this.jobs.enqueue(
        m,
        IMPORT_PRICE_LIST_JOB,
        { importId: id, ...source },
        { key: `${IMPORT_PRICE_LIST_JOB}:${id}`, maxAttempts: IMPORT_ATTEMPTS },
      );
      await this.audit.record(tx, {
        operation: 'catalog.importPriceList',
        entityType: 'PriceListImport',
        entityId: id,
        changes: { sourceName: { before: null, after: sourceName } },
      });
    });
    return id;
  }

  /** The import job: from the first row, however often it was started before; nothing to do once it ended. */
  private async runJob(payload: Record<string, unknown>, done: (m: EntityManager) => Promise<void>): Promise<void> {
    const importId = String(payload.importId);
    const current = await this.imports.byId(this.system, importId);
    if (current?.status === 'RUNNING') {
      await this.db.transaction(this.system, (tx) => this.imports.dropStaged(tx, importId));
      const source = payload as ImportSource;
      const input = 'upload' in source ? this.uploads.openTaken(source.upload) : createReadStream(source.file);
      await this.process(importId, input, this.progress.get(importId), done);
    }
    if ('upload' in payload) await this.uploads.removeTaken(String(payload.upload));
  }

  /** Its attempts spent (a fault of the server, not of the file): the import fails and nothing of it applies. */
  private async giveUp(payload: Record<string, unknown>, error: Error): Promise<void> {
    const importId = String(payload.importId);
    await this.db.transaction(this.system, async (tx) => {
      await this.imports.dropStaged(tx, importId);
      await this.move(tx, importId, 'FAIL', {
        errorMessage: `the import stopped (${error.message.slice(0, 200)}); nothing of it was applied — import the file again`,
        finishedAt: this.clock.now().toISOString(),
      });
    });
    if ('upload' in payload) await this.uploads.removeTaken(String(payload.upload));
  }

  /**
   * Stages, checks and merges one file. A fault of the file fails the import with its line and column; any
   * other error (the server's) leaves it running, for its job to run again, with its staged rows dropped.
   */
  private async process(
    importId: string,
    input: Readable,
    onProgress: ((progress: ImportProgress) => void) | undefined,
    done: (m: EntityManager) => Promise<void>,
  ): Promise<ImportResult> {
    try {
      const rowsRead = await this.stage(importId, input, onProgress);
      const duplicate = await this.findDuplicate(importId);
      if (duplicate) throw new PriceListError(duplicate);
      const summary = await this.merge(importId, rowsRead, done);
      return { ok: true, ...summary };
    } catch (error) {
      const fileFault = error instanceof PriceListError || error instanceof CsvError;
      const fault = faultOf(error);
      await this.db.transaction(this.system, async (tx, m) => {
        await this.imports.dropStaged(tx, importId);
        if (!fileFault) return;
        await this.move(tx, importId, 'FAIL', {
          errorLine: fault.line || null,
          errorColumn: fault.column,
          errorMessage: fault.message,
          finishedAt: this.clock.now().toISOString(),
        });
        await done(m);
      });
      if (!fileFault) throw error;
      return { ok: false, importId, fault };
    } finally {
      input.destroy();
    }
  }

  async get(ctx: RequestContext, importId: string): Promise<PriceListImportEntity | null> {
    requirePermission(ctx, Permission.CatalogImport);
    return this.imports.byId(ctx, importId);
  }

  private async stage(
    importId: string,
    input: Readable,
    onProgress?: (progress: ImportProgress) => void,
  ): Promise<number> {
    let bytesRead = 0;
    input.on('data', (chunk: Buffer | string) => (bytesRead += chunk.length));
    const parser = input.pipe(
      parse({
        bom: true,
        columns: headerCheck,
        info: true,
        skip_empty_lines: true,
        relax_column_count: false,
        trim: false,
      }),
    );
    input.on('error', (error) => parser.destroy(error));
    let batch: PriceListRow[] = [];
    let rowsRead = 0;
    for await (const record of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
      const binary = Object.entries(record.record).find(([, value]) => NOT_TEXT.test(value));
      if (binary) throw new PriceListError(notText(record.info.lines, binary[0]));
      batch.push(parsePriceListRow(record.record, record.info.lines));
      rowsRead += 1;
      if (batch.length >= STAGING_BATCH) {
        await this.writeStaging(importId, batch, rowsRead);
        batch = [];
        onProgress?.({ rowsRead, bytesRead });
      }
    }
    if (batch.length > 0) await this.writeStaging(importId, batch, rowsRead);
    if (rowsRead === 0)
      throw new PriceListError({ line: 2, column: null, message: 'the file has a header but no price rows' });
    onProgress?.({ rowsRead, bytesRead });
    return rowsRead;
  }

  private async writeStaging(importId: string, rows: PriceListRow[], rowsRead: number): Promise<void> {
    await this.imports.stage(
      this.system,
      importId,
      rows.map((row) => stagingValues(importId, row)),
      rowsRead,
    );
  }

  /** Two rows of one file for the same SKU, segment, market, term, plan, tier and start date contradict each other. */
  private async findDuplicate(importId: string): Promise<PriceListFault | null> {
    const duplicate = await this.imports.firstDuplicate(importId);
    if (!duplicate) return null;
    return {
      line: duplicate.second,
      column: null,
      message: `this row prices the same SKU, segment, market, currency, term, billing plan, tier and start date as line ${duplicate.first}`,
    };
  }

  /** One short transaction: the staged rows into the catalog, the import marked merged and its job done. */
  private async merge(
    importId: string,
    rowsRead: number,
    done: (m: EntityManager) => Promise<void>,
  ): Promise<ImportSummary> {
    return this.db.transaction(this.system, async (tx, m) => {
      const { inserted, updated } = await this.imports.changes(tx, importId);
      await this.imports.mergeStaged(tx, importId);
      const summary = {
        importId,
        rowsRead,
        rowsInserted: inserted,
        rowsUpdated: updated,
        rowsUnchanged: rowsRead - inserted - updated,
      };
      // Merged only if the import is still running: one another process failed meanwhile stays failed.
      const merged = await this.move(tx, importId, 'MERGE', {
        rowsRead,
        rowsInserted: summary.rowsInserted,
        rowsUpdated: summary.rowsUpdated,
        rowsUnchanged: summary.rowsUnchanged,
        finishedAt: this.clock.now().toISOString(),
      });
      if (!merged) throw new Error(`price-list import ${importId} ended before its merge; nothing of it was applied`);
      await done(m);
      return summary;
    });
  }

  /**
   * The one writer of an import's status: the move is checked against the domain's table and written only
   * if the import is still where it was read. False when it ended meanwhile (nothing is written then).
   */
  private async move(
    tx: Transactional,
    importId: string,
    event: ImportEvent,
    fields: Partial<PriceListImportEntity>,
  ): Promise<boolean> {
    const current = await this.imports.byId(tx, importId);
    if (!current) throw new Error(`no price-list import ${importId}`);
    const next = nextImportState(current.status, event);
    if (!next.ok) return false;
    return this.imports.moveFrom(tx, importId, current.status, { ...fields, status: next.to });
  }

  /** What the import job does by itself: the system, on the importer's clock. */
  private get system(): RequestContext {
    return systemContext(this.clock, 'system:price-list-import');
  }
}

function stagingValues(importId: string, row: PriceListRow): Record<StagingColumn, string | number | null> {
  return {
    import_id: importId,
    line: row.line,
    product_id: row.productId,
    product_title: row.productTitle,
    publisher: row.publisher,
    sku_id: row.skuId,
    sku_title: row.skuTitle,
    sku_description: row.skuDescription,
    unit_of_measure: row.unitOfMeasure,
    product_search: `${row.productTitle} ${row.publisher} ${row.productId}`.toLowerCase(),
    sku_search: `${row.skuTitle} ${row.productId}${row.skuId}`.toLowerCase(),
    segment: row.segment,
    market: row.market,
    currency: row.currency,
    term: row.term,
    billing_plan: row.billingPlan,
    tier_min: row.tierMin,
    tier_max: row.tierMax,
    effective_start: row.effectiveStart,
    effective_end: row.effectiveEnd,
    unit_price_minor: row.unitPriceMinor,
    erp_price_minor: row.erpPriceMinor,
    change_indicator: row.changeIndicator,
    tags: row.tags,
  };
}

function headerCheck(header: string[]): string[] {
  const binary = header.findIndex((name) => NOT_TEXT.test(name));
  if (binary >= 0) throw new PriceListError(notText(1, null));
  const trimmed = header.map((name) => name.trim());
  const fault = checkHeader(trimmed);
  if (fault) throw new PriceListError(fault);
  return trimmed;
}

/** NUL, or the replacement character that bytes which are not UTF-8 decode to: the file is not CSV text. */
// eslint-disable-next-line no-control-regex -- NUL is what this looks for
const NOT_TEXT = /[\u0000\uFFFD]/;

const notText = (line: number, column: string | null): PriceListFault => ({
  line,
  column,
  message:
    'the file holds binary data or text that is not UTF-8: upload the price list as a UTF-8 CSV file, as Partner Center exports it',
});

/** Any csv-parse error (its codes are not all CSV_-prefixed in csv-parse 6) becomes the line and column at fault. */
function faultOf(error: unknown): PriceListFault {
  if (error instanceof PriceListError) return error.fault;
  if (error instanceof CsvError) {
    const line = Number((error as CsvError & { lines?: number }).lines ?? 0);
    const column = (error as CsvError & { column?: unknown }).column;
    const message = error.message.replace(/^./, (c) => c.toLowerCase());
    return { line, column: typeof column === 'string' ? column : null, message };
  }
  return { line: 0, column: null, message: 'the import failed because of an internal error; nothing was applied' };
}
