import { randomUUID } from 'node:crypto';
import type { CartState, CustomerSegment, PriceSegment, Term } from '@nce/domain';
import { CATALOG_OFFERS, CATALOG_PROMOTIONS } from '../catalog/published.js';
import { CUSTOMERS } from '../customers/published.js';
import type { Database } from '../db/database.js';
import { aliasedSelectOf, insertRows, readNamed, rowSpec, updateReturning } from '../db/sql.js';
import type { RequestContext, Transactional } from '../platform/request-context.js';
import { RESELLERS } from '../resellers/published.js';
import type { CartLineView } from './cart.service.js';
import { CartEntity, CartLineEntity } from './entities.js';

/** A cart row read by hand (the purchase path skips TypeORM's hydration), checked in db/row-specs.test.ts. */
export const CART_ROW = rowSpec<CartEntity>(CartEntity, [
  ['id', 'id', 'text'],
  ['reseller_id', 'resellerId', 'text'],
  ['open_key', 'openKey', 'optionalText'],
  ['customer_id', 'customerId', 'optionalText'],
  ['price_segment', 'priceSegment', 'optionalText'],
  ['currency', 'currency', 'optionalText'],
  ['status', 'status', 'text'],
  ['created_at', 'createdAt', 'text'],
  ['updated_at', 'updatedAt', 'text'],
  ['version', 'version', 'number'],
]);

/** A cart line's own columns, then what the catalog publishes of its price. */
export const CART_LINE_ROW = rowSpec<CartLineView>(CartLineEntity, [
  ['id', 'id', 'text'],
  ['price_id', 'priceId', 'number'],
  ['quantity', 'quantity', 'number'],
  ['unit_price_minor', 'unitPriceMinor', 'number'],
  ['end_with', 'endWith', 'optionalText'],
]);
export const OFFER_ROW = rowSpec<CartLineView>(CATALOG_OFFERS, [
  ['product_id', 'productId', 'text'],
  ['product_title', 'productTitle', 'text'],
  ['sku_id', 'skuId', 'text'],
  ['sku_title', 'skuTitle', 'text'],
  ['term', 'term', 'text'],
  ['billing_plan', 'billingPlan', 'text'],
  ['segment', 'segment', 'text'],
  ['currency', 'currency', 'text'],
  ['tier_max', 'maxQuantity', 'optionalNumber'],
  ['tags', 'tags', 'text'],
]);

const CART_SELECT = CART_ROW.columns.map(([column]) => column).join(', ');
const FOUND_CART_SELECT = aliasedSelectOf('c', CART_ROW, 'cart_').join(', ');
/** S17: a column of the promotion in effect on a day (two `?`) for the offer `o`, the largest discount first. */
const promotionOf = (column: 'id' | 'name' | 'discount_bp') =>
  `(SELECT pm.${column} FROM ${CATALOG_PROMOTIONS} pm
     WHERE pm.product_id = o.product_id AND pm.sku_id = o.sku_id AND pm.term = o.term AND pm.billing_plan = o.billing_plan
       AND pm.segment = o.segment AND pm.market = o.market AND pm.start_date <= ? AND pm.end_date >= ?
     ORDER BY pm.discount_bp DESC, pm.id LIMIT 1)`;

/** The promotion columns a read of offer `o` adds, and the parameters they take for `day`. */
const PROMOTION_SELECT = `${promotionOf('id')} AS promotion_id, ${promotionOf('name')} AS promotion_name, ${promotionOf('discount_bp')} AS discount_bp`;
const promotionParams = (day: string) => [day, day, day, day, day, day];

/** A line's promotion as read beside it. */
export interface AppliedPromotion {
  promotionId: string | null;
  promotionName: string | null;
  discountBasisPoints: number;
}

const promotionFrom = (row: Record<string, unknown>): AppliedPromotion => ({
  promotionId: row.promotion_id == null ? null : String(row.promotion_id),
  promotionName: row.promotion_name == null ? null : String(row.promotion_name),
  discountBasisPoints: row.discount_bp == null ? 0 : Number(row.discount_bp),
});

const LINE_SELECT = [...aliasedSelectOf('l', CART_LINE_ROW, 'l_'), ...aliasedSelectOf('o', OFFER_ROW, 'o_')].join(', ');

export interface PriceInEffect extends AppliedPromotion {
  productId: string;
  productTitle: string;
  skuId: string;
  term: Term;
  segment: PriceSegment;
  currency: string;
  /** The price list's unit price, before any promotion. */
  unitPriceMinor: number;
  /** Microsoft's estimated retail price. */
  retailPriceMinor: number;
  tierMax: number | null;
  tags: string;
}

