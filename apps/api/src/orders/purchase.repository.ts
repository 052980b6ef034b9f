import { randomUUID } from 'node:crypto';
import type { CustomerSegment, ResellerStatus } from '@nce/domain';
import { CUSTOMERS } from '../customers/published.js';
import type { Database } from '../db/database.js';
import { aliasedSelectOf, insertRows, readNamed, rowSpec } from '../db/sql.js';
import type { RequestContext, Transactional } from '../platform/request-context.js';
import { RESELLERS } from '../resellers/published.js';
import { CUSTOMER_TENANTS } from '../tenants/published.js';
import { SalesOrderEntity } from './entities.js';

/** What the purchase rules decide on, read in one statement. */
export interface PurchaseFacts {
  resellerName: string;
  status: ResellerStatus;
  checks: string | null;
  checksAt: string | null;
  mpnLocationId: string | null;
  resellerDomain: string | null;
  hasOrders: boolean;
  customerId: string | null;
  customerName: string | null;
  segment: CustomerSegment;
  choice: 'NEW' | 'EXISTING' | null;
  domain: string;
  state: string | null;
  attestedAt: string | null;
  attestedByEmail: string | null;
}

/** The columns of each published relation the facts read, checked in db/row-specs.test.ts. */
export const RESELLER_FACTS = rowSpec<PurchaseFacts>(RESELLERS, [
  ['company_name', 'resellerName', 'text'],
  ['status', 'status', 'text'],
  ['checks', 'checks', 'optionalText'],
  ['checks_at', 'checksAt', 'optionalText'],
  ['mpn_location_id', 'mpnLocationId', 'optionalText'],
  ['reseller_domain', 'resellerDomain', 'optionalText'],
]);
export const CUSTOMER_FACTS = rowSpec<PurchaseFacts>(CUSTOMERS, [
  ['id', 'customerId', 'optionalText'],
  ['company_name', 'customerName', 'optionalText'],
  ['segment', 'segment', 'asIs'],
]);
export const TENANT_FACTS = rowSpec<PurchaseFacts>(CUSTOMER_TENANTS, [
  ['choice', 'choice', 'asIs'],
  ['domain', 'domain', 'asIs'],
  ['state', 'state', 'optionalText'],
  ['attested_at', 'attestedAt', 'optionalText'],
  ['attested_by_email', 'attestedByEmail', 'optionalText'],
]);
const FACTS_SELECT = [
  ...aliasedSelectOf('r', RESELLER_FACTS, 'r_'),
  ...aliasedSelectOf('cu', CUSTOMER_FACTS, 'cu_'),
  ...aliasedSelectOf('t', TENANT_FACTS, 't_'),
].join(', ');

export interface NewOrderLine {
  lineNumber: number;
  priceId: number;
  productId: string;
  productTitle: string;
  skuId: string;
  skuTitle: string;
  term: string;
  billingPlan: string;
  quantity: number;
  unitPriceMinor: number;
  lineTotalMinor: number;
  /** The first term's end when it is not a full term (S15, S16). */
  termEnd: string | null;
  /** S17: the promotion the line is priced with. */
  promotionId: string | null;
  /** The price-book rule it is priced by, in words. */
  priceRule: string | null;
}

/** Buy's writes (sales_order, order_line, the first order_event, SO numbers) and the facts it decides on. */
export class PurchaseRepository {
  constructor(private readonly db: Database) {}

  /**
   * The reseller, the cart's customer and its tenant choice, and whether this is a first order, in one
   * statement; null when no reseller has that id.
   */
  async facts(resellerId: string, customerId: string | null): Promise<PurchaseFacts | null> {
    const [row] = await this.db.select<Record<string, unknown>>(
      `SELECT ${FACTS_SELECT}, EXISTS (SELECT 1 FROM sales_order o WHERE o.reseller_id = r.id) AS has_orders
       FROM ${RESELLERS} r LEFT JOIN ${CUSTOMERS} cu ON cu.id = ? LEFT JOIN ${CUSTOMER_TENANTS} t ON t.customer_id = cu.id
       WHERE r.id = ?`,
      [customerId ?? '', resellerId],
    );
    if (!row) return null;
    const facts = { hasOrders: row.has_orders === true || Number(row.has_orders) === 1 } as PurchaseFacts;
    return readNamed(
      TENANT_FACTS,
      row,
      't_',
      readNamed(CUSTOMER_FACTS, row, 'cu_', readNamed(RESELLER_FACTS, row, 'r_', facts)),
    );
  }

