import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context.js';
import { Customer, RevealedSecret } from '../customers/index.js';
import { Permission, RequirePermission } from '../platform/permissions.js';
import { toUnion } from '../platform/result-union.js';
import { Code } from '../platform/text.types.js';
import { CustomerTenant, TenantChoices, TenantRefused, TenantResult, TenantSaved } from './tenant.types.js';

/** A customer's tenant: its field on Customer, the choice between a new and an existing one, the attestation. */
@Resolver(() => Customer)
export class TenantResolver {
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

  @FieldResolver(() => CustomerTenant, { nullable: true })
  async tenant(@Root() customer: Customer, @Ctx() { loaders }: Context): Promise<CustomerTenant | null> {
    const tenant = await loaders.tenantByCustomer.load(customer.id);
    return tenant && CustomerTenant.of(tenant);
  }
}
