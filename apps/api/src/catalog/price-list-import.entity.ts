import type { ImportState } from '@nce/domain';
import { Column, Entity, PrimaryColumn } from 'typeorm';

export type ImportStatus = ImportState;

/** One run of the price-list importer: its progress, its outcome, and where a bad file went wrong. */
@Entity('catalog_import')
export class PriceListImportEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'source_name', type: 'varchar', length: 300 })
  sourceName: string;

  @Column({ type: 'varchar', length: 16 })
  status: ImportStatus;

  @Column({ name: 'rows_read', type: 'integer', default: 0 })
  rowsRead: number;

  @Column({ name: 'rows_inserted', type: 'integer', default: 0 })
  rowsInserted: number;

  @Column({ name: 'rows_updated', type: 'integer', default: 0 })
  rowsUpdated: number;

  @Column({ name: 'rows_unchanged', type: 'integer', default: 0 })
  rowsUnchanged: number;

  @Column({ name: 'error_line', type: 'integer', nullable: true })
  errorLine: number | null;

  @Column({ name: 'error_column', type: 'varchar', length: 64, nullable: true })
  errorColumn: string | null;

  @Column({ name: 'error_message', type: 'text', nullable: true })
  errorMessage: string | null;

  @Column({ name: 'started_at', type: 'varchar', length: 30 })
  startedAt: string;

  @Column({ name: 'finished_at', type: 'varchar', length: 30, nullable: true })
  finishedAt: string | null;
}
