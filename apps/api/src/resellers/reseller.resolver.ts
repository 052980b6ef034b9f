import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context.js';
import { SortDirection, sortOrder } from '../platform/list-sort.js';
import { Permission, RequirePermission } from '../platform/permissions.js';
import { toUnion } from '../platform/result-union.js';
import { Code, Cursor, EmailText, ShortText } from '../platform/text.types.js';
import { CreateUserResult, User, UserCreated } from '../staff/index.js';
import { RESELLER_SORTS } from './reseller.service.js';
import {
  Activation,
  Reseller,
  ResellerChecks,
  ResellerConnection,
  ResellerInput,
  ResellerSaved,
  ResellerSortEnum,
  ResellerStatusEnum,
  SaveResellerResult,
} from './reseller.types.js';

@Resolver(() => Reseller)
export class ResellerResolver {
  @RequirePermission(Permission.ResellersRead)
  @Query(() => ResellerConnection, {
    description: 'Resellers by company name; search over name, marketplace ID and BCN.',
  })
  async resellers(
    @Arg('search', () => ShortText, { nullable: true }) search: string | null,
    @Arg('status', () => ResellerStatusEnum, { nullable: true }) status: ResellerStatusEnum | null,
    @Arg('sortBy', () => ResellerSortEnum, { nullable: true }) sortBy: keyof typeof RESELLER_SORTS | null,
    @Arg('direction', () => SortDirection, { nullable: true }) direction: SortDirection | null,
    @Arg('first', () => Int, { defaultValue: 25 }) first: number,
    @Arg('after', () => Cursor, { nullable: true }) after: string | null,
    @Ctx() ctx: Context,
  ): Promise<ResellerConnection> {
    const page = await ctx.app.resellers.list(
      ctx,
      { search, status },
      first,
      after,
      sortOrder(RESELLER_SORTS, 'NAME', sortBy, direction),
    );
    return {
      nodes: page.resellers.map(Reseller.of),
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
    };
  }

  @RequirePermission(Permission.SignedIn)
  @Query(() => Reseller, { nullable: true, description: 'One reseller: staff see any, a reseller user only its own.' })
  async reseller(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Reseller | null> {
    const reseller = await ctx.app.resellers.get(ctx, id);
    return reseller && Reseller.of(reseller);
  }

  @RequirePermission(Permission.ResellersManage)
  @Mutation(() => SaveResellerResult, {
    description: 'Creates a reseller account; it activates after its first user signs in.',
  })
  async createReseller(
    @Arg('input', () => ResellerInput) input: ResellerInput,
    @Ctx() ctx: Context,
  ): Promise<typeof SaveResellerResult> {
    return toUnion(await ctx.app.resellers.create(ctx, input), ResellerSaved.of);
  }

  @RequirePermission(Permission.ResellersManage)
  @Mutation(() => SaveResellerResult, { description: 'Changes a reseller; refuses to overwrite a newer version.' })
  async updateReseller(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input', () => ResellerInput) input: ResellerInput,
    @Ctx() ctx: Context,
  ): Promise<typeof SaveResellerResult> {
    return toUnion(await ctx.app.resellers.update(ctx, id, version, input), ResellerSaved.of);
  }

  @RequirePermission(Permission.ResellersManage)
  @Mutation(() => SaveResellerResult, { description: 'Suspends or reinstates a reseller account.' })
  async setResellerStatus(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('status', () => ResellerStatusEnum) status: ResellerStatusEnum,
    @Ctx() ctx: Context,
  ): Promise<typeof SaveResellerResult> {
    return toUnion(await ctx.app.resellers.setStatus(ctx, id, version, status), ResellerSaved.of);
  }

  @RequirePermission(Permission.SignedIn)
  @Mutation(() => SaveResellerResult, {
    description: 'Stores the MPN location ID and indirect-reseller domain and runs the four checks.',
  })
  async setResellerIdentifiers(
    @Arg('resellerId', () => ID) resellerId: string,
    @Arg('mpnLocationId', () => Code) mpnLocationId: string,
    @Arg('resellerDomain', () => Code) resellerDomain: string,
    @Ctx() ctx: Context,
  ): Promise<typeof SaveResellerResult> {
    return toUnion(
      await ctx.app.resellers.setIdentifiers(ctx, resellerId, mpnLocationId, resellerDomain),
      ResellerSaved.of,
    );
  }

  @RequirePermission(Permission.SignedIn)
  @Mutation(() => ResellerChecks, { nullable: true, description: 'Runs the four checks against Partner Center now.' })
  async runResellerChecks(
    @Arg('resellerId', () => ID) resellerId: string,
    @Ctx() ctx: Context,
  ): Promise<ResellerChecks | null> {
    return ResellerChecks.of(await ctx.app.resellers.checks(ctx, resellerId, true));
  }

  @RequirePermission(Permission.ResellersManage)
  @Mutation(() => CreateUserResult, {
    description: 'Creates a user of the reseller; answers with a one-time link to set the password.',
  })
  async createResellerUser(
    @Arg('resellerId', () => ID) resellerId: string,
    @Arg('email', () => EmailText) email: string,
    @Arg('displayName', () => ShortText) displayName: string,
    @Ctx() ctx: Context,
  ): Promise<typeof CreateUserResult> {
    return toUnion(await ctx.app.resellers.createUser(ctx, resellerId, { email, displayName }), UserCreated.of);
  }

  @FieldResolver(() => Activation, {
    nullable: true,
    description: 'The activation order, once the first user signed in.',
  })
  async activation(@Root() reseller: Reseller, @Ctx() { loaders }: Context): Promise<Activation | null> {
    return loaders.activationByReseller.load(reseller.id);
  }

  @FieldResolver(() => [User], { description: 'The reseller’s users.' })
  async users(@Root() reseller: Reseller, @Ctx() { loaders }: Context): Promise<User[]> {
    return (await loaders.usersByReseller.load(reseller.id)).map(User.of);
  }
}
