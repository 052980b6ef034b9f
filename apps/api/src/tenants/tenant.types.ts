import { createUnionType, Field, ObjectType } from 'type-graphql';
import type { TenantOptions, Verdict as DomainVerdict } from '@nce/domain';
import { BusinessError, Fix } from '../platform/business-error.js';
import { toFix } from '../platform/common.types.js';
import { detailsOf, type Failure } from '../platform/result.js';
import type { CustomerTenantEntity } from './customer-tenant.entity.js';
import type { TenantRefusal } from './tenant.service.js';

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

  static of(this: void, v: DomainVerdict): Verdict {
    return Object.assign(
      new Verdict(),
      v.allowed
        ? { allowed: true, code: null, message: null, fix: null }
        : { allowed: false, code: v.code, message: v.message, fix: toFix(v.fix) },
    );
  }
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

  static of(this: void, t: CustomerTenantEntity): CustomerTenant {
    return Object.assign(new CustomerTenant(), t);
  }
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

  static of(options: TenantOptions | null): TenantChoices | null {
    return (
      options && {
        createNew: Verdict.of(options.createNew),
        useExisting: Verdict.of(options.useExisting),
        recommended: options.recommended,
        explanation: options.explanation,
      }
    );
  }
}

@ObjectType()
export class TenantSaved {
  @Field(() => CustomerTenant)
  tenant: CustomerTenant;

  static of(this: void, tenant: CustomerTenantEntity): TenantSaved {
    return Object.assign(new TenantSaved(), { tenant: CustomerTenant.of(tenant) });
  }
}

@ObjectType({
  implements: BusinessError,
  description: 'The tenant choice was refused; for a taken domain, free alternatives.',
})
export class TenantRefused extends BusinessError {
  @Field(() => [String])
  suggestions: string[];

  static from(this: void, failure: Failure): TenantRefused {
    return Object.assign(new TenantRefused(), {
      code: failure.code,
      message: failure.message,
      fix: toFix(failure.fix),
      suggestions: detailsOf<TenantRefusal>(failure).suggestions ?? [],
    });
  }
}

export const TenantResult = createUnionType({
  name: 'TenantResult',
  types: () => [TenantSaved, TenantRefused] as const,
});
