import { isTrialOffer, type BillingPlan, type OrderState, type PaymentMethod, type Term } from '@nce/domain';
import { CATALOG_PRICES } from '../catalog/published.js';
import type { Database } from '../db/database.js';
import { aliasedSelectOf, readNamed, rowSpec } from '../db/sql.js';
import type { Transactional } from '../platform/request-context.js';
import { CUSTOMER_TENANTS } from '../tenants/published.js';
import { OrderLineEntity, SalesOrderEntity } from './entities.js';

/** An order as provisioning starts on it: its status and its customer's tenant choice. */
export interface OrderToProvision {
  id: string;
  soNumber: string;
  status: OrderState;
  resellerId: string;
  customerId: string;
  currency: string;
  paymentMethod: PaymentMethod;
  choice: string | null;
  state: string | null;
  tenantId: string | null;
}

export interface LineToProvision {
  id: string;
  lineNumber: number;
  priceId: number;
  productId: string;
  productTitle: string;
  skuId: string;
  skuTitle: string;
  term: Term;
  billingPlan: BillingPlan;
  quantity: number;
  unitPriceMinor: number;
  lineTotalMinor: number;
  /** The first term's end when it is not a full term (S15, S16). */
  termEnd: string | null;
  /** S17: the promotion the line was priced with. */
  promotionId: string | null;
  /** The price-book rule it was priced by, in words. */
  priceRule: string | null;
  subscriptionId: string | null;
  /** S16: a trial offer (its end is the trial's, not a custom end Microsoft is told). */
  trial?: boolean;
}

/**
 * The order's columns provisioning reads (`o`), then its customer's tenant choice (`t`); checked in
 * db/row-specs.test.ts.
 */
export const PROVISIONED_ORDER_ROW = rowSpec<OrderToProvision>(SalesOrderEntity, [
  ['id', 'id', 'text'],
  ['so_number', 'soNumber', 'text'],
  ['status', 'status', 'text'],
  ['reseller_id', 'resellerId', 'text'],
  ['customer_id', 'customerId', 'text'],
  ['currency', 'currency', 'text'],
  ['payment_method', 'paymentMethod', 'text'],
]);
export const TENANT_CHOICE_ROW = rowSpec<OrderToProvision>(CUSTOMER_TENANTS, [
  ['choice', 'choice', 'optionalText'],
  ['state', 'state', 'optionalText'],
  ['tenant_id', 'tenantId', 'optionalText'],
]);
export const PROVISIONED_LINE_ROW = rowSpec<LineToProvision>(OrderLineEntity, [
  ['id', 'id', 'text'],
  ['line_number', 'lineNumber', 'number'],
  ['price_id', 'priceId', 'number'],
  ['product_id', 'productId', 'text'],
  ['product_title', 'productTitle', 'text'],
  ['sku_id', 'skuId', 'text'],
  ['sku_title', 'skuTitle', 'text'],
  ['term', 'term', 'text'],
  ['billing_plan', 'billingPlan', 'text'],
  ['quantity', 'quantity', 'number'],
  ['unit_price_minor', 'unitPriceMinor', 'number'],
  ['line_total_minor', 'lineTotalMinor', 'number'],
  ['term_end', 'termEnd', 'optionalText'],
  ['promotion_id', 'promotionId', 'optionalText'],
  ['price_rule', 'priceRule', 'optionalText'],
  ['subscription_id', 'subscriptionId', 'optionalText'],
]);

const ORDER_SELECT = [
  ...aliasedSelectOf('o', PROVISIONED_ORDER_ROW, 'o_'),
  ...aliasedSelectOf('t', TENANT_CHOICE_ROW, 't_'),
].join(', ');
const LINE_SELECT = aliasedSelectOf('l', PROVISIONED_LINE_ROW, '').join(', ');

/** What provisioning reads and writes of orders' lines (order_line) and the tenants they go to. */
export class ProvisioningRepository {
  constructor(private readonly db: Database) {}

  /** The order and its tenant choice in one statement: this runs once for every order placed. */
  async order(orderId: string): Promise<OrderToProvision | null> {
    const [row] = await this.db.select<Record<string, unknown>>(
      `SELECT ${ORDER_SELECT} FROM sales_order o LEFT JOIN ${CUSTOMER_TENANTS} t ON t.customer_id = o.customer_id WHERE o.id = ?`,
      [orderId],
    );
    return row
      ? readNamed(TENANT_CHOICE_ROW, row, 't_', readNamed(PROVISIONED_ORDER_ROW, row, 'o_', {} as OrderToProvision))
      : null;
  }

  async lines(orderId: string): Promise<LineToProvision[]> {
    const rows = await this.db.select<Record<string, unknown>>(
      `SELECT ${LINE_SELECT}, pr.tags AS price_tags FROM order_line l
       LEFT JOIN ${CATALOG_PRICES} pr ON pr.price_id = l.price_id WHERE l.order_id = ? ORDER BY l.line_number`,
      [orderId],
    );
    return rows.map((row) => ({
      ...readNamed(PROVISIONED_LINE_ROW, row, '', {} as LineToProvision),
      trial: isTrialOffer(String(row.price_tags ?? '')),
    }));
  }

  async lineProvisioned(tx: Transactional, lineId: string, subscriptionId: string): Promise<void> {
    await this.db.query(tx, "UPDATE order_line SET subscription_id = ?, status = 'PROVISIONED' WHERE id = ?", [
      subscriptionId,
      lineId,
    ]);
  }
}
