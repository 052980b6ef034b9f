import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { ProductEntity } from './product.entity.js';

@Entity('catalog_sku')
@Index('ux_catalog_sku_product_sku', ['productId', 'skuId'], { unique: true })
export class SkuEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'product_id', type: 'varchar', length: 32 })
  productId: string;

  @ManyToOne('ProductEntity', (product: ProductEntity) => product.skus, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'product_id' })
  product: ProductEntity;

  /** Microsoft's SkuId within the product, e.g. 0001. */
  @Column({ name: 'sku_id', type: 'varchar', length: 16 })
  skuId: string;

  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Column({ type: 'text' })
  description: string;

  @Column({ name: 'unit_of_measure', type: 'varchar', length: 50 })
  unitOfMeasure: string;

  /** Lower-cased SKU title and ID: what text search matches besides the product. */
  @Column({ name: 'search_text', type: 'text' })
  searchText: string;
}