  /**
   * The order a reseller placed with this idempotency key, if any: asked up to three times a Buy and almost
   * always absent, so an index probe. In `ctx`'s transaction if one is open.
   */
  async placedWithKey(
    ctx: RequestContext,
    resellerId: string,
    key: string,
  ): Promise<{ id: string; so_number: string; request_hash: string } | null> {
    const [hit] = await this.db.query<{ id: string; so_number: string; request_hash: string }>(
      ctx,
      'SELECT id, so_number, request_hash FROM sales_order WHERE reseller_id = ? AND idempotency_key = ?',
      [resellerId, key],
    );
    return hit ?? null;
  }

  order(ctx: RequestContext, id: string): Promise<SalesOrderEntity> {
    return this.db.managerOf(ctx).findOneByOrFail(SalesOrderEntity, { id });
  }

  /**
   * The day's next SO sequence number; the upsert locks the day's row until commit (PostgreSQL) or holds the
   * only writer (SQLite).
   */
  async nextSequence(tx: Transactional, day: string): Promise<number> {
    const [{ last }] = await this.db.query<{ last: number | string }>(
      tx,
      'INSERT INTO so_sequence (day, last) VALUES (?, 1) ON CONFLICT (day) DO UPDATE SET last = so_sequence.last + 1 RETURNING last',
      [day],
    );
    return Number(last);
  }

  /**
   * The day's next SO sequence number drawn in a statement of its own, outside any transaction: the day's row is
   * locked only while the statement runs. A Buy that does not commit after drawing leaves a gap in the day's numbers.
   */
  async drawSequence(day: string): Promise<number> {
    const [{ last }] = await this.db.writeAlone<{ last: number | string }>(
      'INSERT INTO so_sequence (day, last) VALUES (?, 1) ON CONFLICT (day) DO UPDATE SET last = so_sequence.last + 1 RETURNING last',
      [day],
    );
    return Number(last);
  }

  /** The order, its lines and the first event of its timeline, each in one statement. */
  async insert(
    tx: Transactional,
    order: SalesOrderEntity,
    lines: readonly NewOrderLine[],
    event: { at: string; state: string; message: string },
  ): Promise<void> {
    const m = tx.transaction;
    await insertRows(m, 'sales_order', [
      {
        id: order.id,
        so_number: order.soNumber,
        reseller_id: order.resellerId,
        customer_id: order.customerId,
        status: order.status,
        payment_method: order.paymentMethod,
        po_number: order.poNumber,
        currency: order.currency,
        total_minor: order.totalMinor,
        idempotency_key: order.idempotencyKey,
        request_hash: order.requestHash,
        tenant_domain: order.tenantDomain,
        placed_by_user_id: order.placedByUserId,
        placed_at: order.placedAt,
        provisioned_at: order.provisionedAt,
        failure_reason: order.failureReason,
        updated_at: order.updatedAt,
        version: order.version,
      },
    ]);
    await insertRows(
      m,
      'order_line',
      lines.map((line) => ({
        id: randomUUID(),
        order_id: order.id,
        line_number: line.lineNumber,
        price_id: line.priceId,
        product_id: line.productId,
        product_title: line.productTitle,
        sku_id: line.skuId,
        sku_title: line.skuTitle,
        term: line.term,
        billing_plan: line.billingPlan,
        quantity: line.quantity,
        unit_price_minor: line.unitPriceMinor,
        line_total_minor: line.lineTotalMinor,
        term_end: line.termEnd,
        promotion_id: line.promotionId,
        price_rule: line.priceRule,
        subscription_id: null,
        returned_quantity: 0,
        status: 'PENDING',
      })),
    );
    // A new order's timeline starts here, at position 1.
    await insertRows(m, 'order_event', [
      { id: randomUUID(), order_id: order.id, at: event.at, seq: 1, state: event.state, message: event.message },
    ]);
  }
}
