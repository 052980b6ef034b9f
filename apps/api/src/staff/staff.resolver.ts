import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../context.js';
import type { UserEntity } from '../identity/index.js';
import { NotFound, OperationRefused, ValidationFailed, VersionConflict } from '../platform/common.types.js';
import { Permission, RequirePermission } from '../platform/permissions.js';
import type { StaffError } from './staff.service.js';
import { CreateUserResult, NewStaffUserInput, StaffUserChangeInput, UserCreated, StaffUserUpdated, UpdateStaffUserResult, User, UserConnection } from './staff.types.js';
import { Cursor, ShortText } from '../platform/text.types.js';
import { UserSortEnum } from './staff.types.js';
import { SortDirection, sortOrder } from '../platform/list-sort.js';
import { USER_SORTS } from './staff.service.js';

export const toUser = (u: UserEntity): User =>
  Object.assign(new User(), { ...u, roles: u.roles ? u.roles.split(',') : [] });

export function toStaffError(error: StaffError) {
  switch (error.code) {
    case 'VALIDATION_FAILED':
      return ValidationFailed.of(error.fields);
    case 'VERSION_CONFLICT':
      return VersionConflict.of('user', error.currentVersion);
    case 'NOT_FOUND':
      return Object.assign(NotFound.of('staff user', ''), { message: error.message });
    default:
      return OperationRefused.of(error.code, error.message, error.code === 'EMAIL_TAKEN' ? { kind: 'field', field: 'email', label: 'Use another email' } : null);
  }
}

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
    @Ctx() { app }: Context,
  ): Promise<UserConnection> {
    const page = await app.staff.list({ search, kind: 'STAFF' }, first, after, sortOrder(USER_SORTS, 'NAME', sortBy, direction));
    return { nodes: page.users.map(toUser), pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor } };
  }

  @RequirePermission(Permission.StaffManage)
  @Mutation(() => CreateUserResult, { description: 'Creates a staff user; answers with a one-time link to set the password.' })
  async createStaffUser(@Arg('input', () => NewStaffUserInput) input: NewStaffUserInput, @Ctx() ctx: Context): Promise<typeof CreateUserResult> {
    const result = await ctx.app.staff.create(ctx.actor, input);
    if (!result.ok) return toStaffError(result.error) as typeof CreateUserResult;
    return Object.assign(new UserCreated(), { user: toUser(result.user), resetUrl: ctx.app.resetUrl(result.resetToken) });
  }

  @RequirePermission(Permission.StaffManage)
  @Mutation(() => UpdateStaffUserResult, { description: 'Changes a staff user’s name, roles or status; refuses to overwrite a newer version.' })
  async updateStaffUser(@Arg('input', () => StaffUserChangeInput) input: StaffUserChangeInput, @Ctx() ctx: Context): Promise<typeof UpdateStaffUserResult> {
    const result = await ctx.app.staff.update(ctx.actor, input);
    if (!result.ok) return toStaffError(result.error);
    return Object.assign(new StaffUserUpdated(), { user: toUser(result.user) });
  }
}
