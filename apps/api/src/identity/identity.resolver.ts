import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../context.js';
import { OperationRefused } from '../platform/common.types.js';
import { Permission, permissionsOf, Public, RequirePermission } from '../platform/permissions.js';
import { toUnion } from '../platform/result-union.js';
import { Code, EmailText, Password } from '../platform/text.types.js';
import { principalOf } from './identity.service.js';
import {
  CreatePasswordResetResult,
  Me,
  PasswordChanged,
  PasswordChangeResult,
  PasswordResetCreated,
  SignedIn,
  SignInFailed,
  SignInResult,
} from './identity.types.js';

@Resolver()
export class IdentityResolver {
  @Public()
  @Query(() => Me, { nullable: true, description: 'The signed-in user; null when nobody is signed in.' })
  async me(@Ctx() ctx: Context): Promise<Me | null> {
    const user = await ctx.app.identity.me(ctx);
    return user && Me.of(user, permissionsOf(ctx.principal));
  }

  @Public()
  @Mutation(() => SignInResult, { description: 'Signs in with email and password; the session is an httpOnly cookie.' })
  async signIn(
    @Arg('email', () => EmailText) email: string,
    @Arg('password', () => Password) password: string,
    @Ctx() ctx: Context,
  ): Promise<typeof SignInResult> {
    const result = await ctx.app.identity.signIn(ctx, { email, password, ip: ctx.ip, userAgent: ctx.userAgent });
    if (result.ok) ctx.sessionCookie.set(result.value.token, result.value.expiresAt);
    return toUnion(
      result,
      (session) => SignedIn.of(session, permissionsOf(principalOf(session.user))),
      SignInFailed.from,
    );
  }

  @RequirePermission(Permission.SignedIn)
  @Mutation(() => Boolean, { description: 'Ends this session.' })
  async signOut(@Ctx() ctx: Context): Promise<boolean> {
    await ctx.app.identity.signOut(ctx);
    ctx.sessionCookie.clear();
    return true;
  }

  @RequirePermission(Permission.SignedIn)
  @Mutation(() => PasswordChangeResult, { description: 'Changes your password; your other sessions end.' })
  async changePassword(
    @Arg('currentPassword', () => Password) currentPassword: string,
    @Arg('newPassword', () => Password) newPassword: string,
    @Ctx() ctx: Context,
  ): Promise<typeof PasswordChangeResult> {
    return toUnion(
      await ctx.app.identity.changePassword(ctx, currentPassword, newPassword),
      PasswordChanged.of,
      OperationRefused.from,
    );
  }

  @Public()
  @Mutation(() => PasswordChangeResult, {
    description: 'Sets a new password with a one-time reset token; every session of the user ends.',
  })
  async resetPassword(
    @Arg('token', () => Code) token: string,
    @Arg('newPassword', () => Password) newPassword: string,
    @Ctx() ctx: Context,
  ): Promise<typeof PasswordChangeResult> {
    return toUnion(
      await ctx.app.identity.resetPassword(ctx, token, newPassword),
      PasswordChanged.of,
      OperationRefused.from,
    );
  }

  @RequirePermission(Permission.StaffManage)
  @Mutation(() => CreatePasswordResetResult, {
    description: 'Creates a one-time password-reset link for a user (admins).',
  })
  async createPasswordReset(
    @Arg('userId', () => ID) userId: string,
    @Ctx() ctx: Context,
  ): Promise<typeof CreatePasswordResetResult> {
    return toUnion(
      await ctx.app.identity.createPasswordReset(ctx, userId),
      (reset) => PasswordResetCreated.of(reset, ctx.app.resetUrl),
      OperationRefused.from,
    );
  }
}
