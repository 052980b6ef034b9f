import { money, pricedOffer, type PricedOffer, type PriceRuleScope, type PriceSegment, type Term } from '@nce/domain';
import { CATALOG_OFFERS } from '../catalog/published.js';
import { CUSTOMERS } from '../customers/published.js';
import type { Database } from '../db/database.js';
import type { RequestContext, Transactional } from '../platform/request-context.js';
import { RESELLERS } from '../resellers/published.js';
import {
  PriceBookAssignmentEntity,
  PriceBookEntity,
  PriceRuleEntity,
  ResellerMarkupEntity,
  type PriceBookAssignmentLevel,
} from './entities.js';

/** The price books' tables (price_book, price_book_rule, price_book_assignment) and what pricing reads of others. */
export class PriceBooksRepository {
  constructor(private readonly db: Database) {}

  /** Every book, the master first, then by name. */
  async books(ctx: RequestContext): Promise<PriceBookEntity[]> {
    const books = await this.db.managerOf(ctx).find(PriceBookEntity, { order: { name: 'ASC' } });
    return [...books.filter((b) => b.id === 'master'), ...books.filter((b) => b.id !== 'master')];
  }

  book(ctx: RequestContext, id: string): Promise<PriceBookEntity | null> {
    return this.db.managerOf(ctx).findOneBy(PriceBookEntity, { id });
  }

  bookNamed(ctx: RequestContext, name: string): Promise<PriceBookEntity | null> {
    return this.db.managerOf(ctx).findOneBy(PriceBookEntity, { name });
  }

  /** Every rule of every book (a few hundred at most: staff write them by hand), oldest first. */
  rules(ctx: RequestContext): Promise<PriceRuleEntity[]> {
    return this.db.managerOf(ctx).find(PriceRuleEntity, { order: { effectiveFrom: 'ASC', id: 'ASC' } });
  }

  rule(ctx: RequestContext, id: string): Promise<PriceRuleEntity | null> {
    return this.db.managerOf(ctx).findOneBy(PriceRuleEntity, { id });
  }

  assignments(ctx: RequestContext): Promise<PriceBookAssignmentEntity[]> {
    return this.db.managerOf(ctx).find(PriceBookAssignmentEntity);
  }

  assignment(
    ctx: RequestContext,
    level: PriceBookAssignmentLevel,
    targetId: string,
  ): Promise<PriceBookAssignmentEntity | null> {
    return this.db.managerOf(ctx).findOneBy(PriceBookAssignmentEntity, { level, targetId });
  }

  async insertBook(tx: Transactional, book: PriceBookEntity): Promise<void> {
    await tx.transaction.insert(PriceBookEntity, book);
  }

  async insertRule(tx: Transactional, rule: PriceRuleEntity): Promise<void> {
    await tx.transaction.insert(PriceRuleEntity, rule);
  }

  async setRuleEnd(tx: Transactional, id: string, effectiveTo: string): Promise<void> {
    await tx.transaction.update(PriceRuleEntity, { id }, { effectiveTo });
  }

  async removeRule(tx: Transactional, id: string): Promise<void> {
    await tx.transaction.delete(PriceRuleEntity, { id });
  }

  async assign(tx: Transactional, assignment: PriceBookAssignmentEntity): Promise<void> {
    await tx.transaction.upsert(PriceBookAssignmentEntity, assignment, ['level', 'targetId']);
  }

  async unassign(tx: Transactional, level: PriceBookAssignmentLevel, targetId: string): Promise<void> {
    await tx.transaction.delete(PriceBookAssignmentEntity, { level, targetId });
  }

  /** A reseller's name, null when there is no such reseller. */
  async resellerName(ctx: RequestContext, id: string): Promise<string | null> {
    const [row] = await this.db.query<{ company_name: string }>(
      ctx,
      `SELECT r.company_name FROM ${RESELLERS} r WHERE r.id = ?`,
      [id],
    );
    return row?.company_name ?? null;
  }

  /** A customer's name and reseller, null when there is no such customer. */
  async customer(ctx: RequestContext, id: string): Promise<{ name: string; resellerId: string } | null> {
    const [row] = await this.db.query<{ company_name: string; reseller_id: string }>(
      ctx,
      `SELECT c.company_name, c.reseller_id FROM ${CUSTOMERS} c WHERE c.id = ?`,
      [id],
    );
    return row ? { name: row.company_name, resellerId: row.reseller_id } : null;
  }

