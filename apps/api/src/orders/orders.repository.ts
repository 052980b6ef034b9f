import { randomUUID } from 'node:crypto';
import DataLoader from 'dataloader';
import { In } from 'typeorm';
import { CUSTOMERS } from '../customers/published.js';
import { RESELLERS } from '../resellers/published.js';
import type { OrderState } from '@nce/domain';
import type { Database } from '../db/database.js';
import {
  amongSelected,
  packedList,
  portable,
  readPacked,
  rowSpec,
  selectOf,
  updateReturning,
  type RowSpec,
} from '../db/sql.js';
import type { RequestContext, Transactional } from '../platform/request-context.js';
import { insertAtNextPosition } from '../platform/sequence.js';
import { containsPattern, encodeKeyset, keysetAfter, type KeyOrder } from '../platform/cursor.js';
import type { SortColumns } from '../platform/list-sort.js';
import { OrderEventEntity, OrderLineEntity, SalesOrderEntity } from './entities.js';

export interface OrderFilter {
  resellerId?: string | null;
  customerId?: string | null;
  status?: OrderState | null;
  from?: string | null;
  to?: string | null;
  /** Part of the SO number, the PO number, the customer's or the reseller's name. */
  search?: string | null;
}

/** The columns an order list sorts on; the list starts newest first. */
export const ORDER_SORTS = {
  PLACED: { column: 'o.placed_at', property: 'placedAt', direction: 'DESC' },
  SO_NUMBER: { column: 'o.so_number', property: 'soNumber', direction: 'DESC' },
  RESELLER: { column: 'r.company_name', property: 'resellerName', direction: 'ASC' },
  CUSTOMER: { column: 'c.company_name', property: 'customerName', direction: 'ASC' },
  STATUS: { column: 'o.status', property: 'status', direction: 'ASC' },
  TOTAL: { column: 'o.total_minor', property: 'totalMinor', direction: 'DESC', type: 'number' },
} satisfies SortColumns<string>;
export type OrderSortKey = keyof typeof ORDER_SORTS;

export interface OrderRow extends SalesOrderEntity {
  resellerName: string;
  customerName: string;
  lines: OrderLineEntity[];
}

/** What a list shows of an order: what the API exposes, not the bookkeeping (keys, hashes, versions). */
export type ListedLine = Pick<
  OrderLineEntity,
  | 'orderId'
  | 'lineNumber'
  | 'productTitle'
  | 'skuTitle'
  | 'term'
  | 'billingPlan'
  | 'quantity'
  | 'unitPriceMinor'
  | 'lineTotalMinor'
  | 'subscriptionId'
  | 'status'
>;
export type ListedOrder = Omit<
  OrderRow,
  'idempotencyKey' | 'requestHash' | 'placedByUserId' | 'updatedAt' | 'version' | 'lines'
> & { lines: ListedLine[] };

/** Orders (sales_order) with their lines (order_line) and timelines (order_event), as lists and pages read them. */
export class OrdersRepository {
  constructor(private readonly db: Database) {}

  /** A page of orders with their lines: one statement whatever its size. */
  async page(
    filter: OrderFilter,
    first: number,
    after: string | null | undefined,
    order: KeyOrder,
    shown?: ShownFields,
  ): Promise<{ orders: ListedOrder[]; hasNextPage: boolean; endCursor: string | null }> {
    const where: string[] = [];
    const params: (string | number)[] = [];
    const add = (sql: string, ...values: (string | number)[]) => (where.push(sql), params.push(...values));
    if (filter.resellerId) add('o.reseller_id = ?', filter.resellerId);
    if (filter.customerId) add('o.customer_id = ?', filter.customerId);
    if (filter.status) add('o.status = ?', filter.status);
    if (filter.from) add('o.placed_at >= ?', filter.from);
    if (filter.to) add('o.placed_at < ?', filter.to);
    if (filter.search?.trim()) {
      const pattern = containsPattern(filter.search.trim());
      add(
        "(LOWER(o.so_number) LIKE ? ESCAPE '\\' OR LOWER(COALESCE(o.po_number, '')) LIKE ? ESCAPE '\\' OR LOWER(r.company_name) LIKE ? ESCAPE '\\' OR LOWER(c.company_name) LIKE ? ESCAPE '\\')",
        pattern,
        pattern,
        pattern,
        pattern,
      );
    }
    if (after) {
      const past = keysetAfter(order.column, 'o.id', order, after);
      add(past.sql, ...past.params);
    }
    // The page and its lines in one statement: the page's columns as v0… (v0 the order's id), its sort key beside.
    const { orderRow, lineRow, withLines } = projectionFor(shown);
    const columns = [...selectOf('o', orderRow), ...selectOf('r', RESELLER_NAME), ...selectOf('c', CUSTOMER_NAME)];
    const direction = order.direction;
    const [rows, lineRows] = await this.db.selectLists(
      `WITH page AS MATERIALIZED (SELECT ${columns.map((c, i) => `${c} AS v${i}`).join(', ')}, ${order.column} AS sort_key
         FROM sales_order o JOIN ${RESELLERS} r ON r.id = o.reseller_id JOIN ${CUSTOMERS} c ON c.id = o.customer_id
         ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY ${order.column} ${direction}, o.id ${direction} LIMIT ?)
       SELECT ${packedList(
         this.db.kind,
         columns.map((_, i) => `v${i}`),
         'FROM page',
         `sort_key ${direction}, v0 ${direction}`,
       )},
         ${
           withLines
             ? packedList(
                 this.db.kind,
                 lineRow.columns.map(([column]) => column),
                 `FROM order_line WHERE ${amongSelected(this.db.kind, 'order_id', 'SELECT v0 FROM page')}`,
               )
             : "'[]'"
         }`,
      [...params, first + 1],
    );
    // Each order is built once, its lines appended in place: a page of 100 spreads nothing.
    const orders = rows!.slice(0, first).map((row) => orderOf(orderRow, row));
    const byId = new Map(orders.map((o) => [o.id, o]));
    for (const row of lineRows!) {
      const line = readPacked(lineRow, row, 0, {}) as ListedLine;
      byId.get(line.orderId)?.lines.push(line);
    }
    // Lines come by order through the (order_id, line_number) index, so nearly always in order already; sorting
    // the few an order has here costs less than a sort of the whole list in the database (SQLite: a temporary B-tree).
    for (const o of orders) if (o.lines.length > 1) o.lines.sort((a, b) => a.lineNumber - b.lineNumber);
    const last = orders[orders.length - 1];
    return {
      orders,
      hasNextPage: rows.length > first,
      endCursor: last
        ? encodeKeyset(order, last[order.property as keyof ListedOrder] as string | number, last.id)
        : null,
    };
  }

