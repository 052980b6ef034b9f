import { randomUUID } from 'node:crypto';
import { moveCase, requireText, type FieldError } from '@nce/domain';
import type { AuditService } from '../audit/index.js';
import type { Database } from '../db/database.js';
import { Permission } from '../platform/permissions.js';
import {
  actingFor,
  ownReseller,
  requirePermission,
  type RequestContext,
  type Transactional,
} from '../platform/request-context.js';
import { invalid, notFound, ok, versionConflict, type Result } from '../platform/result.js';
import type { Clock } from '../platform/clock.js';
import type { KeyOrder } from '../platform/cursor.js';
import { sortOrder } from '../platform/list-sort.js';
import {
  CASE_PRIORITIES,
  CASE_STATUSES,
  CASE_TYPES,
  type CaseCommentEntity,
  type SupportCaseEntity,
  type CasePriority,
  type CaseStatus,
  type CaseType,
} from './entities.js';
import type { CasesRepository } from './cases.repository.js';
import { CASE_SORTS } from './cases.repository.js';

export { CASE_SORTS };

export interface NewCase {
  type: CaseType;
  priority?: CasePriority | null;
  subject: string;
  text: string;
  customerId?: string | null;
  orderId?: string | null;
}

const caseNotFound = (id: string) => notFound('case', `No case ${id}.`);

