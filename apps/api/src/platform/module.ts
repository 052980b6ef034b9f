import type { Express, Request, Response } from 'express';
import type { MigrationInterface } from 'typeorm';
import type { App } from '../app.js';
import type { PublishedRelation } from '../db/sql.js';
import type { Loaders } from '../loaders.js';
import type { ModulePermission, PermissionGrant, Principal } from './permissions.js';

type Class = abstract new (...args: never[]) => unknown;

/**
 * A bounded context as one object: its tables, schema changes, GraphQL resolvers and services. `app.ts`
 * lists the modules in dependency order; a new context is a new folder exporting one of these from its
 * `index.ts`, plus one line in that list. Its services are typed by augmenting `App` from the same index:
 *
 *     declare module '../app.js' { interface App { toys: ToyService } }
 */
export interface ApiModule {
  readonly name: string;
  /** TypeORM entities of the tables this context owns. */
  readonly entities?: readonly Class[];
  /** Its schema changes; applied with every other module's in timestamp order. */
  readonly migrations?: readonly (new () => MigrationInterface)[];
  readonly resolvers?: readonly Class[];
  /**
   * Builds the context's services from the app as built so far (platform parts and the modules listed
   * before this one) and answers them to be added to the app. Job handlers and hooks are registered here.
   */
  readonly services?: (app: App) => Partial<App>;
  /** Its per-request DataLoaders (typed by augmenting `Loaders`). */
  readonly loaders?: (app: App) => Partial<Loaders>;
  /** Permissions this context adds to the role matrix, and who holds them. */
  readonly permissions?: Readonly<Record<ModulePermission, PermissionGrant>>;
  /** HTTP routes beside GraphQL (file uploads, PDFs). */
  readonly routes?: ModuleRoutes;
  /**
   * How the audit trail names this context's entities, by the entity type its entries carry: `id`, the
   * `name` people know one by, and `search`, the lower-case text a typed name is matched against.
   */
  readonly auditNames?: Readonly<Record<string, AuditNames>>;
}

export type AuditNames = PublishedRelation<'id' | 'name' | 'search'>;

/** What a module's HTTP routes get from the server: who is asking, and the request's id for errors. */
export interface RouteTools {
  principalOf(req: Request): Promise<Principal | null>;
  requestIdOf(res: Response): string | undefined;
}

export interface ModuleRoutes {
  /** The paths served (the admin SPA's fallback leaves them alone), e.g. "/uploads". */
  readonly prefixes: readonly string[];
  mount(http: Express, app: App, tools: RouteTools): void;
}

/** The migrations of all modules, oldest first (their class names end in the timestamp TypeORM orders by). */
export function migrationsOf(modules: readonly ApiModule[]): (new () => MigrationInterface)[] {
  const stamp = (migration: new () => MigrationInterface) => Number(/(\d{13})$/.exec(migration.name)?.[1] ?? 0);
  return modules.flatMap((m) => m.migrations ?? []).sort((a, b) => stamp(a) - stamp(b));
}
