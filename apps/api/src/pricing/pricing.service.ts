import { randomUUID } from 'node:crypto';
import {
  markupBasisPoints,
  previewPriceChange,
  priceRuleFromInput,
  priceRuleLabel,
  ruleMatches,
  type PriceChangePreview,
  type PriceRuleInput,
  type PricingPolicy,
} from '@nce/domain';
import type { AuditService } from '../audit/index.js';
import type { Database } from '../db/database.js';
import { isoDate } from '../platform/clock.js';
import { Permission, type ModulePermission } from '../platform/permissions.js';
import { actingFor, requirePermission, type RequestContext } from '../platform/request-context.js';
import { fail, invalid, invalidField, notFound, ok, type Result } from '../platform/result.js';
import type { PriceBookAssignmentLevel, PriceBookEntity, PriceRuleEntity, ResellerMarkupEntity } from './entities.js';
import { pricerOf, ruleOf, type PriceBooksInEffect, type Pricer, type PricingParty } from './price-books-in-effect.js';
import type { PriceBooksRepository } from './price-books.repository.js';

export const PricingPermission = {
  /** Sales operations: price books, their rules, and who is on which. */
  Manage: 'pricing:manage',
} as const satisfies Record<string, ModulePermission>;

const DAY = 86_400_000;
export const MASTER_BOOK = 'master';

export type PriceRuleState = 'SCHEDULED' | 'IN_EFFECT' | 'ENDED';

/** What may be put on a book, as its context describes it: a name, and the parties above it whose books it falls to. */
export interface PricingTarget {
  name: string;
  resellerId?: string;
  customerId?: string;
}

export type PricingTargetLookup = (ctx: RequestContext, id: string) => Promise<PricingTarget | null>;

const ENTITY_OF_LEVEL: Record<PriceBookAssignmentLevel, string> = {
  RESELLER: 'Reseller',
  CUSTOMER: 'Customer',
  SUBSCRIPTION: 'Subscription',
};

export interface PriceRuleView {
  rule: PriceRuleEntity;
  label: string;
  state: PriceRuleState;
}

export interface PriceBookView {
  book: PriceBookEntity;
  rules: PriceRuleView[];
  /** The resellers it prices: how many, and the first names. */
  resellers: { count: number; names: string[] };
}

export interface PriceRulePreview extends PriceChangePreview {
  book: PriceBookEntity;
  /** The day the rule is previewed on: its first day. */
  day: string;
  resellers: { count: number; names: string[] };
}

/**
 * Price books: what resellers pay. Staff keep books of rules over the price list and put resellers (or a customer
 * of one) on a book; carts, Buy's price check and renewals price through `pricerFor`. Rules are never edited: a
 * change is a new rule from a later day, so what a price was on any day can be told again.
 */
