import { randomUUID } from 'node:crypto';
import {
  decideReturn,
  formatMoney,
  periodDays,
  TERM_MONTHS,
  type BillingPlan,
  type ReturnableLine,
  returnWindowClosedMessage,
  type ReturnCode,
  type Term,
} from '@nce/domain';
import type { AuditService } from '../audit/index.js';
import type { Database } from '../db/database.js';
import {
  OrderMovedConcurrently,
  type OrderLineEntity,
  type OrderQueryService,
  type OrderStatusWriter,
  type SalesOrderEntity,
} from '../orders/index.js';
import type { PartnerCenter } from '../partner-center/index.js';
import type { Clock } from '../platform/clock.js';
import { Permission } from '../platform/permissions.js';
import { actingFor, requirePermission, type RequestContext } from '../platform/request-context.js';
import { fail, ok, type Result } from '../platform/result.js';
import type { SubscriptionService } from '../subscriptions/index.js';
import type { TermsService } from '../terms/index.js';
import type { CaseService } from './case.service.js';
import type { CreditNotesRepository } from './credit-notes.repository.js';
import type { CreditNoteEntity } from './entities.js';

const PLAN_MONTHS: Record<BillingPlan, number | null> = { MONTHLY: 1, ANNUAL: 12, TRIENNIAL: 36, ONE_TIME: null };

// R24: the line as the domain's return rule sees it.
/** The line as the domain's return rule sees it: paid per billing period since the purchase. */
export function returnableLine(order: SalesOrderEntity, line: OrderLineEntity): ReturnableLine {
  const placed = new Date(order.placedAt);
  const months = PLAN_MONTHS[line.billingPlan] ?? TERM_MONTHS[line.term as Term] ?? 1;
  return {
    kind: line.term === 'NONE' ? 'PERPETUAL' : 'SUBSCRIPTION',
    termStartedAt: placed,
    paidPeriodDays: periodDays(placed, months),
    unitPaid: { amountMinor: line.unitPriceMinor, currency: order.currency },
    quantity: line.quantity,
    returnedQuantity: line.returnedQuantity,
  };
}

/** A subscription's refusal in the words of returns (the codes support and its screens know). */
const RETURN_CODES: Record<string, ReturnCode> = {
  SEAT_WINDOW_CLOSED: 'RETURN_WINDOW_CLOSED',
  SEAT_QUANTITY_INVALID: 'RETURN_QUANTITY_INVALID',
};

/** The subscription's seats changed between the decision and the return's transaction. */
class ReturnRefusedMeanwhile extends Error {}

export interface ReturnDone {
  creditNote: CreditNoteEntity;
  replayed: boolean;
}

/** A refused return: the details carry the date the return window closed, where that was the reason. */
const refused = (code: string, message: string, closesAt?: string) =>
  fail(code, message, { details: { closesAt: closesAt ?? null } });

/**
 * R24 returns: within Microsoft's window the subscription is cancelled or reduced at Partner Center,
 * a credit note issued and the terms credit released (or a card refund recorded). Idempotent by key,
 * and the returned quantity is updated only where it still has the value the decision was made on, so
 * concurrent returns of one line never refund more than was paid.
 */
