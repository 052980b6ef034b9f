import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../context.js';
import { OperationRefused } from '../platform/common.types.js';
import { Permission, permissionsOf, Public, RequirePermission } from '../platform/permissions.js';
import { principalOf } from './identity.service.js';
import { toMe } from './me.mapper.js';
import { CreatePasswordResetResult, Me, PasswordChanged, PasswordChangeResult, PasswordResetCreated, SignedIn, SignInFailed, SignInResult } from './identity.types.js';
import { Code, EmailText, Password } from '../platform/text.types.js';

@Resolver()
export class IdentityResolver {
  @Public()
  @Query(() => Me, { nullable: true, description: 'The signed-in user; null when nobody is signed in.' })
  async me(@Ctx() { app, principal }: Context): Promise<Me | null> {
    return principal ? toMe(await app.staff.user(principal.userId), permissionsOf(principal)) : null;
  }

  @Public()
  @Mutation(() => SignInResult, { description: 'Signs in with email and password; the session is an httpOnly cookie.' })
  async signIn(@Arg('email', () => EmailText) email: string, @Arg('password', () => Password) password: string, @Ctx() ctx: Context): Promise<typeof SignInResult> {
    const result = await ctx.app.identity.signIn({ email, password, ip: ctx.ip, userAgent: ctx.userAgent }, ctx.requestId);
    if (!result.ok) return Object.assign(new SignInFailed(), { code: result.code, message: result.message, retryAfterSeconds: 'retryAfterSeconds' in result ? result.retryAfterSeconds : null });
    ctx.sessionCookie.set(result.token, result.expiresAt);
    return Object.assign(new SignedIn(), { me: toMe(result.user, permissionsOf(principalOf(result.user))) });
  }

  @RequirePermission(Permission.SignedIn)
  @Mutation(() => Boolean, { description: 'Ends this session.' })
  async signOut(@Ctx() ctx: Context): Promise<boolean> {
    await ctx.app.identity.signOut(ctx.actor);
    ctx.sessionCookie.clear();
    return true;
  }

  @RequirePermission(Permission.SignedIn)
  @Mutation(() => PasswordChangeResult, { description: 'Changes your password; your other sessions end.' })
  async changePassword(@Arg('currentPassword', () => Password) currentPassword: string, @Arg('newPassword', () => Password) newPassword: string, @Ctx() ctx: Context): Promise<typeof PasswordChangeResult> {
    const result = await ctx.app.identity.changePassword(ctx.actor, currentPassword, newPassword);
    if (result.ok) return Object.assign(new PasswordChanged(), { ok: true });
    return OperationRefused.of(result.code, result.message, result.field ? { kind: 'field', field: result.field, label: result.message } : null);
  }

  @Public()
  @Mutation(() => PasswordChangeResult, { description: 'Sets a new password with a one-time reset token; every session of the user ends.' })
  async resetPassword(@Arg('token', () => Code) token: string, @Arg('newPassword', () => Password) newPassword: string, @Ctx() ctx: Context): Promise<typeof PasswordChangeResult> {
    const result = await ctx.app.identity.resetPassword(token, newPassword, ctx.requestId);
    if (result.ok) return Object.assign(new PasswordChanged(), { ok: true });
    return OperationRefused.of(result.code, result.message, result.field ? { kind: 'field', field: result.field, label: result.message } : null);
  }

  @RequirePermission(Permission.StaffManage)
  @Mutation(() => CreatePasswordResetResult, { description: 'Creates a one-time password-reset link for a user (admins).' })
  async createPasswordReset(@Arg('userId', () => ID) userId: string, @Ctx() ctx: Context): Promise<typeof CreatePasswordResetResult> {
    const result = await ctx.app.identity.createPasswordReset(ctx.actor, userId);
    if (!result.ok) return OperationRefused.of(result.code, result.message);
    return Object.assign(new PasswordResetCreated(), { resetUrl: ctx.app.resetUrl(result.token), expiresAt: result.expiresAt.toISOString() });
  }
}
