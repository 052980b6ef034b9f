import { PriceListImportEntity } from '../catalog/price-list-import.entity.js';
import { PriceEntity } from '../catalog/price.entity.js';
import { ProductEntity } from '../catalog/product.entity.js';
import { SkuEntity } from '../catalog/sku.entity.js';

export const ENTITIES = [ProductEntity, SkuEntity, PriceEntity, PriceListImportEntity];