  /** A line and its order; null when there is no such line. */
  async lineWithOrder(lineId: string): Promise<{ order: SalesOrderEntity; line: OrderLineEntity } | null> {
    const line = await this.db.read.findOneBy(OrderLineEntity, { id: lineId });
    const order = line && (await this.db.read.findOneBy(SalesOrderEntity, { id: line.orderId }));
    return line && order ? { order, line } : null;
  }

  /** An order with its reseller's and customer's names, its lines and its timeline; null when there is none. */
  async withLinesAndEvents(id: string): Promise<(OrderRow & { events: OrderEventEntity[] }) | null> {
    const [rows, events] = await Promise.all([
      this.db.read.query(
        portable(
          this.db.kind,
          `SELECT o.*, r.company_name AS reseller_name, c.company_name AS customer_name FROM sales_order o JOIN ${RESELLERS} r ON r.id = o.reseller_id JOIN ${CUSTOMERS} c ON c.id = o.customer_id WHERE o.id = ?`,
        ),
        [id],
      ),
      this.db.read.find(OrderEventEntity, { where: { orderId: id }, order: { seq: 'ASC', at: 'ASC' } }),
    ]);
    const row = rows[0];
    if (!row) return null;
    const lines = await this.db.read.find(OrderLineEntity, { where: { orderId: id }, order: { lineNumber: 'ASC' } });
    return Object.assign(this.db.read.create(SalesOrderEntity, toEntity(row)), {
      resellerName: String(row.reseller_name),
      customerName: String(row.customer_name),
      lines,
      events,
    });
  }

  /** In `ctx`'s transaction if one is open. */
  byId(ctx: RequestContext, id: string): Promise<SalesOrderEntity | null> {
    return this.db.managerOf(ctx).findOneBy(SalesOrderEntity, { id });
  }

  linesOf(ctx: RequestContext, orderId: string): Promise<OrderLineEntity[]> {
    return this.db.managerOf(ctx).find(OrderLineEntity, { where: { orderId }, order: { lineNumber: 'ASC' } });
  }

  /** Moves an order to `to` only if it still has the status the caller decided on; false when it moved on. */
  async moveStatus(tx: Transactional, orderId: string, from: OrderState, to: OrderState, at: string): Promise<boolean> {
    const moved = await updateReturning(
      tx.transaction,
      'UPDATE sales_order SET status = ?, updated_at = ?, version = version + 1 WHERE id = ? AND status = ? RETURNING id',
      [to, at, orderId, from],
    );
    return moved.length === 1;
  }

  async set(
    tx: Transactional,
    orderId: string,
    fields: Partial<Pick<SalesOrderEntity, 'provisionedAt' | 'failureReason'>>,
  ): Promise<void> {
    await tx.transaction.update(SalesOrderEntity, orderId, fields);
  }

  /** Adds returned seats to a line only if it still has `seen` returned; false when it moved on. */
  async addReturned(tx: Transactional, lineId: string, seen: number, quantity: number): Promise<boolean> {
    const claimed = await tx.transaction
      .createQueryBuilder()
      .update(OrderLineEntity)
      .set({ returnedQuantity: () => `returned_quantity + ${Number(quantity)}` })
      .where('id = :id AND returned_quantity = :seen', { id: lineId, seen })
      .execute();
    return claimed.affected === 1;
  }