/** The cart's tables (cart, cart_line) and what the cart reads of the catalog, resellers and customers. */
export class CartRepository {
  constructor(private readonly db: Database) {}

  /** A catalog price in effect on `day`, with the promotion in effect on it; null when there is none. */
  async priceInEffect(ctx: RequestContext, priceId: number, day: string): Promise<PriceInEffect | null> {
    const [row] = await this.db.query<Record<string, unknown>>(
      ctx,
      `SELECT o.product_id, o.product_title, o.sku_id, o.term, o.segment, o.currency, o.unit_price_minor, o.erp_price_minor,
              o.tier_max, o.tags, ${PROMOTION_SELECT} FROM ${CATALOG_OFFERS} o
       WHERE o.price_id = ? AND o.effective_start <= ? AND (o.effective_end IS NULL OR o.effective_end >= ?)`,
      [...promotionParams(day), priceId, day, day],
    );
    return row
      ? {
          ...promotionFrom(row),
          productId: String(row.product_id),
          productTitle: String(row.product_title),
          skuId: String(row.sku_id),
          term: row.term as Term,
          segment: row.segment as PriceSegment,
          currency: String(row.currency),
          unitPriceMinor: Number(row.unit_price_minor),
          retailPriceMinor: Number(row.erp_price_minor),
          tierMax: row.tier_max === null ? null : Number(row.tier_max),
          tags: String(row.tags),
        }
      : null;
  }

  /** The highest quantity a price allows (null: no bound, or no price) and its tags. */
  async limitsOf(ctx: RequestContext, priceId: number): Promise<{ tierMax: number | null; tags: string }> {
    const [row] = await this.db.query<{ tier_max: number | null; tags: string }>(
      ctx,
      `SELECT o.tier_max, o.tags FROM ${CATALOG_OFFERS} o WHERE o.price_id = ?`,
      [priceId],
    );
    return { tierMax: row?.tier_max == null ? null : Number(row.tier_max), tags: row?.tags ?? '' };
  }

  /**
   * The reseller, its open cart and the cart's customer's segment in one statement (the purchase flow's
   * hottest write); null when no reseller has that id.
   */
  async resellerWithOpenCart(
    ctx: RequestContext,
    resellerId: string,
  ): Promise<{ cart: CartEntity | null; customerSegment: CustomerSegment | null } | null> {
    const [found] = await this.db.query<Record<string, unknown>>(
      ctx,
      `SELECT r.id AS reseller_id, cu.segment AS customer_segment, ${FOUND_CART_SELECT}
       FROM ${RESELLERS} r LEFT JOIN cart c ON c.open_key = r.id LEFT JOIN ${CUSTOMERS} cu ON cu.id = c.customer_id WHERE r.id = ?`,
      [resellerId],
    );
    if (!found) return null;
    return {
      cart: found.cart_id ? readNamed(CART_ROW, found, 'cart_', {} as CartEntity) : null,
      customerSegment: (found.customer_segment as CustomerSegment | null) ?? null,
    };
  }

  /** A customer's segment, when the customer is this reseller's (any reseller's without `resellerId`). */
  async customerSegment(ctx: RequestContext, customerId: string, resellerId?: string): Promise<CustomerSegment | null> {
    const [row] = await this.db.query<{ segment: CustomerSegment }>(
      ctx,
      `SELECT cu.segment FROM ${CUSTOMERS} cu WHERE cu.id = ?${resellerId ? ' AND cu.reseller_id = ?' : ''}`,
      resellerId ? [customerId, resellerId] : [customerId],
    );
    return row?.segment ?? null;
  }

  async openCartOf(ctx: RequestContext, resellerId: string): Promise<CartEntity | null> {
    const [row] = await this.db.query<Record<string, unknown>>(
      ctx,
      `SELECT ${CART_SELECT} FROM cart WHERE open_key = ?`,
      [resellerId],
    );
    return row ? readNamed(CART_ROW, row, '', {} as CartEntity) : null;
  }

  async insertCart(tx: Transactional, cart: CartEntity): Promise<void> {
    await insertRows(tx.transaction, 'cart', [
      {
        id: cart.id,
        reseller_id: cart.resellerId,
        open_key: cart.openKey,
        customer_id: cart.customerId,
        price_segment: cart.priceSegment,
        currency: cart.currency,
        status: cart.status,
        created_at: cart.createdAt,
        updated_at: cart.updatedAt,
        version: cart.version,
      },
    ]);
  }

