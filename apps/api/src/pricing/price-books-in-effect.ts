import {
  bookPrice,
  priceRuleLabel,
  type BookPrice,
  type PriceBook,
  type PricedOffer,
  type PriceRule,
  type PricingPolicy,
} from '@nce/domain';
import type { RequestContext } from '../platform/request-context.js';
import type { PriceBookAssignmentLevel, PriceRuleEntity } from './entities.js';
import type { PriceBooksRepository } from './price-books.repository.js';

/** How long a process prices with the books it read (another process's change shows after it). */
export const PRICE_BOOKS_CACHE_MS = 10_000;

/** A rule as the domain prices with it. */
export function ruleOf(r: PriceRuleEntity): PriceRule {
  return {
    id: r.id,
    scope: { family: r.family, productId: r.productId, skuId: r.skuId, term: r.term, segment: r.segment },
    basis: r.basis,
    adjustment:
      r.kind === 'PERCENT'
        ? { kind: 'PERCENT', basisPoints: r.basisPoints ?? 0 }
        : { kind: 'FIXED', amountMinor: r.amountMinor ?? 0, currency: r.currency ?? '' },
    effectiveFrom: r.effectiveFrom,
    effectiveTo: r.effectiveTo,
  };
}

/** Every book with its rules, and who is on which: what prices are computed from. */
export interface PriceBookState {
  books: ReadonlyMap<string, PriceBook>;
  /** `LEVEL:targetId` → book id. */
  assignments: ReadonlyMap<string, string>;
}

/** Who a price is for: a reseller, the customer it buys for when there is one, and the subscription renewed. */
export interface PricingParty {
  resellerId: string;
  customerId?: string | null;
  subscriptionId?: string | null;
}

/** A price a book set, with the rule in words ("Gold: cost + 5 %"); null label: no rule, the partner price. */
export interface PartyPrice extends BookPrice {
  label: string | null;
}

export type Pricer = (offer: PricedOffer) => PartyPrice;

const key = (level: PriceBookAssignmentLevel, targetId: string) => `${level}:${targetId}`;

/** The books that price a party, by level; the master book always. */
export function booksOf(state: PriceBookState, party: PricingParty) {
  const bookAt = (level: PriceBookAssignmentLevel, id: string | null | undefined) => {
    const bookId = id ? state.assignments.get(key(level, id)) : undefined;
    return bookId ? (state.books.get(bookId) ?? null) : null;
  };
  return {
    SUBSCRIPTION: bookAt('SUBSCRIPTION', party.subscriptionId),
    CUSTOMER: bookAt('CUSTOMER', party.customerId),
    RESELLER: bookAt('RESELLER', party.resellerId),
    MASTER: state.books.get('master') ?? null,
  };
}

/** Prices offers for a party on a day: the most specific book with a rule for the offer, never below the floor. */
export function pricerOf(state: PriceBookState, party: PricingParty, day: string, policy: PricingPolicy): Pricer {
  const books = booksOf(state, party);
  return (offer) => {
    const priced = bookPrice(books, offer, day, policy);
    if (!priced.rule) return { ...priced, label: null };
    const book = state.books.get(priced.rule.bookId)!;
    const rule = book.rules.find((r) => r.id === priced.rule!.ruleId)!;
    return { ...priced, label: priceRuleLabel(book.name, rule) + (priced.floored ? ' (floor)' : '') };
  };
}

/**
 * The books and assignments as prices are computed from them: read once and kept for a few seconds, so pricing a
 * cart or a renewal batch adds no statement. A change made in this process is seen at once (`forget`); one made by
 * another process within PRICE_BOOKS_CACHE_MS.
 */
export class PriceBooksInEffect {
  private cached: { readAt: number; state: Promise<PriceBookState> } | null = null;

  constructor(private readonly books: PriceBooksRepository) {}

  get(ctx: RequestContext): Promise<PriceBookState> {
    const now = ctx.clock.now().getTime();
    const hit = this.cached;
    if (hit && now - hit.readAt < PRICE_BOOKS_CACHE_MS && now >= hit.readAt) return hit.state;
    if (ctx.transaction) {
      // Inside a transaction nothing may wait for another connection: every pool connection can be held by a
      // transaction waiting here (a Buy burst on PostgreSQL stalled that way). The stale state serves while a
      // fresh one is read beside; with none yet, this transaction reads its own, unshared.
      if (hit) {
        this.refreshBeside(ctx, hit);
        return hit.state;
      }
      return this.load(ctx);
    }
    return this.share(ctx, now, this.load(ctx));
  }

  private share(ctx: RequestContext, now: number, state: Promise<PriceBookState>): Promise<PriceBookState> {
    const entry = { readAt: now, state };
    this.cached = entry;
    state.catch(() => {
      if (this.cached === entry) this.cached = null;
    });
    return state;
  }

  private refreshing: Promise<unknown> | null = null;

  /** Reads the state again outside any transaction, and shares it once read; the stale one serves meanwhile. */
  private refreshBeside(ctx: RequestContext, stale: { readAt: number; state: Promise<PriceBookState> }): void {
    if (this.refreshing) return;
    const outside = { ...ctx, transaction: undefined };
    this.refreshing = this.load(outside)
      .then((state) => {
        if (this.cached === stale) this.cached = { readAt: ctx.clock.now().getTime(), state: Promise.resolve(state) };
      })
      .catch(() => undefined)
      .finally(() => (this.refreshing = null));
  }

  forget(): void {
    this.cached = null;
  }

  private async load(ctx: RequestContext): Promise<PriceBookState> {
    const [books, rules, assignments] = await Promise.all([
      this.books.books(ctx),
      this.books.rules(ctx),
      this.books.assignments(ctx),
    ]);
    const rulesByBook = new Map<string, PriceRule[]>();
    for (const rule of rules) rulesByBook.set(rule.bookId, [...(rulesByBook.get(rule.bookId) ?? []), ruleOf(rule)]);
    return {
      books: new Map(books.map((b) => [b.id, { id: b.id, name: b.name, rules: rulesByBook.get(b.id) ?? [] }])),
      assignments: new Map(assignments.map((a) => [key(a.level, a.targetId), a.bookId])),
    };
  }
}
