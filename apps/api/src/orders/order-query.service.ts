import type { OrderState } from '@nce/domain';
import { In } from 'typeorm';
import type { Database } from '../db/database.js';
import { portable } from '../db/sql.js';
import { checkPageSize, decodeCursor, encodeCursor } from '../platform/cursor.js';
import { OrderEventEntity, OrderLineEntity, SalesOrderEntity } from './entities.js';

export interface OrderFilter {
  resellerId?: string | null;
  customerId?: string | null;
  status?: OrderState | null;
  from?: string | null;
  to?: string | null;
}

export interface OrderRow extends SalesOrderEntity {
  resellerName: string;
  customerName: string;
  lines: OrderLineEntity[];
}

/** Orders for lists and detail pages: a page costs two statements whatever its size. */
export class OrderQueryService {
  constructor(private readonly db: Database) {}

  async list(filter: OrderFilter, first: number, after?: string | null): Promise<{ orders: OrderRow[]; hasNextPage: boolean; endCursor: string | null }> {
    checkPageSize(first);
    const where: string[] = [];
    const params: (string | number)[] = [];
    const add = (sql: string, ...values: (string | number)[]) => (where.push(sql), params.push(...values));
    if (filter.resellerId) add('o.reseller_id = ?', filter.resellerId);
    if (filter.customerId) add('o.customer_id = ?', filter.customerId);
    if (filter.status) add('o.status = ?', filter.status);
    if (filter.from) add('o.placed_at >= ?', filter.from);
    if (filter.to) add('o.placed_at < ?', filter.to);
    if (after) {
      const [placedAt, id] = decodeCursor(after, ['string', 'string']) as [string, string];
      add('(o.placed_at < ? OR (o.placed_at = ? AND o.id < ?))', placedAt, placedAt, id);
    }
    const rows: Record<string, unknown>[] = await this.db.read.query(
      portable(
        this.db.kind,
        `SELECT o.*, r.company_name AS reseller_name, c.company_name AS customer_name
         FROM sales_order o JOIN reseller r ON r.id = o.reseller_id JOIN customer c ON c.id = o.customer_id
         ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY o.placed_at DESC, o.id DESC LIMIT ?`,
      ),
      [...params, first + 1],
    );
    const page = rows.slice(0, first).map((r) => this.db.read.create(SalesOrderEntity, toEntity(r)) as SalesOrderEntity & { resellerName: string; customerName: string });
    const names = rows.slice(0, first).map((r) => ({ resellerName: String(r.reseller_name), customerName: String(r.customer_name) }));
    const lines = page.length ? await this.db.read.find(OrderLineEntity, { where: { orderId: In(page.map((o) => o.id)) }, order: { lineNumber: 'ASC' } }) : [];
    const orders = page.map((o, i) => Object.assign(o, names[i], { lines: lines.filter((l) => l.orderId === o.id) }));
    const last = orders[orders.length - 1];
    return { orders, hasNextPage: rows.length > first, endCursor: last ? encodeCursor([last.placedAt, last.id]) : null };
  }

  async get(id: string): Promise<(OrderRow & { events: OrderEventEntity[] }) | null> {
    const [rows, events] = await Promise.all([
      this.db.read.query(
        portable(this.db.kind, `SELECT o.*, r.company_name AS reseller_name, c.company_name AS customer_name FROM sales_order o JOIN reseller r ON r.id = o.reseller_id JOIN customer c ON c.id = o.customer_id WHERE o.id = ?`),
        [id],
      ),
      this.db.read.find(OrderEventEntity, { where: { orderId: id }, order: { seq: 'ASC', at: 'ASC' } }),
    ]);
    const row = rows[0];
    if (!row) return null;
    const lines = await this.db.read.find(OrderLineEntity, { where: { orderId: id }, order: { lineNumber: 'ASC' } });
    return Object.assign(this.db.read.create(SalesOrderEntity, toEntity(row)), { resellerName: String(row.reseller_name), customerName: String(row.customer_name), lines, events });
  }
}

function toEntity(r: Record<string, unknown>): Partial<SalesOrderEntity> {
  return {
    id: String(r.id),
    soNumber: String(r.so_number),
    resellerId: String(r.reseller_id),
    customerId: String(r.customer_id),
    status: r.status as OrderState,
    paymentMethod: r.payment_method as SalesOrderEntity['paymentMethod'],
    poNumber: (r.po_number as string | null) ?? null,
    currency: String(r.currency),
    totalMinor: Number(r.total_minor),
    idempotencyKey: String(r.idempotency_key),
    requestHash: String(r.request_hash),
    tenantDomain: String(r.tenant_domain),
    placedByUserId: (r.placed_by_user_id as string | null) ?? null,
    placedAt: String(r.placed_at),
    provisionedAt: (r.provisioned_at as string | null) ?? null,
    failureReason: (r.failure_reason as string | null) ?? null,
    updatedAt: String(r.updated_at),
    version: Number(r.version),
  };
}
