import { addMonths, daysBetween } from './calendar.js';
import { multiplyMoney, prorateDown, type Money } from './money.js';
import { allow, deny, type Verdict } from './verdict.js';

/**
 * Returns (R24), after Microsoft's NCE cancellation policy (Partner Center, "Cancellation policy for
 * the new commerce experience"):
 * - licence-based subscriptions: cancel or reduce seats within 7 days (168 hours) of purchase or
 *   renewal, for a prorated refund: the paid period minus the days already begun; after that, none.
 * - perpetual software: a full refund within 30 calendar days of purchase; whole lines only, no
 *   partial returns.
 */
export const SUBSCRIPTION_RETURN_HOURS = 168;
export const PERPETUAL_RETURN_DAYS = 30;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface ReturnableLine {
  kind: 'SUBSCRIPTION' | 'PERPETUAL';
  /** When the current term began: the purchase, or the last renewal. */
  termStartedAt: Date;
  /** The paid billing period the refund is prorated over (for perpetual software: unused). */
  paidPeriodDays: number;
  /** What one seat cost for that period. */
  unitPaid: Money;
  quantity: number;
  /** Seats already returned from this line. */
  returnedQuantity: number;
}

export type ReturnCode =
  'RETURN_WINDOW_CLOSED' | 'RETURN_QUANTITY_INVALID' | 'PERPETUAL_PARTIAL_RETURN' | 'NOTHING_LEFT_TO_RETURN';

export function returnWindowClosesAt(line: Pick<ReturnableLine, 'kind' | 'termStartedAt'>): Date {
  const length = line.kind === 'PERPETUAL' ? PERPETUAL_RETURN_DAYS * DAY : SUBSCRIPTION_RETURN_HOURS * HOUR;
  return new Date(line.termStartedAt.getTime() + length);
}

/** Why a return came too late, in the words support and resellers read. */
export function returnWindowClosedMessage(kind: ReturnableLine['kind'], closesAt: Date): string {
  const rule = kind === 'PERPETUAL' ? `${PERPETUAL_RETURN_DAYS} days` : `7 days (${SUBSCRIPTION_RETURN_HOURS} hours)`;
  return `The return window closed on ${closesAt.toISOString()}: Microsoft allows returns within ${rule} of purchase${kind === 'PERPETUAL' ? '' : ' or renewal'}.`;
}

export type ReturnDecision =
  | { allowed: true; refund: Money; closesAt: Date; daysCharged: number }
  | { allowed: false; code: ReturnCode; message: string; closesAt: Date };

/** May `quantity` seats of the line be returned at `now`, and for how much? Never more than was paid. */
export function decideReturn(line: ReturnableLine, quantity: number, now: Date): ReturnDecision {
  const closesAt = returnWindowClosesAt(line);
  const left = line.quantity - line.returnedQuantity;
  const refuse = (code: ReturnCode, message: string): ReturnDecision => ({ allowed: false, code, message, closesAt });
  if (left <= 0) return refuse('NOTHING_LEFT_TO_RETURN', 'Every seat of this line has already been returned.');
  if (!Number.isSafeInteger(quantity) || quantity < 1 || quantity > left)
    return refuse('RETURN_QUANTITY_INVALID', `Return 1 to ${left} seat(s) of this line.`);
  if (now.getTime() >= closesAt.getTime())
    return refuse('RETURN_WINDOW_CLOSED', returnWindowClosedMessage(line.kind, closesAt));
  const paid = multiplyMoney(line.unitPaid, quantity);
  if (line.kind === 'PERPETUAL') {
    if (quantity !== left || line.returnedQuantity > 0)
      return refuse(
        'PERPETUAL_PARTIAL_RETURN',
        'Perpetual software is returned whole: return every seat of the line, or none.',
      );
    return { allowed: true, refund: paid, closesAt, daysCharged: 0 };
  }
  const elapsed = Math.max(0, now.getTime() - line.termStartedAt.getTime());
  const daysCharged = Math.min(line.paidPeriodDays, Math.ceil(elapsed / DAY));
  return {
    allowed: true,
    refund: prorateDown(paid, line.paidPeriodDays - daysCharged, line.paidPeriodDays),
    closesAt,
    daysCharged,
  };
}

export function returnVerdict(line: ReturnableLine, quantity: number, now: Date): Verdict<ReturnCode> {
  const decision = decideReturn(line, quantity, now);
  return decision.allowed ? allow() : deny(decision.code, decision.message);
}

/** Days in the paid period that starts at `start` and lasts `months` calendar months (UTC). */
export function periodDays(start: Date, months: number): number {
  return daysBetween(start, addMonths(start, months));
}
