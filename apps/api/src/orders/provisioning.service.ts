import { nextOrderState, type OrderEvent } from '@nce/domain';
import type { EntityManager } from 'typeorm';
import type { CustomerService } from '../customers/index.js';
import type { Database } from '../db/database.js';
import type { MailService } from '../mail/index.js';
import type { PartnerCenter } from '../partner-center/index.js';
import { Permission } from '../platform/permissions.js';
import {
  Forbidden,
  requirePermission,
  systemContext,
  type RequestContext,
  type Transactional,
} from '../platform/request-context.js';
import { fail, ok, type Result } from '../platform/result.js';
import type { Clock } from '../platform/clock.js';
import type { JobQueue } from '../platform/jobs/job-queue.js';
import type { TenantService } from '../tenants/index.js';
import type { SalesOrderEntity } from './entities.js';
import type { OrdersRepository } from './orders.repository.js';
import type { LineToProvision, OrderToProvision, ProvisioningRepository } from './provisioning.repository.js';
import type { OrderStatusWriter } from './order-status.js';
import { PROVISION_ORDER_JOB } from './purchase.service.js';

export const COMPLETE_ORDER_JOB = 'order.complete';

/** A line Partner Center has provisioned, with its order: what the subscriptions context opens one from. */
export type ProvisionedLine = Omit<LineToProvision, 'subscriptionId' | 'id'> &
  Pick<OrderToProvision, 'resellerId' | 'customerId' | 'currency' | 'paymentMethod'> & {
    orderId: string;
    lineId: string;
    tenantId: string;
    subscriptionId: string;
    /** Partner Center's etag of the new subscription (a change names it). */
    etag: string;
  };

/** Told of each provisioned line inside the transaction that records it. */
export type LineProvisionedListener = (tx: Transactional, line: ProvisionedLine) => Promise<void>;

/** Told, inside the transaction that marks the order provisioned, that Microsoft has set up all its lines. */
export type OrderProvisionedListener = (tx: Transactional, orderId: string) => Promise<void>;

/**
 * R19, R22: after Buy, licences are provisioned in the background. The provision job creates a new
 * tenant if one was requested and provisions each line (idempotently: a line with a subscription is
 * not provisioned again); the completion job, after the configured provisioning time, marks the order
 * provisioned and emails the administrative contact. Failures are retried with backoff and end in a
 * visible FAILED state with the reason.
 */
