import type { CustomerSegment, Verdict as DomainVerdict } from '@nce/domain';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context.js';
import { Fix, FixKind } from '../platform/business-error.js';
import { NotFound, ValidationFailed, VersionConflict } from '../platform/common.types.js';
import { CustomerSegmentEnum } from '../platform/graphql-enums.js';
import { actorForReseller } from '../platform/ownership.js';
import { Permission, RequirePermission } from '../platform/permissions.js';
import type { CustomerTenantEntity } from '../tenants/index.js';
import type { TenantResult as ServiceTenantResult } from '../tenants/index.js';
import { CustomerTenant, TenantChoices, TenantRefused, TenantResult, TenantSaved, Verdict } from '../tenants/tenant.types.js';
import type { CustomerEntity } from './customer.entity.js';
import type { CustomerResult } from './customer.service.js';
import { Customer, CustomerConnection, CustomerInput, CustomerSaved, RevealedSecret, SaveCustomerResult } from './customer.types.js';
import { Code, Cursor, ShortText } from '../platform/text.types.js';
import { CustomerSortEnum } from './customer.types.js';
import { SortDirection, sortOrder } from '../platform/list-sort.js';
import { CUSTOMER_SORTS } from './customer.service.js';

const toFix = (fix?: { kind: string; label: string; href?: string; field?: string } | null) => (fix ? Object.assign(new Fix(), { ...fix, kind: fix.kind as FixKind }) : null);

export const toCustomer = (c: CustomerEntity): Customer =>
  Object.assign(new Customer(), {
    ...c,
    address: { line1: c.addressLine1, line2: c.addressLine2, city: c.city, region: c.region, postalCode: c.postalCode, country: c.country },
    adminContact: { name: c.adminName, email: c.adminEmail, phone: c.adminPhone },
  });

const toTenant = (t: CustomerTenantEntity): CustomerTenant => Object.assign(new CustomerTenant(), t);

const toVerdict = (v: DomainVerdict): Verdict =>
  Object.assign(new Verdict(), v.allowed ? { allowed: true, code: null, message: null, fix: null } : { allowed: false, code: v.code, message: v.message, fix: toFix(v.fix) });

function toSaveResult(result: CustomerResult) {
  if (result.ok) return Object.assign(new CustomerSaved(), { customer: toCustomer(result.customer) });
  if (result.error.code === 'VALIDATION_FAILED') return ValidationFailed.of(result.error.fields);
  if (result.error.code === 'VERSION_CONFLICT') return VersionConflict.of('customer', result.error.currentVersion);
  return Object.assign(NotFound.of('customer', ''), { message: result.error.message });
}

function toTenantResult(result: ServiceTenantResult): typeof TenantResult {
  if (result.ok) return Object.assign(new TenantSaved(), { tenant: toTenant(result.tenant) });
  const { code, message, fix, suggestions } = result.refusal;
  return Object.assign(new TenantRefused(), { code, message, fix: toFix(fix), suggestions: suggestions ?? [] });
}

