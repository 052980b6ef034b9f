import type { CustomerSegment } from '@nce/domain';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context.js';
import { CustomerSegmentEnum } from '../platform/graphql-enums.js';
import { SortDirection, sortOrder } from '../platform/list-sort.js';
import { Permission, RequirePermission } from '../platform/permissions.js';
import { toUnion } from '../platform/result-union.js';
import { Code, Cursor, ShortText } from '../platform/text.types.js';
import { CustomerTenant, TenantChoices, TenantRefused, TenantResult, TenantSaved } from '../tenants/tenant.types.js';
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

  @RequirePermission(Permission.CustomersRead)
  @Query(() => TenantChoices, {
    nullable: true,
    description: 'Whether a new or an existing tenant is allowed for the customer, and why.',
  })
  async tenantChoices(
    @Arg('customerId', () => ID) customerId: string,
    @Ctx() ctx: Context,
  ): Promise<TenantChoices | null> {
    return TenantChoices.of(await ctx.app.tenants.options(ctx, customerId));
  }

  @RequirePermission(Permission.CustomersManage)
  @Mutation(() => TenantResult, {
    description: 'Requests a new tenant domain; a taken one is refused with free alternatives.',
  })
  async chooseNewTenant(
    @Arg('customerId', () => ID) customerId: string,
    @Arg('domain', () => Code) domain: string,
    @Ctx() ctx: Context,
  ): Promise<typeof TenantResult> {
    return toUnion(await ctx.app.tenants.chooseNew(ctx, customerId, domain), TenantSaved.of, TenantRefused.from);
  }

  @RequirePermission(Permission.CustomersManage)
  @Mutation(() => TenantResult, {
    description:
      'Uses an existing tenant; without the accepted relationship the answer carries the authorisation link.',
  })
  async chooseExistingTenant(
    @Arg('customerId', () => ID) customerId: string,
    @Arg('domain', () => Code) domain: string,
    @Ctx() ctx: Context,
  ): Promise<typeof TenantResult> {
    return toUnion(await ctx.app.tenants.chooseExisting(ctx, customerId, domain), TenantSaved.of, TenantRefused.from);
  }

  @RequirePermission(Permission.CustomersManage)
  @Mutation(() => TenantResult, { description: 'Signs the Partner-of-Record attestation for the chosen tenant.' })
  async signAttestation(
    @Arg('customerId', () => ID) customerId: string,
    @Ctx() ctx: Context,
  ): Promise<typeof TenantResult> {
    return toUnion(await ctx.app.tenants.attest(ctx, customerId), TenantSaved.of, TenantRefused.from);
  }

  @RequirePermission(Permission.ResellersManage)
  @Mutation(() => TenantResult, {
    description: 'Creates the requested new tenant at Microsoft now (staff); otherwise provisioning does.',
  })
  async createCustomerTenant(
    @Arg('customerId', () => ID) customerId: string,
    @Ctx() ctx: Context,
  ): Promise<typeof TenantResult> {
    return toUnion(await ctx.app.tenants.create(ctx, customerId), TenantSaved.of, TenantRefused.from);
  }

  @RequirePermission(Permission.SecretsReveal)
  @Mutation(() => RevealedSecret, {
    nullable: true,
    description: 'Shows the new tenant’s admin user and temporary password; audited.',
  })
  async revealTenantAdminPassword(
    @Arg('customerId', () => ID) customerId: string,
    @Ctx() ctx: Context,
  ): Promise<RevealedSecret | null> {
    const secret = await ctx.app.tenants.revealAdminPassword(ctx, customerId);
    return secret && { user: secret.adminUser, value: secret.password };
  }

  @FieldResolver(() => String, { description: 'The reseller’s company name.' })
  async resellerName(@Root() customer: Customer, @Ctx() { loaders }: Context): Promise<string> {
    return (await loaders.resellerName.load(customer.resellerId)) ?? '';
  }

  @FieldResolver(() => CustomerTenant, { nullable: true })
  async tenant(@Root() customer: Customer, @Ctx() { loaders }: Context): Promise<CustomerTenant | null> {
    const tenant = await loaders.tenantByCustomer.load(customer.id);
    return tenant && CustomerTenant.of(tenant);
  }
}