export class ReturnsService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly partnerCenter: PartnerCenter,
    private readonly cases: CaseService,
    private readonly orders: OrderQueryService,
    private readonly orderStatus: OrderStatusWriter,
    private readonly terms: TermsService,
    private readonly notes: CreditNotesRepository,
    private readonly subscriptions: SubscriptionService,
  ) {}

  /**
   * The return decision for a line: a line with a subscription is decided on it (S5, S6: its seat batches and their
   * windows, so seats removed or added there count); perpetual software and older lines by the line (R24).
   */
  private async decide(ctx: RequestContext, order: SalesOrderEntity, line: OrderLineEntity, quantity: number) {
    const quoted = await this.subscriptions.quoteReturn(ctx, line.id, quantity);
    const byLine = decideReturn(returnableLine(order, line), quantity, this.clock.now());
    if (!quoted) return byLine;
    const closesAt = quoted.windowClosesAt ? new Date(quoted.windowClosesAt) : byLine.closesAt;
    const code = (RETURN_CODES[quoted.refusal?.code ?? ''] ?? quoted.refusal?.code) as ReturnCode;
    return quoted.refusal
      ? {
          allowed: false as const,
          code,
          message:
            code === 'RETURN_WINDOW_CLOSED'
              ? returnWindowClosedMessage('SUBSCRIPTION', closesAt)
              : quoted.refusal.message,
          closesAt,
        }
      : { allowed: true as const, refund: quoted.refund, closesAt, daysCharged: 0 };
  }

  /** Each line's return decision now: for the seats asked (`quantities`, by line id), else for all it has left. */
  async preview(ctx: RequestContext, orderId: string, quantities: ReadonlyMap<string, number> = new Map()) {
    const order = await this.orders.get(ctx, orderId);
    if (!order) return null;
    const lines = order.lines;
    return {
      order,
      lines: await Promise.all(
        lines.map(async (line) => {
          const quantity = quantities.get(line.id) ?? Math.max(1, line.quantity - line.returnedQuantity);
          return { line, quantity, decision: await this.decide(ctx, order, line, quantity) };
        }),
      ),
    };
  }

  async returnLine(
    ctx: RequestContext,
    request: { orderLineId: string; quantity: number; idempotencyKey: string; caseId?: string | null },
  ): Promise<Result<ReturnDone>> {
    requirePermission(ctx, Permission.SupportCases);
    const key = request.idempotencyKey.trim();
    if (!/^[\w:.-]{8,120}$/.test(key))
      return refused('INVALID_REQUEST', 'The idempotency key is 8 to 120 letters, digits or - _ : .');
    const done = await this.notes.byKey(ctx, key);
    if (done)
      return done.orderLineId === request.orderLineId && done.quantity === request.quantity
        ? ok({ creditNote: done, replayed: true })
        : refused('IDEMPOTENCY_KEY_REUSED', 'This key was used for another return.');

    const found = await this.orders.lineWithOrder(ctx, request.orderLineId, Permission.SupportCases);
    if (!found) return refused('NOT_FOUND', 'No such order line.');
    const { order, line } = found;
    const actor = actingFor(ctx, order.resellerId, Permission.SupportCases);
    if (!line.subscriptionId || (order.status !== 'PROVISIONED' && order.status !== 'PARTIALLY_RETURNED')) {
      return refused(
        'NOT_RETURNABLE',
        'Only provisioned lines can be returned; cancel or retry an order that did not provision.',
      );
    }
    const decision = await this.decide(ctx, order, line, request.quantity);
    if (!decision.allowed) return refused(decision.code, decision.message, decision.closesAt.toISOString());

    // Partner Center addresses a subscription through its customer's tenant; the order keeps the tenant's domain.
    const tenant = await this.partnerCenter.findCustomerTenant(order.tenantDomain);
    await this.partnerCenter.cancelSeats({
      tenantId: tenant?.tenantId ?? null,
      subscriptionId: line.subscriptionId,
      quantity: request.quantity,
      reference: key,
    });

    try {
      return await this.db.transaction(actor, async (tx) => {
        const again = await this.notes.byKey(tx, key);
        if (again) return ok({ creditNote: again, replayed: true });
        // The orders context records the returned seats, and answers the order as it is now in this transaction.
        const recorded = await this.orderStatus.recordReturn(tx, line, request.quantity);
        if (!recorded)
          return refused(
            'CONCURRENT_RETURN',
            'This line was returned meanwhile; look at it again before returning more.',
          );
        // The seats come off the line's subscription in this transaction, decided again on what it holds now.
        const fromSubscription = await this.subscriptions.returnSeats(tx, line.id, request.quantity);
        if (fromSubscription && !fromSubscription.ok)
          throw new ReturnRefusedMeanwhile(fromSubscription.failure.message);
        const refundMinor = fromSubscription?.ok
          ? fromSubscription.value.refund.amountMinor
          : decision.refund.amountMinor;
        const now = this.clock.now().toISOString();
        const onTerms = order.paymentMethod === 'TERMS';
        const creditNote: CreditNoteEntity = {
          id: randomUUID(),
          number: `CN-${order.soNumber.slice(3)}-${line.lineNumber}-${line.returnedQuantity + request.quantity}`,
          orderId: order.id,
          orderLineId: line.id,
          caseId: request.caseId ?? null,
          quantity: request.quantity,
          amountMinor: refundMinor,
          currency: order.currency,
          refundMethod: onTerms ? 'TERMS_CREDIT' : 'CARD_REFUND',
          idempotencyKey: key,
          issuedAt: now,
          issuedByEmail: actor.principal?.email ?? null,
        };
        await this.notes.insert(tx, creditNote);
        if (onTerms) {
          const released = { amountMinor: creditNote.amountMinor, currency: order.currency };
          await this.terms.release(tx, order.resellerId, released, creditNote.id, `Credit note ${creditNote.number}`);
        }
        const refund = formatMoney({ amountMinor: creditNote.amountMinor, currency: order.currency });
        await this.orderStatus.move(
          tx,
          recorded.order,
          recorded.allReturned ? 'RETURN_ALL' : 'RETURN_PART',
          `${request.quantity} × ${line.skuTitle} returned; credit note ${creditNote.number} for ${refund} (${onTerms ? 'released to the credit line' : 'card refund'}).`,
        );
        if (request.caseId)
          await this.cases.note(
            tx,
            request.caseId,
            'ACTION',
            `Returned ${request.quantity} × ${line.skuTitle} of ${order.soNumber}: credit note ${creditNote.number}, ${refund}.`,
          );
        await this.audit.record(tx, {
          operation: 'support.returnLine',
          entityType: 'Order',
          entityId: order.id,
          changes: {
            [`line ${line.lineNumber} returned`]: {
              before: line.returnedQuantity,
              after: line.returnedQuantity + request.quantity,
            },
            refund: { before: null, after: refund },
          },
        });
        return ok({ creditNote, replayed: false });
      });
    } catch (error) {
      const raced = await this.notes.byKey(ctx, key);
      if (raced) return ok({ creditNote: raced, replayed: true });
      if (error instanceof ReturnRefusedMeanwhile) return refused('CONCURRENT_RETURN', error.message);
      if (error instanceof OrderMovedConcurrently || this.subscriptions.isConcurrentChange(error))
        return refused('CONCURRENT_RETURN', 'The order changed meanwhile; look at it again before returning.');
      throw error;
    }
  }

  /** The credit notes of an order the caller has reached already. */
  creditNotes(_ctx: RequestContext, orderId: string): Promise<CreditNoteEntity[]> {
    return this.notes.ofOrder(orderId);
  }
}
