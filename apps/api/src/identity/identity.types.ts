import { createUnionType, Field, ID, Int, ObjectType } from 'type-graphql';
import { BusinessError } from '../platform/business-error.js';
import { OperationRefused } from '../platform/common.types.js';

import type { ModulePermission, Permission } from '../platform/permissions.js';
import { detailsOf, type Failure } from '../platform/result.js';
import type { Session, Throttled } from './identity.service.js';
import type { UserEntity } from './user.entity.js';

@ObjectType({ description: 'The signed-in user, with what they may do.' })
export class Me {
  @Field(() => ID)
  id: string;

  @Field()
  email: string;

  @Field()
  displayName: string;

  @Field({ description: 'STAFF or RESELLER.' })
  kind: string;

  @Field(() => [String])
  roles: string[];

  @Field(() => [String], { description: 'Permissions granted by the roles; the SPA shows only what they allow.' })
  permissions: string[];

  @Field(() => ID, { nullable: true })
  resellerId: string | null;

  static of(user: UserEntity, permissions: readonly (Permission | ModulePermission)[]): Me {
    return Object.assign(new Me(), {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      kind: user.kind,
      roles: user.roles ? user.roles.split(',') : [],
      permissions,
      resellerId: user.resellerId,
    });
  }
}

@ObjectType()
export class SignedIn {
  @Field(() => Me)
  me: Me;

  static of(session: Session, permissions: readonly (Permission | ModulePermission)[]): SignedIn {
    return Object.assign(new SignedIn(), { me: Me.of(session.user, permissions) });
  }
}

@ObjectType({
  implements: BusinessError,
  description: 'Sign-in refused. The message never says whether the account exists.',
})
export class SignInFailed extends BusinessError {
  @Field(() => Int, { nullable: true, description: 'When throttled: seconds until another attempt is accepted.' })
  retryAfterSeconds: number | null;

  static from(this: void, failure: Failure): SignInFailed {
    return Object.assign(new SignInFailed(), {
      code: failure.code,
      message: failure.message,
      fix: null,
      retryAfterSeconds: detailsOf<Throttled>(failure).retryAfterSeconds ?? null,
    });
  }
}

export const SignInResult = createUnionType({ name: 'SignInResult', types: () => [SignedIn, SignInFailed] as const });

@ObjectType()
export class PasswordChanged {
  @Field()
  ok: boolean;

  static of(this: void): PasswordChanged {
    return Object.assign(new PasswordChanged(), { ok: true });
  }
}

export const PasswordChangeResult = createUnionType({
  name: 'PasswordChangeResult',
  types: () => [PasswordChanged, OperationRefused] as const,
});

@ObjectType({ description: 'A one-time link to set a password; valid once, for an hour.' })
export class PasswordResetCreated {
  @Field()
  resetUrl: string;

  @Field()
  expiresAt: string;

  static of(reset: { token: string; expiresAt: Date }, resetUrl: (token: string) => string): PasswordResetCreated {
    return Object.assign(new PasswordResetCreated(), {
      resetUrl: resetUrl(reset.token),
      expiresAt: reset.expiresAt.toISOString(),
    });
  }
}

export const CreatePasswordResetResult = createUnionType({
  name: 'CreatePasswordResetResult',
  types: () => [PasswordResetCreated, OperationRefused] as const,
});