@Resolver(() => Customer)
export class CustomerResolver {
  /** Loads a customer and checks the caller may act on it (its reseller, or staff with `permission`). */
  private async reach(ctx: Context, customerId: string, permission: Permission) {
    const customer = await ctx.app.customers.get(customerId);
    if (!customer) return null;
    return { customer, actor: actorForReseller(ctx.principal, ctx.actor, customer.resellerId, permission) };
  }

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
    @Ctx() { app, principal }: Context,
  ): Promise<CustomerConnection> {
    const scope = principal?.kind === 'reseller' ? principal.resellerId : resellerId;
    const page = await app.customers.list({ resellerId: scope, search, segment }, first, after, sortOrder(CUSTOMER_SORTS, 'NAME', sortBy, direction));
    return { nodes: page.customers.map(toCustomer), pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor } };
  }

  @RequirePermission(Permission.CustomersRead)
  @Query(() => Customer, { nullable: true })
  async customer(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Customer | null> {
    const reached = await this.reach(ctx, id, Permission.CustomersRead);
    return reached ? toCustomer(reached.customer) : null;
  }

  @RequirePermission(Permission.CustomersManage)
  @Mutation(() => SaveCustomerResult, { description: 'Creates an end customer of a reseller, with a generated portal password.' })
  async createCustomer(@Arg('resellerId', () => ID) resellerId: string, @Arg('input', () => CustomerInput) input: CustomerInput, @Ctx() ctx: Context): Promise<typeof SaveCustomerResult> {
    const actor = actorForReseller(ctx.principal, ctx.actor, resellerId, Permission.CustomersManage);
    if (!(await ctx.app.resellers.get(resellerId))) return NotFound.of('reseller', resellerId);
    return toSaveResult(await ctx.app.customers.create(actor, resellerId, input));
  }

  @RequirePermission(Permission.CustomersManage)
  @Mutation(() => SaveCustomerResult, { description: 'Changes a customer; refuses to overwrite a newer version.' })
  async updateCustomer(@Arg('id', () => ID) id: string, @Arg('version', () => Int) version: number, @Arg('input', () => CustomerInput) input: CustomerInput, @Ctx() ctx: Context): Promise<typeof SaveCustomerResult> {
    const reached = await this.reach(ctx, id, Permission.CustomersManage);
    if (!reached) return NotFound.of('customer', id);
    return toSaveResult(await ctx.app.customers.update(reached.actor, id, version, input));
  }

  @RequirePermission(Permission.SecretsReveal)
  @Mutation(() => RevealedSecret, { nullable: true, description: 'Shows the customer-portal password; audited.' })
  async revealPortalPassword(@Arg('customerId', () => ID) customerId: string, @Ctx() ctx: Context): Promise<RevealedSecret | null> {
    const reached = await this.reach(ctx, customerId, Permission.SecretsReveal);
    if (!reached) return null;
    const value = await ctx.app.customers.revealPortalPassword(reached.actor, customerId);
    return value === null ? null : { user: reached.customer.portalLogin, value };
  }

  @RequirePermission(Permission.CustomersRead)
  @Query(() => TenantChoices, { nullable: true, description: 'Whether a new or an existing tenant is allowed for the customer, and why.' })
  async tenantChoices(@Arg('customerId', () => ID) customerId: string, @Ctx() ctx: Context): Promise<TenantChoices | null> {
    const reached = await this.reach(ctx, customerId, Permission.CustomersRead);
    if (!reached) return null;
    const options = await ctx.app.tenants.options(reached.customer);
    return { createNew: toVerdict(options.createNew), useExisting: toVerdict(options.useExisting), recommended: options.recommended, explanation: options.explanation };
  }

  @RequirePermission(Permission.CustomersManage)
  @Mutation(() => TenantResult, { description: 'Requests a new tenant domain; a taken one is refused with free alternatives.' })
  async chooseNewTenant(@Arg('customerId', () => ID) customerId: string, @Arg('domain', () => Code) domain: string, @Ctx() ctx: Context): Promise<typeof TenantResult> {
    const reached = await this.reach(ctx, customerId, Permission.CustomersManage);
    if (!reached) return Object.assign(new TenantRefused(), { code: 'NOT_FOUND', message: `No customer with id ${customerId}.`, suggestions: [] });
    return toTenantResult(await ctx.app.tenants.chooseNew(reached.actor, reached.customer, domain));
  }

  @RequirePermission(Permission.CustomersManage)
  @Mutation(() => TenantResult, { description: 'Uses an existing tenant; without the accepted relationship the answer carries the authorisation link.' })
  async chooseExistingTenant(@Arg('customerId', () => ID) customerId: string, @Arg('domain', () => Code) domain: string, @Ctx() ctx: Context): Promise<typeof TenantResult> {
    const reached = await this.reach(ctx, customerId, Permission.CustomersManage);
    if (!reached) return Object.assign(new TenantRefused(), { code: 'NOT_FOUND', message: `No customer with id ${customerId}.`, suggestions: [] });
    return toTenantResult(await ctx.app.tenants.chooseExisting(reached.actor, reached.customer, domain));
  }

  @RequirePermission(Permission.CustomersManage)
  @Mutation(() => TenantResult, { description: 'Signs the Partner-of-Record attestation for the chosen tenant.' })
  async signAttestation(@Arg('customerId', () => ID) customerId: string, @Ctx() ctx: Context): Promise<typeof TenantResult> {
    const reached = await this.reach(ctx, customerId, Permission.CustomersManage);
    if (!reached) return Object.assign(new TenantRefused(), { code: 'NOT_FOUND', message: `No customer with id ${customerId}.`, suggestions: [] });
    return toTenantResult(await ctx.app.tenants.attest(reached.actor, customerId));
  }

  @RequirePermission(Permission.ResellersManage)
  @Mutation(() => TenantResult, { description: 'Creates the requested new tenant at Microsoft now (staff); otherwise provisioning does.' })
  async createCustomerTenant(@Arg('customerId', () => ID) customerId: string, @Ctx() ctx: Context): Promise<typeof TenantResult> {
    const reached = await this.reach(ctx, customerId, Permission.ResellersManage);
    if (!reached) return Object.assign(new TenantRefused(), { code: 'NOT_FOUND', message: `No customer with id ${customerId}.`, suggestions: [] });
    return toTenantResult(await ctx.app.tenants.create(reached.actor, reached.customer));
  }

  @RequirePermission(Permission.SecretsReveal)
  @Mutation(() => RevealedSecret, { nullable: true, description: 'Shows the new tenant’s admin user and temporary password; audited.' })
  async revealTenantAdminPassword(@Arg('customerId', () => ID) customerId: string, @Ctx() ctx: Context): Promise<RevealedSecret | null> {
    const reached = await this.reach(ctx, customerId, Permission.SecretsReveal);
    if (!reached) return null;
    const secret = await ctx.app.tenants.revealAdminPassword(reached.actor, customerId);
    return secret ? { user: secret.adminUser, value: secret.password } : null;
  }

  @FieldResolver(() => String, { description: 'The reseller’s company name.' })
  async resellerName(@Root() customer: Customer, @Ctx() { loaders }: Context): Promise<string> {
    return (await loaders.resellerName.load(customer.resellerId)) ?? '';
  }

  @FieldResolver(() => CustomerTenant, { nullable: true })
  async tenant(@Root() customer: Customer, @Ctx() { loaders }: Context): Promise<CustomerTenant | null> {
    const tenant = await loaders.tenantByCustomer.load(customer.id);
    return tenant ? toTenant(tenant) : null;
  }
}
