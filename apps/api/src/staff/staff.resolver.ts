import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../context.js';
import { SortDirection, sortOrder } from '../platform/list-sort.js';
import { Permission, RequirePermission } from '../platform/permissions.js';
import { toUnion } from '../platform/result-union.js';
import { Cursor, ShortText } from '../platform/text.types.js';
import { USER_SORTS } from '../identity/index.js';
import {
  CreateUserResult,
  NewStaffUserInput,
  StaffUserChangeInput,
  StaffUserUpdated,
  UpdateStaffUserResult,
  User,
  UserConnection,
  UserCreated,
  UserSortEnum,
} from './staff.types.js';

@Resolver()
export class StaffResolver {
  @RequirePermission(Permission.StaffManage)
  @Query(() => UserConnection, { description: 'Staff users by name, searchable, keyset-paginated.' })
  async staffUsers(
    @Arg('search', () => ShortText, { nullable: true }) search: string | null,
    @Arg('sortBy', () => UserSortEnum, { nullable: true }) sortBy: keyof typeof USER_SORTS | null,
    @Arg('direction', () => SortDirection, { nullable: true }) direction: SortDirection | null,
    @Arg('first', () => Int, { defaultValue: 25 }) first: number,
    @Arg('after', () => Cursor, { nullable: true }) after: string | null,
    @Ctx() ctx: Context,
  ): Promise<UserConnection> {
    const page = await ctx.app.staff.list(
      ctx,
      { search, kind: 'STAFF' },
      first,
      after,
      sortOrder(USER_SORTS, 'NAME', sortBy, direction),
    );
    return { nodes: page.users.map(User.of), pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor } };
  }

  @RequirePermission(Permission.StaffManage)
  @Mutation(() => CreateUserResult, {
    description: 'Creates a staff user; answers with a one-time link to set the password.',
  })
  async createStaffUser(
    @Arg('input', () => NewStaffUserInput) input: NewStaffUserInput,
    @Ctx() ctx: Context,
  ): Promise<typeof CreateUserResult> {
    return toUnion(await ctx.app.staff.create(ctx, input), UserCreated.of);
  }

  @RequirePermission(Permission.StaffManage)
  @Mutation(() => UpdateStaffUserResult, {
    description: 'Changes a staff user’s name, roles or status; refuses to overwrite a newer version.',
  })
  async updateStaffUser(
    @Arg('input', () => StaffUserChangeInput) input: StaffUserChangeInput,
    @Ctx() ctx: Context,
  ): Promise<typeof UpdateStaffUserResult> {
    return toUnion(await ctx.app.staff.update(ctx, input), StaffUserUpdated.of);
  }
}