/** R24: support cases, their conversation and what support did on them. */
export class CaseService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly cases: CasesRepository,
  ) {}

  /** A case its reseller's users may follow, or support may work on; null when there is none. */
  async get(ctx: RequestContext, id: string): Promise<SupportCaseEntity | null> {
    const supportCase = await this.cases.byId(ctx, id);
    if (supportCase) actingFor(ctx, supportCase.resellerId, Permission.SupportCases);
    return supportCase;
  }

  /** The conversation of a case the caller has reached already (a field of it). */
  comments(_ctx: RequestContext, caseId: string): Promise<CaseCommentEntity[]> {
    return this.cases.commentsOf(caseId);
  }

  /** The support queue; a reseller's users see their own cases only, and asking for another's is refused. */
  async list(
    ctx: RequestContext,
    filter: {
      resellerId?: string | null;
      statuses?: string[] | null;
      type?: CaseType | null;
      search?: string | null;
      assignee?: string | null;
    },
    first: number,
    after?: string | null,
    order: KeyOrder = sortOrder(CASE_SORTS, 'OPENED'),
  ) {
    if (filter.resellerId) actingFor(ctx, filter.resellerId, Permission.SupportCases);
    filter = {
      ...filter,
      resellerId: ownReseller(ctx, filter.resellerId),
      statuses: filter.statuses?.filter((s): s is CaseStatus => (CASE_STATUSES as readonly string[]).includes(s)),
    };
    return this.cases.page(filter, first, after, order);
  }

  async open(ctx: RequestContext, resellerId: string, input: NewCase): Promise<Result<SupportCaseEntity>> {
    const actor = actingFor(ctx, resellerId, Permission.SupportCases);
    const fields: FieldError[] = [];
    if (!(CASE_TYPES as readonly string[]).includes(input.type))
      fields.push({ field: 'type', code: 'TYPE_UNKNOWN', message: `The type is one of ${CASE_TYPES.join(', ')}.` });
    if (input.priority && !(CASE_PRIORITIES as readonly string[]).includes(input.priority))
      fields.push({
        field: 'priority',
        code: 'PRIORITY_UNKNOWN',
        message: `The priority is one of ${CASE_PRIORITIES.join(', ')}.`,
      });
    const subject = requireText(fields, 'subject', input.subject, 'Subject', 200);
    const text = requireText(fields, 'text', input.text, 'Description', 4000);
    if (fields.length) return invalid(fields);
    return this.db.transaction(actor, async (tx) => {
      for (const [record, value, field] of [
        ['customer', input.customerId, 'customerId'],
        ['order', input.orderId, 'orderId'],
      ] as const) {
        if (!value) continue;
        if ((await this.cases.ownerOf(tx, record, value)) !== resellerId)
          return invalid([
            {
              field,
              code: 'NOT_FOUND',
              message: `No such ${field === 'orderId' ? 'order' : 'customer'} of this reseller.`,
            },
          ]);
      }
      const now = this.clock.now().toISOString();
      const supportCase = await this.cases.insert(tx, {
        id: randomUUID(),
        number: await this.cases.nextNumber(tx),
        resellerId,
        customerId: input.customerId ?? null,
        orderId: input.orderId ?? null,
        type: input.type,
        priority: input.priority ?? 'NORMAL',
        status: 'OPEN',
        subject,
        assigneeUserId: null,
        assigneeEmail: null,
        openedByEmail: actor.principal?.email ?? null,
        openedAt: now,
        updatedAt: now,
      });
      await this.note(tx, supportCase.id, 'COMMENT', text);
      await this.audit.record(
        { ...tx, onBehalfOfResellerId: resellerId },
        {
          operation: 'support.openCase',
          entityType: 'SupportCase',
          entityId: supportCase.id,
          changes: { status: { before: null, after: 'OPEN' } },
        },
      );
      return ok(supportCase);
    });
  }

  /** Status, priority and assignee; version-checked so two agents never overwrite each other. */
  async update(
    ctx: RequestContext,
    id: string,
    version: number,
    change: { status?: string | null; priority?: string | null; assignToMe?: boolean | null },
  ): Promise<Result<SupportCaseEntity>> {
    const fields: FieldError[] = [];
    if (change.status && !(CASE_STATUSES as readonly string[]).includes(change.status))
      fields.push({
        field: 'status',
        code: 'STATUS_UNKNOWN',
        message: `The status is one of ${CASE_STATUSES.join(', ')}.`,
      });
    if (change.priority && !(CASE_PRIORITIES as readonly string[]).includes(change.priority))
      fields.push({
        field: 'priority',
        code: 'PRIORITY_UNKNOWN',
        message: `The priority is one of ${CASE_PRIORITIES.join(', ')}.`,
      });
    if (fields.length) return invalid(fields);
    return this.db.transaction(ctx, async (tx) => {
      const current = await this.cases.byId(tx, id);
      if (!current) return caseNotFound(id);
      // Only support changes a case; its reseller's users comment on it.
      requirePermission(ctx, Permission.SupportCases);
      const actor = actingFor(tx, current.resellerId, Permission.SupportCases);
      const set: Partial<SupportCaseEntity> = {};
      if (change.status && change.status !== current.status) {
        // R24: a case moves along its lifecycle only (a closed case stays closed).
        const moved = moveCase(current.status, change.status as CaseStatus);
        if (!moved.ok) return invalid([{ field: 'status', code: moved.code, message: moved.message }]);
        set.status = moved.value;
      }
      if (change.priority) set.priority = change.priority as CasePriority;
      if (change.assignToMe)
        Object.assign(set, {
          assigneeUserId: actor.principal?.userId ?? null,
          assigneeEmail: actor.principal?.email ?? null,
        });
      const saved = await this.cases.updateAt(tx, id, version, { ...set, updatedAt: this.clock.now().toISOString() });
      if (!saved) return versionConflict('case', current.version);
      const described = Object.entries(set)
        .filter(([k]) => k !== 'assigneeUserId')
        .map(([k, v]) => `${k} → ${String(v).toLowerCase()}`)
        .join(', ');
      await this.note(actor, id, 'ACTION', `Changed ${described}.`);
      await this.audit.record(
        { ...actor, onBehalfOfResellerId: current.resellerId },
        {
          operation: 'support.updateCase',
          entityType: 'SupportCase',
          entityId: id,
          changes: Object.fromEntries(
            Object.entries(set).map(([k, v]) => [
              k,
              { before: (current as unknown as Record<string, unknown>)[k] ?? null, after: v },
            ]),
          ),
        },
      );
      return ok(saved);
    });
  }

  async comment(ctx: RequestContext, id: string, text: string): Promise<Result<SupportCaseEntity>> {
    const fields: FieldError[] = [];
    const body = requireText(fields, 'text', text, 'Comment', 4000);
    if (fields.length) return invalid(fields);
    return this.db.transaction(ctx, async (tx) => {
      const current = await this.cases.byId(tx, id);
      if (!current) return caseNotFound(id);
      const actor = actingFor(tx, current.resellerId, Permission.SupportCases);
      await this.note(actor, id, 'COMMENT', body);
      await this.audit.record(
        { ...actor, onBehalfOfResellerId: current.resellerId },
        { operation: 'support.comment', entityType: 'SupportCase', entityId: id },
      );
      return ok(current);
    });
  }

  /** Writes what support did on a case into its conversation, in the action's own transaction. */
  async note(actor: Transactional, caseId: string, kind: 'COMMENT' | 'ACTION', text: string): Promise<void> {
    await this.cases.addComment(actor, {
      caseId,
      at: this.clock.now().toISOString(),
      authorEmail: actor.principal?.email ?? null,
      kind,
      text,
    });
  }
}
