import { multiplyMoney, prorateDown, zero, type Money } from './money.js';
import { SUBSCRIPTION_RETURN_HOURS } from './returns.js';
import { transition, type Transitions } from './state-machine.js';
import { fail, ok, type Fix, type Outcome } from './verdict.js';

// S2: a subscription's life after Buy. PENDING while provisioning; not renewed at term end → EXPIRED (access
// kept, nothing billed) → DISABLED → DELETED. Suspended at term end → DISABLED. A cancel deletes it.
export const SUBSCRIPTION_STATES = ['PENDING', 'ACTIVE', 'SUSPENDED', 'EXPIRED', 'DISABLED', 'DELETED'] as const;
export type SubscriptionState = (typeof SUBSCRIPTION_STATES)[number];
export const SUBSCRIPTION_EVENTS = [
  'PROVISIONED',
  'RENEW',
  'SUSPEND',
  'REACTIVATE',
  'CANCEL',
  'TERM_ENDED',
  'GRACE_ENDED',
  'DELETE',
] as const;
export type SubscriptionEvent = (typeof SUBSCRIPTION_EVENTS)[number];

export const SUBSCRIPTION_TRANSITIONS: Transitions<SubscriptionState, SubscriptionEvent> = {
  PENDING: { PROVISIONED: 'ACTIVE' },
  ACTIVE: { RENEW: 'ACTIVE', SUSPEND: 'SUSPENDED', CANCEL: 'DELETED', TERM_ENDED: 'EXPIRED' },
  SUSPENDED: { REACTIVATE: 'ACTIVE', CANCEL: 'DELETED', TERM_ENDED: 'DISABLED' },
  EXPIRED: { GRACE_ENDED: 'DISABLED' },
  DISABLED: { DELETE: 'DELETED' },
  DELETED: {},
};

const SUBSCRIPTION_WORDS: Record<SubscriptionState, string> = {
  PENDING: 'the subscription is being provisioned',
  ACTIVE: 'the subscription is active',
  SUSPENDED: 'the subscription is suspended',
  EXPIRED: 'the subscription has expired',
  DISABLED: 'the subscription is disabled',
  DELETED: 'the subscription is cancelled',
};

export const nextSubscriptionState = (from: SubscriptionState, event: SubscriptionEvent) =>
  transition(SUBSCRIPTION_TRANSITIONS, from, event, (state) => SUBSCRIPTION_WORDS[state]);

/** S2: days an expired subscription keeps its users' access, and days a disabled one waits before deletion. */
export const EXPIRED_GRACE_DAYS = 30;
export const DISABLED_DAYS = 90;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * Seats bought together: at purchase, at a renewal, or added mid-term. Each batch has its own 168-hour
 * window (S5) and paid for its own period, from `startedAt` to the term end.
 */
export interface SeatBatch {
  id: string;
  kind: 'PURCHASE' | 'RENEWAL' | 'ADD';
  quantity: number;
  /** Seats of this batch removed since. */
  removed: number;
  startedAt: Date;
  /** What one seat of this batch cost for its period (the term's price, prorated for an added batch). */
  unitPaid: Money;
  /** Days of the period the batch paid for: from `startedAt` to the term end. */
  paidDays: number;
}

/** S5: when a batch's window to remove seats closes. */
export const batchWindowClosesAt = (batch: Pick<SeatBatch, 'startedAt'>): Date =>
  new Date(batch.startedAt.getTime() + SUBSCRIPTION_RETURN_HOURS * HOUR);

export const batchWindowOpen = (batch: Pick<SeatBatch, 'startedAt'>, now: Date): boolean =>
  now.getTime() < batchWindowClosesAt(batch).getTime();

/** Whole days of a period begun by `now`: the days a refund keeps (R24's proration). */
const daysBegun = (startedAt: Date, now: Date, paidDays: number): number =>
  Math.min(paidDays, Math.ceil(Math.max(0, now.getTime() - startedAt.getTime()) / DAY));

/** S5, R24: what `quantity` seats of a batch get back at `now`: what they paid less the days begun. */
export function batchRefund(batch: SeatBatch, quantity: number, now: Date): Money {
  const paid = multiplyMoney(batch.unitPaid, quantity);
  return prorateDown(paid, batch.paidDays - daysBegun(batch.startedAt, now, batch.paidDays), batch.paidDays);
}

export type SeatChangeCode = 'SEAT_QUANTITY_INVALID' | 'SEAT_WINDOW_CLOSED' | 'SUBSCRIPTION_NOT_ACTIVE';

