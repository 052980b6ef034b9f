import type { BillingPlan, OrderState, Term } from '@nce/domain';
import type { Database } from '../db/database.js';
import type { Transactional } from '../platform/request-context.js';
import { CUSTOMER_TENANTS } from '../tenants/published.js';

/** An order as provisioning starts on it: its status and its customer's tenant choice. */
export interface OrderToProvision {
  id: string;
  so_number: string;
  status: OrderState;
  customer_id: string;
  choice: string | null;
  state: string | null;
  tenant_id: string | null;
}

export interface LineToProvision {
  id: string;
  line_number: number;
  product_id: string;
  sku_id: string;
  sku_title: string;
  term: Term;
  billing_plan: BillingPlan;
  quantity: number;
  subscription_id: string | null;
}

/** What provisioning reads and writes of orders' lines (order_line) and the tenants they go to. */
export class ProvisioningRepository {
  constructor(private readonly db: Database) {}

  /** The order and its tenant choice in one statement: this runs once for every order placed. */
  async order(orderId: string): Promise<OrderToProvision | null> {
    const [order] = await this.db.select<OrderToProvision>(
      `SELECT o.id, o.so_number, o.status, o.customer_id, t.choice, t.state, t.tenant_id FROM sales_order o LEFT JOIN ${CUSTOMER_TENANTS} t ON t.customer_id = o.customer_id WHERE o.id = ?`,
      [orderId],
    );
    return order ?? null;
  }

  lines(orderId: string): Promise<LineToProvision[]> {
    return this.db.select<LineToProvision>(
      'SELECT id, line_number, product_id, sku_id, sku_title, term, billing_plan, quantity, subscription_id FROM order_line WHERE order_id = ? ORDER BY line_number',
      [orderId],
    );
  }

  async lineProvisioned(tx: Transactional, lineId: string, subscriptionId: string): Promise<void> {
    await this.db.query(tx, "UPDATE order_line SET subscription_id = ?, status = 'PROVISIONED' WHERE id = ?", [
      subscriptionId,
      lineId,
    ]);
  }
}
