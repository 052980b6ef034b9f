import { createHash, randomUUID } from 'node:crypto';
import {
  canCreateNewTenant,
  canPayWith,
  canUseExistingTenant,
  type CustomerSegment,
  defaultPaymentMethod,
  formatMoney,
  formatSalesOrderNumber,
  purchaseReadiness,
  TRIAL_SEATS,
  type Money,
  type PaymentMethod,
  type Prerequisite,
  type PurchaseContext,
  type Readiness,
} from '@nce/domain';
import type { AuditService } from '../audit/index.js';
import type { DomainEvents } from '../platform/domain-events.js';
import type { Database } from '../db/database.js';
import type { PartnerCenter } from '../partner-center/index.js';
import { Permission } from '../platform/permissions.js';
import {
  actingFor,
  BadInput,
  systemContext,
  type RequestContext,
  type Transactional,
} from '../platform/request-context.js';
import { fail, ok, type Result } from '../platform/result.js';
import type { Clock } from '../platform/clock.js';
import type { JobQueue } from '../platform/jobs/job-queue.js';
import type { ResellerService } from '../resellers/index.js';
import type { TermsService } from '../terms/index.js';
import type { CartService, CartView } from './cart.service.js';
import type { OrderEventEntity, SalesOrderEntity } from './entities.js';
import type { ListedOrder, OrderQueryService } from './order-query.service.js';
import type { PurchaseRepository } from './purchase.repository.js';

export const PROVISION_ORDER_JOB = 'order.provision';

export interface BuyRequest {
  idempotencyKey: string;
  poNumber?: string | null;
  paymentMethod?: PaymentMethod | null;
  /** The cart version the buyer saw and confirmed; a Buy against another version is refused with today's figures. */
  cartVersion?: number | null;
  /** The total (minor units) the buyer saw and confirmed. */
  expectedTotalMinor?: number | null;
}

/** `placed`: a new order as the API shows it, built from what Buy wrote, so answering it reads nothing back. */
export interface Bought {
  order: SalesOrderEntity;
  replayed: boolean;
  placed: PlacedOrder;
}

/** A Buy as its transaction ends: a replay has not read its order back yet (buy() does, outside the transaction). */
type Attempt = Omit<Bought, 'placed'> & { placed?: PlacedOrder };

/** The details of a NOT_READY refusal. */
export interface NotReady {
  unmet: Prerequisite[];
}

/** The details of a PRICES_CHANGED refusal: each changed line, before and after, in minor units. */
export interface PricesChanged {
  changes: { title: string; before: number; after: number | null; currency: string }[];
}

/** A refused Buy; `field` names the input at fault, where there is one. */
const refused = (code: string, message: string, field?: string) =>
  fail(code, message, { fix: field ? { kind: 'field', field, label: message } : null });

export type PlacedOrder = ListedOrder & { events: Pick<OrderEventEntity, 'at' | 'state' | 'message'>[] };

/** What the purchase rules read in one statement: the reseller, the cart's customer and its tenant choice. */
const hashOf = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');

