import { describe, expect, it } from 'vitest';
import type { EntityManager } from 'typeorm';
import { FixedClock } from '../platform/clock.js';
import type { RequestContext } from '../platform/request-context.js';
import type { PriceBooksRepository } from './price-books.repository.js';
import { PRICE_BOOKS_CACHE_MS, PriceBooksInEffect } from './price-books-in-effect.js';

/** A repository whose reads wait until released, recording whether each ran inside a transaction. */
function slowBooks() {
  const reads: ('inside' | 'outside')[] = [];
  const waiting: (() => void)[] = [];
  const read = (ctx: RequestContext) => {
    reads.push(ctx.transaction ? 'inside' : 'outside');
    return new Promise<never[]>((resolve) => waiting.push(() => resolve([])));
  };
  const repository = { books: read, rules: read, assignments: read } as unknown as PriceBooksRepository;
  return { repository, reads, release: () => waiting.splice(0).forEach((go) => go()) };
}

describe('the price books in effect, cached per process', () => {
  const clock = new FixedClock(new Date('2026-11-24T12:00:00Z'));
  const outside: RequestContext = { principal: null, requestId: 'r', clock };
  const inside: RequestContext = { ...outside, transaction: {} as EntityManager };

  it('never makes a transaction wait on another connection: the stale state serves while a fresh one is read beside', async () => {
    const { repository, reads, release } = slowBooks();
    const books = new PriceBooksInEffect(repository);
    // Nothing cached yet: a transaction reads through its own connection, and one read starts beside it for the
    // callers after it (a state only transactions ask for is still read once, not once a transaction).
    const first = books.get(inside);
    expect(reads).toEqual(['outside', 'outside', 'outside', 'inside', 'inside', 'inside']);
    expect(books.get(inside)).not.toBe(first);
    expect(reads).toHaveLength(9);
    release();
    await first;
    await new Promise((resolve) => setTimeout(resolve, 0));
    reads.length = 0;
    const state = await books.get(inside);
    expect(await books.get(outside)).toBe(state);
    expect(reads).toEqual([]);
    // Expired: a transaction gets the stale state at once, and one read starts beside it, outside the transaction.
    clock.set(new Date(clock.now().getTime() + PRICE_BOOKS_CACHE_MS + 1));
    reads.length = 0;
    expect(await books.get(inside)).toBe(state);
    expect(await books.get(inside)).toBe(state);
    expect(reads).toEqual(['outside', 'outside', 'outside']);
    release();
    await new Promise((resolve) => setTimeout(resolve, 0));
    const fresh = await books.get(inside);
    expect(fresh).not.toBe(state);
    expect(reads).toHaveLength(3);
  });
});
