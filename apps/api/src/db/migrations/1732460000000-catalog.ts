import { Table, TableForeignKey, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { varchar } from '../migration-columns.js';

const text = (name: string, nullable = false) => ({ name, type: 'text', isNullable: nullable });
const int = (name: string, nullable = false) => ({ name, type: 'integer', isNullable: nullable });
const bigint = (name: string) => ({ name, type: 'bigint', isNullable: false });
const serial = (name: string) => ({
  name,
  type: 'integer',
  isPrimary: true,
  isGenerated: true,
  generationStrategy: 'increment' as const,
});

/** Price-row columns shared by the catalog and the importer's staging table. */
const priceColumns = () => [
  varchar('segment', 16),
  varchar('market', 2),
  varchar('currency', 3),
  varchar('term', 4),
  varchar('billing_plan', 16),
  int('tier_min'),
  int('tier_max', true),
  varchar('effective_start', 10),
  varchar('effective_end', 10, true),
  bigint('unit_price_minor'),
  bigint('erp_price_minor'),
  varchar('change_indicator', 16),
  varchar('tags', 300),
];

export class Catalog1732460000000 implements MigrationInterface {
  name = 'Catalog1732460000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'catalog_product',
        columns: [
          { ...varchar('id', 32), isPrimary: true },
          varchar('title', 300),
          varchar('publisher', 200),
          text('description'),
          varchar('kind', 16),
          text('search_text'),
        ],
        indices: [new TableIndex({ name: 'ix_catalog_product_title', columnNames: ['title', 'id'] })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'catalog_sku',
        columns: [
          serial('id'),
          varchar('product_id', 32),
          varchar('sku_id', 16),
          varchar('title', 300),
          text('description'),
          varchar('unit_of_measure', 50),
          text('search_text'),
        ],
        indices: [
          new TableIndex({ name: 'ux_catalog_sku_product_sku', columnNames: ['product_id', 'sku_id'], isUnique: true }),
        ],
        foreignKeys: [
          new TableForeignKey({
            columnNames: ['product_id'],
            referencedTableName: 'catalog_product',
            referencedColumnNames: ['id'],
            onDelete: 'RESTRICT',
          }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'catalog_price',
        columns: [serial('id'), int('sku_ref'), ...priceColumns()],
        indices: [
          new TableIndex({
            name: 'ux_catalog_price_key',
            columnNames: [
              'sku_ref',
              'segment',
              'market',
              'currency',
              'term',
              'billing_plan',
              'tier_min',
              'effective_start',
            ],
            isUnique: true,
          }),
          new TableIndex({ name: 'ix_catalog_price_browse', columnNames: ['segment', 'market', 'sku_ref'] }),
        ],
        foreignKeys: [
          new TableForeignKey({
            columnNames: ['sku_ref'],
            referencedTableName: 'catalog_sku',
            referencedColumnNames: ['id'],
            onDelete: 'RESTRICT',
          }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'catalog_import',
        columns: [
          { ...varchar('id', 36), isPrimary: true },
          varchar('source_name', 300),
          varchar('status', 16),
          { ...int('rows_read'), default: 0 },
          { ...int('rows_inserted'), default: 0 },
          { ...int('rows_updated'), default: 0 },
          { ...int('rows_unchanged'), default: 0 },
          int('error_line', true),
          varchar('error_column', 64, true),
          text('error_message', true),
          varchar('started_at', 30),
          varchar('finished_at', 30, true),
        ],
      }),
    );
    // Rows of a file being imported wait here until the whole file has been read and checked;
    // then one short transaction merges them into the catalog (all or nothing).
    await q.createTable(
      new Table({
        name: 'catalog_import_row',
        columns: [
          varchar('import_id', 36),
          int('line'),
          varchar('product_id', 32),
          varchar('product_title', 300),
          varchar('publisher', 200),
          varchar('sku_id', 16),
          varchar('sku_title', 300),
          text('sku_description'),
          varchar('unit_of_measure', 50),
          text('product_search'),
          text('sku_search'),
          ...priceColumns(),
        ],
        indices: [
          new TableIndex({ name: 'ix_catalog_import_row_import', columnNames: ['import_id', 'line'] }),
          new TableIndex({
            name: 'ix_catalog_import_row_key',
            columnNames: [
              'import_id',
              'product_id',
              'sku_id',
              'segment',
              'market',
              'currency',
              'term',
              'billing_plan',
              'tier_min',
              'effective_start',
            ],
          }),
        ],
        foreignKeys: [
          new TableForeignKey({
            columnNames: ['import_id'],
            referencedTableName: 'catalog_import',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['catalog_import_row', 'catalog_import', 'catalog_price', 'catalog_sku', 'catalog_product'])
      await q.dropTable(table);
  }
}
