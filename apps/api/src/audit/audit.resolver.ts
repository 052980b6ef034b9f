import { GraphQLError } from 'graphql';
import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { SortDirection } from '../platform/list-sort.js';
import type { Context } from '../context.js';
import { Permission, RequirePermission } from '../platform/permissions.js';
import type { AuditEntryEntity } from './audit-entry.entity.js';
import type { FieldChanges } from './audit.service.js';
import { AuditEntry, AuditEntryConnection, AuditFilterInput, FieldChange } from './audit.types.js';
import { Cursor } from '../platform/text.types.js';

const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));

const toEntry = (e: AuditEntryEntity): AuditEntry =>
  Object.assign(new AuditEntry(), {
    ...e,
    actorRoles: e.actorRoles ? e.actorRoles.split(',') : [],
    changes: Object.entries(JSON.parse(e.changes) as FieldChanges).map(([field, c]) => Object.assign(new FieldChange(), { field, before: json(c.before), after: json(c.after) })),
  });

function instant(value: string | null | undefined, argument: string): Date | null {
  if (!value) return null;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new GraphQLError(`"${argument}" is not an ISO date-time.`, { extensions: { code: 'BAD_USER_INPUT', argumentName: argument } });
  return date;
}

@Resolver(() => AuditEntry)
export class AuditResolver {
  @FieldResolver(() => String, { nullable: true })
  entityName(@Root() entry: AuditEntry, @Ctx() { loaders }: Context): Promise<string | null> {
    return loaders.auditEntityName.load(`${entry.entityType}:${entry.entityId}`);
  }

  @RequirePermission(Permission.AuditRead)
  @Query(() => AuditEntryConnection, { description: 'The audit trail, newest first, filtered by actor, entity, operation and time.' })
  async auditEntries(
    @Arg('filter', () => AuditFilterInput, { nullable: true }) filter: AuditFilterInput | null,
    @Arg('direction', () => SortDirection, { nullable: true, description: 'Newest first unless ASC.' }) direction: SortDirection | null,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Arg('after', () => Cursor, { nullable: true }) after: string | null,
    @Ctx() { app }: Context,
  ): Promise<AuditEntryConnection> {
    const page = await app.audit.list({ ...filter, from: instant(filter?.from, 'filter.from'), to: instant(filter?.to, 'filter.to') }, first, after, direction ?? 'DESC');
    return { nodes: page.entries.map(toEntry), pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor } };
  }
}
