import { customerAuthorisationUrl, relationshipRequestUrl } from '@nce/domain';
import { Arg, Ctx, createUnionType, Field, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import type { Context } from '../context.js';
import { NotFound, ValidationFailed } from '../platform/common.types.js';
import { Permission, RequirePermission } from '../platform/permissions.js';
import { SimPartner, SimPartnerInput, SimTenant, SimTenantInput } from './simulator.types.js';
import type { SimTenantEntity } from './sim-tenant.entity.js';
import { coveredResellers } from './simulator.js';
import { Code } from '../platform/text.types.js';

@ObjectType()
class SimPartnerSaved {
  @Field(() => SimPartner)
  partner: SimPartner;
}

@ObjectType()
class SimTenantSaved {
  @Field(() => SimTenant)
  tenant: SimTenant;
}

@ObjectType({ description: 'The distributor’s Microsoft links, built from its partner ID.' })
class DistributorLinks {
  @Field({ description: 'The universal link a customer’s global admin accepts to authorise the distributor.' })
  customerAuthorisation: string;

  @Field({ description: 'The link a reseller uses to request the relationship with the distributor.' })
  resellerRelationshipRequest: string;
}

const SaveSimPartnerResult = createUnionType({ name: 'SaveSimPartnerResult', types: () => [SimPartnerSaved, ValidationFailed] as const });
const toSimTenant = (tenant: SimTenantEntity): SimTenant => ({ ...tenant, indirectResellers: coveredResellers(tenant.indirectResellers) });

const SaveSimTenantResult = createUnionType({ name: 'SaveSimTenantResult', types: () => [SimTenantSaved, ValidationFailed] as const });
const AcceptRelationshipResult = createUnionType({ name: 'AcceptRelationshipResult', types: () => [SimTenantSaved, NotFound] as const });

@Resolver()
export class SimulatorResolver {
  @RequirePermission(Permission.SignedIn)
  @Query(() => DistributorLinks)
  distributorLinks(@Ctx() { app }: Context): DistributorLinks {
    const id = app.config.distributorPartnerId;
    return { customerAuthorisation: customerAuthorisationUrl(id), resellerRelationshipRequest: relationshipRequestUrl(id) };
  }

  @RequirePermission(Permission.SimulatorManage)
  @Query(() => [SimPartner], { description: 'Partners (MPN IDs) the Partner Center simulator knows.' })
  simPartners(@Ctx() { app }: Context): Promise<SimPartner[]> {
    return app.simulator.partners();
  }

  @RequirePermission(Permission.SimulatorManage)
  @Query(() => [SimTenant], { description: 'Tenants the Partner Center simulator knows.' })
  async simTenants(@Ctx() { app }: Context): Promise<SimTenant[]> {
    return (await app.simulator.tenants()).map(toSimTenant);
  }

  @RequirePermission(Permission.SimulatorManage)
  @Mutation(() => SaveSimPartnerResult)
  async saveSimPartner(@Arg('input', () => SimPartnerInput) input: SimPartnerInput, @Ctx() { app, actor }: Context): Promise<typeof SaveSimPartnerResult> {
    const result = await app.simulator.savePartner(actor, { ...input, kind: input.kind as 'LOCATION' | 'GLOBAL' });
    return result.ok ? Object.assign(new SimPartnerSaved(), { partner: result.value }) : ValidationFailed.of(result.fields);
  }

  @RequirePermission(Permission.SimulatorManage)
  @Mutation(() => SaveSimTenantResult)
  async saveSimTenant(@Arg('input', () => SimTenantInput) input: SimTenantInput, @Ctx() { app, actor }: Context): Promise<typeof SaveSimTenantResult> {
    const result = await app.simulator.saveTenant(actor, input);
    return result.ok ? Object.assign(new SimTenantSaved(), { tenant: toSimTenant(result.value) }) : ValidationFailed.of(result.fields);
  }

  @RequirePermission(Permission.SimulatorManage)
  @Mutation(() => AcceptRelationshipResult, { description: 'Simulates the customer’s global admin accepting the authorisation link.' })
  async acceptTenantRelationship(
    @Arg('domain', () => Code) domain: string,
    @Arg('indirectReseller', () => Code, { nullable: true, description: 'The MPN location ID of the indirect reseller the accepted invitation names.' }) indirectReseller: string | null,
    @Ctx() { app, actor }: Context,
  ): Promise<typeof AcceptRelationshipResult> {
    const tenant = await app.simulator.acceptRelationship(actor, domain, indirectReseller);
    return tenant ? Object.assign(new SimTenantSaved(), { tenant: toSimTenant(tenant) }) : NotFound.of('tenant', domain);
  }
}
