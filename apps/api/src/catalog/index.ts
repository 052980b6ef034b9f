import { ImportAsJob1732600000000 } from './1732600000000-import-as-job.js';
import type { ApiModule } from '../platform/module.js';
import { CatalogResolver } from './catalog.resolver.js';
import { CatalogRepository } from './catalog.repository.js';
import { CatalogService } from './catalog.service.js';
import { PriceListImportEntity } from './price-list-import.entity.js';
import { PriceListImportResolver } from './price-list-import.resolver.js';
import { PriceListImporter } from './price-list-importer.js';
import { PriceListsRepository } from './price-lists.repository.js';
import { PriceEntity } from './price.entity.js';
import { ProductEntity } from './product.entity.js';
import { SkuEntity } from './sku.entity.js';
import { UploadStore } from './upload-store.js';
import { uploadRoutes } from './routes.js';
import { Promotions1732670000000 } from './1732670000000-promotions.js';
import { PromotionEntity } from './promotion.entity.js';
import { PromotionResolver } from './promotion.resolver.js';
import { PromotionService } from './promotion.service.js';
import { PromotionsRepository } from './promotions.repository.js';
import { PromotionsInEffect } from './promotions-in-effect.js';

declare module '../app.js' {
  interface App {
    uploads: UploadStore;
    priceLists: PriceListImporter;
    catalog: CatalogService;
    promotions: PromotionService;
  }
}

/** Microsoft's NCE price list: the staged import and the catalog browsed by segment. */
/** The upload sweeper: a recurring job, so one process of several runs it at a time. */
export const SWEEP_UPLOADS_JOB = 'catalog.sweepUploads';
const SWEEP_UPLOADS_EVERY_MS = 60_000;

export const catalogModule: ApiModule = {
  name: 'catalog',
  entities: [ProductEntity, SkuEntity, PriceEntity, PriceListImportEntity, PromotionEntity],
  resolvers: [CatalogResolver, PriceListImportResolver, PromotionResolver],
  migrations: [ImportAsJob1732600000000, Promotions1732670000000],
  services: ({ config, db, clock, audit, jobs, logger }) => {
    const uploads = new UploadStore(config.dataDir);
    const promotionsRepository = new PromotionsRepository(db);
    const promotionsInEffect = new PromotionsInEffect(promotionsRepository);
    // Uploads never imported, or left taken by an import that has ended, are removed once a day old.
    jobs.every(SWEEP_UPLOADS_JOB, SWEEP_UPLOADS_EVERY_MS, async () => {
      const removed = await uploads.sweep();
      if (removed.files > 0) logger.warn(removed, 'old uploaded files were removed');
    });
    return {
      uploads,
      priceLists: new PriceListImporter(db, clock, uploads, audit, jobs, new PriceListsRepository(db)),
      catalog: new CatalogService(new CatalogRepository(db), promotionsInEffect, config.defaultMarket),
      promotions: new PromotionService(db, audit, promotionsRepository, promotionsInEffect),
    };
  },
  routes: uploadRoutes,
};
export { Price } from './catalog.types.js';