  /**
   * The resellers a book prices (those assigned to it; for the master book, those assigned to none): how many, and
   * the first names by name.
   */
  async resellersOn(ctx: RequestContext, bookId: string, limit: number): Promise<{ count: number; names: string[] }> {
    const where =
      bookId === 'master'
        ? `NOT EXISTS (SELECT 1 FROM price_book_assignment a WHERE a.level = 'RESELLER' AND a.target_id = r.id)`
        : `EXISTS (SELECT 1 FROM price_book_assignment a WHERE a.level = 'RESELLER' AND a.target_id = r.id AND a.book_id = ?)`;
    const params = bookId === 'master' ? [] : [bookId];
    const [count] = await this.db.query<{ n: number | string }>(
      ctx,
      `SELECT COUNT(*) AS n FROM ${RESELLERS} r WHERE ${where}`,
      params,
    );
    const names = await this.db.query<{ company_name: string }>(
      ctx,
      `SELECT r.company_name FROM ${RESELLERS} r WHERE ${where} ORDER BY r.company_name, r.id LIMIT ?`,
      [...params, limit],
    );
    return { count: Number(count?.n ?? 0), names: names.map((n) => n.company_name) };
  }

  /**
   * `resellersOn` for every book at once, in two statements whatever the number of books: how many resellers each
   * prices and the first `limit` names (a book no reseller is on is absent).
   */
  async resellersByBook(ctx: RequestContext, limit: number): Promise<Map<string, { count: number; names: string[] }>> {
    const onBook = `FROM ${RESELLERS} r LEFT JOIN price_book_assignment a ON a.level = 'RESELLER' AND a.target_id = r.id`;
    const counts = await this.db.query<{ book: string; n: number | string }>(
      ctx,
      `SELECT COALESCE(a.book_id, 'master') AS book, COUNT(*) AS n ${onBook} GROUP BY COALESCE(a.book_id, 'master')`,
    );
    const names = await this.db.query<{ book: string; company_name: string }>(
      ctx,
      `SELECT t.book, t.company_name FROM (
         SELECT COALESCE(a.book_id, 'master') AS book, r.company_name,
           ROW_NUMBER() OVER (PARTITION BY COALESCE(a.book_id, 'master') ORDER BY r.company_name, r.id) AS n
         ${onBook}) t
       WHERE t.n <= ? ORDER BY t.book, t.n`,
      [limit],
    );
    const byBook = new Map(counts.map((c) => [c.book, { count: Number(c.n), names: [] as string[] }]));
    for (const row of names) byBook.get(row.book)?.names.push(row.company_name);
    return byBook;
  }

  /** Whether the price list has the product (and SKU) a rule names. */
  async offerExists(ctx: RequestContext, productId: string, skuId: string | null): Promise<boolean> {
    const rows = await this.db.query(
      ctx,
      `SELECT 1 FROM ${CATALOG_OFFERS} o WHERE o.product_id = ?${skuId ? ' AND o.sku_id = ?' : ''} LIMIT 1`,
      skuId ? [productId, skuId] : [productId],
    );
    return rows.length > 0;
  }

  /** The offers of the price list in effect on `day` that a scope can reach (its family is matched by the caller). */
  async offersOn(ctx: RequestContext, scope: PriceRuleScope, day: string): Promise<PricedOffer[]> {
    const where = ['o.effective_start <= ?', '(o.effective_end IS NULL OR o.effective_end >= ?)'];
    const params: unknown[] = [day, day];
    const add = (column: string, value: string | null | undefined) => {
      if (!value) return;
      where.push(`o.${column} = ?`);
      params.push(value);
    };
    add('product_id', scope.productId);
    add('sku_id', scope.skuId);
    add('term', scope.term);
    add('segment', scope.segment);
    if (scope.family) {
      where.push('o.product_title LIKE ?');
      params.push(`${scope.family.replace(/[%_]/g, '')}%`);
    }
    const rows = await this.db.query<Record<string, unknown>>(
      ctx,
      `SELECT o.product_id, o.product_title, o.sku_id, o.term, o.segment, o.currency, o.unit_price_minor, o.erp_price_minor
       FROM ${CATALOG_OFFERS} o WHERE ${where.join(' AND ')}`,
      params,
    );
    return rows.map((r) =>
      pricedOffer(
        {
          productTitle: String(r.product_title),
          productId: String(r.product_id),
          skuId: String(r.sku_id),
          term: r.term as Term,
          segment: r.segment as PriceSegment,
        },
        money(Number(r.unit_price_minor), String(r.currency)),
        money(Number(r.erp_price_minor), String(r.currency)),
      ),
    );
  }

  /** A reseller's markups for its end customers, everything first, then by family and customer. */
  markups(ctx: RequestContext, resellerId: string): Promise<ResellerMarkupEntity[]> {
    return this.db.managerOf(ctx).find(ResellerMarkupEntity, { where: { resellerId }, order: { scopeKey: 'ASC' } });
  }

  async setMarkup(tx: Transactional, markup: ResellerMarkupEntity): Promise<void> {
    await tx.transaction.upsert(ResellerMarkupEntity, markup, ['resellerId', 'scopeKey']);
  }

  async removeMarkup(tx: Transactional, resellerId: string, scopeKey: string): Promise<void> {
    await tx.transaction.delete(ResellerMarkupEntity, { resellerId, scopeKey });
  }

  async markupAt(tx: Transactional, resellerId: string, scopeKey: string): Promise<ResellerMarkupEntity | null> {
    return tx.transaction.findOneBy(ResellerMarkupEntity, { resellerId, scopeKey });
  }
}
