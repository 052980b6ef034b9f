import { randomUUID } from 'node:crypto';
import {
  cartSegmentFits,
  coTermFirstTerm,
  nextCartState,
  checkQuantity,
  isTrialOffer,
  money,
  monthAlignedEnd,
  priceSegmentFor,
  pricedOffer,
  promotedPrice,
  termEndOf,
  trialEndOf,
  TRIAL_SEATS,
  type BillingPlan,
  type PriceSegment,
  type Term,
} from '@nce/domain';
import type { AuditService } from '../audit/index.js';
import type { Database } from '../db/database.js';
import type { PartnerCenter } from '../partner-center/index.js';
import type { Pricer, PricingService } from '../pricing/index.js';
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
  /** The price row's tags (a trial offer is tagged Trial). */
  tags: string;
  /** S16: a free trial, 25 seats for 30 days. */
  trial: boolean;
  /** S15: what the first term ends with: null (a full term), MONTH_END, or a subscription id. */
  endWith: string | null;
  /** The first term's end when it is not a full term; null for a full term or perpetual software. */
  termEnd: string | null;
  /** What one seat costs at Buy: today's price, for the days of a shortened first period (S15). */
  firstUnitChargeMinor: number;
  /** Why the end chosen no longer holds (e.g. the subscription it ends with renewed); null when it holds. */
  endDateProblem: string | null;
  /** S17: the promotion in today's price (null: none), and its discount in hundredths of a percent. */
  promotionId: string | null;
  promotionName: string | null;
  discountBasisPoints: number;
  /** The price-book rule that set today's price, in words ("Gold: cost + 5 %"); null: the partner price. */
  priceRule: string | null;
}

/** A subscription of the cart's customer a new line may end with (S15), as the subscriptions context gives it. */
export interface CoTermTarget {
  subscriptionId: string;
  title: string;
  /** The tenant Microsoft keeps it in. */
  tenantId: string | null;
  term: Exclude<Term, 'NONE'>;
  termEnd: string;
}

/** The customer's active subscriptions a line may end with; registered by the subscriptions context. */
export type CoTermTargets = (ctx: RequestContext, customerId: string, now: Date) => Promise<CoTermTarget[]>;

/** What a line's first term can end with, each with its end and its charge at Buy (or why it cannot). */
export interface LineEndOption {
  kind: 'FULL_TERM' | 'MONTH_END' | 'SUBSCRIPTION';
  subscriptionId: string | null;
  label: string;
  termEnd: string;
  firstUnitChargeMinor: number;
  /** The line's seats, what the charge at Buy is for. */
  quantity: number;
  currency: string;
  problem: string | null;
}

export const MONTH_END = 'MONTH_END';

export interface CartView {
  cart: CartEntity;
  lines: CartLineView[];
}

/** A refused cart change; `field` names the input at fault, where there is one. */
const refused = (code: string, message: string, field?: string) =>
  fail(code, message, { fix: field ? { kind: 'field', field, label: message } : null });

