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
import { SharedState } from '../platform/shared-state.js';
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
  private readonly state = new SharedState(PRICE_BOOKS_CACHE_MS, (ctx) => this.load(ctx));

  constructor(private readonly books: PriceBooksRepository) {}

  get(ctx: RequestContext): Promise<PriceBookState> {
    return this.state.get(ctx);
  }

  forget(): void {
    this.state.forget();
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