export class PricingService {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditService,
    private readonly books: PriceBooksRepository,
    private readonly inEffect: PriceBooksInEffect,
    private readonly policy: PricingPolicy,
  ) {
    this.targets.set('RESELLER', async (ctx, id) => {
      const name = await this.books.resellerName(ctx, id);
      return name === null ? null : { name };
    });
    this.targets.set('CUSTOMER', async (ctx, id) => {
      const customer = await this.books.customer(ctx, id);
      return customer && { name: customer.name, resellerId: customer.resellerId };
    });
  }

  private readonly targets = new Map<PriceBookAssignmentLevel, PricingTargetLookup>();

  /** A later context names what it puts on books (subscriptions: each subscription, under its customer). */
  describeTargets(level: PriceBookAssignmentLevel, lookup: PricingTargetLookup): void {
    this.targets.set(level, lookup);
  }

  private targetOf(ctx: RequestContext, level: PriceBookAssignmentLevel, id: string): Promise<PricingTarget | null> {
    const lookup = this.targets.get(level);
    if (!lookup) throw new Error(`no context describes price-book targets of level ${level}`);
    return lookup(ctx, id);
  }

  /** Prices offers for a reseller (and the customer it buys for) on a day; no permission: callers checked theirs. */
  async pricerFor(ctx: RequestContext, party: PricingParty, day: string): Promise<Pricer> {
    return pricerOf(await this.inEffect.get(ctx), party, day, this.policy);
  }

  async list(ctx: RequestContext): Promise<PriceBookView[]> {
    requirePermission(ctx, PricingPermission.Manage);
    const today = isoDate(ctx.clock.now());
    const [books, rules, resellers] = await Promise.all([
      this.books.books(ctx),
      this.books.rules(ctx),
      this.books.resellersByBook(ctx, 10),
    ]);
    return books.map((book) => ({
      book,
      rules: rules
        .filter((r) => r.bookId === book.id)
        .map((rule) => ({
          rule,
          label: priceRuleLabel(book.name, ruleOf(rule)),
          state: stateOf(rule, today),
        })),
      resellers: resellers.get(book.id) ?? { count: 0, names: [] },
    }));
  }

  async createBook(ctx: RequestContext, name: string): Promise<Result<PriceBookEntity>> {
    requirePermission(ctx, PricingPermission.Manage);
    const trimmed = name.trim();
    if (trimmed.length < 2 || trimmed.length > 100)
      return invalidField('name', 'NAME_LENGTH', 'A price book’s name has 2 to 100 characters.');
    const created = await this.db.transaction(ctx, async (tx) => {
      if (await this.books.bookNamed(tx, trimmed))
        return invalidField('name', 'PRICE_BOOK_NAME_TAKEN', `A price book is named ${trimmed} already.`);
      const book: PriceBookEntity = { id: randomUUID(), name: trimmed, createdAt: ctx.clock.now().toISOString() };
      await this.books.insertBook(tx, book);
      await this.audit.record(tx, {
        operation: 'pricing.createBook',
        entityType: 'PriceBook',
        entityId: book.id,
        changes: { name: { before: null, after: trimmed } },
      });
      return ok(book);
    });
    this.inEffect.forget();
    return created;
  }

  /** Adds a rule to a book, from today or a later day; the product and SKU it names must be in the price list. */
  async addRule(ctx: RequestContext, bookId: string, input: PriceRuleInput): Promise<Result<PriceRuleView>> {
    requirePermission(ctx, PricingPermission.Manage);
    const checked = await this.checkedRule(ctx, bookId, input);
    if (!checked.ok) return checked;
    const { book, entity } = checked.value;
    const added = await this.db.transaction(ctx, async (tx) => {
      await this.books.insertRule(tx, entity);
      const label = priceRuleLabel(book.name, ruleOf(entity));
      await this.audit.record(tx, {
        operation: 'pricing.addRule',
        entityType: 'PriceBook',
        entityId: book.id,
        changes: {
          rule: { before: null, after: `${label} on ${scopeText(entity)}` },
          days: { before: null, after: `${entity.effectiveFrom} → ${entity.effectiveTo ?? 'open-ended'}` },
        },
      });
      return ok({ rule: entity, label, state: stateOf(entity, isoDate(ctx.clock.now())) });
    });
    this.inEffect.forget();
    return added;
  }

  /**
   * What a rule would do before it is saved, on its first day: the offers in its reach, those whose price it moves,
   * cost and prices before and after, and the resellers on its book.
   */
  async preview(ctx: RequestContext, bookId: string, input: PriceRuleInput): Promise<Result<PriceRulePreview>> {
    requirePermission(ctx, PricingPermission.Manage);
    const checked = await this.checkedRule(ctx, bookId, input);
    if (!checked.ok) return checked;
    const { book, entity } = checked.value;
    const rule = ruleOf(entity);
    const current = (await this.books.rules(ctx)).filter((r) => r.bookId === book.id).map(ruleOf);
    const offers = (await this.books.offersOn(ctx, rule.scope, rule.effectiveFrom)).filter((o) =>
      ruleMatches(rule, o, rule.effectiveFrom),
    );
    const before = { id: book.id, name: book.name, rules: current };
    const preview = previewPriceChange(
      offers,
      before,
      { ...before, rules: [...current, rule] },
      rule.effectiveFrom,
      this.policy,
    );
    return ok({ ...preview, book, day: rule.effectiveFrom, resellers: await this.books.resellersOn(ctx, book.id, 10) });
  }

  /**
   * Ends a rule: one in effect keeps what it priced and ends yesterday (or today, if it started today); one not
   * started yet priced nothing and is removed. Answers the rule as it is now, null when removed.
   */
  async endRule(ctx: RequestContext, id: string): Promise<Result<PriceRuleView | null>> {
    requirePermission(ctx, PricingPermission.Manage);
    const today = isoDate(ctx.clock.now());
    const ended = await this.db.transaction(ctx, async (tx) => {
      const rule = await this.books.rule(tx, id);
      if (!rule) return notFound('price rule');
      if (rule.effectiveTo !== null && rule.effectiveTo < today)
        return fail('PRICE_RULE_ENDED', `That rule ended on ${rule.effectiveTo}.`);
      const book = (await this.books.book(tx, rule.bookId))!;
      const yesterday = isoDate(new Date(ctx.clock.now().getTime() - DAY));
      const removed = rule.effectiveFrom > today;
      const effectiveTo = rule.effectiveFrom > yesterday ? today : yesterday;
      if (removed) await this.books.removeRule(tx, id);
      else await this.books.setRuleEnd(tx, id, effectiveTo);
      const label = priceRuleLabel(book.name, ruleOf(rule));
      await this.audit.record(tx, {
        operation: 'pricing.endRule',
        entityType: 'PriceBook',
        entityId: book.id,
        changes: {
          [`${label} on ${scopeText(rule)}`]: { before: rule.effectiveTo, after: removed ? null : effectiveTo },
        },
      });
      if (removed) return ok(null);
      const now = { ...rule, effectiveTo };
      return ok({ rule: now, label, state: stateOf(now, today) });
    });
    this.inEffect.forget();
    return ended;
  }

  /**
   * Puts a reseller, or one customer of a reseller, on a book; `bookId` null takes it off (a reseller falls back to
   * the master book, a customer to its reseller's). Carts price with it at once; running terms keep their price.
   */
  async assign(
    ctx: RequestContext,
    level: PriceBookAssignmentLevel,
    targetId: string,
    bookId: string | null,
  ): Promise<Result<PriceBookEntity>> {
    requirePermission(ctx, PricingPermission.Manage);
    const assigned = await this.db.transaction(ctx, async (tx) => {
      const target = await this.targetOf(tx, level, targetId);
      if (!target) return notFound(ENTITY_OF_LEVEL[level].toLowerCase());
      const book = await this.books.book(tx, bookId ?? MASTER_BOOK);
      if (!book) return invalidField('bookId', 'PRICE_BOOK_NOT_FOUND', 'No price book has that id.');
      const previous = await this.books.assignment(tx, level, targetId);
      const previousBook = previous ? await this.books.book(tx, previous.bookId) : null;
      if (book.id === MASTER_BOOK || bookId === null) await this.books.unassign(tx, level, targetId);
      else
        await this.books.assign(tx, {
          level,
          targetId,
          bookId: book.id,
          assignedAt: ctx.clock.now().toISOString(),
        });
      await this.audit.record(tx, {
        operation: 'pricing.assignBook',
        entityType: ENTITY_OF_LEVEL[level],
        entityId: targetId,
        changes: { priceBook: { before: previousBook?.name ?? null, after: bookId === null ? null : book.name } },
      });
      return ok(book);
    });
    this.inEffect.forget();
    return assigned;
  }

  /**
   * The book a reseller, customer or subscription is on: its own, else the nearest of those above it (a
   * subscription's customer, then reseller), else the master book.
   */
  async bookOf(
    ctx: RequestContext,
    level: PriceBookAssignmentLevel,
    targetId: string,
  ): Promise<{ book: PriceBookEntity; own: boolean }> {
    requirePermission(ctx, PricingPermission.Manage);
    const own = await this.books.assignment(ctx, level, targetId);
    if (own) return { book: (await this.books.book(ctx, own.bookId))!, own: true };
    const target = level === 'RESELLER' ? null : await this.targetOf(ctx, level, targetId);
    const customer = target?.customerId ? await this.books.assignment(ctx, 'CUSTOMER', target.customerId) : null;
    const reseller =
      !customer && target?.resellerId ? await this.books.assignment(ctx, 'RESELLER', target.resellerId) : null;
    return { book: (await this.books.book(ctx, customer?.bookId ?? reseller?.bookId ?? MASTER_BOOK))!, own: false };
  }

  /** A reseller's markups for its end customers: its own users, or staff who read its orders. */
  async markups(ctx: RequestContext, resellerId: string): Promise<ResellerMarkupEntity[]> {
    actingFor(ctx, resellerId, Permission.OrdersRead);
    return this.books.markups(ctx, resellerId);
  }

  /**
   * Sets a reseller's markup for a customer of its own, a product family, both, or everything; `percent` null
   * removes it. Only suggestions: nothing a reseller pays changes.
   */
  async setMarkup(
    ctx: RequestContext,
    resellerId: string,
    input: { customerId?: string | null; family?: string | null; percent?: number | null },
  ): Promise<Result<ResellerMarkupEntity | null>> {
    const actor = actingFor(ctx, resellerId, Permission.OrdersManage);
    const family = input.family?.trim() || null;
    const customerId = input.customerId || null;
    if (family && family.length > 100)
      return invalidField('family', 'TOO_LONG', 'A product family has at most 100 characters.');
    const parsed = input.percent === null || input.percent === undefined ? null : markupBasisPoints(input.percent);
    if (parsed && !parsed.ok) return invalidField('percent', parsed.code, parsed.message);
    const scopeKey = `${customerId ?? '*'}|${family ?? '*'}`;
    return this.db.transaction(actor, async (tx) => {
      if (customerId) {
        const customer = await this.books.customer(tx, customerId);
        if (!customer || customer.resellerId !== resellerId)
          return invalidField('customerId', 'CUSTOMER_NOT_FOUND', 'That customer is not one of this reseller’s.');
      }
      const before = await this.books.markupAt(tx, resellerId, scopeKey);
      const after: ResellerMarkupEntity | null = parsed
        ? {
            id: before?.id ?? randomUUID(),
            resellerId,
            scopeKey,
            customerId,
            family,
            basisPoints: parsed.value,
            updatedAt: ctx.clock.now().toISOString(),
          }
        : null;
      if (after) await this.books.setMarkup(tx, after);
      else await this.books.removeMarkup(tx, resellerId, scopeKey);
      await this.audit.record(tx, {
        operation: 'pricing.setMarkup',
        entityType: 'Reseller',
        entityId: resellerId,
        changes: {
          [`markup for ${customerId ? 'a customer' : 'every customer'}${family ? `, ${family}` : ''}`]: {
            before: before ? `${before.basisPoints / 100} %` : null,
            after: after ? `${after.basisPoints / 100} %` : null,
          },
        },
      });
      return ok(after);
    });
  }

  private async checkedRule(
    ctx: RequestContext,
    bookId: string,
    input: PriceRuleInput,
  ): Promise<Result<{ book: PriceBookEntity; entity: PriceRuleEntity }>> {
    const today = isoDate(ctx.clock.now());
    const parsed = priceRuleFromInput(randomUUID(), input, today);
    if (!parsed.ok) return invalid(parsed.errors ?? []);
    const rule = parsed.value;
    const book = await this.books.book(ctx, bookId);
    if (!book) return invalidField('bookId', 'PRICE_BOOK_NOT_FOUND', 'No price book has that id.');
    if (rule.scope.productId && !(await this.books.offerExists(ctx, rule.scope.productId, rule.scope.skuId ?? null)))
      return invalidField(
        rule.scope.skuId ? 'skuId' : 'productId',
        'NOT_IN_PRICE_LIST',
        rule.scope.skuId
          ? `The price list has no SKU ${rule.scope.skuId} of product ${rule.scope.productId}.`
          : `The price list has no product ${rule.scope.productId}.`,
      );
    const a = rule.adjustment;
    return ok({
      book,
      entity: {
        id: rule.id,
        bookId: book.id,
        family: rule.scope.family ?? null,
        productId: rule.scope.productId ?? null,
        skuId: rule.scope.skuId ?? null,
        term: rule.scope.term ?? null,
        segment: rule.scope.segment ?? null,
        basis: rule.basis,
        kind: a.kind,
        basisPoints: a.kind === 'PERCENT' ? a.basisPoints : null,
        amountMinor: a.kind === 'FIXED' ? a.amountMinor : null,
        currency: a.kind === 'FIXED' ? a.currency : null,
        effectiveFrom: rule.effectiveFrom,
        effectiveTo: rule.effectiveTo,
        createdAt: ctx.clock.now().toISOString(),
        createdBy: ctx.principal?.kind === 'staff' ? ctx.principal.email : 'system',
      },
    });
  }
}

function stateOf(rule: Pick<PriceRuleEntity, 'effectiveFrom' | 'effectiveTo'>, today: string): PriceRuleState {
  if (rule.effectiveFrom > today) return 'SCHEDULED';
  return rule.effectiveTo !== null && rule.effectiveTo < today ? 'ENDED' : 'IN_EFFECT';
}

/** What a rule reaches, in words: "Microsoft 365, P1Y" or "every offer". */
export function scopeText(r: Pick<PriceRuleEntity, 'family' | 'productId' | 'skuId' | 'term' | 'segment'>): string {
  const parts = [
    r.family,
    r.productId && (r.skuId ? `${r.productId} SKU ${r.skuId}` : r.productId),
    r.term,
    r.segment?.toLowerCase(),
  ].filter(Boolean);
  return parts.length ? parts.join(', ') : 'every offer';
}
