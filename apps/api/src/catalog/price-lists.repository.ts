import type { Database } from '../db/database.js';
import { insertRows } from '../db/sql.js';
import { keysetPage } from '../platform/cursor.js';
import type { RequestContext, Transactional } from '../platform/request-context.js';
import { PriceListImportEntity } from './price-list-import.entity.js';

/** The columns of a staged row. */
export type StagingColumn =
  | 'import_id'
  | 'line'
  | 'product_id'
  | 'product_title'
  | 'publisher'
  | 'sku_id'
  | 'sku_title'
  | 'sku_description'
  | 'unit_of_measure'
  | 'product_search'
  | 'sku_search'
  | 'segment'
  | 'market'
  | 'currency'
  | 'term'
  | 'billing_plan'
  | 'tier_min'
  | 'tier_max'
  | 'effective_start'
  | 'effective_end'
  | 'unit_price_minor'
  | 'erp_price_minor'
  | 'change_indicator'
  | 'tags';

const PRICE_KEY = ['segment', 'market', 'currency', 'term', 'billing_plan', 'tier_min', 'effective_start'];
const PRICE_VALUES = ['tier_max', 'effective_end', 'unit_price_minor', 'erp_price_minor', 'change_indicator', 'tags'];

/**
 * Price-list imports (catalog_import), their staged rows (catalog_import_row), and the merge of a staged
 * file into the catalog's tables in one statement per table.
 */
export class PriceListsRepository {
  constructor(private readonly db: Database) {}

  page(
    first: number,
    after: string | null | undefined,
  ): Promise<{ rows: PriceListImportEntity[]; hasNextPage: boolean; endCursor: string | null }> {
    return keysetPage(this.db.read.createQueryBuilder(PriceListImportEntity, 'i'), {
      alias: 'i',
      column: 'started_at',
      direction: 'DESC',
      first,
      after,
      key: (i) => i.startedAt,
    });
  }

  /** In `ctx`'s transaction if one is open. */
  byId(ctx: RequestContext, id: string): Promise<PriceListImportEntity | null> {
    return this.db.managerOf(ctx).findOneBy(PriceListImportEntity, { id });
  }

  async insert(tx: Transactional, record: Partial<PriceListImportEntity>): Promise<void> {
    await tx.transaction.insert(PriceListImportEntity, record);
  }

  /** Writes `fields` and the new status only if the import still has `from`; false when it moved on. */
  async moveFrom(
    tx: Transactional,
    id: string,
    from: PriceListImportEntity['status'],
    fields: Partial<PriceListImportEntity>,
  ): Promise<boolean> {
    const moved = await tx.transaction.update(PriceListImportEntity, { id, status: from }, fields);
    return moved.affected === 1;
  }

  async dropStaged(tx: Transactional, importId: string): Promise<void> {
    await this.db.query(tx, 'DELETE FROM catalog_import_row WHERE import_id = ?', [importId]);
  }

  /** A batch of staged rows and how many rows the import has read, in one transaction. */
  async stage(
    ctx: RequestContext,
    importId: string,
    rows: readonly Record<StagingColumn, string | number | null>[],
    rowsRead: number,
  ): Promise<void> {
    await this.db.transaction(ctx, async (tx) => {
      // Hand-written: TypeORM's query builder made a 250-row insert's CPU and garbage the import's largest cost.
      await insertRows(tx.transaction, 'catalog_import_row', rows);
      await this.db.query(tx, 'UPDATE catalog_import SET rows_read = ? WHERE id = ?', [rowsRead, importId]);
    });
  }

  /** The first two staged lines with the same SKU, segment, market, term, plan, tier and start date, if any. */
  async firstDuplicate(importId: string): Promise<{ first: number; second: number } | null> {
    const key = ['product_id', 'sku_id', ...PRICE_KEY].join(', ');
    const [row] = await this.db.select<{ first: number; second: number }>(
      `SELECT MIN(line) AS first, MAX(line) AS second FROM catalog_import_row WHERE import_id = ? GROUP BY ${key} HAVING COUNT(*) > 1 ORDER BY MAX(line) LIMIT 1`,
      [importId],
    );
    return row ? { first: Number(row.first), second: Number(row.second) } : null;
  }

