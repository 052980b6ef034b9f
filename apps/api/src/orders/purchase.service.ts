import { createHash, randomUUID } from 'node:crypto';
import {
  canCreateNewTenant,
  canPayWith,
  canUseExistingTenant,
  defaultPaymentMethod,
  formatSalesOrderNumber,
  purchaseReadiness,
  type Money,
  type PaymentMethod,
  type Prerequisite,
  type PurchaseContext,
  type Readiness,
} from '@nce/domain';
import { GraphQLError } from 'graphql';
import type { EntityManager } from 'typeorm';
import type { AuditService } from '../audit/audit.service.js';
import { CustomerEntity } from '../customers/customer.entity.js';
import type { Database } from '../db/database.js';
import { portable } from '../db/sql.js';
import type { PartnerCenter } from '../partner-center/partner-center.js';
import { systemActor, type Actor } from '../platform/actor.js';
import type { Clock } from '../platform/clock.js';
import type { JobQueue } from '../platform/jobs/job-queue.js';
import type { ResellerService } from '../resellers/reseller.service.js';
import type { TenantService } from '../tenants/tenant.service.js';
import type { TermsService } from '../terms/terms.service.js';
import type { CartService, CartView } from './cart.service.js';
import { CartEntity, OrderLineEntity, SalesOrderEntity } from './entities.js';
import { appendOrderEvent } from './order-events.js';

export const PROVISION_ORDER_JOB = 'order.provision';

export interface BuyRequest {
  idempotencyKey: string;
  poNumber?: string | null;
  paymentMethod?: PaymentMethod | null;
}

