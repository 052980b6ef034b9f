import { createUnionType, Field, ID, Int, ObjectType } from 'type-graphql';
import { BusinessError } from '../platform/business-error.js';
import { OperationRefused } from '../platform/common.types.js';

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
}

@ObjectType()
export class SignedIn {
  @Field(() => Me)
  me: Me;
}

@ObjectType({ implements: BusinessError, description: 'Sign-in refused. The message never says whether the account exists.' })
export class SignInFailed extends BusinessError {
  @Field(() => Int, { nullable: true, description: 'When throttled: seconds until another attempt is accepted.' })
  retryAfterSeconds: number | null;
}

export const SignInResult = createUnionType({ name: 'SignInResult', types: () => [SignedIn, SignInFailed] as const });

@ObjectType()
export class PasswordChanged {
  @Field()
  ok: boolean;
}

export const PasswordChangeResult = createUnionType({ name: 'PasswordChangeResult', types: () => [PasswordChanged, OperationRefused] as const });

@ObjectType({ description: 'A one-time link to set a password; valid once, for an hour.' })
export class PasswordResetCreated {
  @Field()
  resetUrl: string;

  @Field()
  expiresAt: string;
}

export const CreatePasswordResetResult = createUnionType({ name: 'CreatePasswordResetResult', types: () => [PasswordResetCreated, OperationRefused] as const });