/** R4: add one unit, change quantities in the cart, one segment and one currency per cart, bound to a customer. */
export class CartService {
  private coTermTargets: CoTermTargets = async () => [];

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly carts: CartRepository,
    private readonly partnerCenter: Pick<PartnerCenter, 'customTermEndDates'>,
    private readonly pricing: Pick<PricingService, 'pricerFor'>,
  ) {}

  /** Where the cart finds the customer's subscriptions a line may end with (S15). */
  useCoTermTargets(targets: CoTermTargets): void {
    this.coTermTargets = targets;
  }

  async view(ctx: RequestContext, resellerId: string): Promise<CartView | null> {
    actingFor(ctx, resellerId, Permission.OrdersManage);
    const cart = await this.carts.openCartOf(ctx, resellerId);
    return cart ? { cart, lines: await this.lines(ctx, cart) } : null;
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
      const trial = isTrialOffer(price.tags);
      // S16: a trial is for 25 seats, once.
      if (trial && existing)
        return refused('TRIAL_SEATS_FIXED', `A trial is for ${TRIAL_SEATS} seats and is in the cart already.`);
      const before = existing?.quantity ?? 0;
      const quantity = trial ? TRIAL_SEATS : before + 1;
      const limit = checkQuantity(quantity, { max: price.tierMax ?? undefined });
      if (!limit.allowed) return refused(limit.code, limit.message, 'quantity');
      if (existing) await this.carts.setLineQuantity(tx, existing.id, quantity);
      else {
        const today = isoDate(this.clock.now());
        const pricer = await this.pricing.pricerFor(tx, { resellerId, customerId: cart.customerId }, today);
        await this.carts.addLine(tx, cart.id, {
          priceId,
          quantity,
          // S17: a promotion in effect today discounts the partner price; the reseller's price book prices over it.
          unitPriceMinor: resellerPrice(pricer, price, price.unitPriceMinor, trial).amountMinor,
          at: this.clock.now().toISOString(),
        });
      }
      const touched = await this.touch(tx, cart, { priceSegment: price.segment, currency: price.currency });
      await this.audit.record(tx, {
        operation: 'cart.add',
        entityType: 'Cart',
        entityId: cart.id,
        changes: { [`price ${priceId}`]: { before, after: quantity } },
      });
      return ok({ cart: touched, lines: await this.lines(tx, cart) });
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
      const { tierMax: max, tags } = await this.carts.limitsOf(tx, line.priceId);
      if (isTrialOffer(tags) && quantity !== TRIAL_SEATS)
        return refused(
          'TRIAL_SEATS_FIXED',
          `A trial is for ${TRIAL_SEATS} seats; buy the paid SKU for another number, or convert the trial later.`,
          'quantity',
        );
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
      return ok({ cart: touched, lines: await this.lines(tx, cart) });
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
      return ok({ cart: touched, lines: await this.lines(tx, cart) });
    });
  }

  /**
   * S15: what a line's first term ends with: a full term (null), the last month end before it (MONTH_END), or an
   * active subscription of the cart's customer. Refused when the choice does not hold for the line.
   */
  async setLineEnd(
    ctx: RequestContext,
    resellerId: string,
    lineId: string,
    endWith: string | null,
  ): Promise<Result<CartView>> {
    const actor = actingFor(ctx, resellerId, Permission.OrdersManage);
    return this.db.transaction(actor, async (tx) => {
      const cart = await this.carts.openCartOf(tx, resellerId);
      const lines = cart ? await this.lines(tx, cart) : [];
      const line = lines.find((l) => l.id === lineId);
      if (!cart || !line) return refused('CART_LINE_NOT_FOUND', 'That line is not in the cart.');
      if (endWith !== null) {
        const options = await this.endOptionsOf(tx, cart, line);
        const chosen = options.find((o) => (o.kind === 'MONTH_END' ? MONTH_END : o.subscriptionId) === endWith);
        if (!chosen)
          return refused(
            'END_DATE_NOT_OFFERED',
            cart.customerId
              ? 'That end date is not one this line can take: choose the end of a month or an active subscription of the customer.'
              : 'Choose the customer first: a line ends with one of its subscriptions.',
            'endWith',
          );
        if (chosen.problem) return refused('END_DATE_NOT_ALLOWED', chosen.problem, 'endWith');
      }
      await this.carts.setLineEnd(tx, line.id, endWith);
      const touched = await this.touch(tx, cart, {});
      await this.audit.record(tx, {
        operation: 'cart.setLineEnd',
        entityType: 'Cart',
        entityId: cart.id,
        changes: { [`line ${line.id} ends with`]: { before: line.endWith, after: endWith } },
      });
      return ok({ cart: touched, lines: await this.lines(tx, touched) });
    });
  }

  /** S15: the ends a line's first term can take, each with its end date and charge at Buy, or why not. */
  async endOptions(ctx: RequestContext, resellerId: string, lineId: string): Promise<Result<LineEndOption[]>> {
    actingFor(ctx, resellerId, Permission.OrdersManage);
    const cart = await this.carts.openCartOf(ctx, resellerId);
    const line = cart ? (await this.lines(ctx, cart)).find((l) => l.id === lineId) : undefined;
    if (!cart || !line) return refused('CART_LINE_NOT_FOUND', 'That line is not in the cart.');
    return ok(await this.endOptionsOf(ctx, cart, line));
  }

  private async endOptionsOf(ctx: RequestContext, cart: CartEntity, line: CartLineView): Promise<LineEndOption[]> {
    if (line.term === 'NONE' || line.trial) return [];
    const now = this.clock.now();
    const term = line.term;
    const unit = line.currentUnitPriceMinor ?? line.unitPriceMinor;
    const option = (
      kind: LineEndOption['kind'],
      subscriptionId: string | null,
      label: string,
      end: Date,
      targetTerm?: Exclude<Term, 'NONE'>,
    ): LineEndOption => {
      const first = coTermFirstTerm({
        start: now,
        term,
        billingPlan: line.billingPlan,
        unitPrice: money(unit, line.currency),
        endWith: { date: end, term: targetTerm },
      });
      return {
        kind,
        subscriptionId,
        label,
        termEnd: end.toISOString(),
        firstUnitChargeMinor: first.ok ? first.value.unitCharge.amountMinor : unit,
        quantity: line.quantity,
        currency: line.currency,
        problem: first.ok ? null : first.message,
      };
    };
    const full = termEndOf(now, term);
    const targets = cart.customerId ? await this.coTermTargets(ctx, cart.customerId, now) : [];
    const options = [
      option('FULL_TERM', null, `A full term, to ${full.toISOString().slice(0, 10)}`, full),
      option('MONTH_END', null, 'The end of a calendar month', monthAlignedEnd(now, term)),
      ...targets.map((t) => option('SUBSCRIPTION', t.subscriptionId, `With ${t.title}`, new Date(t.termEnd), t.term)),
    ];
    // S15: Microsoft decides which custom ends a purchase in the customer's tenant may take; an end it does not
    // offer today (its renewal moved the date, it was suspended in Partner Center) is refused at Buy, so not offered.
    const tenantId = targets.find((t) => t.tenantId)?.tenantId;
    if (!tenantId) return options;
    const allowed = await this.partnerCenter.customTermEndDates({ tenantId, termDuration: term });
    // A purchase names only the date: any subscription of the tenant ending that day makes it one Microsoft takes.
    const offered = new Set(allowed.map((a) => a.date));
    return options.map((o) => {
      if (o.kind === 'FULL_TERM' || o.problem) return o;
      return offered.has(o.termEnd.slice(0, 10))
        ? o
        : { ...o, problem: 'Microsoft does not offer this end date for this customer today: choose another end.' };
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
      return ok({ cart: touched, lines: await this.lines(tx, touched) });
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

  /** The cart's lines, each with its first term's end and charge at Buy as of now (S15, S16). */
  private async lines(ctx: RequestContext, cart: CartEntity): Promise<CartLineView[]> {
    const now = this.clock.now();
    const lines = await this.carts.lines(ctx, cart.id, isoDate(now));
    const pricer = lines.length
      ? await this.pricing.pricerFor(ctx, { resellerId: cart.resellerId, customerId: cart.customerId }, isoDate(now))
      : null;
    const coTerming = lines.some((l) => l.endWith && l.endWith !== MONTH_END);
    const targets = coTerming && cart.customerId ? await this.coTermTargets(ctx, cart.customerId, now) : [];
    return lines.map(({ retailPriceMinor, ...listed }) => {
      const trial = isTrialOffer(listed.tags);
      // S17: today's price is the list price less the promotion in effect today, priced by the reseller's book.
      const today =
        listed.currentUnitPriceMinor === null
          ? null
          : resellerPrice(pricer!, { ...listed, retailPriceMinor }, listed.currentUnitPriceMinor, trial);
      const line: CartLineView = {
        ...listed,
        currentUnitPriceMinor: today?.amountMinor ?? null,
        priceRule: today?.rule ?? null,
      };
      const unit = line.currentUnitPriceMinor ?? line.unitPriceMinor;
      const full = { ...line, trial, termEnd: null, firstUnitChargeMinor: unit, endDateProblem: null };
      if (trial) return { ...full, termEnd: trialEndOf(now).toISOString() };
      if (line.term === 'NONE' || !line.endWith) return full;
      const target = line.endWith === MONTH_END ? null : targets.find((t) => t.subscriptionId === line.endWith);
      if (line.endWith !== MONTH_END && !target)
        return {
          ...full,
          endDateProblem: 'The subscription it was to end with is no longer active for this customer.',
        };
      const end = target ? new Date(target.termEnd) : monthAlignedEnd(now, line.term);
      const first = coTermFirstTerm({
        start: now,
        term: line.term,
        billingPlan: line.billingPlan,
        unitPrice: money(unit, line.currency),
        endWith: { date: end, term: target?.term },
      });
      return first.ok
        ? { ...full, termEnd: end.toISOString(), firstUnitChargeMinor: first.value.unitCharge.amountMinor }
        : { ...full, endDateProblem: first.message };
    });
  }
}

/**
 * What the reseller pays for one seat of an offer today: the partner price less today's promotion (S17), priced by
 * the reseller's price book. A trial stays free whatever the book says (S16).
 */
function resellerPrice(
  pricer: Pricer,
  offer: {
    productId: string;
    productTitle: string;
    skuId: string;
    term: Term;
    segment: PriceSegment;
    currency: string;
    discountBasisPoints: number;
    retailPriceMinor: number;
  },
  listMinor: number,
  trial: boolean,
): { amountMinor: number; rule: string | null } {
  const cost = promotedPrice(money(listMinor, offer.currency), offer.discountBasisPoints);
  if (trial) return { amountMinor: cost.amountMinor, rule: null };
  const priced = pricer(pricedOffer(offer, cost, money(offer.retailPriceMinor, offer.currency)));
  return { amountMinor: priced.price.amountMinor, rule: priced.label };
}
