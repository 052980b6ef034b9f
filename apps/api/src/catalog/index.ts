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

declare module '../app.js' {
  interface App {
    uploads: UploadStore;
    priceLists: PriceListImporter;
    catalog: CatalogService;
  }
}

/** Microsoft's NCE price list: the staged import and the catalog browsed by segment. */
/** The upload sweeper: a recurring job, so one process of several runs it at a time. */
export const SWEEP_UPLOADS_JOB = 'catalog.sweepUploads';
const SWEEP_UPLOADS_EVERY_MS = 60_000;

export const catalogModule: ApiModule = {
  name: 'catalog',
  entities: [ProductEntity, SkuEntity, PriceEntity, PriceListImportEntity],
  resolvers: [CatalogResolver, PriceListImportResolver],
  migrations: [ImportAsJob1732600000000],
  services: ({ config, db, clock, audit, jobs, logger }) => {
    const uploads = new UploadStore(config.dataDir);
    // Uploads never imported, or left taken by an import that has ended, are removed once a day old.
    jobs.every(SWEEP_UPLOADS_JOB, SWEEP_UPLOADS_EVERY_MS, async () => {
      const removed = await uploads.sweep();
      if (removed.files > 0) logger.warn(removed, 'old uploaded files were removed');
    });
    return {
      uploads,
      priceLists: new PriceListImporter(db, clock, uploads, audit, jobs, new PriceListsRepository(db)),
      catalog: new CatalogService(new CatalogRepository(db), config.defaultMarket),
    };
  },
  routes: uploadRoutes,
};
