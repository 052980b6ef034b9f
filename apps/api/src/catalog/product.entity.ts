import { Column, Entity, Index, OneToMany, PrimaryColumn } from 'typeorm';
import type { SkuEntity } from './sku.entity.js';

export type ProductKind = 'SUBSCRIPTION' | 'PERPETUAL';

@Entity('catalog_product')
@Index('ix_catalog_product_title', ['title', 'id'])
export class ProductEntity {
  /** Microsoft's ProductId, e.g. CFQ7TTC0LH18. */
  @PrimaryColumn({ type: 'varchar', length: 32 })
  id: string;

  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Column({ type: 'varchar', length: 200 })
  publisher: string;

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'varchar', length: 16 })
  kind: ProductKind;

  /** Lower-cased product title, publisher and product ID: what text search matches besides SKUs. */
  @Column({ name: 'search_text', type: 'text' })
  searchText: string;

  @OneToMany('SkuEntity', (sku: SkuEntity) => sku.product)
  skus: SkuEntity[];
}
