import { randomUUID } from 'node:crypto';
import {
  cartSegmentFits,
  nextCartState,
  checkQuantity,
  priceSegmentFor,
  type BillingPlan,
  type CustomerSegment,
  type PriceSegment,
  type Term,
} from '@nce/domain';
import type { EntityManager } from 'typeorm';
import type { AuditService } from '../audit/index.js';
import { CATALOG_OFFERS, CATALOG_PRICES } from '../catalog/published.js';
import { CUSTOMERS } from '../customers/published.js';
import type { Database } from '../db/database.js';
import { insertRows, portable, updateReturning } from '../db/sql.js';
import { Permission } from '../platform/permissions.js';
import { actingFor, type RequestContext } from '../platform/request-context.js';
import { fail, ok, type Result } from '../platform/result.js';
import { isoDate, type Clock } from '../platform/clock.js';
import { RESELLERS } from '../resellers/published.js';
import { CartEntity, CartLineEntity } from './entities.js';

export interface CartLineView {
  id: string;
  priceId: number;
  productId: string;
  productTitle: string;
  skuId: string;
  skuTitle: string;
  term: Term;
  billingPlan: BillingPlan;
  segment: PriceSegment;
  currency: string;
  quantity: number;
  /** The unit price when added. */
  unitPriceMinor: number;
  /** Today's catalog price; null when the price row is no longer in effect. */
  currentUnitPriceMinor: number | null;
  maxQuantity: number | null;
}

export interface CartView {
  cart: CartEntity;
  lines: CartLineView[];
}

/** A refused cart change; `field` names the input at fault, where there is one. */
const refused = (code: string, message: string, field?: string) =>
  fail(code, message, { fix: field ? { kind: 'field', field, label: message } : null });

const CART_COLUMNS = [
  'id',
  'reseller_id',
  'open_key',
  'customer_id',
  'price_segment',
  'currency',
  'status',
  'created_at',
  'updated_at',
  'version',
] as const;

/** A cart row read by hand (columns prefixed with `prefix`); the purchase path skips TypeORM's hydration. */
function toCart(row: Record<string, unknown>, prefix: string): CartEntity {
  const value = (column: (typeof CART_COLUMNS)[number]) => row[`${prefix}${column}`];
  return {
    id: String(value('id')),
    resellerId: String(value('reseller_id')),
    openKey: (value('open_key') as string | null) ?? null,
    customerId: (value('customer_id') as string | null) ?? null,
    priceSegment: (value('price_segment') as PriceSegment | null) ?? null,
    currency: (value('currency') as string | null) ?? null,
    status: value('status') as CartEntity['status'],
    createdAt: String(value('created_at')),
    updatedAt: String(value('updated_at')),
    version: Number(value('version')),
  };
}

