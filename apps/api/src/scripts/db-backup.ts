import 'reflect-metadata';
import { join } from 'node:path';
import { loadConfig } from '../config.js';
import { backupSqlite, restoreSqlite } from '../db/backup.js';
import { Database } from '../db/database.js';

/**
 * Usage: db-backup [FILE] — an online backup of the SQLite database; db-backup --restore FILE — with the API stopped.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  if (config.database.kind !== 'sqlite')
    throw new Error('this backs up the SQLite database; for PostgreSQL use pg_dump');
  const args = process.argv.slice(2);
  if (args[0] === '--restore') {
    if (!args[1]) throw new Error('usage: db-backup --restore FILE');
    const { keptOld } = await restoreSqlite(args[1], config.database.file);
    console.log(`restored ${args[1]} into ${config.database.file}; the previous file is kept as ${keptOld}`);
    return;
  }
  const target =
    args[0] ?? join(config.dataDir, 'backups', `marketplace-${new Date().toISOString().replace(/[:.]/g, '-')}.sqlite`);
  const db = await Database.open(config.database, { migrate: false });
  try {
    const { file, bytes } = await backupSqlite(db, target);
    console.log(`backed up ${bytes} bytes to ${file}`);
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  console.error(`The backup failed: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
