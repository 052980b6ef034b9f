import { AddressColumns, ContactColumns } from '../platform/address.columns.js';
import { randomUUID } from 'node:crypto';
import {
  formatMoney,
  parseMoney,
  PAYMENT_TERMS,
  TERMS_REQUEST_STATES,
  isOpenTermsRequest,
  nextTermsRequestState,
  validateApproval,
  validateRejection,
  validateTermsRequest,
  type Money,
  type PaymentTerms,
  type TermsRequestEvent,
  type TermsRequestInput,
  type ValidTermsRequest,
  type TermsRequestState,
} from '@nce/domain';
import type { AuditService } from '../audit/index.js';
import type { Database } from '../db/database.js';
import type { MailService } from '../mail/index.js';
import type { Clock } from '../platform/clock.js';
import { hasPermission, Permission } from '../platform/permissions.js';
import {
  actingFor,
  Forbidden,
  ownReseller,
  type RequestContext,
  type Transactional,
} from '../platform/request-context.js';
import { fail, invalid, invalidField, notFound, ok, versionConflict, type Result } from '../platform/result.js';
import type { KeyOrder } from '../platform/cursor.js';
import { sortOrder } from '../platform/list-sort.js';
import type { ResellerService } from '../resellers/index.js';
import type { CreditLedgerEntity, TermsRequestEntity, TermsRequestNoteEntity } from './entities.js';
import type { LedgerRepository } from './ledger.repository.js';
import type { TermsRequestsRepository } from './terms-requests.repository.js';
import { TERMS_REQUEST_SORTS } from './terms-requests.repository.js';

export { TERMS_REQUEST_SORTS };

export const DECIDE_EVENTS = [
  'CLAIM',
  'RELEASE',
  'REQUEST_INFO',
  'REJECT',
  'WITHDRAW',
] as const satisfies readonly TermsRequestEvent[];
export type DecideEvent = (typeof DECIDE_EVENTS)[number];

/** The events only the credit team takes; the others are the reseller's (or staff on its behalf). */
const ANALYST_EVENTS: readonly TermsRequestEvent[] = ['CLAIM', 'RELEASE', 'REQUEST_INFO', 'REJECT', 'APPROVE'];

const termsNotFound = (id: string) => notFound('terms request', `No terms request ${id}.`);

export interface CreditStanding {
  limit: Money | null;
  used: Money | null;
  available: Money | null;
  paymentTerms: PaymentTerms | null;
  ledger: CreditLedgerEntity[];
}

export interface Decision {
  event: TermsRequestEvent;
  comment?: string | null;
  approval?: { creditLimit: Money; paymentTerms: PaymentTerms; effectiveFrom: string };
  input?: TermsRequestInput;
}

const toColumns = (v: ValidTermsRequest) => ({
  requestedLimitMinor: v.requestedLimit.amountMinor,
  requestedCurrency: v.requestedLimit.currency,
  marketplaceId: v.resellerMarketplaceId,
  bcn: v.bcn,
  companyName: v.companyName,
  address: AddressColumns.of(v.address),
  contact: ContactColumns.of(v.contact),
});

const STATUS_WORDS: Record<TermsRequestState, string> = {
  SUBMITTED: 'submitted',
  IN_REVIEW: 'in review',
  MORE_INFO_REQUESTED: 'waiting for more information',
  APPROVED: 'approved',
  REJECTED: 'rejected',
  WITHDRAWN: 'withdrawn',
};

