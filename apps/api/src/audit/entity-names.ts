import type { Database } from '../db/database.js';
import { portable } from '../db/sql.js';
import { containsPattern } from '../platform/cursor.js';

/** Where each audited entity type keeps the name people know it by. */
const NAMED: Record<string, { table: string; name: string }> = {
  // name: a column or an expression both engines read the same way.
  Reseller: { table: 'reseller', name: 'company_name' },
  Customer: { table: 'customer', name: 'company_name' },
  Order: { table: 'sales_order', name: 'so_number' },
  User: { table: 'app_user', name: 'display_name' },
  SupportCase: { table: 'support_case', name: "number || ' ' || subject" },
  TermsRequest: { table: 'terms_request', name: 'company_name' },
};

/** How many ids one name search may match per entity type: the audit filter stays one bounded IN list. */
const MATCH_LIMIT = 200;

/** The names of audited entities, and the entities a typed name matches, across the contexts that own them. */
export class AuditEntityNames {
  constructor(private readonly db: Database) {}

  /** `type:id` → name, for the entries of one page (one statement per entity type present). */
  async namesOf(keys: readonly { type: string; id: string }[]): Promise<Map<string, string>> {
    const names = new Map<string, string>();
    const byType = new Map<string, Set<string>>();
    for (const key of keys) if (NAMED[key.type]) byType.set(key.type, (byType.get(key.type) ?? new Set()).add(key.id));
    await Promise.all(
      [...byType].map(async ([type, ids]) => {
        const { table, name } = NAMED[type];
        const list = [...ids];
        const rows: { id: string; name: string }[] = await this.db.read.query(
          portable(
            this.db.kind,
            `SELECT id, ${name} AS name FROM ${table} WHERE id IN (${list.map(() => '?').join(', ')})`,
          ),
          list,
        );
        for (const row of rows) names.set(`${type}:${row.id}`, String(row.name));
      }),
    );
    return names;
  }

  /** Ids of entities whose name contains `text`, plus `text` itself (an id typed or pasted whole). */
  async idsMatching(text: string): Promise<string[]> {
    const pattern = containsPattern(text.trim());
    const found = await Promise.all(
      Object.values(NAMED).map(
        ({ table, name }) =>
          this.db.read.query(
            portable(
              this.db.kind,
              `SELECT id FROM ${table} WHERE LOWER(${name}) LIKE ? ESCAPE '\\' LIMIT ${MATCH_LIMIT}`,
            ),
            [pattern],
          ) as Promise<{ id: string }[]>,
      ),
    );
    return [text.trim(), ...found.flat().map((row) => row.id)];
  }

  /** Ids of users whose name or email contains `text`. */
  async usersMatching(text: string): Promise<string[]> {
    const pattern = containsPattern(text.trim());
    const rows: { id: string }[] = await this.db.read.query(
      portable(
        this.db.kind,
        `SELECT id FROM app_user WHERE LOWER(display_name) LIKE ? ESCAPE '\\' OR email_key LIKE ? ESCAPE '\\' LIMIT ${MATCH_LIMIT}`,
      ),
      [pattern, pattern],
    );
    return rows.map((row) => row.id);
  }
}