  /** How many staged prices are new to the catalog and how many change one it has. */
  async changes(tx: Transactional, importId: string): Promise<{ inserted: number; updated: number }> {
    const differs = PRICE_VALUES.map((c) => `(p.${c} <> r.${c} OR (p.${c} IS NULL) <> (r.${c} IS NULL))`).join(' OR ');
    const [row] = await this.db.query<{ inserted: number | string | null; updated: number | string | null }>(
      tx,
      `SELECT SUM(CASE WHEN p.id IS NULL THEN 1 ELSE 0 END) AS inserted,
              SUM(CASE WHEN p.id IS NOT NULL AND (${differs}) THEN 1 ELSE 0 END) AS updated
       FROM catalog_import_row r
       LEFT JOIN catalog_sku s ON s.product_id = r.product_id AND s.sku_id = r.sku_id
       LEFT JOIN catalog_price p ON p.sku_ref = s.id AND ${PRICE_KEY.map((c) => `p.${c} = r.${c}`).join(' AND ')}
       WHERE r.import_id = ?`,
      [importId],
    );
    return { inserted: Number(row?.inserted ?? 0), updated: Number(row?.updated ?? 0) };
  }

  /** The staged rows into the catalog's products, SKUs and prices, then out of staging. */
  async mergeStaged(tx: Transactional, importId: string): Promise<void> {
    await this.db.query(
      tx,
      `INSERT INTO catalog_product (id, title, publisher, description, kind, search_text)
       SELECT product_id, MAX(product_title), MAX(publisher),
              (SELECT d.sku_description FROM catalog_import_row d WHERE d.import_id = r.import_id AND d.product_id = r.product_id ORDER BY d.sku_id, d.line LIMIT 1),
              CASE WHEN SUM(CASE WHEN term = 'NONE' THEN 0 ELSE 1 END) = 0 THEN 'PERPETUAL' ELSE 'SUBSCRIPTION' END,
              MAX(product_search)
       FROM catalog_import_row r WHERE import_id = ? GROUP BY import_id, product_id
       ON CONFLICT (id) DO UPDATE SET title = excluded.title, publisher = excluded.publisher,
         description = excluded.description, kind = excluded.kind, search_text = excluded.search_text`,
      [importId],
    );
    await this.db.query(
      tx,
      `INSERT INTO catalog_sku (product_id, sku_id, title, description, unit_of_measure, search_text)
       SELECT product_id, sku_id, MAX(sku_title), MAX(sku_description), MAX(unit_of_measure), MAX(sku_search)
       FROM catalog_import_row WHERE import_id = ? GROUP BY product_id, sku_id
       ON CONFLICT (product_id, sku_id) DO UPDATE SET title = excluded.title, description = excluded.description,
         unit_of_measure = excluded.unit_of_measure, search_text = excluded.search_text`,
      [importId],
    );
    await this.db.query(
      tx,
      `INSERT INTO catalog_price (sku_ref, ${[...PRICE_KEY, ...PRICE_VALUES].join(', ')})
       SELECT s.id, ${[...PRICE_KEY, ...PRICE_VALUES].map((c) => `r.${c}`).join(', ')}
       FROM catalog_import_row r JOIN catalog_sku s ON s.product_id = r.product_id AND s.sku_id = r.sku_id
       WHERE r.import_id = ?
       ON CONFLICT (sku_ref, ${PRICE_KEY.join(', ')}) DO UPDATE SET ${PRICE_VALUES.map((c) => `${c} = excluded.${c}`).join(', ')}`,
      [importId],
    );
    await this.dropStaged(tx, importId);
  }
}