/** R23, R2: terms requests from submission to decision, and the credit they grant as a ledger. */
export class TermsService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly mail: MailService,
    private readonly resellers: ResellerService,
    private readonly requests: TermsRequestsRepository,
    private readonly ledger: LedgerRepository,
    private readonly creditTeamEmail: string,
  ) {}

  /** A request its reseller's users may see, or the credit team and staff; null when there is none. */
  async get(ctx: RequestContext, id: string): Promise<TermsRequestEntity | null> {
    const request = await this.requests.byId(ctx, id);
    if (request) this.reach(ctx, request);
    return request;
  }

  /** The notes of a request the caller has reached already (a field of it). */
  notes(_ctx: RequestContext, requestId: string): Promise<TermsRequestNoteEntity[]> {
    return this.requests.notesOf(requestId);
  }

  /** The credit team's queue: open requests oldest first (or any status), searchable, keyset-paginated. */
  async list(
    ctx: RequestContext,
    filter: { resellerId?: string | null; statuses?: TermsRequestState[] | null; search?: string | null },
    first: number,
    after?: string | null,
    order: KeyOrder = sortOrder(TERMS_REQUEST_SORTS, 'SUBMITTED'),
  ) {
    // The whole queue is the credit team's; staff who submit on a reseller's behalf see that reseller's.
    filter = {
      ...filter,
      resellerId: ownReseller(ctx, filter.resellerId),
      statuses: filter.statuses?.filter((s) => (TERMS_REQUEST_STATES as readonly string[]).includes(s)),
    };
    if (
      ctx.principal?.kind === 'staff' &&
      !hasPermission(ctx.principal, Permission.TermsReview) &&
      !(filter.resellerId && hasPermission(ctx.principal, Permission.TermsSubmit))
    )
      throw new Forbidden();
    return this.requests.page(filter, first, after, order);
  }

  /** R23: one open request per reseller; the credit team is told by email. */
  async submit(ctx: RequestContext, resellerId: string, input: TermsRequestInput): Promise<Result<TermsRequestEntity>> {
    const actor = actingFor(ctx, resellerId, Permission.TermsSubmit);
    const valid = validateTermsRequest(input);
    if (!valid.ok) return invalid(valid.errors ?? []);
    return this.db.transaction(actor, async (tx) => {
      const open = await this.requests.openOf(tx, resellerId);
      if (open)
        return fail(
          'OPEN_REQUEST_EXISTS',
          `A request submitted on ${open.submittedAt.slice(0, 10)} is still ${STATUS_WORDS[open.status]}; update that one.`,
          { details: { requestId: open.id } },
        );
      const now = this.clock.now().toISOString();
      const request = await this.requests.insert(tx, {
        id: randomUUID(),
        resellerId,
        openKey: resellerId,
        status: 'SUBMITTED',
        ...toColumns(valid.value),
        submittedAt: now,
        waitingSince: now,
        updatedAt: now,
      });
      await this.note(tx, request.id, 'STATUS', 'Submitted.');
      await this.audit.record(tx, {
        operation: 'terms.submit',
        entityType: 'TermsRequest',
        entityId: request.id,
        changes: { status: { before: null, after: 'SUBMITTED' } },
      });
      await this.mail.enqueue(
        tx,
        {
          to: this.creditTeamEmail,
          subject: `Terms request from ${request.companyName} (${request.marketplaceId})`,
          body: `${request.companyName} (marketplace ID ${request.marketplaceId}, BCN ${request.bcn}) asks for marketplace terms with a credit line of ${formatMoney(valid.value.requestedLimit)}.\nContact: ${request.contact.name}, ${request.contact.email}, ${request.contact.phone}.\nPlease answer within 24–48 hours.`,
          relatedType: 'TermsRequest',
          relatedId: request.id,
        },
        `terms-submitted:${request.id}`,
      );
      return ok(request);
    });
  }

  /** The moves decideTermsRequest takes; approving and updating have their own, with their input. */
  async decide(
    ctx: RequestContext,
    id: string,
    version: number,
    event: DecideEvent,
    comment?: string | null,
  ): Promise<Result<TermsRequestEntity>> {
    if (!DECIDE_EVENTS.includes(event))
      return invalidField('event', 'EVENT_UNKNOWN', `The event is one of ${DECIDE_EVENTS.join(', ')}.`);
    return this.transition(ctx, id, version, { event, comment });
  }

  /** The credit team approves with a limit (a decimal amount as typed), payment terms and an effective date. */
  async approve(
    ctx: RequestContext,
    id: string,
    version: number,
    input: {
      creditLimit: string;
      currency: string;
      paymentTerms: string;
      effectiveFrom: string;
      comment?: string | null;
    },
  ): Promise<Result<TermsRequestEntity>> {
    const limit = parseMoney(input.creditLimit, input.currency.toUpperCase());
    if (!limit.ok) return invalidField('creditLimit', limit.code, limit.message);
    if (!(PAYMENT_TERMS as readonly string[]).includes(input.paymentTerms))
      return invalidField(
        'paymentTerms',
        'PAYMENT_TERMS_UNKNOWN',
        `Payment terms are one of ${PAYMENT_TERMS.join(', ')}.`,
      );
    return this.transition(ctx, id, version, {
      event: 'APPROVE',
      comment: input.comment,
      approval: {
        creditLimit: limit.value,
        paymentTerms: input.paymentTerms as PaymentTerms,
        effectiveFrom: input.effectiveFrom,
      },
    });
  }

  /** The reseller answers a request for information, or resubmits after a rejection, with corrected details. */
  async update(
    ctx: RequestContext,
    id: string,
    version: number,
    input: TermsRequestInput,
  ): Promise<Result<TermsRequestEntity>> {
    const request = await this.get(ctx, id);
    if (!request) return termsNotFound(id);
    return this.transition(ctx, id, version, {
      event: request.status === 'REJECTED' ? 'RESUBMIT' : 'PROVIDE_INFO',
      input,
    });
  }

  /**
   * Every change of a request: the domain's state machine decides whether it may happen; the version
   * decides who wins when two analysts act at once.
   */
  private async transition(
    ctx: RequestContext,
    id: string,
    version: number,
    decision: Decision,
  ): Promise<Result<TermsRequestEntity>> {
    const principal = ctx.principal;
    const analyst = ANALYST_EVENTS.includes(decision.event);
    if (analyst && ctx.principal?.kind === 'reseller') throw new Forbidden();
    let extra: Partial<TermsRequestEntity> = {};
    let ledgerLimit: { amountMinor: number; currency: string } | null = null;
    if (decision.event === 'APPROVE') {
      const approval = decision.approval ? validateApproval(decision.approval) : null;
      if (!approval?.ok)
        return invalid(
          approval?.errors ?? [
            {
              field: 'creditLimit',
              code: 'REQUIRED',
              message: 'Give the credit limit, payment terms and effective date.',
            },
          ],
        );
      const { creditLimit, paymentTerms, effectiveFrom } = approval.value;
      extra = {
        creditLimitMinor: creditLimit.amountMinor,
        currency: creditLimit.currency,
        paymentTerms,
        effectiveFrom,
        decisionReason: decision.comment?.trim() || null,
      };
      ledgerLimit = { amountMinor: creditLimit.amountMinor, currency: creditLimit.currency };
    }
    if (decision.event === 'REJECT') {
      const reason = validateRejection(decision.comment ?? '');
      if (!reason.ok) return invalidField('reason', reason.code, reason.message);
      extra = { decisionReason: reason.value };
    }
    if (decision.event === 'REQUEST_INFO' && !decision.comment?.trim()) {
      return invalidField('comment', 'REQUIRED', 'Say what information is missing.');
    }
    if (decision.event === 'PROVIDE_INFO' || decision.event === 'RESUBMIT') {
      const valid = decision.input ? validateTermsRequest(decision.input) : null;
      if (!valid?.ok) return invalid(valid?.errors ?? []);
      extra = toColumns(valid.value);
    }

    return this.db.transaction(ctx, async (tx) => {
      const current = await this.requests.byId(tx, id);
      if (!current) return termsNotFound(id);
      const actor = this.reach(tx, current, analyst ? Permission.TermsReview : Permission.TermsSubmit);
      if (current.version !== version) return versionConflict('terms request', current.version);
      const next = nextTermsRequestState(current.status, decision.event);
      if (!next.ok) return fail('ILLEGAL_TRANSITION', next.message);
      const decides = decision.event === 'APPROVE' || decision.event === 'REJECT' || decision.event === 'REQUEST_INFO';
      if (decides && current.assigneeUserId !== principal?.userId) {
        return fail(
          'NOT_ASSIGNEE',
          `Only the analyst who claimed the request (${current.assigneeEmail ?? 'nobody'}) can decide it; claim it first.`,
          { fix: { kind: 'action', label: 'Claim the request first' } },
        );
      }
      if (decision.event === 'RESUBMIT' && (await this.requests.openOf(tx, current.resellerId))) {
        return fail('ILLEGAL_TRANSITION', 'Another request of this reseller is open.');
      }
      const now = this.clock.now().toISOString();
      const restartsClock = next.to === 'SUBMITTED';
      const assignment =
        decision.event === 'CLAIM'
          ? { assigneeUserId: principal?.userId ?? null, assigneeEmail: principal?.email ?? null }
          : next.to === 'SUBMITTED'
            ? { assigneeUserId: null, assigneeEmail: null }
            : {};
      const decisionFields =
        next.to === 'APPROVED' || next.to === 'REJECTED'
          ? { decidedAt: now, decidedByEmail: principal?.email ?? null }
          : {};
      const saved = await this.requests.updateAt(tx, id, version, {
        ...extra,
        ...assignment,
        ...decisionFields,
        status: next.to,
        openKey: isOpenTermsRequest(next.to) ? current.resellerId : null,
        ...(restartsClock ? { waitingSince: now } : {}),
        updatedAt: now,
      });
      if (!saved) return versionConflict('terms request', version + 1);
      await this.note(
        actor,
        id,
        'STATUS',
        `${STATUS_WORDS[current.status]} → ${STATUS_WORDS[next.to]}${decision.comment?.trim() ? `: ${decision.comment.trim()}` : ''}`,
      );
      if (ledgerLimit) {
        // R2: approval switches the reseller to terms, up to the limit.
        await this.ledger.append(tx, {
          resellerId: saved.resellerId,
          at: now,
          kind: 'LIMIT_SET',
          amountMinor: ledgerLimit.amountMinor,
          currency: ledgerLimit.currency,
          reference: saved.id,
          note: `Credit limit set by ${principal?.email ?? 'the credit team'} (${saved.paymentTerms})`,
        });
        await this.resellers.payOnTerms(tx, saved.resellerId);
      }
      await this.audit.record(actor, {
        operation: `terms.${decision.event.toLowerCase()}`,
        entityType: 'TermsRequest',
        entityId: id,
        changes: {
          status: { before: current.status, after: next.to },
          ...(ledgerLimit
            ? { creditLimit: { before: null, after: `${ledgerLimit.amountMinor} ${ledgerLimit.currency}` } }
            : {}),
        },
      });
      if (next.to === 'APPROVED' || next.to === 'REJECTED' || next.to === 'MORE_INFO_REQUESTED')
        await this.tellReseller(tx, saved, decision.comment ?? null);
      return ok(saved);
    });
  }

  async comment(ctx: RequestContext, id: string, text: string): Promise<Result<TermsRequestEntity>> {
    const body = text.trim();
    if (!body || body.length > 4000) return invalidField('text', 'LENGTH', 'A comment has 1 to 4000 characters.');
    return this.db.transaction(ctx, async (tx) => {
      const request = await this.requests.byId(tx, id);
      if (!request) return termsNotFound(id);
      const actor = this.reach(tx, request);
      await this.note(actor, id, 'COMMENT', body);
      await this.audit.record(actor, { operation: 'terms.comment', entityType: 'TermsRequest', entityId: id });
      return ok(request);
    });
  }

  /** R2: limit, used and available credit from the ledger. */
  async standing(ctx: RequestContext, resellerId: string): Promise<CreditStanding> {
    actingFor(ctx, resellerId, Permission.CreditLimitsRead);
    const ledger = await this.ledger.entriesOf(ctx, resellerId);
    const limitRow = [...ledger].reverse().find((e) => e.kind === 'LIMIT_SET');
    if (!limitRow) return { limit: null, used: null, available: null, paymentTerms: null, ledger };
    const currency = limitRow.currency;
    const used = ledger
      .filter((e) => e.currency === currency && e.kind !== 'LIMIT_SET')
      .reduce((sum, e) => sum + (e.kind === 'ORDER_CHARGED' ? e.amountMinor : -e.amountMinor), 0);
    const request = await this.requests.byId(ctx, limitRow.reference ?? '');
    return {
      limit: { amountMinor: limitRow.amountMinor, currency },
      used: { amountMinor: used, currency },
      available: { amountMinor: Math.max(0, limitRow.amountMinor - used), currency },
      paymentTerms: request?.paymentTerms ?? null,
      ledger,
    };
  }

  /**
   * R2 for a purchase: the current limit and what is used of it, summed by the database, so its cost
   * does not grow with the ledger (one row for every order on terms). Null: the reseller has no limit.
   * Inside a transaction (Buy's), the credit is checked again there.
   */
  async creditInUse(ctx: RequestContext, resellerId: string): Promise<{ limit: Money; used: Money } | null> {
    const found = await this.ledger.limitAndUse(ctx, resellerId);
    if (!found) return null;
    return {
      limit: { amountMinor: found.limitMinor, currency: found.currency },
      used: { amountMinor: found.usedMinor, currency: found.currency },
    };
  }

  /** Gives credit back to the reseller's line (a return of an order paid on terms), in the caller's transaction. */
  async release(tx: Transactional, resellerId: string, amount: Money, reference: string, note: string): Promise<void> {
    await this.ledger.append(tx, {
      resellerId,
      at: this.clock.now().toISOString(),
      kind: 'RETURN_RELEASED',
      amountMinor: amount.amountMinor,
      currency: amount.currency,
      reference,
      note,
    });
  }

  /** Charges an order paid on terms to the ledger, in the order's transaction. */
  async charge(tx: Transactional, resellerId: string, amount: Money, orderId: string, soNumber: string): Promise<void> {
    await this.draw(tx, resellerId, amount, orderId, `Order ${soNumber}`);
  }

  /**
   * Draws on the credit line for anything else bought on terms (seats added to a subscription, a renewal), in
   * the caller's transaction; the caller checked the line can carry it (`creditInUse`).
   */
  async draw(tx: Transactional, resellerId: string, amount: Money, reference: string, note: string): Promise<void> {
    await this.ledger.append(tx, {
      resellerId,
      at: this.clock.now().toISOString(),
      kind: 'ORDER_CHARGED',
      amountMinor: amount.amountMinor,
      currency: amount.currency,
      reference,
      note,
    });
  }

  private async tellReseller(tx: Transactional, request: TermsRequestEntity, comment: string | null): Promise<void> {
    const decision =
      request.status === 'APPROVED'
        ? `approved: a credit line of ${formatMoney({ amountMinor: request.creditLimitMinor ?? 0, currency: request.currency ?? 'USD' })}, ${request.paymentTerms?.replace('_', ' ').toLowerCase()}, from ${request.effectiveFrom}. You can now pay on terms at checkout.`
        : request.status === 'REJECTED'
          ? `rejected: ${request.decisionReason}. You can change the request and submit it again.`
          : `waiting for more information: ${comment ?? ''}`;
    await this.mail.enqueue(
      tx,
      {
        to: request.contact.email,
        subject: `Your marketplace terms request: ${STATUS_WORDS[request.status]}`,
        body: `Hello ${request.contact.name},\n\nYour request for marketplace terms is ${decision}\n`,
        relatedType: 'TermsRequest',
        relatedId: request.id,
      },
      `terms-decision:${request.id}:${request.version}`,
    );
  }

  /** Its reseller's users, or staff with `permission` (by default either desk's); throws Forbidden otherwise. */
  private reach<C extends RequestContext>(ctx: C, request: TermsRequestEntity, permission?: Permission): C {
    return permission
      ? actingFor(ctx, request.resellerId, permission)
      : actingFor(ctx, request.resellerId, Permission.TermsReview, Permission.TermsSubmit);
  }

  private async note(actor: Transactional, requestId: string, kind: 'COMMENT' | 'STATUS', text: string): Promise<void> {
    await this.requests.addNote(actor, {
      requestId,
      at: this.clock.now().toISOString(),
      authorEmail: actor.principal?.email ?? null,
      kind,
      text,
    });
  }
}