/** R4: add one unit, change quantities in the cart, one segment and one currency per cart, bound to a customer. */
export class CartService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  async view(ctx: RequestContext, resellerId: string): Promise<CartView | null> {
    actingFor(ctx, resellerId, Permission.OrdersManage);
    const cart = await this.openCartOf(null, resellerId);
    return cart ? { cart, lines: await this.lines(cart.id, null) } : null;
  }

  async add(ctx: RequestContext, resellerId: string, priceId: number): Promise<Result<CartView>> {
    const actor = actingFor(ctx, resellerId, Permission.OrdersManage);
    return this.db.transaction(actor, async (tx, m) => {
      const today = isoDate(this.clock.now());
      const [price] = await m.query(
        portable(
          this.db.kind,
          `SELECT pr.segment, pr.currency, pr.unit_price_minor, pr.tier_max FROM ${CATALOG_PRICES} pr WHERE pr.price_id = ? AND pr.effective_start <= ? AND (pr.effective_end IS NULL OR pr.effective_end >= ?)`,
        ),
        [priceId, today, today],
      );
      if (!price) return refused('PRICE_NOT_FOUND', 'That price is not in the catalog today.');
      // The reseller, its open cart and the cart's customer in one statement: this is the purchase flow's hottest
      // write.
      const [found] = await m.query(
        portable(
          this.db.kind,
          `SELECT r.id AS reseller_id, cu.segment AS customer_segment, ${CART_COLUMNS.map((c) => `c.${c} AS cart_${c}`).join(', ')}
           FROM ${RESELLERS} r LEFT JOIN cart c ON c.open_key = r.id LEFT JOIN ${CUSTOMERS} cu ON cu.id = c.customer_id WHERE r.id = ?`,
        ),
        [resellerId],
      );
      if (!found) return refused('RESELLER_NOT_FOUND', 'No reseller has that id.', 'resellerId');
      const cart = found.cart_id ? toCart(found, 'cart_') : await this.createCart(m, resellerId);
      if (cart.priceSegment && cart.priceSegment !== price.segment) {
        return refused(
          'CART_SEGMENT_MISMATCH',
          `The cart holds ${cart.priceSegment.toLowerCase()} prices; a cart is priced for one segment. Check it out or empty it first.`,
        );
      }
      if (cart.currency && cart.currency !== price.currency) {
        return refused(
          'CART_CURRENCY_MISMATCH',
          `The cart is in ${cart.currency}; this price is in ${price.currency}.`,
        );
      }
      if (cart.customerId) {
        const fits = cartSegmentFits(price.segment, found.customer_segment);
        if (!fits.allowed) return refused(fits.code, fits.message);
      }
      const [existing] = await m.query(
        portable(this.db.kind, 'SELECT id, quantity FROM cart_line WHERE cart_id = ? AND price_id = ?'),
        [cart.id, priceId],
      );
      const before = existing ? Number(existing.quantity) : 0;
      const quantity = before + 1;
      const limit = checkQuantity(quantity, { max: price.tier_max ?? undefined });
      if (!limit.allowed) return refused(limit.code, limit.message, 'quantity');
      if (existing)
        await m.query(portable(this.db.kind, 'UPDATE cart_line SET quantity = ? WHERE id = ?'), [
          quantity,
          existing.id,
        ]);
      else
        await insertRows(m, 'cart_line', [
          {
            id: randomUUID(),
            cart_id: cart.id,
            price_id: priceId,
            quantity: 1,
            unit_price_minor: Number(price.unit_price_minor),
            added_at: this.clock.now().toISOString(),
          },
        ]);
      const touched = await this.touch(m, cart, { priceSegment: price.segment, currency: price.currency });
      await this.audit.record(tx, {
        operation: 'cart.add',
        entityType: 'Cart',
        entityId: cart.id,
        changes: { [`price ${priceId}`]: { before, after: quantity } },
      });
      return ok({ cart: touched, lines: await this.lines(cart.id, m) });
    });
  }

  async setQuantity(
    ctx: RequestContext,
    resellerId: string,
    lineId: string,
    quantity: number,
  ): Promise<Result<CartView>> {
    const actor = actingFor(ctx, resellerId, Permission.OrdersManage);
    return this.db.transaction(actor, async (tx, m) => {
      const cart = await this.openCartOf(m, resellerId);
      const line = cart ? await m.findOneBy(CartLineEntity, { id: lineId, cartId: cart.id }) : null;
      if (!cart || !line) return refused('CART_LINE_NOT_FOUND', 'That line is not in the cart.');
      const [price] = await m.query(
        portable(this.db.kind, `SELECT pr.tier_min, pr.tier_max FROM ${CATALOG_PRICES} pr WHERE pr.price_id = ?`),
        [line.priceId],
      );
      const verdict = checkQuantity(quantity, { max: price?.tier_max ?? undefined });
      if (!verdict.allowed) return refused(verdict.code, verdict.message, 'quantity');
      await m.update(CartLineEntity, line.id, { quantity });
      const touched = await this.touch(m, cart, {});
      await this.audit.record(tx, {
        operation: 'cart.setQuantity',
        entityType: 'Cart',
        entityId: cart.id,
        changes: { [`line ${line.id}`]: { before: line.quantity, after: quantity } },
      });
      return ok({ cart: touched, lines: await this.lines(cart.id, m) });
    });
  }

  async remove(ctx: RequestContext, resellerId: string, lineId: string): Promise<Result<CartView>> {
    const actor = actingFor(ctx, resellerId, Permission.OrdersManage);
    return this.db.transaction(actor, async (tx, m) => {
      const cart = await this.openCartOf(m, resellerId);
      const line = cart ? await m.findOneBy(CartLineEntity, { id: lineId, cartId: cart.id }) : null;
      if (!cart || !line) return refused('CART_LINE_NOT_FOUND', 'That line is not in the cart.');
      await m.delete(CartLineEntity, line.id);
      const empty = (await m.countBy(CartLineEntity, { cartId: cart.id })) === 0;
      const touched = await this.touch(m, cart, empty ? { priceSegment: null, currency: null } : {});
      await this.audit.record(tx, {
        operation: 'cart.remove',
        entityType: 'Cart',
        entityId: cart.id,
        changes: { [`line ${line.id}`]: { before: line.quantity, after: 0 } },
      });
      return ok({ cart: touched, lines: await this.lines(cart.id, m) });
    });
  }

  /** R5: the customer the cart is for; its segment must fit the cart's prices (R3, R20). */
  async bindCustomer(ctx: RequestContext, resellerId: string, customerId: string): Promise<Result<CartView>> {
    const actor = actingFor(ctx, resellerId, Permission.OrdersManage);
    return this.db.transaction(actor, async (tx, m) => {
      const [customer] = await m.query(
        portable(this.db.kind, `SELECT cu.segment FROM ${CUSTOMERS} cu WHERE cu.id = ? AND cu.reseller_id = ?`),
        [customerId, resellerId],
      );
      if (!customer) return refused('CUSTOMER_NOT_FOUND', 'No such customer of this reseller.', 'customerId');
      const cart = (await this.openCartOf(m, resellerId)) ?? (await this.createCart(m, resellerId));
      if (cart.priceSegment) {
        const fits = cartSegmentFits(cart.priceSegment, customer.segment);
        if (!fits.allowed) return refused(fits.code, fits.message, 'customerId');
      }
      const touched = await this.touch(m, cart, { customerId });
      await this.audit.record(tx, {
        operation: 'cart.bindCustomer',
        entityType: 'Cart',
        entityId: cart.id,
        changes: { customerId: { before: cart.customerId, after: customerId } },
      });
      return ok({ cart: touched, lines: await this.lines(cart.id, m) });
    });
  }

  /**
   * The one writer of a cart's status: Buy checks out the version of the cart it priced, in its transaction.
   * False when the cart moved on meanwhile (edited, or checked out by a concurrent Buy).
   */
  async checkOut(
    m: EntityManager,
    cart: Pick<CartEntity, 'id' | 'status' | 'version' | 'resellerId'>,
  ): Promise<boolean> {
    const next = nextCartState(cart.status, 'CHECK_OUT');
    if (!next.ok) return false;
    const claimed = await updateReturning(
      m,
      'UPDATE cart SET open_key = NULL, status = ?, updated_at = ?, version = version + 1 WHERE id = ? AND version = ? AND open_key = ? RETURNING id',
      [next.to, this.clock.now().toISOString(), cart.id, cart.version, cart.resellerId],
    );
    return claimed.length === 1;
  }

  /** The segment the catalog should show for this cart: its customer's price segment, if bound. */
  async priceSegment(ctx: RequestContext, resellerId: string): Promise<PriceSegment | null> {
    const view = await this.view(ctx, resellerId);
    if (!view?.cart.customerId) return view?.cart.priceSegment ?? null;
    const [customer] = await this.db.select<{ segment: CustomerSegment }>(
      `SELECT cu.segment FROM ${CUSTOMERS} cu WHERE cu.id = ?`,
      [view.cart.customerId],
    );
    return customer ? priceSegmentFor(customer.segment) : null;
  }

  /** Hand-written SQL in the caller's transaction, or outside any (`m` null). */
  private query(m: EntityManager | null, sql: string, params: unknown[]): Promise<Record<string, unknown>[]> {
    return m ? m.query(portable(this.db.kind, sql), params) : this.db.select(sql, params);
  }

  private async openCartOf(m: EntityManager | null, resellerId: string): Promise<CartEntity | null> {
    const [row] = await this.query(m, `SELECT ${CART_COLUMNS.join(', ')} FROM cart WHERE open_key = ?`, [resellerId]);
    return row ? toCart(row, '') : null;
  }

  private async createCart(m: EntityManager, resellerId: string): Promise<CartEntity> {
    const now = this.clock.now().toISOString();
    const cart: CartEntity = {
      id: randomUUID(),
      resellerId,
      openKey: resellerId,
      customerId: null,
      priceSegment: null,
      currency: null,
      status: 'OPEN',
      createdAt: now,
      updatedAt: now,
      version: 1,
    };
    await insertRows(m, 'cart', [
      {
        id: cart.id,
        reseller_id: resellerId,
        open_key: resellerId,
        customer_id: null,
        price_segment: null,
        currency: null,
        status: 'OPEN',
        created_at: now,
        updated_at: now,
        version: 1,
      },
    ]);
    return cart;
  }

  /** Records a change to the cart and moves its version on, so a Buy priced on an older version stops (R16). */
  private async touch(
    m: EntityManager,
    cart: CartEntity,
    change: Partial<Pick<CartEntity, 'customerId' | 'priceSegment' | 'currency'>>,
  ): Promise<CartEntity> {
    const next: CartEntity = {
      ...cart,
      ...change,
      updatedAt: this.clock.now().toISOString(),
      version: cart.version + 1,
    };
    await m.query(
      portable(
        this.db.kind,
        'UPDATE cart SET customer_id = ?, price_segment = ?, currency = ?, updated_at = ?, version = ? WHERE id = ?',
      ),
      [next.customerId, next.priceSegment, next.currency, next.updatedAt, next.version, cart.id],
    );
    return next;
  }

  private async lines(cartId: string, m: EntityManager | null): Promise<CartLineView[]> {
    const today = isoDate(this.clock.now());
    const rows = await this.query(
      m,
      `SELECT l.id, l.price_id, l.quantity, l.unit_price_minor, o.product_id, o.product_title, o.sku_id, o.sku_title,
              o.term, o.billing_plan, o.segment, o.currency, o.tier_max,
              CASE WHEN o.effective_start <= ? AND (o.effective_end IS NULL OR o.effective_end >= ?) THEN o.unit_price_minor ELSE NULL END AS current_price
       FROM cart_line l JOIN ${CATALOG_OFFERS} o ON o.price_id = l.price_id
       WHERE l.cart_id = ? ORDER BY l.added_at, l.id`,
      [today, today, cartId],
    );
    return rows.map((r) => ({
      id: String(r.id),
      priceId: Number(r.price_id),
      productId: String(r.product_id),
      productTitle: String(r.product_title),
      skuId: String(r.sku_id),
      skuTitle: String(r.sku_title),
      term: r.term as Term,
      billingPlan: r.billing_plan as BillingPlan,
      segment: r.segment as PriceSegment,
      currency: String(r.currency),
      quantity: Number(r.quantity),
      unitPriceMinor: Number(r.unit_price_minor),
      currentUnitPriceMinor: r.current_price === null ? null : Number(r.current_price),
      maxQuantity: r.tier_max === null ? null : Number(r.tier_max),
    }));
  }
}