/** The purchase flow's last steps: pre-flight readiness, then Buy (R1, R9, R10, R13, R16–R18). */
export class PurchaseService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly jobs: JobQueue,
    private readonly partnerCenter: PartnerCenter,
    private readonly carts: CartService,
    private readonly orders: OrderQueryService,
    private readonly resellers: ResellerService,
    private readonly terms: TermsService,
    private readonly purchases: PurchaseRepository,
    private readonly distributorPartnerId: string,
    private readonly events: DomainEvents | null = null,
  ) {}

  /** Every unmet prerequisite of the reseller's cart at once, each with its code, reason and fix. */
  async readiness(
    ctx: RequestContext,
    resellerId: string,
    paymentMethod?: PaymentMethod | null,
  ): Promise<Readiness & { paymentMethod: PaymentMethod; total: Money | null }> {
    actingFor(ctx, resellerId, Permission.OrdersManage);
    const found = await this.context(ctx, resellerId, paymentMethod);
    if (!found) throw new BadInput('No reseller has that id.', 'resellerId');
    const { context } = found;
    return { ...purchaseReadiness(context), paymentMethod: context.payment.method, total: context.cart.total };
  }

  async buy(ctx: RequestContext, resellerId: string, request: BuyRequest): Promise<Result<Bought>> {
    const result = await this.attempt(ctx, resellerId, request);
    // A replayed Buy answers with the order as it is now.
    if (!result.ok) return result;
    const { order, replayed, placed } = result.value;
    return ok({ order, replayed, placed: placed ?? (await this.orders.get(ctx, order.id))! });
  }

  private async attempt(ctx: RequestContext, resellerId: string, request: BuyRequest): Promise<Result<Attempt>> {
    const actor = actingFor(ctx, resellerId, Permission.OrdersManage);
    if (request.paymentMethod && request.paymentMethod !== 'CREDIT_CARD' && request.paymentMethod !== 'TERMS') {
      return fail('INVALID_REQUEST', 'The payment method is CREDIT_CARD or TERMS.', {
        fix: { kind: 'field', field: 'paymentMethod', label: 'Choose a payment method' },
      });
    }
    const key = request.idempotencyKey?.trim() ?? '';
    if (!/^[\w:.-]{8,120}$/.test(key))
      return refused('INVALID_REQUEST', 'The idempotency key is 8 to 120 letters, digits or - _ : .', 'idempotencyKey');
    const poNumber = request.poNumber?.trim() || null;
    if (poNumber && poNumber.length > 40)
      return refused('INVALID_REQUEST', 'A PO number has at most 40 characters.', 'poNumber');
    const requestHash = hashOf({ poNumber, paymentMethod: request.paymentMethod ?? null });

    const replay = await this.replay(ctx, resellerId, key, requestHash);
    if (replay) return replay;

    const found = await this.context(ctx, resellerId, request.paymentMethod);
    if (!found) return refused('INVALID_REQUEST', 'No reseller has that id.', 'resellerId');
    const { context, view } = found;
    const readiness = purchaseReadiness(context);
    if (!readiness.ready) {
      // A twin request with this key may have checked the cart out since the first look: that is its order, not a
      // refusal.
      return (
        (await this.replay(ctx, resellerId, key, requestHash)) ??
        fail<NotReady>('NOT_READY', `${readiness.unmet.length} prerequisite(s) are not met.`, {
          details: { unmet: readiness.unmet },
        })
      );
    }
    if (!view) {
      // A twin request with this key may have checked the cart out a moment ago.
      return (
        (await this.replay(ctx, resellerId, key, requestHash)) ??
        refused('CART_CHANGED', 'The cart was just checked out or emptied; review it and buy again.')
      );
    }
    // What the buyer confirmed must be what is bought: a cart edited since (another tab, a late save) or a
    // total that differs stops here with the cart's current figures, as a changed price does (R16).
    const total = context.cart.total;
    if (
      (request.cartVersion != null && request.cartVersion !== view.cart.version) ||
      (request.expectedTotalMinor != null && total && request.expectedTotalMinor !== total.amountMinor)
    ) {
      const replayed = await this.replay(ctx, resellerId, key, requestHash);
      if (replayed) return replayed;
      const items = view.lines.reduce((sum, l) => sum + l.quantity, 0);
      return refused(
        'CART_CHANGED',
        `The cart changed since you confirmed it: it now holds ${view.lines.length === 1 ? '1 line' : `${view.lines.length} lines`} (${items === 1 ? '1 licence' : `${items} licences`}) for ${total ? formatMoney(total) : 'nothing'}. Review it and buy again.`,
      );
    }
    const changed = view.lines.filter((l) => l.currentUnitPriceMinor !== l.unitPriceMinor);
    if (changed.length) {
      // R16: never charge a changed price silently; the cart takes today's prices for the next confirmation.
      await this.carts.takeTodaysPrices(actor, changed);
      return fail<PricesChanged>(
        'PRICES_CHANGED',
        'Prices changed since the cart was priced; confirm the new figures and buy again.',
        {
          details: {
            changes: changed.map((l) => ({
              title: l.skuTitle,
              before: l.unitPriceMinor,
              after: l.currentUnitPriceMinor,
              currency: l.currency,
            })),
          },
        },
      );
    }

    const now = this.clock.now();
    // Where Buys run side by side (PostgreSQL), the SO number is drawn before the transaction in a statement of its
    // own: drawn inside, the day's one sequence row stayed locked until commit and every Buy waited for the one
    // before (the bench's ceiling: 130 orders/s whatever the cores). A Buy refused or failed after drawing leaves a
    // gap in the day's numbers. SQLite has one writer at a time anyway, and draws inside.
    const drawn = this.db.kind === 'postgres' ? await this.purchases.drawSequence(sequenceDay(now)) : null;
    try {
      return await this.db.transaction(actor, async (tx) => {
        const again = await this.replay(tx, resellerId, key, requestHash);
        if (again) return again;
        const cartChanged = async () =>
          // Under READ COMMITTED a twin with this key may have committed since our first look.
          (await this.replay(tx, resellerId, key, requestHash)) ??
          refused('CART_CHANGED', 'The cart changed while you checked out; review it and buy again.');
        // Claim the cart before anything else: one transaction checks out the version of it that was priced
        // above. On PostgreSQL a concurrent Buy waits here on the row lock, then finds the version moved on and stops.
        if (!(await this.carts.checkOut(tx, view.cart))) return cartChanged();
        if (context.payment.method === 'TERMS') {
          // Checked again inside the transaction, so concurrent orders on terms never exceed the limit together.
          const credit = await this.terms.creditInUse(tx, resellerId);
          const verdict = canPayWith('TERMS', context.cart.total!, credit ? { approved: true, ...credit } : null);
          if (!verdict.allowed)
            return refused(
              verdict.code === 'TERMS_NOT_APPROVED' ? 'TERMS_NOT_APPROVED' : 'CREDIT_LIMIT_EXCEEDED',
              verdict.message,
            );
        }
        const { order, placed } = await this.place(tx, view, found.names, context, {
          key,
          requestHash,
          poNumber,
          now,
          drawn,
        });
        if (order.paymentMethod === 'TERMS')
          await this.terms.charge(
            tx,
            resellerId,
            { amountMinor: order.totalMinor, currency: order.currency },
            order.id,
            order.soNumber,
          );
        return ok<Attempt>({ order, replayed: false, placed });
      });
    } catch (error) {
      // Two requests with one key racing past the check on PostgreSQL: the unique index decides.
      const replayAfterRace = await this.replay(ctx, resellerId, key, requestHash);
      if (replayAfterRace) return replayAfterRace;
      throw error;
    }
  }

  /** The order this key already placed, if any: in the Buy's transaction when `ctx` is in it. */
  private async replay(
    ctx: RequestContext,
    resellerId: string,
    key: string,
    requestHash: string,
  ): Promise<Result<Attempt> | null> {
    const hit = await this.purchases.placedWithKey(ctx, resellerId, key);
    if (!hit) return null;
    if (hit.request_hash !== requestHash) {
      return refused(
        'IDEMPOTENCY_KEY_REUSED',
        `This idempotency key was used for order ${hit.so_number} with a different request.`,
        'idempotencyKey',
      );
    }
    return ok({ order: await this.purchases.order(ctx, hit.id), replayed: true });
  }

  private async place(
    tx: Transactional,
    view: CartView,
    names: { reseller: string; customer: string },
    context: PurchaseContext,
    request: { key: string; requestHash: string; poNumber: string | null; now: Date; drawn: number | null },
  ): Promise<{ order: SalesOrderEntity; placed: PlacedOrder }> {
    const now = request.now;
    const at = now.toISOString();
    const last = request.drawn ?? (await this.purchases.nextSequence(tx, sequenceDay(now)));
    const tenant = context.tenant!;
    const order: SalesOrderEntity = {
      id: randomUUID(),
      soNumber: formatSalesOrderNumber(now, Number(last)),
      resellerId: view.cart.resellerId,
      customerId: view.cart.customerId!,
      status: 'PLACED',
      paymentMethod: context.payment.method,
      poNumber: request.poNumber,
      currency: context.cart.total!.currency,
      totalMinor: context.cart.total!.amountMinor,
      idempotencyKey: request.key,
      requestHash: request.requestHash,
      tenantDomain: tenant.domain ?? '',
      placedByUserId: tx.principal?.userId ?? null,
      placedAt: at,
      provisionedAt: null,
      failureReason: null,
      updatedAt: at,
      version: 1,
    };
    // S15: a co-termed line is charged for the days of its shortened first period (the price was checked above).
    const lines = view.lines.map((line, i) => ({
      line,
      lineNumber: i + 1,
      lineTotalMinor: line.firstUnitChargeMinor * line.quantity,
    }));
    const event = {
      at,
      state: 'PLACED',
      message: `Order ${order.soNumber} placed${request.poNumber ? ` (PO ${request.poNumber})` : ''}; paid by ${order.paymentMethod === 'TERMS' ? 'terms' : 'credit card'}.`,
    };
    await this.purchases.insert(
      tx,
      order,
      lines.map(({ line, lineNumber, lineTotalMinor }) => ({
        ...line,
        lineNumber,
        lineTotalMinor,
        termEnd: line.termEnd,
        promotionId: line.promotionId,
        priceRule: line.priceRule,
      })),
      event,
    );
    await this.jobs.enqueue(
      tx.transaction,
      PROVISION_ORDER_JOB,
      { orderId: order.id },
      { key: `${PROVISION_ORDER_JOB}:${order.id}`, maxAttempts: 5 },
    );
    await this.audit.record(tx, {
      operation: 'orders.buy',
      entityType: 'Order',
      entityId: order.id,
      changes: {
        soNumber: { before: null, after: order.soNumber },
        total: { before: null, after: `${order.totalMinor} ${order.currency}` },
      },
    });
    await this.events?.publish(tx, [
      {
        type: 'order.placed',
        resellerId: order.resellerId,
        subject: { type: 'order', id: order.id },
        at,
        data: {
          orderId: order.id,
          soNumber: order.soNumber,
          customerId: order.customerId,
          total: { amountMinor: order.totalMinor, currency: order.currency },
          paymentMethod: order.paymentMethod,
          poNumber: order.poNumber,
          lines: lines.map(({ line, lineNumber }) => ({
            lineNumber,
            skuTitle: line.skuTitle,
            quantity: line.quantity,
            term: line.term,
            billingPlan: line.billingPlan,
          })),
        },
      },
    ]);
    const placed: PlacedOrder = {
      id: order.id,
      soNumber: order.soNumber,
      resellerId: order.resellerId,
      resellerName: names.reseller,
      customerId: order.customerId,
      customerName: names.customer,
      status: order.status,
      paymentMethod: order.paymentMethod,
      poNumber: order.poNumber,
      currency: order.currency,
      totalMinor: order.totalMinor,
      tenantDomain: order.tenantDomain,
      placedAt: at,
      provisionedAt: null,
      failureReason: null,
      events: [event],
      lines: lines.map(({ line, lineNumber, lineTotalMinor }) => ({
        orderId: order.id,
        lineNumber,
        productTitle: line.productTitle,
        skuTitle: line.skuTitle,
        term: line.term,
        billingPlan: line.billingPlan,
        quantity: line.quantity,
        unitPriceMinor: line.unitPriceMinor,
        lineTotalMinor,
        subscriptionId: null,
        status: 'PENDING',
      })),
    };
    return { order, placed };
  }

  /** What the purchase rules decide on, and the cart they were decided for; null when no reseller has that id. */
  private async context(
    ctx: RequestContext,
    resellerId: string,
    requestedMethod?: PaymentMethod | null,
  ): Promise<{
    context: PurchaseContext;
    view: CartView | null;
    names: { reseller: string; customer: string };
  } | null> {
    const view = await this.carts.view(ctx, resellerId);
    const row = await this.purchases.facts(resellerId, view?.cart.customerId ?? null);
    if (!row) return null;
    const checks = await this.resellers.checksOf(systemContext(ctx.clock, 'system:preflight'), {
      id: resellerId,
      checks: row.checks,
      checksAt: row.checksAt,
      mpnLocationId: row.mpnLocationId,
      resellerDomain: row.resellerDomain,
    });
    const lines = view?.lines ?? [];
    const currency = view?.cart.currency ?? null;
    const total = currency
      ? {
          amountMinor: lines.reduce((sum, l) => sum + l.firstUnitChargeMinor * l.quantity, 0),
          currency,
        }
      : null;
    const customer: { segment: CustomerSegment; companyName: string } | null = row.customerId
      ? { segment: row.segment, companyName: row.customerName ?? '' }
      : null;
    let tenant: PurchaseContext['tenant'] = null;
    if (customer && row.choice) {
      if (row.choice === 'NEW') {
        const available = row.state === 'CREATED' || !(await this.partnerCenter.domainExists(row.domain));
        tenant = { choice: 'NEW', domain: row.domain, verdict: canCreateNewTenant(customer.segment), available };
      } else {
        const existing = await this.partnerCenter.findCustomerTenant(row.domain);
        tenant = {
          choice: 'EXISTING',
          domain: row.domain,
          verdict: canUseExistingTenant(
            customer.segment,
            existing,
            this.distributorPartnerId,
            row.mpnLocationId ?? null,
          ),
        };
      }
    }
    const credit = await this.terms.creditInUse(ctx, resellerId);
    const terms = credit ? { approved: true, ...credit } : null;
    const context: PurchaseContext = {
      reseller: { status: row.status },
      identifierChecks: checks.checks,
      cart: {
        priceSegment: view?.cart.priceSegment ?? null,
        lines: lines.map((l) => ({
          title: l.skuTitle,
          quantity: l.quantity,
          minQuantity: l.trial ? TRIAL_SEATS : undefined,
          maxQuantity: l.trial ? TRIAL_SEATS : (l.maxQuantity ?? undefined),
          endDateProblem: l.endDateProblem,
        })),
        total,
      },
      customer: customer ? { name: customer.companyName, segment: customer.segment, missingFields: [] } : null,
      tenant,
      attestation: row.attestedAt ? { signedAt: new Date(row.attestedAt), signedBy: row.attestedByEmail ?? '' } : null,
      payment: { method: requestedMethod ?? defaultPaymentMethod(!row.hasOrders, terms), terms },
    };
    return { context, view, names: { reseller: row.resellerName, customer: row.customerName ?? '' } };
  }
}

/** The day an SO number is counted in (YYYYMMDD, UTC), as its `SO-YYYYMMDD-` prefix shows. */
const sequenceDay = (at: Date) => at.toISOString().slice(0, 10).replace(/-/g, '');