export type BuyResult =
  | { ok: true; order: SalesOrderEntity; replayed: boolean }
  | { ok: false; code: 'NOT_READY'; message: string; unmet: Prerequisite[] }
  | { ok: false; code: 'PRICES_CHANGED'; message: string; changes: { title: string; before: number; after: number | null; currency: string }[] }
  | { ok: false; code: 'IDEMPOTENCY_KEY_REUSED' | 'INVALID_REQUEST' | 'CART_CHANGED' | 'CREDIT_LIMIT_EXCEEDED' | 'TERMS_NOT_APPROVED'; message: string; field?: string };

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
    private readonly resellers: ResellerService,
    private readonly tenants: TenantService,
    private readonly terms: TermsService,
    private readonly distributorPartnerId: string,
  ) {}

  /** Every unmet prerequisite of the reseller's cart at once, each with its code, reason and fix. */
  async readiness(resellerId: string, paymentMethod?: PaymentMethod | null): Promise<Readiness & { paymentMethod: PaymentMethod; total: Money | null }> {
    const context = await this.context(resellerId, paymentMethod);
    if (!context) throw new GraphQLError('No reseller has that id.', { extensions: { code: 'BAD_USER_INPUT', argumentName: 'resellerId' } });
    return { ...purchaseReadiness(context), paymentMethod: context.payment.method, total: context.cart.total };
  }

  async buy(actor: Actor, resellerId: string, request: BuyRequest): Promise<BuyResult> {
    const key = request.idempotencyKey?.trim() ?? '';
    if (!/^[\w:.-]{8,120}$/.test(key)) return { ok: false, code: 'INVALID_REQUEST', message: 'The idempotency key is 8 to 120 letters, digits or - _ : .', field: 'idempotencyKey' };
    const poNumber = request.poNumber?.trim() || null;
    if (poNumber && poNumber.length > 40) return { ok: false, code: 'INVALID_REQUEST', message: 'A PO number has at most 40 characters.', field: 'poNumber' };
    const requestHash = hashOf({ poNumber, paymentMethod: request.paymentMethod ?? null });

    const replay = await this.replay(this.db.read, resellerId, key, requestHash);
    if (replay) return replay;

    const context = await this.context(resellerId, request.paymentMethod);
    if (!context) return { ok: false, code: 'INVALID_REQUEST', message: 'No reseller has that id.', field: 'resellerId' };
    const readiness = purchaseReadiness(context);
    if (!readiness.ready) {
      // A twin request with this key may have checked the cart out since the first look: that is its order, not a refusal.
      return (await this.replay(this.db.read, resellerId, key, requestHash)) ?? { ok: false, code: 'NOT_READY', message: `${readiness.unmet.length} prerequisite(s) are not met.`, unmet: readiness.unmet };
    }
    const view = await this.carts.view(resellerId);
    if (!view) {
      // A twin request with this key may have checked the cart out a moment ago.
      return (await this.replay(this.db.read, resellerId, key, requestHash)) ?? { ok: false, code: 'CART_CHANGED', message: 'The cart was just checked out or emptied; review it and buy again.' };
    }
    const changed = view.lines.filter((l) => l.currentUnitPriceMinor !== l.unitPriceMinor);
    if (changed.length) {
      // R16: never charge a changed price silently; the cart takes today's prices for the next confirmation.
      await this.db.transaction(async (m) => {
        for (const line of changed) if (line.currentUnitPriceMinor !== null) await m.query(portable(this.db.kind, 'UPDATE cart_line SET unit_price_minor = ? WHERE id = ?'), [line.currentUnitPriceMinor, line.id]);
      });
      return {
        ok: false,
        code: 'PRICES_CHANGED',
        message: 'Prices changed since the cart was priced; confirm the new figures and buy again.',
        changes: changed.map((l) => ({ title: l.skuTitle, before: l.unitPriceMinor, after: l.currentUnitPriceMinor, currency: l.currency })),
      };
    }

    try {
      return await this.db.transaction(async (m) => {
        const again = await this.replay(m, resellerId, key, requestHash);
        if (again) return again;
        const cart = await m.findOneBy(CartEntity, { openKey: resellerId });
        const cartChanged = async () =>
          // Under READ COMMITTED a twin with this key may have committed since our first look.
          (await this.replay(m, resellerId, key, requestHash)) ?? { ok: false as const, code: 'CART_CHANGED' as const, message: 'The cart changed while you checked out; review it and buy again.' };
        if (!cart || cart.version !== view.cart.version) return cartChanged();
        // Claim the cart before anything else: one transaction checks out this version of it. On PostgreSQL
        // a concurrent Buy waits here on the row lock, then finds the version moved on and stops.
        const claimed = await m
          .createQueryBuilder()
          .update(CartEntity)
          .set({ openKey: null, status: 'CHECKED_OUT', updatedAt: this.clock.now().toISOString(), version: () => 'version + 1' })
          .where('id = :id AND version = :version', { id: cart.id, version: cart.version })
          .execute();
        if (claimed.affected !== 1) return cartChanged();
        if (context.payment.method === 'TERMS') {
          // Checked again inside the transaction, so concurrent orders on terms never exceed the limit together.
          const standing = await this.terms.standing(resellerId, m);
          const verdict = canPayWith('TERMS', context.cart.total!, standing.limit ? { approved: true, limit: standing.limit, used: standing.used! } : null);
          if (!verdict.allowed) return { ok: false as const, code: verdict.code === 'TERMS_NOT_APPROVED' ? ('TERMS_NOT_APPROVED' as const) : ('CREDIT_LIMIT_EXCEEDED' as const), message: verdict.message };
        }
        const order = await this.place(m, actor, cart, view, context, { key, requestHash, poNumber });
        if (order.paymentMethod === 'TERMS') await this.terms.charge(m, resellerId, { amountMinor: order.totalMinor, currency: order.currency }, order.id, order.soNumber);
        return { ok: true as const, order, replayed: false };
      });
    } catch (error) {
      // Two requests with one key racing past the check on PostgreSQL: the unique index decides.
      const replayAfterRace = await this.replay(this.db.read, resellerId, key, requestHash);
      if (replayAfterRace) return replayAfterRace;
      throw error;
    }
  }

  private async replay(m: EntityManager, resellerId: string, key: string, requestHash: string): Promise<BuyResult | null> {
    const existing = await m.findOneBy(SalesOrderEntity, { resellerId, idempotencyKey: key });
    if (!existing) return null;
    if (existing.requestHash !== requestHash) {
      return { ok: false, code: 'IDEMPOTENCY_KEY_REUSED', message: `This idempotency key was used for order ${existing.soNumber} with a different request.`, field: 'idempotencyKey' };
    }
    return { ok: true, order: existing, replayed: true };
  }

  private async place(m: EntityManager, actor: Actor, cart: CartEntity, view: CartView, context: PurchaseContext, request: { key: string; requestHash: string; poNumber: string | null }): Promise<SalesOrderEntity> {
    const now = this.clock.now();
    const day = now.toISOString().slice(0, 10).replace(/-/g, '');
    // The upsert locks the day's row until commit (PostgreSQL) or holds the only writer (SQLite).
    await m.query(portable(this.db.kind, 'INSERT INTO so_sequence (day, last) VALUES (?, 1) ON CONFLICT (day) DO UPDATE SET last = so_sequence.last + 1'), [day]);
    const [{ last }] = await m.query(portable(this.db.kind, 'SELECT last FROM so_sequence WHERE day = ?'), [day]);
    const tenant = context.tenant!;
    const order = m.create(SalesOrderEntity, {
      id: randomUUID(),
      soNumber: formatSalesOrderNumber(now, Number(last)),
      resellerId: cart.resellerId,
      customerId: cart.customerId!,
      status: 'PLACED',
      paymentMethod: context.payment.method,
      poNumber: request.poNumber,
      currency: context.cart.total!.currency,
      totalMinor: context.cart.total!.amountMinor,
      idempotencyKey: request.key,
      requestHash: request.requestHash,
      tenantDomain: tenant.domain ?? '',
      placedByUserId: actor.principal?.userId ?? null,
      placedAt: now.toISOString(),
      provisionedAt: null,
      failureReason: null,
      updatedAt: now.toISOString(),
    });
    await m.save(order);
    await m.insert(
      OrderLineEntity,
      view.lines.map((line, i) => ({
        id: randomUUID(),
        orderId: order.id,
        lineNumber: i + 1,
        priceId: line.priceId,
        productId: line.productId,
        productTitle: line.productTitle,
        skuId: line.skuId,
        skuTitle: line.skuTitle,
        term: line.term,
        billingPlan: line.billingPlan,
        quantity: line.quantity,
        unitPriceMinor: line.unitPriceMinor,
        lineTotalMinor: line.unitPriceMinor * line.quantity,
        subscriptionId: null,
        returnedQuantity: 0,
        status: 'PENDING' as const,
      })),
    );
    await appendOrderEvent(m, order.id, now, 'PLACED', `Order ${order.soNumber} placed${request.poNumber ? ` (PO ${request.poNumber})` : ''}; paid by ${order.paymentMethod === 'TERMS' ? 'terms' : 'credit card'}.`);
    await this.jobs.enqueue(m, PROVISION_ORDER_JOB, { orderId: order.id }, { key: `${PROVISION_ORDER_JOB}:${order.id}`, maxAttempts: 5 });
    await this.audit.record(m, actor, {
      operation: 'orders.buy',
      entityType: 'Order',
      entityId: order.id,
      changes: { soNumber: { before: null, after: order.soNumber }, total: { before: null, after: `${order.totalMinor} ${order.currency}` } },
    });
    return order;
  }

  /** What the purchase rules decide on; null when no reseller has that id. */
  private async context(resellerId: string, requestedMethod?: PaymentMethod | null): Promise<PurchaseContext | null> {
    const reseller = await this.resellers.get(resellerId);
    if (!reseller) return null;
    const [checks, view, previousOrders] = await Promise.all([
      this.resellers.checks(systemActor('system:preflight'), resellerId),
      this.carts.view(resellerId),
      this.db.read.countBy(SalesOrderEntity, { resellerId }),
    ]);
    const lines = view?.lines ?? [];
    const currency = view?.cart.currency ?? null;
    const total = currency ? { amountMinor: lines.reduce((sum, l) => sum + (l.currentUnitPriceMinor ?? l.unitPriceMinor) * l.quantity, 0), currency } : null;
    const customer = view?.cart.customerId ? await this.db.read.findOneBy(CustomerEntity, { id: view.cart.customerId }) : null;
    const chosen = customer ? await this.tenants.get(customer.id) : null;
    let tenant: PurchaseContext['tenant'] = null;
    if (customer && chosen) {
      if (chosen.choice === 'NEW') {
        const available = chosen.state === 'CREATED' || !(await this.partnerCenter.domainExists(chosen.domain));
        tenant = { choice: 'NEW', domain: chosen.domain, verdict: canCreateNewTenant(customer.segment), available };
      } else {
        const existing = await this.partnerCenter.findCustomerTenant(chosen.domain);
        tenant = { choice: 'EXISTING', domain: chosen.domain, verdict: canUseExistingTenant(customer.segment, existing, this.distributorPartnerId) };
      }
    }
    const standing = await this.terms.standing(resellerId);
    const terms = standing.limit ? { approved: true, limit: standing.limit, used: standing.used! } : null;
    return {
      reseller: { status: reseller.status },
      identifierChecks: checks?.checks ?? [],
      cart: { priceSegment: view?.cart.priceSegment ?? null, lines: lines.map((l) => ({ title: l.skuTitle, quantity: l.quantity, maxQuantity: l.maxQuantity ?? undefined })), total },
      customer: customer ? { name: customer.companyName, segment: customer.segment, missingFields: [] } : null,
      tenant,
      attestation: chosen?.attestedAt ? { signedAt: new Date(chosen.attestedAt), signedBy: chosen.attestedByEmail ?? '' } : null,
      payment: { method: requestedMethod ?? defaultPaymentMethod(previousOrders === 0, terms), terms },
    };
  }
}
