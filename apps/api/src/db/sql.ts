import type { DatabaseConfig } from '../config.js';

/** Hand-written SQL is written with `?` placeholders; PostgreSQL wants `$1, $2, …`. */
export function portable(kind: DatabaseConfig['kind'], sql: string): string {
  if (kind === 'sqlite') return sql;
  let index = 0;
  return sql.replace(/\?/g, () => `$${++index}`);
}
