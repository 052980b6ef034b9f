import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Price-list imports are jobs of the job queue: leased while they run, run again when their process died.
 * An import left running by the version before has no job to run it again: it is failed and its staged rows
 * dropped. Its heartbeat column is no longer written; it stays, as dropping a column rebuilds the table on SQLite.
 */
export class ImportAsJob1732600000000 implements MigrationInterface {
  name = 'ImportAsJob1732600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      "DELETE FROM catalog_import_row WHERE import_id IN (SELECT id FROM catalog_import WHERE status = 'RUNNING')",
    );
    await q.query(
      `UPDATE catalog_import SET status = 'FAILED', finished_at = started_at,
         error_message = 'the import was interrupted by an upgrade; nothing of it was applied — import the file again'
       WHERE status = 'RUNNING'`,
    );
  }

  async down(): Promise<void> {
    // The failed imports stay failed: there is nothing to undo.
  }
}
