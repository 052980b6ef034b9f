import { createUnionType, Field, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { NotFound } from '../platform/common.types.js';
import { Code, ShortText } from '../platform/text.types.js';

@ObjectType({ description: 'A partner as the Partner Center simulator knows it.' })
export class SimPartner {
  @Field()
  mpnId: string;

  @Field()
  companyName: string;

  @Field({ description: 'LOCATION or GLOBAL.' })
  kind: string;

  @Field()
  cspIndirectReseller: boolean;

  @Field()
  relationshipWithDistributor: boolean;

  @Field(() => String, { nullable: true })
  tenantDomain: string | null;
}

@InputType()
export class SimPartnerInput {
  @Field(() => Code)
  mpnId: string;

  @Field(() => ShortText)
  companyName: string;

  @Field(() => Code)
  kind: string;

  @Field()
  cspIndirectReseller: boolean;

  @Field()
  relationshipWithDistributor: boolean;

  @Field(() => Code, { nullable: true })
  tenantDomain?: string | null;
}

@ObjectType({ description: 'A Microsoft tenant as the Partner Center simulator knows it.' })
export class SimTenant {
  @Field()
  domain: string;

  @Field()
  tenantId: string;

  @Field()
  companyName: string;

  @Field()
  government: boolean;

  @Field({ description: 'Whether its global admin accepted the distributor.' })
  relationshipAccepted: boolean;

  @Field(() => [String], { description: 'MPN location IDs of the indirect resellers the relationship covers.' })
  indirectResellers: string[];

  @Field()
  createdByMarketplace: boolean;

  @Field({ description: 'Injected failure: provisioning into this tenant fails.' })
  provisioningFails: boolean;

  @Field({
    description:
      'How changes to its subscriptions are answered: ACCEPT, REFUSE, BUSY (retry later) or NO_UPGRADES (no upgrade is eligible).',
  })
  subscriptionChanges: string;
}

@InputType()
export class SimTenantInput {
  @Field(() => Code)
  domain: string;

  @Field(() => ShortText)
  companyName: string;

  @Field()
  government: boolean;

  @Field()
  relationshipAccepted: boolean;

  @Field(() => [Code], {
    nullable: true,
    description: 'MPN location IDs of the indirect resellers the relationship covers; unchanged when omitted.',
  })
  indirectResellers?: string[] | null;

  @Field(() => Boolean, { nullable: true })
  provisioningFails?: boolean | null;

  @Field(() => Code, { nullable: true, description: 'ACCEPT, REFUSE, BUSY or NO_UPGRADES; unchanged when omitted.' })
  subscriptionChanges?: string | null;
}

export enum DriftKindEnum {
  QUANTITY = 'QUANTITY',
  AUTO_RENEW = 'AUTO_RENEW',
  TERM_END = 'TERM_END',
  MISSING = 'MISSING',
}
registerEnumType(DriftKindEnum, {
  name: 'DriftKind',
  description: 'A change made in Partner Center directly: a seat added, auto-renew turned, the term end moved, gone.',
});

@ObjectType({ simpleResolvers: true })
export class DriftPlanted {
  @Field()
  subscriptionId: string;

  @Field()
  kind: string;

  static of(this: void, d: { subscriptionId: string; kind: string }): DriftPlanted {
    return Object.assign(new DriftPlanted(), d);
  }
}

export const PlantDriftResult = createUnionType({
  name: 'PlantDriftResult',
  types: () => [DriftPlanted, NotFound] as const,
});
