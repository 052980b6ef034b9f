import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context.js';
import { SortDirection } from '../platform/list-sort.js';
import { Permission, RequirePermission } from '../platform/permissions.js';
import { Cursor } from '../platform/text.types.js';
import { AuditEntry, AuditEntryConnection, AuditFilterInput } from './audit.types.js';

@Resolver(() => AuditEntry)
export class AuditResolver {
  @FieldResolver(() => String, { nullable: true })
  entityName(@Root() entry: AuditEntry, @Ctx() { loaders }: Context): Promise<string | null> {
    return loaders.auditEntityName.load(`${entry.entityType}:${entry.entityId}`);
  }

  @RequirePermission(Permission.AuditRead)
  @Query(() => AuditEntryConnection, {
    description: 'The audit trail, newest first, filtered by actor, entity, operation and time.',
  })
  async auditEntries(
    @Arg('filter', () => AuditFilterInput, { nullable: true }) filter: AuditFilterInput | null,
    @Arg('direction', () => SortDirection, { nullable: true, description: 'Newest first unless ASC.' })
    direction: SortDirection | null,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Arg('after', () => Cursor, { nullable: true }) after: string | null,
    @Ctx() ctx: Context,
  ): Promise<AuditEntryConnection> {
    const page = await ctx.app.audit.list(ctx, { ...filter }, first, after, direction ?? 'DESC');
    return {
      nodes: page.entries.map(AuditEntry.of),
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
    };
  }
}
