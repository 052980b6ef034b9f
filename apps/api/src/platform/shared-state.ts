import type { RequestContext } from './request-context.js';

/**
 * State a process reads once and shares for `ttlMs` (the price books in effect, the webhook endpoints in use), asked
 * for by requests and inside transactions alike. A transaction must never wait for another connection: every pool
 * connection can be held by a transaction waiting for the same read (a Buy burst on PostgreSQL stalled that way).
 * So an expired state serves a transaction while a fresh one is read beside it, outside any transaction; a
 * transaction that finds none reads its own through its connection while one is read beside for the callers after
 * it. Outside transactions the read is shared by every caller of the moment.
 */
export class SharedState<T> {
  private cached: { readAt: number; value: Promise<T> } | null = null;
  private refreshing = false;

  constructor(
    private readonly ttlMs: number,
    private readonly read: (ctx: RequestContext) => Promise<T>,
  ) {}

  get(ctx: RequestContext): Promise<T> {
    const now = ctx.clock.now().getTime();
    const hit = this.cached;
    if (hit && now - hit.readAt < this.ttlMs && now >= hit.readAt) return hit.value;
    if (!ctx.transaction) return this.share(now, this.read(ctx));
    // Also on a miss: a state only ever asked for inside transactions (the webhook endpoints, by Buy) was otherwise
    // read by every transaction and never shared.
    this.refreshBeside(ctx, hit);
    return hit ? hit.value : this.read(ctx);
  }

  /** Changed in this process: the next caller reads it again. */
  forget(): void {
    this.cached = null;
  }

  private share(now: number, value: Promise<T>): Promise<T> {
    const entry = { readAt: now, value };
    this.cached = entry;
    value.catch(() => {
      if (this.cached === entry) this.cached = null;
    });
    return value;
  }

  private refreshBeside(ctx: RequestContext, stale: { readAt: number; value: Promise<T> } | null): void {
    if (this.refreshing) return;
    this.refreshing = true;
    this.read({ ...ctx, transaction: undefined })
      .then((value) => {
        // Forgotten meanwhile (changed here): what was read may predate the change.
        if (this.cached === stale) this.cached = { readAt: ctx.clock.now().getTime(), value: Promise.resolve(value) };
      })
      .catch(() => undefined)
      .finally(() => (this.refreshing = false));
  }
}
