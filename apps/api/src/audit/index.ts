import type { ApiModule } from '../platform/module.js';
import { AuditEntryEntity } from './audit-entry.entity.js';
import { AuditEntriesRepository } from './audit-entries.repository.js';
import { AuditResolver } from './audit.resolver.js';
import { AuditService } from './audit.service.js';
import { AuditEntityNames } from './entity-names.repository.js';
import DataLoader from 'dataloader';

declare module '../loaders.js' {
  interface Loaders {
    /** `Type:id` → the name people know an audited entity by. */
    auditEntityName: DataLoader<string, string | null>;
  }
}

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
  services: ({ db, clock, modules }) => ({
    audit: new AuditService(new AuditEntriesRepository(db), clock, new AuditEntityNames(db, modules)),
  }),
  loaders: ({ audit }) => ({
    auditEntityName: new DataLoader(async (keys) => {
      const names = await audit.names.namesOf(
        keys.map((key) => ({ type: key.slice(0, key.indexOf(':')), id: key.slice(key.indexOf(':') + 1) })),
      );
      return keys.map((key) => names.get(key) ?? null);
    }),
  }),
};

export type { AuditService, FieldChanges } from './audit.service.js';
export { changesBetween } from './audit.service.js';
