import { randomUUID } from 'node:crypto';
import { Permission } from '../platform/permissions.js';
import {
  BadInput,
  Forbidden,
  requirePermission,
  inTransaction,
  type RequestContext,
} from '../platform/request-context.js';
import type { Clock } from '../platform/clock.js';
import type { AuditEntityNames } from './entity-names.repository.js';
import type { AuditEntriesRepository } from './audit-entries.repository.js';
import type { AuditEntryEntity } from './audit-entry.entity.js';

export type FieldChanges = Record<string, { before: unknown; after: unknown }>;

const SECRET = /password|secret|token|hash/i;
export const REDACTED = '[redacted]';

/** The changed fields between two snapshots; secrets appear only as "[redacted]". */
export function changesBetween(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
): FieldChanges {
  const changes: FieldChanges = {};
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  for (const key of keys) {
    const a = before?.[key] ?? null;
    const b = after?.[key] ?? null;
    if (JSON.stringify(a) === JSON.stringify(b)) continue;
    changes[key] = SECRET.test(key)
      ? { before: a === null ? null : REDACTED, after: b === null ? null : REDACTED }
      : { before: a, after: b };
  }
  return changes;
}

export interface AuditRecord {
  operation: string;
  entityType: string;
  entityId: string;
  changes?: FieldChanges;
}

function instant(value: string | null | undefined, argument: string): Date | null {
  if (!value) return null;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new BadInput(`"${argument}" is not an ISO date-time.`, argument);
  return date;
}

export interface AuditFilter {
  actorUserId?: string | null;
  entityType?: string | null;
  entityId?: string | null;
  operation?: string | null;
  /** Part of the actor's name or email. */
  actor?: string | null;
  /** Part of the entity's name (company, SO number, case number, user) or its whole id. */
  entity?: string | null;
  /** ISO date-times: from (inclusive), to (exclusive). */
  from?: string | null;
  to?: string | null;
}

export class AuditService {
  constructor(
    private readonly entries: AuditEntriesRepository,
    private readonly clock: Clock,
    readonly names: AuditEntityNames,
  ) {}

  /** Writes the entry in the actor's open transaction, so it commits or rolls back with the change it describes. */
  async record(actor: RequestContext, record: AuditRecord): Promise<void> {
    await this.recordMany(actor, [record]);
  }

  /** Several entries of one actor in one statement (a batch of renewals), in its open transaction. */
  async recordMany(actor: RequestContext, records: readonly AuditRecord[]): Promise<void> {
    await this.entries.append(
      inTransaction(actor),
      records.map((record) => this.row(actor, record)),
    );
  }

  private row(actor: RequestContext, record: AuditRecord): Record<string, unknown> {
    const principal = actor.principal;
    return {
      id: randomUUID(),
      at: this.clock.now().toISOString(),
      actor_kind: principal ? principal.kind : actor.requestId.startsWith('system') ? 'system' : 'anonymous',
      actor_user_id: principal?.userId ?? null,
      actor_email: principal?.email ?? null,
      actor_roles:
        principal?.kind === 'staff' ? principal.roles.join(',') : principal?.kind === 'reseller' ? 'reseller' : '',
      on_behalf_of_reseller_id:
        actor.onBehalfOfResellerId ?? (principal?.kind === 'reseller' ? principal.resellerId : null),
      operation: record.operation,
      entity_type: record.entityType,
      // The column holds 100 characters; an id built from user input (an email) must not fail the change it records.
      entity_id: record.entityId.slice(0, 100),
      changes: JSON.stringify(record.changes ?? {}),
      request_id: actor.requestId.slice(0, 64),
    };
  }

  /**
   * How many times an operation was recorded since a moment, on one entity or by one person: the ration
   * checks of rationed operations (unlocking a sign-in).
   */
  count(
    _ctx: RequestContext,
    operation: string,
    since: Date,
    of: { entityId: string } | { actorUserId: string },
  ): Promise<number> {
    return this.entries.count(operation, since, of);
  }

  /** Entries newest first, filtered, keyset-paginated. */
  async list(
    ctx: RequestContext,
    filter: AuditFilter,
    first: number,
    after?: string | null,
    direction: 'ASC' | 'DESC' = 'DESC',
  ): Promise<{ entries: AuditEntryEntity[]; hasNextPage: boolean; endCursor: string | null }> {
    if (ctx.principal?.kind === 'reseller') throw new Forbidden();
    requirePermission(ctx, Permission.AuditRead);
    const actor = filter.actor?.trim();
    const entity = filter.entity?.trim();
    return this.entries.page(
      {
        actorUserId: filter.actorUserId,
        entityType: filter.entityType,
        entityId: filter.entityId,
        operation: filter.operation,
        from: instant(filter.from, 'filter.from'),
        to: instant(filter.to, 'filter.to'),
        actor: actor ? { text: actor, ids: await this.names.usersMatching(actor) } : null,
        entityIds: entity ? await this.names.idsMatching(entity) : null,
      },
      first,
      after,
      direction,
    );
  }
}
