import type { CustomerSegment } from '@nce/domain';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context.js';
import { CustomerSegmentEnum } from '../platform/graphql-enums.js';
import { SortDirection, sortOrder } from '../platform/list-sort.js';
import { Permission, RequirePermission } from '../platform/permissions.js';
import { toUnion } from '../platform/result-union.js';
import { Cursor, ShortText } from '../platform/text.types.js';
import { CUSTOMER_SORTS } from './customer.service.js';
import {
  Customer,
  CustomerConnection,
  CustomerInput,
  CustomerSaved,
  CustomerSortEnum,
  RevealedSecret,
  SaveCustomerResult,
} from './customer.types.js';

@Resolver(() => Customer)
export class CustomerResolver {
  @RequirePermission(Permission.CustomersRead)
  @Query(() => CustomerConnection, { description: 'Customers by name; reseller users see only their own.' })
  async customers(
    @Arg('resellerId', () => ID, { nullable: true }) resellerId: string | null,
    @Arg('search', () => ShortText, { nullable: true }) search: string | null,
    @Arg('segment', () => CustomerSegmentEnum, { nullable: true }) segment: CustomerSegment | null,
    @Arg('sortBy', () => CustomerSortEnum, { nullable: true }) sortBy: keyof typeof CUSTOMER_SORTS | null,
    @Arg('direction', () => SortDirection, { nullable: true }) direction: SortDirection | null,
    @Arg('first', () => Int, { defaultValue: 25 }) first: number,
    @Arg('after', () => Cursor, { nullable: true }) after: string | null,
    @Ctx() ctx: Context,
  ): Promise<CustomerConnection> {
    const page = await ctx.app.customers.list(
      ctx,
      { resellerId, search, segment },
      first,
      after,
      sortOrder(CUSTOMER_SORTS, 'NAME', sortBy, direction),
    );
    return {
      nodes: page.customers.map(Customer.of),
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
    };
  }

  @RequirePermission(Permission.CustomersRead)
  @Query(() => Customer, { nullable: true })
  async customer(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Customer | null> {
    const customer = await ctx.app.customers.get(ctx, id);
    return customer && Customer.of(customer);
  }

  @RequirePermission(Permission.CustomersManage)
  @Mutation(() => SaveCustomerResult, {
    description: 'Creates an end customer of a reseller, with a generated portal password.',
  })
  async createCustomer(
    @Arg('resellerId', () => ID) resellerId: string,
    @Arg('input', () => CustomerInput) input: CustomerInput,
    @Ctx() ctx: Context,
  ): Promise<typeof SaveCustomerResult> {
    return toUnion(await ctx.app.customers.create(ctx, resellerId, input), CustomerSaved.of);
  }

  @RequirePermission(Permission.CustomersManage)
  @Mutation(() => SaveCustomerResult, { description: 'Changes a customer; refuses to overwrite a newer version.' })
  async updateCustomer(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input', () => CustomerInput) input: CustomerInput,
    @Ctx() ctx: Context,
  ): Promise<typeof SaveCustomerResult> {
    return toUnion(await ctx.app.customers.update(ctx, id, version, input), CustomerSaved.of);
  }

  @RequirePermission(Permission.SecretsReveal)
  @Mutation(() => RevealedSecret, { nullable: true, description: 'Shows the customer-portal password; audited.' })
  revealPortalPassword(
    @Arg('customerId', () => ID) customerId: string,
    @Ctx() ctx: Context,
  ): Promise<RevealedSecret | null> {
    return ctx.app.customers.revealPortalPassword(ctx, customerId);
  }

  @FieldResolver(() => String, { description: 'The reseller’s company name.' })
  async resellerName(@Root() customer: Customer, @Ctx() { loaders }: Context): Promise<string> {
    return (await loaders.resellerName.load(customer.resellerId)) ?? '';
  }
}
