import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context.js';
import { actorForReseller, forbidden } from '../platform/ownership.js';
import { Permission, RequirePermission } from '../platform/permissions.js';
import { NotFound } from '../platform/common.types.js';
import { toStaffError, toUser } from '../staff/staff.resolver.js';
import { CreateUserResult, User, UserCreated } from '../staff/staff.types.js';
import { toCheck, toReseller, toSaveResult } from './reseller.mapper.js';
import { Activation, Reseller, ResellerChecks, ResellerConnection, ResellerInput, ResellerStatusEnum, SaveResellerResult } from './reseller.types.js';
import { Code, Cursor, EmailText, ShortText } from '../platform/text.types.js';
import { ResellerSortEnum } from './reseller.types.js';
import { SortDirection, sortOrder } from '../platform/list-sort.js';
import { RESELLER_SORTS } from './reseller.service.js';

@Resolver(() => Reseller)
export class ResellerResolver {
  @RequirePermission(Permission.ResellersRead)
  @Query(() => ResellerConnection, { description: 'Resellers by company name; search over name, marketplace ID and BCN.' })
  async resellers(
    @Arg('search', () => ShortText, { nullable: true }) search: string | null,
    @Arg('status', () => ResellerStatusEnum, { nullable: true }) status: ResellerStatusEnum | null,
    @Arg('sortBy', () => ResellerSortEnum, { nullable: true }) sortBy: keyof typeof RESELLER_SORTS | null,
    @Arg('direction', () => SortDirection, { nullable: true }) direction: SortDirection | null,
    @Arg('first', () => Int, { defaultValue: 25 }) first: number,
    @Arg('after', () => Cursor, { nullable: true }) after: string | null,
    @Ctx() { app }: Context,
  ): Promise<ResellerConnection> {
    const page = await app.resellers.list({ search, status }, first, after, sortOrder(RESELLER_SORTS, 'NAME', sortBy, direction));
    return { nodes: page.resellers.map(toReseller), pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor } };
  }

  @RequirePermission(Permission.SignedIn)
  @Query(() => Reseller, { nullable: true, description: 'One reseller: staff see any, a reseller user only its own.' })
  async reseller(@Arg('id', () => ID) id: string, @Ctx() { app, principal, actor }: Context): Promise<Reseller | null> {
    actorForReseller(principal, actor, id, Permission.ResellersRead);
    const reseller = await app.resellers.get(id);
    return reseller ? toReseller(reseller) : null;
  }

  @RequirePermission(Permission.ResellersManage)
  @Mutation(() => SaveResellerResult, { description: 'Creates a reseller account; it activates after its first user signs in.' })
  async createReseller(@Arg('input', () => ResellerInput) input: ResellerInput, @Ctx() { app, actor }: Context): Promise<typeof SaveResellerResult> {
    return toSaveResult(await app.resellers.create(actor, input));
  }

  @RequirePermission(Permission.ResellersManage)
  @Mutation(() => SaveResellerResult, { description: 'Changes a reseller; refuses to overwrite a newer version.' })
  async updateReseller(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input', () => ResellerInput) input: ResellerInput,
    @Ctx() { app, actor }: Context,
  ): Promise<typeof SaveResellerResult> {
    return toSaveResult(await app.resellers.update({ ...actor, onBehalfOfResellerId: id }, id, version, input));
  }

  @RequirePermission(Permission.ResellersManage)
  @Mutation(() => SaveResellerResult, { description: 'Suspends or reinstates a reseller account.' })
  async setResellerStatus(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('status', () => ResellerStatusEnum) status: ResellerStatusEnum,
    @Ctx() { app, actor }: Context,
  ): Promise<typeof SaveResellerResult> {
    if (status === ResellerStatusEnum.PENDING_ACTIVATION) throw forbidden();
    return toSaveResult(await app.resellers.setStatus({ ...actor, onBehalfOfResellerId: id }, id, version, status));
  }

  @RequirePermission(Permission.SignedIn)
  @Mutation(() => SaveResellerResult, { description: 'Stores the MPN location ID and indirect-reseller domain and runs the four checks.' })
  async setResellerIdentifiers(
    @Arg('resellerId', () => ID) resellerId: string,
    @Arg('mpnLocationId', () => Code) mpnLocationId: string,
    @Arg('resellerDomain', () => Code) resellerDomain: string,
    @Ctx() { app, principal, actor }: Context,
  ): Promise<typeof SaveResellerResult> {
    return toSaveResult(await app.resellers.setIdentifiers(actorForReseller(principal, actor, resellerId, Permission.ResellersManage), resellerId, mpnLocationId, resellerDomain));
  }

  @RequirePermission(Permission.SignedIn)
  @Mutation(() => ResellerChecks, { nullable: true, description: 'Runs the four checks against Partner Center now.' })
  async runResellerChecks(@Arg('resellerId', () => ID) resellerId: string, @Ctx() { app, principal, actor }: Context): Promise<ResellerChecks | null> {
    const result = await app.resellers.checks(actorForReseller(principal, actor, resellerId, Permission.ResellersManage), resellerId, true);
    return result ? { checks: result.checks.map(toCheck), checkedAt: result.checkedAt } : null;
  }

  @RequirePermission(Permission.ResellersManage)
  @Mutation(() => CreateUserResult, { description: 'Creates a user of the reseller; answers with a one-time link to set the password.' })
  async createResellerUser(
    @Arg('resellerId', () => ID) resellerId: string,
    @Arg('email', () => EmailText) email: string,
    @Arg('displayName', () => ShortText) displayName: string,
    @Ctx() { app, actor }: Context,
  ): Promise<typeof CreateUserResult> {
    if (!(await app.resellers.get(resellerId))) return NotFound.of('reseller', resellerId) as never;
    const result = await app.staff.create({ ...actor, onBehalfOfResellerId: resellerId }, { email, displayName, roles: [] }, resellerId);
    if (!result.ok) return toStaffError(result.error) as typeof CreateUserResult;
    return Object.assign(new UserCreated(), { user: toUser(result.user), resetUrl: app.resetUrl(result.resetToken) });
  }

  @FieldResolver(() => Activation, { nullable: true, description: 'The activation order, once the first user signed in.' })
  async activation(@Root() reseller: Reseller, @Ctx() { loaders }: Context): Promise<Activation | null> {
    return loaders.activationByReseller.load(reseller.id);
  }

  @FieldResolver(() => [User], { description: 'The reseller’s users.' })
  async users(@Root() reseller: Reseller, @Ctx() { loaders }: Context): Promise<User[]> {
    return (await loaders.usersByReseller.load(reseller.id)).map(toUser);
  }
}
