import { createUnionType, Field, ObjectType } from 'type-graphql';
import { BusinessError, Fix } from '../platform/business-error.js';

@ObjectType({ description: 'A decision: allowed, or refused with a code, the reason and the fix.' })
export class Verdict {
  @Field()
  allowed: boolean;

  @Field(() => String, { nullable: true })
  code: string | null;

  @Field(() => String, { nullable: true })
  message: string | null;

  @Field(() => Fix, { nullable: true })
  fix: Fix | null;
}

@ObjectType({ description: 'Where a customer’s licences go and the Partner-of-Record attestation.' })
export class CustomerTenant {
  @Field({ description: 'NEW or EXISTING.' })
  choice: string;

  @Field()
  domain: string;

  @Field({ description: 'REQUESTED (created at provisioning), CREATED, or LINKED (existing, authorised).' })
  state: string;

  @Field(() => String, { nullable: true })
  tenantId: string | null;

  @Field(() => String, { nullable: true, description: 'The new tenant’s admin user ID.' })
  adminUser: string | null;

  @Field(() => String, { nullable: true })
  attestedAt: string | null;

  @Field(() => String, { nullable: true })
  attestedByEmail: string | null;
}

@ObjectType({ description: 'Both tenant choices for a customer, explained.' })
export class TenantChoices {
  @Field(() => Verdict)
  createNew: Verdict;

  @Field(() => Verdict)
  useExisting: Verdict;

  @Field(() => String, { nullable: true, description: 'NEW, EXISTING, or null when neither is possible yet.' })
  recommended: string | null;

  @Field()
  explanation: string;
}

@ObjectType()
export class TenantSaved {
  @Field(() => CustomerTenant)
  tenant: CustomerTenant;
}

@ObjectType({ implements: BusinessError, description: 'The tenant choice was refused; for a taken domain, free alternatives.' })
export class TenantRefused extends BusinessError {
  @Field(() => [String])
  suggestions: string[];
}

export const TenantResult = createUnionType({ name: 'TenantResult', types: () => [TenantSaved, TenantRefused] as const });
