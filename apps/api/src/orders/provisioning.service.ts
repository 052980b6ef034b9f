import { CUSTOMER_TENANTS } from '../tenants/published.js';
import { nextOrderState, type BillingPlan, type OrderEvent, type OrderState, type Term } from '@nce/domain';
import type { EntityManager } from 'typeorm';
import type { CustomerService } from '../customers/index.js';
import type { Database } from '../db/database.js';
import { portable } from '../db/sql.js';
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
import { OrderLineEntity, SalesOrderEntity } from './entities.js';
import { appendOrderEvent } from './order-events.repository.js';
import type { OrderStatusWriter } from './order-status.js';
import { PROVISION_ORDER_JOB } from './purchase.service.js';

export const COMPLETE_ORDER_JOB = 'order.complete';

/**
 * R19, R22: after Buy, licences are provisioned in the background. The provision job creates a new
 * tenant if one was requested and provisions each line (idempotently: a line with a subscription is
 * not provisioned again); the completion job, after the configured provisioning time, marks the order
 * provisioned and emails the administrative contact. Failures are retried with backoff and end in a
 * visible FAILED state with the reason.
 */
export class ProvisioningService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly jobs: JobQueue,
    private readonly partnerCenter: PartnerCenter,
    private readonly tenants: TenantService,
    private readonly customers: CustomerService,
    private readonly mail: MailService,
    private readonly status: OrderStatusWriter,
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
    jobs.register(COMPLETE_ORDER_JOB, (payload, _job, done) => this.complete(String(payload.orderId), done));
  }

  /** `done` marks the job done in the transaction that records the last subscription (see JobHandler). */
  async provision(orderId: string, done?: (m: EntityManager) => Promise<void>): Promise<void> {
    // The order and its tenant choice in one statement: this runs once for every order placed.
    const [order] = await this.db.select<{
      id: string;
      so_number: string;
      status: OrderState;
      customer_id: string;
      choice: string | null;
      state: string | null;
      tenant_id: string | null;
    }>(
      `SELECT o.id, o.so_number, o.status, o.customer_id, t.choice, t.state, t.tenant_id FROM sales_order o LEFT JOIN ${CUSTOMER_TENANTS} t ON t.customer_id = o.customer_id WHERE o.id = ?`,
      [orderId],
    );
    if (!order) throw new Error(`no order ${orderId}`);
    if (order.status === 'PLACED')
      await this.transition(
        { id: order.id, status: order.status, soNumber: order.so_number },
        'START_PROVISIONING',
        'Provisioning started.',
      );
    else if (order.status !== 'PROVISIONING') return;

    let tenantId = order.tenant_id;
    if (order.choice === 'NEW' && order.state === 'REQUESTED') {
      const created = await this.tenants.create(systemContext(this.clock, 'system:provisioning'), order.customer_id);
      if (!created.ok) throw new Error(created.failure.message);
      tenantId = created.value.tenantId;
      await this.note(orderId, 'PROVISIONING', `Tenant ${created.value.domain} created.`);
    }
    if (!tenantId) throw new Error('the customer has no tenant to provision into');

    const lines = await this.db.select<{
      id: string;
      line_number: number;
      product_id: string;
      sku_id: string;
      sku_title: string;
      term: Term;
      billing_plan: BillingPlan;
      quantity: number;
      subscription_id: string | null;
    }>(
      'SELECT id, line_number, product_id, sku_id, sku_title, term, billing_plan, quantity, subscription_id FROM order_line WHERE order_id = ? ORDER BY line_number',
      [orderId],
    );
    const pending = lines.filter((l) => !l.subscription_id);
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
      const { subscriptionId } = await this.partnerCenter.provisionLine({
        tenantId,
        productId: line.product_id,
        skuId: line.sku_id,
        term: line.term,
        billingPlan: line.billing_plan,
        quantity: Number(line.quantity),
        reference: `${orderId}:${line.line_number}`,
      });
      await this.db.transaction(async (m) => {
        await m.query(
          portable(this.db.kind, "UPDATE order_line SET subscription_id = ?, status = 'PROVISIONED' WHERE id = ?"),
          [subscriptionId, line.id],
        );
        await this.event(
          m,
          orderId,
          'PROVISIONING',
          `${line.quantity} × ${line.sku_title}: subscription ${subscriptionId}.`,
        );
        if (i === pending.length - 1) await finish(m);
      });
    }
    if (pending.length === 0) await this.db.transaction(finish);
  }

  async complete(orderId: string, done?: (m: EntityManager) => Promise<void>): Promise<void> {
    const order = await this.db.read.findOneByOrFail(SalesOrderEntity, { id: orderId });
    if (order.status !== 'PROVISIONING') return;
    const system = systemContext(this.clock, 'system:provisioning');
    const customer = await this.customers.get(system, order.customerId);
    if (!customer) throw new Error(`order ${orderId} names no customer`);
    const tenant = await this.tenants.chosen(system, customer);
    const lines = await this.db.read.find(OrderLineEntity, { where: { orderId }, order: { lineNumber: 'ASC' } });
    await this.transition(order, 'PROVISIONING_SUCCEEDED', 'Licences provisioned.', async (tx, m) => {
      await m.update(SalesOrderEntity, orderId, { provisionedAt: this.clock.now().toISOString() });
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
    const order = await this.db.read.findOneBy(SalesOrderEntity, { id: orderId });
    if (!order) return fail('RETRY_REFUSED', `No order ${orderId}.`);
    const next = nextOrderState(order.status, 'RETRY');
    if (!next.ok) return fail('RETRY_REFUSED', next.message);
    await this.transition(order, 'RETRY', 'Provisioning retried by staff.', (_tx, m) =>
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
    const order = await this.db.read.findOneByOrFail(SalesOrderEntity, { id: orderId });
    await this.transition(order, 'PROVISIONING_FAILED', `Provisioning failed: ${reason}`, (_tx, m) =>
      m.update(SalesOrderEntity, orderId, { failureReason: reason }).then(() => undefined),
    );
  }

  /** Moves the order through the one status writer, in a transaction of its own with `also`. */
  private async transition(
    order: Pick<SalesOrderEntity, 'id' | 'status' | 'soNumber'>,
    event: OrderEvent,
    message: string,
    also?: (tx: Transactional, m: EntityManager) => Promise<void>,
  ): Promise<void> {
    await this.db.transaction(systemContext(this.clock, 'system:provisioning'), async (tx, m) => {
      await this.status.move(tx, order, event, message);
      await also?.(tx, m);
    });
  }

  private async note(orderId: string, state: string, message: string): Promise<void> {
    await this.db.transaction((m) => this.event(m, orderId, state, message));
  }

  private async event(m: EntityManager, orderId: string, state: string, message: string): Promise<void> {
    await appendOrderEvent(m, orderId, this.clock.now(), state, message);
  }
}