export class ProvisioningService {
  private readonly lineListeners: LineProvisionedListener[] = [];
  private readonly orderListeners: OrderProvisionedListener[] = [];

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly jobs: JobQueue,
    private readonly partnerCenter: PartnerCenter,
    private readonly tenants: TenantService,
    private readonly customers: CustomerService,
    private readonly mail: MailService,
    private readonly status: OrderStatusWriter,
    private readonly orders: OrdersRepository,
    private readonly provisioning: ProvisioningRepository,
    private readonly options: { provisioningDelayMs: number; publicUrl: () => string },
  ) {
    jobs.register(PROVISION_ORDER_JOB, (payload, _job, done) => this.provision(String(payload.orderId), done), {
      onRetry: (payload, error, job) =>
        this.note(
          String(payload.orderId),
          'PROVISIONING',
          `Attempt ${job.attempts} failed: ${error.message}. Retrying.`,
        ),
      onGiveUp: (payload, error) => this.fail(String(payload.orderId), error.message),
    });
    jobs.register(COMPLETE_ORDER_JOB, (payload, _job, done) => this.complete(String(payload.orderId), done), {
      onRetry: (payload, error) => this.note(String(payload.orderId), 'PROVISIONING', `${error.message}.`),
      onGiveUp: (payload, error) => this.fail(String(payload.orderId), error.message),
    });
  }

  /**
   * Another context's work on each provisioned line, in the transaction that records the line: it commits with
   * the line or not at all (the subscriptions context opens the subscription here).
   */
  onLineProvisioned(listener: LineProvisionedListener): void {
    this.lineListeners.push(listener);
  }

  /** Another context's work once Microsoft has set up every line (the subscriptions become active). */
  onOrderProvisioned(listener: OrderProvisionedListener): void {
    this.orderListeners.push(listener);
  }

  /** `done` marks the job done in the transaction that records the last subscription (see JobHandler). */
  async provision(orderId: string, done?: (m: EntityManager) => Promise<void>): Promise<void> {
    const order = await this.provisioning.order(orderId);
    if (!order) throw new Error(`no order ${orderId}`);
    if (order.status === 'PLACED')
      await this.transition(
        this.system,
        { id: order.id, status: order.status, soNumber: order.soNumber },
        'START_PROVISIONING',
        'Provisioning started.',
      );
    else if (order.status !== 'PROVISIONING') return;

    let tenantId = order.tenantId;
    if (order.choice === 'NEW' && order.state === 'REQUESTED') {
      const created = await this.tenants.create(systemContext(this.clock, 'system:provisioning'), order.customerId);
      if (!created.ok) throw new Error(created.failure.message);
      tenantId = created.value.tenantId;
      await this.note(orderId, 'PROVISIONING', `Tenant ${created.value.domain} created.`);
    }
    if (!tenantId) throw new Error('the customer has no tenant to provision into');
    const provisionedInto = tenantId;

    const lines = await this.provisioning.lines(orderId);
    const pending = lines.filter((l) => !l.subscriptionId);
    const transactionReseller = pending.length > 0 ? await this.tenants.resellerMpnId(order.resellerId) : null;
    // The completion job is queued with the last subscription recorded, and this job marked done there:
    // two commits fewer an order. A crash before it re-runs this job, which finds the lines done and queues it then.
    const finish = async (m: EntityManager) => {
      await this.jobs.enqueue(
        m,
        COMPLETE_ORDER_JOB,
        { orderId },
        {
          key: `${COMPLETE_ORDER_JOB}:${orderId}`,
          runAt: new Date(this.clock.now().getTime() + this.options.provisioningDelayMs),
        },
      );
      await done?.(m);
    };
    for (const [i, line] of pending.entries()) {
      const { subscriptionId, etag } = await this.partnerCenter.provisionLine({
        tenantId,
        productId: line.productId,
        skuId: line.skuId,
        term: line.term,
        billingPlan: line.billingPlan,
        quantity: line.quantity,
        customTermEndDate: line.trial ? null : line.termEnd,
        transactionReseller,
        reference: `${orderId}:${line.lineNumber}`,
      });
      await this.db.transaction(this.system, async (tx, m) => {
        await this.provisioning.lineProvisioned(tx, line.id, subscriptionId);
        const { id: lineId, subscriptionId: _pending, ...rest } = line;
        const provisioned: ProvisionedLine = {
          ...rest,
          lineId,
          orderId,
          subscriptionId,
          etag,
          tenantId: provisionedInto,
          resellerId: order.resellerId,
          customerId: order.customerId,
          currency: order.currency,
          paymentMethod: order.paymentMethod,
        };
        for (const listener of this.lineListeners) await listener(tx, provisioned);
        await this.event(
          tx,
          orderId,
          'PROVISIONING',
          `${line.quantity} × ${line.skuTitle}: subscription ${subscriptionId}.`,
        );
        if (i === pending.length - 1) await finish(m);
      });
    }
    if (pending.length === 0) await this.db.transaction(finish);
  }

  async complete(orderId: string, done?: (m: EntityManager) => Promise<void>): Promise<void> {
    const system = this.system;
    const order = await this.orders.byId(system, orderId);
    if (!order) throw new Error(`no order ${orderId}`);
    if (order.status !== 'PROVISIONING') return;
    const customer = await this.customers.get(system, order.customerId);
    if (!customer) throw new Error(`order ${orderId} names no customer`);
    const tenant = await this.tenants.chosen(system, customer);
    const lines = await this.orders.linesOf(system, orderId);
    // S2: Microsoft may still be setting a subscription up (an order can take up to 15 minutes): the job fails and
    // asks again later, with the reason on the order's timeline.
    for (const line of lines) {
      if (!line.subscriptionId || !tenant?.tenantId) continue;
      const status = await this.partnerCenter.provisioningStatus({
        tenantId: tenant.tenantId,
        subscriptionId: line.subscriptionId,
      });
      if (status !== 'success')
        throw new Error(
          `Microsoft ${status === 'failed' ? 'could not set up' : 'is still setting up'} subscription ${line.subscriptionId}`,
        );
    }
    await this.transition(system, order, 'PROVISIONING_SUCCEEDED', 'Licences provisioned.', async (tx, m) => {
      await this.orders.set(tx, orderId, { provisionedAt: this.clock.now().toISOString() });
      for (const listener of this.orderListeners) await listener(tx, orderId);
      await this.mail.enqueue(
        tx,
        {
          to: customer.adminContact.email,
          subject: `Your Microsoft licences are ready — order ${order.soNumber}`,
          body: [
            `Hello ${customer.adminContact.name},`,
            '',
            `The licences of order ${order.soNumber} for ${customer.companyName} have been provisioned to ${order.tenantDomain}:`,
            ...lines.map((l) => `  • ${l.quantity} × ${l.skuTitle} (subscription ${l.subscriptionId})`),
            '',
            'Where to find them: sign in to the Microsoft 365 admin center (admin.microsoft.com) → Billing → Your products.',
            'Microsoft lists Microsoft 365 licences first, followed by perpetual software.',
            ...(tenant?.choice === 'NEW'
              ? [
                  '',
                  `This is a new tenant. Its admin user ID and temporary password are in the customer portal (${this.options.publicUrl()}): Microsoft CSP → View Password. Note the user ID.`,
                ]
              : []),
            '',
            'Questions about billing, returns or sign-in: reply to your reseller or contact marketplace support.',
          ].join('\n'),
          relatedType: 'Order',
          relatedId: orderId,
        },
        `order-provisioned:${orderId}`,
      );
      await done?.(m);
    });
  }

  /** Staff retry a failed order's provisioning. */
  async retry(ctx: RequestContext, orderId: string): Promise<Result<void>> {
    // Staff only: a reseller's users see a failed order, and staff decide when to try again.
    if (ctx.principal?.kind === 'reseller') throw new Forbidden();
    requirePermission(ctx, Permission.OrdersManage);
    const order = await this.orders.byId(ctx, orderId);
    if (!order) return fail('RETRY_REFUSED', `No order ${orderId}.`);
    const next = nextOrderState(order.status, 'RETRY');
    if (!next.ok) return fail('RETRY_REFUSED', next.message);
    await this.transition(ctx, order, 'RETRY', 'Provisioning retried by staff.', (_tx, m) =>
      this.jobs.enqueue(
        m,
        PROVISION_ORDER_JOB,
        { orderId },
        { key: `${PROVISION_ORDER_JOB}:${orderId}:retry:${order.version}`, maxAttempts: 5 },
      ),
    );
    return ok(undefined);
  }

  private async fail(orderId: string, reason: string): Promise<void> {
    const order = await this.orders.byId(this.system, orderId);
    if (!order) throw new Error(`no order ${orderId}`);
    await this.transition(this.system, order, 'PROVISIONING_FAILED', `Provisioning failed: ${reason}`, (tx) =>
      this.orders.set(tx, orderId, { failureReason: reason }),
    );
  }

  /** What provisioning does by itself: the system, on the service's clock. */
  private get system(): RequestContext {
    return systemContext(this.clock, 'system:provisioning');
  }

  /** Moves the order through the one status writer, in a transaction of its own with `also`, done by `actor`. */
  private async transition(
    actor: RequestContext,
    order: Pick<SalesOrderEntity, 'id' | 'status' | 'soNumber'>,
    event: OrderEvent,
    message: string,
    also?: (tx: Transactional, m: EntityManager) => Promise<void>,
  ): Promise<void> {
    await this.db.transaction(actor, async (tx, m) => {
      await this.status.move(tx, order, event, message);
      await also?.(tx, m);
    });
  }

  private async note(orderId: string, state: string, message: string): Promise<void> {
    await this.db.transaction(this.system, (tx) => this.event(tx, orderId, state, message));
  }

  private async event(tx: Transactional, orderId: string, state: string, message: string): Promise<void> {
    await this.orders.appendEvent(tx, orderId, this.clock.now(), state, message);
  }
}