const turnAutoRenewOff: Fix = { kind: 'action', label: 'Turn auto-renew off so the seats end with the term' };

/** Seats taken from one batch, and what they get back. */
export interface SeatRemoval {
  batchId: string;
  quantity: number;
  refund: Money;
}

/**
 * S5: may `quantity` seats be removed at `now`? Only from batches whose window is open, newest batch first,
 * each refunded for what its seats paid less the days begun. Refused with the fix when too few seats are in
 * an open window.
 */
export function removeSeats(
  batches: readonly SeatBatch[],
  quantity: number,
  now: Date,
): Outcome<SeatRemoval[], SeatChangeCode> {
  const held = batches.reduce((sum, b) => sum + b.quantity - b.removed, 0);
  if (!Number.isSafeInteger(quantity) || quantity < 1 || quantity >= held)
    return fail(
      'SEAT_QUANTITY_INVALID',
      held > 1
        ? `Remove 1 to ${held - 1} seat(s); to end every seat, cancel the subscription.`
        : 'The subscription has one seat; to end it, cancel the subscription.',
    );
  const open = batches
    .filter((b) => b.quantity > b.removed && batchWindowOpen(b, now))
    .sort((a, b) => b.startedAt.getTime() - a.startedAt.getTime());
  const removable = open.reduce((sum, b) => sum + b.quantity - b.removed, 0);
  if (removable < quantity) {
    const next = open.length ? batchWindowClosesAt(open[open.length - 1]!) : null;
    const lastClosed = batches
      .filter((b) => b.quantity > b.removed)
      .map((b) => batchWindowClosesAt(b).getTime())
      .sort((a, b) => b - a)[0];
    return fail(
      'SEAT_WINDOW_CLOSED',
      removable === 0
        ? `No seats are inside their 7-day window${lastClosed === undefined ? '' : ` (the last closed on ${new Date(lastClosed).toISOString()})`}: seats are owed for the whole term once it closes.`
        : `Only ${removable} seat(s) are inside their 7-day window${next ? ` (the last closes ${next.toISOString()})` : ''}; the rest are owed for the whole term.`,
      turnAutoRenewOff,
    );
  }
  const removals: SeatRemoval[] = [];
  let left = quantity;
  for (const batch of open) {
    if (left === 0) break;
    const take = Math.min(left, batch.quantity - batch.removed);
    removals.push({ batchId: batch.id, quantity: take, refund: batchRefund(batch, take, now) });
    left -= take;
  }
  return ok(removals);
}

/**
 * S6: a whole subscription may be cancelled only inside the window of its purchase or its last renewal; every
 * seat still held is refunded as its batch allows (a batch whose window closed gets nothing back).
 */
export function cancelSubscription(
  state: SubscriptionState,
  batches: readonly SeatBatch[],
  now: Date,
): Outcome<SeatRemoval[], SeatChangeCode | 'ILLEGAL_TRANSITION'> {
  const move = nextSubscriptionState(state, 'CANCEL');
  if (!move.ok) return fail(move.code, move.message);
  const term = batches.filter((b) => b.kind !== 'ADD').sort((a, b) => b.startedAt.getTime() - a.startedAt.getTime())[0];
  if (!term || !batchWindowOpen(term, now))
    return fail(
      'SEAT_WINDOW_CLOSED',
      term
        ? `The cancellation window closed on ${batchWindowClosesAt(term).toISOString()}, 7 days after the ${term.kind === 'RENEWAL' ? 'renewal' : 'purchase'}.`
        : 'This subscription has no purchase or renewal to cancel within.',
      turnAutoRenewOff,
    );
  return ok(
    batches
      .filter((b) => b.quantity > b.removed)
      .map((b) => ({
        batchId: b.id,
        quantity: b.quantity - b.removed,
        refund: batchWindowOpen(b, now) ? batchRefund(b, b.quantity - b.removed, now) : zero(b.unitPaid.currency),
      })),
  );
}

/**
 * S4: seats added at `now` are charged for the days from now to the term end (they co-terminate with it), a
 * share of the term's price rounded down to the minor unit. Answers the unit charge and the days it covers.
 */
export function addSeatsCharge(
  termUnitPrice: Money,
  termStart: Date,
  termEnd: Date,
  now: Date,
): { unitCharge: Money; paidDays: number } {
  const termDays = Math.max(1, Math.round((termEnd.getTime() - termStart.getTime()) / DAY));
  const paidDays = Math.min(termDays, Math.max(0, Math.ceil((termEnd.getTime() - now.getTime()) / DAY)));
  return { unitCharge: prorateDown(termUnitPrice, paidDays, termDays), paidDays };
}
