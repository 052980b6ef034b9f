import { copyFile, mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { DataSource } from 'typeorm';
import type { Database } from './database.js';

/**
 * An online, consistent backup of the SQLite database: `VACUUM INTO` writes a snapshot of one read
 * transaction into a new file while the API keeps serving. PostgreSQL deployments use pg_dump or their
 * provider's snapshots instead.
 */
export async function backupSqlite(db: Database, target: string): Promise<{ file: string; bytes: number }> {
  if (db.kind !== 'sqlite') throw new Error('backups here are for SQLite; use pg_dump for PostgreSQL');
  const file = resolve(target);
  await mkdir(dirname(file), { recursive: true });
  if (
    await stat(file).then(
      () => true,
      () => false,
    )
  )
    throw new Error(`${file} exists; choose a new file name`);
  await db.read.query('VACUUM INTO ?', [file]);
  return { file, bytes: (await stat(file)).size };
}

/**
 * Restores a backup over the database file, with the API stopped: the backup is checked first
 * (integrity and migrations table), then swapped in atomically; the old file is kept beside it.
 */
export async function restoreSqlite(backup: string, databaseFile: string): Promise<{ keptOld: string }> {
  const source = new DataSource({
    type: 'better-sqlite3',
    database: resolve(backup),
    readonly: true,
    fileMustExist: true,
  });
  await source.initialize();
  try {
    const [{ integrity_check: integrity }] = await source.query('PRAGMA integrity_check');
    if (integrity !== 'ok') throw new Error(`the backup is damaged: ${integrity}`);
    await source.query('SELECT COUNT(*) FROM migrations');
  } finally {
    await source.destroy();
  }
  const keptOld = `${databaseFile}.before-restore-${Date.now()}`;
  const staged = `${databaseFile}.restoring`;
  await copyFile(backup, staged);
  if (
    await stat(databaseFile).then(
      () => true,
      () => false,
    )
  )
    await rename(databaseFile, keptOld);
  for (const suffix of ['-wal', '-shm']) await rm(`${databaseFile}${suffix}`, { force: true });
  await rename(staged, databaseFile);
  return { keptOld };
}
