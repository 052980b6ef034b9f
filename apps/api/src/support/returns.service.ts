import { randomUUID } from 'node:crypto';
import {
  decideReturn,
  formatMoney,
  periodDays,
  TERM_MONTHS,
  type BillingPlan,
  type ReturnableLine,
  type Term,
} from '@nce/domain';
import type { AuditService } from '../audit/index.js';
import type { Database } from '../db/database.js';
import { OrderLineEntity, SalesOrderEntity } from '../orders/entities.js';
import { OrderMovedConcurrently, type OrderStatusWriter } from '../orders/index.js';
import type { PartnerCenter } from '../partner-center/index.js';
import type { Clock } from '../platform/clock.js';
import { Permission } from '../platform/permissions.js';
import { actingFor, requirePermission, type RequestContext } from '../platform/request-context.js';
import { fail, ok, type Result } from '../platform/result.js';
import { appendLedger } from '../terms/ledger.js';
import type { CaseService } from './case.service.js';
import { CreditNoteEntity } from './entities.js';

const PLAN_MONTHS: Record<BillingPlan, number | null> = { MONTHLY: 1, ANNUAL: 12, TRIENNIAL: 36, ONE_TIME: null };

/** The line as the domain's return rule sees it: paid per billing period since the purchase (R24). */
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
    private readonly orderStatus: OrderStatusWriter,
  ) {}

  /** Each line's return decision now: for the seats asked (`quantities`, by line id), else for all it has left. */
  async preview(ctx: RequestContext, orderId: string, quantities: ReadonlyMap<string, number> = new Map()) {
    const order = await this.db.read.findOneBy(SalesOrderEntity, { id: orderId });
    if (!order) return null;
    actingFor(ctx, order.resellerId, Permission.OrdersRead);
    const lines = await this.db.read.find(OrderLineEntity, { where: { orderId }, order: { lineNumber: 'ASC' } });
    const now = this.clock.now();
    return {
      order,
      lines: lines.map((line) => {
        const quantity = quantities.get(line.id) ?? Math.max(1, line.quantity - line.returnedQuantity);
        return { line, quantity, decision: decideReturn(returnableLine(order, line), quantity, now) };
      }),
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
    const done = await this.db.read.findOneBy(CreditNoteEntity, { idempotencyKey: key });
    if (done)
      return done.orderLineId === request.orderLineId && done.quantity === request.quantity
        ? ok({ creditNote: done, replayed: true })
        : refused('IDEMPOTENCY_KEY_REUSED', 'This key was used for another return.');

    const line = await this.db.read.findOneBy(OrderLineEntity, { id: request.orderLineId });
    const order = line ? await this.db.read.findOneBy(SalesOrderEntity, { id: line.orderId }) : null;
    if (!line || !order) return refused('NOT_FOUND', 'No such order line.');
    const actor = actingFor(ctx, order.resellerId, Permission.SupportCases);
    if (!line.subscriptionId || (order.status !== 'PROVISIONED' && order.status !== 'PARTIALLY_RETURNED')) {
      return refused(
        'NOT_RETURNABLE',
        'Only provisioned lines can be returned; cancel or retry an order that did not provision.',
      );
    }
    const decision = decideReturn(returnableLine(order, line), request.quantity, this.clock.now());
    if (!decision.allowed) return refused(decision.code, decision.message, decision.closesAt.toISOString());

    await this.partnerCenter.cancelSeats({
      subscriptionId: line.subscriptionId,
      quantity: request.quantity,
      reference: key,
    });

    try {
      return await this.db.transaction(async (m) => {
        const again = await m.findOneBy(CreditNoteEntity, { idempotencyKey: key });
        if (again) return ok({ creditNote: again, replayed: true });
        const claimed = await m
          .createQueryBuilder()
          .update(OrderLineEntity)
          .set({ returnedQuantity: () => `returned_quantity + ${Number(request.quantity)}` })
          .where('id = :id AND returned_quantity = :seen', { id: line.id, seen: line.returnedQuantity })
          .execute();
        if (claimed.affected !== 1)
          return refused(
            'CONCURRENT_RETURN',
            'This line was returned meanwhile; look at it again before returning more.',
          );
        const now = this.clock.now().toISOString();
        const onTerms = order.paymentMethod === 'TERMS';
        const creditNote = m.create(CreditNoteEntity, {
          id: randomUUID(),
          number: `CN-${order.soNumber.slice(3)}-${line.lineNumber}-${line.returnedQuantity + request.quantity}`,
          orderId: order.id,
          orderLineId: line.id,
          caseId: request.caseId ?? null,
          quantity: request.quantity,
          amountMinor: decision.refund.amountMinor,
          currency: order.currency,
          refundMethod: onTerms ? 'TERMS_CREDIT' : 'CARD_REFUND',
          idempotencyKey: key,
          issuedAt: now,
          issuedByEmail: actor.principal?.email ?? null,
        });
        await m.insert(CreditNoteEntity, creditNote);
        if (onTerms) {
          await appendLedger(m, {
            resellerId: order.resellerId,
            at: now,
            kind: 'RETURN_RELEASED',
            amountMinor: creditNote.amountMinor,
            currency: order.currency,
            reference: creditNote.id,
            note: `Credit note ${creditNote.number}`,
          });
        }
        const lines = await m.findBy(OrderLineEntity, { orderId: order.id });
        const all = lines.every((l) => l.returnedQuantity >= l.quantity);
        const refund = formatMoney({ amountMinor: creditNote.amountMinor, currency: order.currency });
        // The order as it is now, inside this transaction (another line's return may have moved it).
        const current = await m.findOneByOrFail(SalesOrderEntity, { id: order.id });
        await this.orderStatus.move(
          m,
          actor,
          current,
          all ? 'RETURN_ALL' : 'RETURN_PART',
          `${request.quantity} × ${line.skuTitle} returned; credit note ${creditNote.number} for ${refund} (${onTerms ? 'released to the credit line' : 'card refund'}).`,
        );
        if (request.caseId)
          await this.cases.note(
            m,
            request.caseId,
            actor,
            'ACTION',
            `Returned ${request.quantity} × ${line.skuTitle} of ${order.soNumber}: credit note ${creditNote.number}, ${refund}.`,
          );
        await this.audit.record(m, actor, {
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
      const raced = await this.db.read.findOneBy(CreditNoteEntity, { idempotencyKey: key });
      if (raced) return ok({ creditNote: raced, replayed: true });
      if (error instanceof OrderMovedConcurrently)
        return refused('CONCURRENT_RETURN', 'The order changed meanwhile; look at it again before returning.');
      throw error;
    }
  }

  /** The credit notes of an order the caller has reached already. */
  creditNotes(_ctx: RequestContext, orderId: string): Promise<CreditNoteEntity[]> {
    return this.db.read.find(CreditNoteEntity, { where: { orderId }, order: { issuedAt: 'ASC' } });
  }
}
