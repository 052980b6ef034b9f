import { customerAuthorisationUrl, relationshipRequestUrl } from '@nce/domain';
import { Arg, Ctx, createUnionType, Field, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import type { Context } from '../context.js';
import { NotFound, ValidationFailed } from '../platform/common.types.js';
import { Permission, RequirePermission } from '../platform/permissions.js';
import type { SimPartnerEntity } from './sim-partner.entity.js';
import type { SimTenantEntity } from './sim-tenant.entity.js';
import { toUnion } from '../platform/result-union.js';
import { coveredResellers } from './simulator.js';
import { Code } from '../platform/text.types.js';
import {
  DriftKindEnum,
  DriftPlanted,
  PlantDriftResult,
  SimPartner,
  SimPartnerInput,
  SimTenant,
  SimTenantInput,
} from './simulator.types.js';

@ObjectType()
class SimPartnerSaved {
  @Field(() => SimPartner)
  partner: SimPartner;

  static of(this: void, partner: SimPartnerEntity): SimPartnerSaved {
    return Object.assign(new SimPartnerSaved(), { partner });
  }
}

@ObjectType()
class SimTenantSaved {
  @Field(() => SimTenant)
  tenant: SimTenant;

  static of(this: void, tenant: SimTenantEntity): SimTenantSaved {
    return Object.assign(new SimTenantSaved(), {
      tenant: { ...tenant, indirectResellers: coveredResellers(tenant.indirectResellers) },
    });
  }
}

@ObjectType({ description: 'The distributor’s Microsoft links, built from its partner ID.' })
class DistributorLinks {
  @Field({ description: 'The universal link a customer’s global admin accepts to authorise the distributor.' })
  customerAuthorisation: string;

  @Field({ description: 'The link a reseller uses to request the relationship with the distributor.' })
  resellerRelationshipRequest: string;
}

const SaveSimPartnerResult = createUnionType({
  name: 'SaveSimPartnerResult',
  types: () => [SimPartnerSaved, ValidationFailed] as const,
});

const SaveSimTenantResult = createUnionType({
  name: 'SaveSimTenantResult',
  types: () => [SimTenantSaved, ValidationFailed] as const,
});
const AcceptRelationshipResult = createUnionType({
  name: 'AcceptRelationshipResult',
  types: () => [SimTenantSaved, NotFound] as const,
});

@Resolver()
export class SimulatorResolver {
  @RequirePermission(Permission.SignedIn)
  @Query(() => DistributorLinks)
  distributorLinks(@Ctx() { app }: Context): DistributorLinks {
    const id = app.config.distributorPartnerId;
    return {
      customerAuthorisation: customerAuthorisationUrl(id),
      resellerRelationshipRequest: relationshipRequestUrl(id),
    };
  }

  @RequirePermission(Permission.SimulatorManage)
  @Query(() => [SimPartner], { description: 'Partners (MPN IDs) the Partner Center simulator knows.' })
  simPartners(@Ctx() ctx: Context): Promise<SimPartner[]> {
    return ctx.app.simulator.partners(ctx);
  }

  @RequirePermission(Permission.SimulatorManage)
  @Query(() => [SimTenant], { description: 'Tenants the Partner Center simulator knows.' })
  async simTenants(@Ctx() ctx: Context): Promise<SimTenant[]> {
    return (await ctx.app.simulator.tenants(ctx)).map((tenant) => SimTenantSaved.of(tenant).tenant);
  }

  @RequirePermission(Permission.SimulatorManage)
  @Mutation(() => SaveSimPartnerResult)
  async saveSimPartner(
    @Arg('input', () => SimPartnerInput) input: SimPartnerInput,
    @Ctx() ctx: Context,
  ): Promise<typeof SaveSimPartnerResult> {
    return toUnion(
      await ctx.app.simulator.savePartner(ctx, { ...input, kind: input.kind as 'LOCATION' | 'GLOBAL' }),
      SimPartnerSaved.of,
      ValidationFailed.from,
    );
  }

  @RequirePermission(Permission.SimulatorManage)
  @Mutation(() => SaveSimTenantResult)
  async saveSimTenant(
    @Arg('input', () => SimTenantInput) input: SimTenantInput,
    @Ctx() ctx: Context,
  ): Promise<typeof SaveSimTenantResult> {
    return toUnion(await ctx.app.simulator.saveTenant(ctx, input), SimTenantSaved.of, ValidationFailed.from);
  }

  @RequirePermission(Permission.SimulatorManage)
  @Mutation(() => AcceptRelationshipResult, {
    description: 'Simulates the customer’s global admin accepting the authorisation link.',
  })
  async acceptTenantRelationship(
    @Arg('domain', () => Code) domain: string,
    @Arg('indirectReseller', () => Code, {
      nullable: true,
      description: 'The MPN location ID of the indirect reseller the accepted invitation names.',
    })
    indirectReseller: string | null,
    @Ctx() ctx: Context,
  ): Promise<typeof AcceptRelationshipResult> {
    return toUnion(
      await ctx.app.simulator.acceptRelationship(ctx, domain, indirectReseller),
      SimTenantSaved.of,
      NotFound.from,
    );
  }

  @RequirePermission(Permission.SimulatorManage)
  @Mutation(() => PlantDriftResult, {
    description:
      'Changes a subscription in the simulated Partner Center as if done there directly, for the drift check.',
  })
  async plantSimulatorDrift(
    @Arg('subscriptionId', () => Code, { description: 'Partner Center’s subscription id.' }) subscriptionId: string,
    @Arg('kind', () => DriftKindEnum) kind: DriftKindEnum,
    @Ctx() ctx: Context,
  ): Promise<typeof PlantDriftResult> {
    return toUnion(await ctx.app.simulator.plantDrift(ctx, subscriptionId, kind), DriftPlanted.of, NotFound.from);
  }
}