  /** Appends to an order's timeline, after its last event. */
  async appendEvent(tx: Transactional, orderId: string, at: Date, state: string, message: string): Promise<void> {
    const m = tx.transaction;
    await insertAtNextPosition(m, 'order_event', 'order_id', {
      id: randomUUID(),
      order_id: orderId,
      at: at.toISOString(),
      state,
      message,
    });
  }

  /** Each order's timeline: one statement for a page of orders. */
  eventsByOrder(): DataLoader<string, OrderEventEntity[]> {
    return new DataLoader(async (ids) => {
      const rows = await this.db.read.find(OrderEventEntity, {
        where: { orderId: In([...ids]) },
        order: { seq: 'ASC', at: 'ASC' },
      });
      return ids.map((id) => rows.filter((e) => e.orderId === id));
    });
  }
}

/** What a list reads of an order, column by column (checked against the entity in db/row-specs.test.ts). */
export const ORDER_ROW = rowSpec<ListedOrder>(SalesOrderEntity, [
  ['id', 'id', 'text'],
  ['so_number', 'soNumber', 'text'],
  ['reseller_id', 'resellerId', 'text'],
  ['customer_id', 'customerId', 'text'],
  ['status', 'status', 'text'],
  ['payment_method', 'paymentMethod', 'text'],
  ['po_number', 'poNumber', 'optionalText'],
  ['currency', 'currency', 'text'],
  ['total_minor', 'totalMinor', 'number'],
  ['tenant_domain', 'tenantDomain', 'text'],
  ['placed_at', 'placedAt', 'text'],
  ['provisioned_at', 'provisionedAt', 'optionalText'],
  ['failure_reason', 'failureReason', 'optionalText'],
]);

export const LINE_ROW = rowSpec<ListedLine>(OrderLineEntity, [
  ['order_id', 'orderId', 'text'],
  ['line_number', 'lineNumber', 'number'],
  ['product_title', 'productTitle', 'text'],
  ['sku_title', 'skuTitle', 'text'],
  ['term', 'term', 'text'],
  ['billing_plan', 'billingPlan', 'text'],
  ['quantity', 'quantity', 'number'],
  ['unit_price_minor', 'unitPriceMinor', 'number'],
  ['line_total_minor', 'lineTotalMinor', 'number'],
  ['subscription_id', 'subscriptionId', 'optionalText'],
  ['status', 'status', 'text'],
]);

/** The names a list row carries after the order's own columns, from the published relations it joins. */
export const RESELLER_NAME = rowSpec<ListedOrder>(RESELLERS, [['company_name', 'resellerName', 'text']]);
export const CUSTOMER_NAME = rowSpec<ListedOrder>(CUSTOMERS, [['company_name', 'customerName', 'text']]);

/** An order from its packed columns (`spec`'s), then the reseller's and the customer's names; its lines come after. */
const orderOf = (spec: RowSpec<ListedOrder>, v: readonly unknown[]): ListedOrder =>
  readPacked(
    CUSTOMER_NAME,
    v,
    spec.columns.length + 1,
    readPacked(RESELLER_NAME, v, spec.columns.length, readPacked(spec, v, 0, { lines: [] as ListedLine[] })),
  ) as ListedOrder;

/**
 * The fields a caller shows of each listed order and of its lines (GraphQL's names: a list screen's query); a list
 * then reads only those of the optional columns below. Without it, everything is read (exports, detail).
 */
export interface ShownFields {
  order: ReadonlySet<string>;
  line: ReadonlySet<string>;
}

/** Read only when shown; every other column is a key, a sort column, a name or what a total is made of. */
const OPTIONAL_ORDER = new Set(['paymentMethod', 'poNumber', 'tenantDomain', 'provisionedAt', 'failureReason']);
const OPTIONAL_LINE = new Set(['productTitle', 'skuTitle', 'term', 'billingPlan', 'subscriptionId', 'status']);

const projections = new Map<
  string,
  { orderRow: RowSpec<ListedOrder>; lineRow: RowSpec<ListedLine>; withLines: boolean }
>();

/** The row specs a list reads for what is shown (a few combinations, kept). */
function projectionFor(shown: ShownFields | undefined) {
  if (!shown) return { orderRow: ORDER_ROW, lineRow: LINE_ROW, withLines: true };
  const withLines = shown.order.has('lines');
  const orderColumns = ORDER_ROW.columns.filter(([, p]) => !OPTIONAL_ORDER.has(p) || shown.order.has(p));
  const lineColumns = LINE_ROW.columns.filter(([, p]) => !OPTIONAL_LINE.has(p) || shown.line.has(p));
  const key = `${withLines}|${orderColumns.map(([c]) => c).join()}|${lineColumns.map(([c]) => c).join()}`;
  let found = projections.get(key);
  if (!found) {
    found = {
      orderRow: rowSpec<ListedOrder>(ORDER_ROW.source, orderColumns),
      lineRow: rowSpec<ListedLine>(LINE_ROW.source, lineColumns),
      withLines,
    };
    if (projections.size < 100) projections.set(key, found);
  }
  return found;
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
