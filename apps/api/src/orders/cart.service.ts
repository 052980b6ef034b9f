import { randomUUID } from 'node:crypto';
import {
  cartSegmentFits,
  nextCartState,
  checkQuantity,
  priceSegmentFor,
  type BillingPlan,
  type PriceSegment,
  type Term,
} from '@nce/domain';
import type { AuditService } from '../audit/index.js';
import type { Database } from '../db/database.js';
import { Permission } from '../platform/permissions.js';
import { actingFor, type RequestContext, type Transactional } from '../platform/request-context.js';
import { fail, ok, type Result } from '../platform/result.js';
import { isoDate, type Clock } from '../platform/clock.js';
import type { CartRepository } from './cart.repository.js';
import type { CartEntity } from './entities.js';

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

/** R4: add one unit, change quantities in the cart, one segment and one currency per cart, bound to a customer. */
export class CartService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly carts: CartRepository,
  ) {}

  async view(ctx: RequestContext, resellerId: string): Promise<CartView | null> {
    actingFor(ctx, resellerId, Permission.OrdersManage);
    const cart = await this.carts.openCartOf(ctx, resellerId);
    return cart ? { cart, lines: await this.lines(ctx, cart.id) } : null;
  }

  async add(ctx: RequestContext, resellerId: string, priceId: number): Promise<Result<CartView>> {
    const actor = actingFor(ctx, resellerId, Permission.OrdersManage);
    return this.db.transaction(actor, async (tx) => {
      const price = await this.carts.priceInEffect(tx, priceId, isoDate(this.clock.now()));
      if (!price) return refused('PRICE_NOT_FOUND', 'That price is not in the catalog today.');
      const found = await this.carts.resellerWithOpenCart(tx, resellerId);
      if (!found) return refused('RESELLER_NOT_FOUND', 'No reseller has that id.', 'resellerId');
      const cart = found.cart ?? (await this.createCart(tx, resellerId));
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
      if (cart.customerId && found.customerSegment) {
        const fits = cartSegmentFits(price.segment, found.customerSegment);
        if (!fits.allowed) return refused(fits.code, fits.message);
      }
      const existing = await this.carts.lineForPrice(tx, cart.id, priceId);
      const before = existing?.quantity ?? 0;
      const quantity = before + 1;
      const limit = checkQuantity(quantity, { max: price.tierMax ?? undefined });
      if (!limit.allowed) return refused(limit.code, limit.message, 'quantity');
      if (existing) await this.carts.setLineQuantity(tx, existing.id, quantity);
      else await this.carts.addLine(tx, cart.id, priceId, price.unitPriceMinor, this.clock.now().toISOString());
      const touched = await this.touch(tx, cart, { priceSegment: price.segment, currency: price.currency });
      await this.audit.record(tx, {
        operation: 'cart.add',
        entityType: 'Cart',
        entityId: cart.id,
        changes: { [`price ${priceId}`]: { before, after: quantity } },
      });
      return ok({ cart: touched, lines: await this.lines(tx, cart.id) });
    });
  }

  async setQuantity(
    ctx: RequestContext,
    resellerId: string,
    lineId: string,
    quantity: number,
  ): Promise<Result<CartView>> {
    const actor = actingFor(ctx, resellerId, Permission.OrdersManage);
    return this.db.transaction(actor, async (tx) => {
      const cart = await this.carts.openCartOf(tx, resellerId);
      const line = cart ? await this.carts.line(tx, cart.id, lineId) : null;
      if (!cart || !line) return refused('CART_LINE_NOT_FOUND', 'That line is not in the cart.');
      const max = await this.carts.tierMax(tx, line.priceId);
      const verdict = checkQuantity(quantity, { max: max ?? undefined });
      if (!verdict.allowed) return refused(verdict.code, verdict.message, 'quantity');
      await this.carts.setLineQuantity(tx, line.id, quantity);
      const touched = await this.touch(tx, cart, {});
      await this.audit.record(tx, {
        operation: 'cart.setQuantity',
        entityType: 'Cart',
        entityId: cart.id,
        changes: { [`line ${line.id}`]: { before: line.quantity, after: quantity } },
      });
      return ok({ cart: touched, lines: await this.lines(tx, cart.id) });
    });
  }

  async remove(ctx: RequestContext, resellerId: string, lineId: string): Promise<Result<CartView>> {
    const actor = actingFor(ctx, resellerId, Permission.OrdersManage);
    return this.db.transaction(actor, async (tx) => {
      const cart = await this.carts.openCartOf(tx, resellerId);
      const line = cart ? await this.carts.line(tx, cart.id, lineId) : null;
      if (!cart || !line) return refused('CART_LINE_NOT_FOUND', 'That line is not in the cart.');
      const empty = await this.carts.removeLine(tx, cart.id, line.id);
      const touched = await this.touch(tx, cart, empty ? { priceSegment: null, currency: null } : {});
      await this.audit.record(tx, {
        operation: 'cart.remove',
        entityType: 'Cart',
        entityId: cart.id,
        changes: { [`line ${line.id}`]: { before: line.quantity, after: 0 } },
      });
      return ok({ cart: touched, lines: await this.lines(tx, cart.id) });
    });
  }

  /** R5: the customer the cart is for; its segment must fit the cart's prices (R3, R20). */
  async bindCustomer(ctx: RequestContext, resellerId: string, customerId: string): Promise<Result<CartView>> {
    const actor = actingFor(ctx, resellerId, Permission.OrdersManage);
    return this.db.transaction(actor, async (tx) => {
      const segment = await this.carts.customerSegment(tx, customerId, resellerId);
      if (!segment) return refused('CUSTOMER_NOT_FOUND', 'No such customer of this reseller.', 'customerId');
      const cart = (await this.carts.openCartOf(tx, resellerId)) ?? (await this.createCart(tx, resellerId));
      if (cart.priceSegment) {
        const fits = cartSegmentFits(cart.priceSegment, segment);
        if (!fits.allowed) return refused(fits.code, fits.message, 'customerId');
      }
      const touched = await this.touch(tx, cart, { customerId });
      await this.audit.record(tx, {
        operation: 'cart.bindCustomer',
        entityType: 'Cart',
        entityId: cart.id,
        changes: { customerId: { before: cart.customerId, after: customerId } },
      });
      return ok({ cart: touched, lines: await this.lines(tx, cart.id) });
    });
  }

  /**
   * The one writer of a cart's status: Buy checks out the version of the cart it priced, in its transaction.
   * False when the cart moved on meanwhile (edited, or checked out by a concurrent Buy).
   */
  async checkOut(
    tx: Transactional,
    cart: Pick<CartEntity, 'id' | 'status' | 'version' | 'resellerId'>,
  ): Promise<boolean> {
    const next = nextCartState(cart.status, 'CHECK_OUT');
    if (!next.ok) return false;
    return this.carts.closeAt(tx, cart, next.to, this.clock.now().toISOString());
  }

  /**
   * R16: the cart takes today's prices for the lines whose price changed, so the buyer confirms the new
   * figures before Buy charges them.
   */
  async takeTodaysPrices(ctx: RequestContext, lines: readonly CartLineView[]): Promise<void> {
    await this.db.transaction(ctx, async (tx) => {
      for (const line of lines)
        if (line.currentUnitPriceMinor !== null) await this.carts.setLinePrice(tx, line.id, line.currentUnitPriceMinor);
    });
  }

  /** The segment the catalog should show for this cart: its customer's price segment, if bound. */
  async priceSegment(ctx: RequestContext, resellerId: string): Promise<PriceSegment | null> {
    const view = await this.view(ctx, resellerId);
    if (!view?.cart.customerId) return view?.cart.priceSegment ?? null;
    const segment = await this.carts.customerSegment(ctx, view.cart.customerId);
    return segment ? priceSegmentFor(segment) : null;
  }

  private async createCart(tx: Transactional, resellerId: string): Promise<CartEntity> {
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
    await this.carts.insertCart(tx, cart);
    return cart;
  }

  /** Records a change to the cart and moves its version on, so a Buy priced on an older version stops (R16). */
  private async touch(
    tx: Transactional,
    cart: CartEntity,
    change: Partial<Pick<CartEntity, 'customerId' | 'priceSegment' | 'currency'>>,
  ): Promise<CartEntity> {
    const next: CartEntity = {
      ...cart,
      ...change,
      updatedAt: this.clock.now().toISOString(),
      version: cart.version + 1,
    };
    await this.carts.saveCart(tx, next);
    return next;
  }

  private lines(ctx: RequestContext, cartId: string): Promise<CartLineView[]> {
    return this.carts.lines(ctx, cartId, isoDate(this.clock.now()));
  }
}