  /** Writes the cart's customer, segment, currency, time and version. */
  async saveCart(tx: Transactional, cart: CartEntity): Promise<void> {
    await this.db.query(
      tx,
      'UPDATE cart SET customer_id = ?, price_segment = ?, currency = ?, updated_at = ?, version = ? WHERE id = ?',
      [cart.customerId, cart.priceSegment, cart.currency, cart.updatedAt, cart.version, cart.id],
    );
  }

  /**
   * Moves the cart to `status` and closes it, only if it is still open at the version the caller priced;
   * false when it moved on meanwhile.
   */
  async closeAt(
    tx: Transactional,
    cart: Pick<CartEntity, 'id' | 'version' | 'resellerId'>,
    status: CartState,
    at: string,
  ): Promise<boolean> {
    const claimed = await updateReturning(
      tx.transaction,
      'UPDATE cart SET open_key = NULL, status = ?, updated_at = ?, version = version + 1 WHERE id = ? AND version = ? AND open_key = ? RETURNING id',
      [status, at, cart.id, cart.version, cart.resellerId],
    );
    return claimed.length === 1;
  }

  async lineForPrice(
    tx: Transactional,
    cartId: string,
    priceId: number,
  ): Promise<{ id: string; quantity: number } | null> {
    const [row] = await this.db.query<{ id: string; quantity: number }>(
      tx,
      'SELECT id, quantity FROM cart_line WHERE cart_id = ? AND price_id = ?',
      [cartId, priceId],
    );
    return row ? { id: String(row.id), quantity: Number(row.quantity) } : null;
  }

  line(tx: Transactional, cartId: string, lineId: string): Promise<CartLineEntity | null> {
    return tx.transaction.findOneBy(CartLineEntity, { id: lineId, cartId });
  }

  async addLine(
    tx: Transactional,
    cartId: string,
    line: { priceId: number; quantity: number; unitPriceMinor: number; at: string },
  ): Promise<void> {
    await insertRows(tx.transaction, 'cart_line', [
      {
        id: randomUUID(),
        cart_id: cartId,
        price_id: line.priceId,
        quantity: line.quantity,
        unit_price_minor: line.unitPriceMinor,
        added_at: line.at,
        end_with: null,
      },
    ]);
  }

  async setLineEnd(tx: Transactional, lineId: string, endWith: string | null): Promise<void> {
    await this.db.query(tx, 'UPDATE cart_line SET end_with = ? WHERE id = ?', [endWith, lineId]);
  }

  async setLinePrice(tx: Transactional, lineId: string, unitPriceMinor: number): Promise<void> {
    await this.db.query(tx, 'UPDATE cart_line SET unit_price_minor = ? WHERE id = ?', [unitPriceMinor, lineId]);
  }

  async setLineQuantity(tx: Transactional, lineId: string, quantity: number): Promise<void> {
    await this.db.query(tx, 'UPDATE cart_line SET quantity = ? WHERE id = ?', [quantity, lineId]);
  }

  /** Removes a line; answers whether the cart is empty now. */
  async removeLine(tx: Transactional, cartId: string, lineId: string): Promise<boolean> {
    await tx.transaction.delete(CartLineEntity, lineId);
    return (await tx.transaction.countBy(CartLineEntity, { cartId })) === 0;
  }

  /**
   * The cart's lines with what they are, today's list price (null where the price is no longer in effect) and the
   * promotion in effect on it today.
   */
  async lines(
    ctx: RequestContext,
    cartId: string,
    today: string,
  ): Promise<(CartLineView & AppliedPromotion & { retailPriceMinor: number })[]> {
    const rows = await this.db.query<Record<string, unknown>>(
      ctx,
      `SELECT ${LINE_SELECT},
              CASE WHEN o.effective_start <= ? AND (o.effective_end IS NULL OR o.effective_end >= ?) THEN o.unit_price_minor ELSE NULL END AS current_price,
              o.erp_price_minor AS retail_price,
              ${PROMOTION_SELECT}
       FROM cart_line l JOIN ${CATALOG_OFFERS} o ON o.price_id = l.price_id
       WHERE l.cart_id = ? ORDER BY l.added_at, l.id`,
      [today, today, ...promotionParams(today), cartId],
    );
    return rows.map((r) =>
      readNamed(
        OFFER_ROW,
        r,
        'o_',
        readNamed(CART_LINE_ROW, r, 'l_', {
          currentUnitPriceMinor: r.current_price === null ? null : Number(r.current_price),
          retailPriceMinor: Number(r.retail_price),
          ...promotionFrom(r),
        } as CartLineView & AppliedPromotion & { retailPriceMinor: number }),
      ),
    );
  }
}
