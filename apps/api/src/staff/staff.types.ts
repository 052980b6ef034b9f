import { createUnionType, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '../platform/page-info.types.js';
import { NotFound, OperationRefused, ValidationFailed, VersionConflict } from '../platform/common.types.js';
import { Code, EmailText, ShortText } from '../platform/text.types.js';
import { sortEnum } from '../platform/list-sort.js';
import type { UserEntity } from '../identity/index.js';
import { USER_SORTS } from '../identity/index.js';
import type { CreatedUser } from './staff.service.js';

export const UserSortEnum = sortEnum('UserSort', USER_SORTS, 'What a user list is sorted on; NAME (A→Z) unless asked.');

@ObjectType({ description: 'A user account (staff or reseller).' })
export class User {
  @Field(() => ID)
  id: string;

  @Field()
  email: string;

  @Field()
  displayName: string;

  @Field()
  kind: string;

  @Field(() => [String])
  roles: string[];

  @Field(() => ID, { nullable: true })
  resellerId: string | null;

  @Field()
  active: boolean;

  @Field()
  createdAt: string;

  @Field(() => Int, { description: 'Optimistic-concurrency version: send it back with a change.' })
  version: number;

  static of(this: void, u: UserEntity): User {
    return Object.assign(new User(), { ...u, roles: u.roles ? u.roles.split(',') : [] });
  }
}

@ObjectType()
export class UserConnection {
  @Field(() => [User])
  nodes: User[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;
}

@InputType()
export class NewStaffUserInput {
  @Field(() => EmailText)
  email: string;

  @Field(() => ShortText)
  displayName: string;

  @Field(() => [Code], { description: 'Admin, staff, credit, support' })
  roles: string[];
}

@InputType()
export class StaffUserChangeInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  version: number;

  @Field(() => ShortText, { nullable: true })
  displayName?: string | null;

  @Field(() => [Code], { nullable: true })
  roles?: string[] | null;

  @Field(() => Boolean, { nullable: true })
  active?: boolean | null;
}

@ObjectType({ description: 'The new user, and the one-time link they set their password with.' })
export class UserCreated {
  @Field(() => User)
  user: User;

  @Field()
  resetUrl: string;

  static of(this: void, created: CreatedUser): UserCreated {
    return Object.assign(new UserCreated(), { user: User.of(created.user), resetUrl: created.resetUrl });
  }
}

@ObjectType()
export class StaffUserUpdated {
  @Field(() => User)
  user: User;

  static of(this: void, user: UserEntity): StaffUserUpdated {
    return Object.assign(new StaffUserUpdated(), { user: User.of(user) });
  }
}

export const CreateUserResult = createUnionType({
  name: 'CreateUserResult',
  types: () => [UserCreated, ValidationFailed, OperationRefused, NotFound] as const,
});

export const UpdateStaffUserResult = createUnionType({
  name: 'UpdateStaffUserResult',
  types: () => [StaffUserUpdated, ValidationFailed, VersionConflict, NotFound, OperationRefused] as const,
});
