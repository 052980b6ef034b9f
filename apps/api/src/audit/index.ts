import type { ApiModule } from '../platform/module.js';
import { AuditEntryEntity } from './audit-entry.entity.js';
import { AuditResolver } from './audit.resolver.js';
import { AuditService } from './audit.service.js';
import { AuditEntityNames } from './entity-names.js';

declare module '../app.js' {
  interface App {
    audit: AuditService;
  }
}

/** The audit trail: who changed what, on whose behalf, before and after. */
export const auditModule: ApiModule = {
  name: 'audit',
  entities: [AuditEntryEntity],
  resolvers: [AuditResolver],
  services: ({ db, clock }) => ({ audit: new AuditService(db, clock, new AuditEntityNames(db)) }),
};
