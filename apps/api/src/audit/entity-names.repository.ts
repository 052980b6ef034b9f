import type { Database } from '../db/database.js';
import { containsPattern } from '../platform/cursor.js';
import type { ApiModule, AuditNames } from '../platform/module.js';

/** How many ids one name search may match per entity type: the audit filter stays one bounded IN list. */
const MATCH_LIMIT = 200;

/** The entity type of the people who act: the identity context names them. */
const ACTOR_TYPE = 'User';

/**
 * The names of audited entities, and the entities a typed name matches, read through the relations the
 * owning contexts declare in their modules (`auditNames`).
 */
export class AuditEntityNames {
  /** Entity type → the relation naming it, from every module (the list is fixed once the app is built). */
  private readonly named: ReadonlyMap<string, AuditNames>;

  constructor(
    private readonly db: Database,
    modules: readonly ApiModule[],
  ) {
    this.named = new Map(modules.flatMap((module) => Object.entries(module.auditNames ?? {})));
  }

  /** `type:id` → name, for the entries of one page (one statement per entity type present). */
  async namesOf(keys: readonly { type: string; id: string }[]): Promise<Map<string, string>> {
    const names = new Map<string, string>();
    const byType = new Map<string, Set<string>>();
    for (const key of keys)
      if (this.named.has(key.type)) byType.set(key.type, (byType.get(key.type) ?? new Set()).add(key.id));
    await Promise.all(
      [...byType].map(async ([type, ids]) => {
        const list = [...ids];
        const rows = await this.db.select<{ id: string; name: string }>(
          `SELECT x.id, x.name FROM ${this.named.get(type)!} x WHERE x.id IN (${list.map(() => '?').join(', ')})`,
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
    const found = await Promise.all([...this.named.values()].map((relation) => this.matching(relation, pattern)));
    return [text.trim(), ...found.flat()];
  }

  /** Ids of users whose name or email contains `text`. */
  async usersMatching(text: string): Promise<string[]> {
    const users = this.named.get(ACTOR_TYPE);
    return users ? this.matching(users, containsPattern(text.trim())) : [];
  }

  private async matching(relation: AuditNames, pattern: string): Promise<string[]> {
    const rows = await this.db.select<{ id: string }>(
      `SELECT x.id FROM ${relation} x WHERE x.search LIKE ? ESCAPE '\\' LIMIT ${MATCH_LIMIT}`,
      [pattern],
    );
    return rows.map((row) => row.id);
  }
}
