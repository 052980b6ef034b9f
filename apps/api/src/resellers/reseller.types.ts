import { createUnionType, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PageInfo } from '../platform/page-info.types.js';
import type { PrePurchaseCheck as DomainCheck } from '@nce/domain';
import { Fix } from '../platform/business-error.js';
import { toFix } from '../platform/common.types.js';
import type { ResellerEntity } from './reseller.entity.js';
import { NotFound, ValidationFailed, VersionConflict } from '../platform/common.types.js';
import { User } from '../staff/index.js';
import { Code, ShortText } from '../platform/text.types.js';
import { Address, AddressInput, Contact, ContactInput } from '../platform/address.types.js';
import { sortEnum } from '../platform/list-sort.js';
import { RESELLER_SORTS } from './reseller.service.js';

export const ResellerSortEnum = sortEnum(
  'ResellerSort',
  RESELLER_SORTS,
  'What a reseller list is sorted on; NAME (A→Z) unless asked.',
);

export enum ResellerStatusEnum {
  PENDING_ACTIVATION = 'PENDING_ACTIVATION',
  ACTIVE = 'ACTIVE',
  SUSPENDED = 'SUSPENDED',
}
registerEnumType(ResellerStatusEnum, { name: 'ResellerStatus' });

export enum CheckStatusEnum {
  PASS = 'PASS',
  FAIL = 'FAIL',
  UNKNOWN = 'UNKNOWN',
}
registerEnumType(CheckStatusEnum, { name: 'CheckStatus' });

@ObjectType({ description: 'One of the four pre-purchase checks, with the reason and fix when it did not pass.' })
export class PrePurchaseCheck {
  @Field()
  code: string;

  @Field()
  label: string;

  @Field(() => CheckStatusEnum)
  status: CheckStatusEnum;

  @Field()
  reason: string;

  @Field(() => Fix, { nullable: true })
  fix: Fix | null;

  static of(this: void, check: DomainCheck): PrePurchaseCheck {
    return Object.assign(new PrePurchaseCheck(), {
      ...check,
      status: check.status as CheckStatusEnum,
      fix: toFix(check.fix),
    });
  }
}

@ObjectType({ description: 'The activation "order" of a reseller account; not a purchase.' })
export class Activation {
  @Field()
  status: string;

  @Field()
  requestedAt: string;

  @Field()
  completesAfter: string;

  @Field(() => String, { nullable: true })
  completedAt: string | null;
}

@ObjectType()
export class Reseller {
  @Field(() => ID)
  id: string;

  @Field()
  companyName: string;

  @Field({ description: 'The marketplace (reseller) ID.' })
  marketplaceId: string;

  @Field({ description: 'The distributor account number.' })
  bcn: string;

  @Field(() => ResellerStatusEnum)
  status: ResellerStatusEnum;

  @Field(() => Address)
  address: Address;

  @Field(() => Contact)
  contact: Contact;

  @Field({ description: 'CREDIT_CARD by default; TERMS after an approved terms request.' })
  paymentMethod: string;

  @Field(() => String, { nullable: true, description: 'The MPN location ID, remembered once entered.' })
  mpnLocationId: string | null;

  @Field(() => String, { nullable: true, description: 'The indirect reseller .onmicrosoft.com domain.' })
  resellerDomain: string | null;

  @Field(() => [PrePurchaseCheck], { description: 'The four checks as last run.' })
  checks: PrePurchaseCheck[];

  @Field(() => String, { nullable: true })
  checksAt: string | null;

  @Field()
  createdAt: string;

  @Field(() => Int)
  version: number;

  // Resolved per reseller, batched: see ResellerFieldsResolver.
  activation?: Activation | null;
  users?: User[];

  static of(this: void, r: ResellerEntity): Reseller {
    return Object.assign(new Reseller(), {
      ...r,
      checks: r.checks ? (JSON.parse(r.checks) as DomainCheck[]).map(PrePurchaseCheck.of) : [],
    });
  }
}

@ObjectType()
export class ResellerConnection {
  @Field(() => [Reseller])
  nodes: Reseller[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;
}

@InputType()
export class ResellerInput {
  @Field(() => ShortText)
  companyName: string;

  @Field(() => Code)
  marketplaceId: string;

  @Field(() => Code)
  bcn: string;

  @Field(() => AddressInput)
  address: AddressInput;

  @Field(() => ContactInput)
  contact: ContactInput;
}

@ObjectType()
export class ResellerSaved {
  @Field(() => Reseller)
  reseller: Reseller;

  static of(this: void, reseller: ResellerEntity): ResellerSaved {
    return Object.assign(new ResellerSaved(), { reseller: Reseller.of(reseller) });
  }
}

@ObjectType()
export class ResellerChecks {
  @Field(() => [PrePurchaseCheck])
  checks: PrePurchaseCheck[];

  @Field(() => String, { nullable: true })
  checkedAt: string | null;

  static of(result: { checks: DomainCheck[]; checkedAt: string | null } | null): ResellerChecks | null {
    return result && { checks: result.checks.map(PrePurchaseCheck.of), checkedAt: result.checkedAt };
  }
}

export const SaveResellerResult = createUnionType({
  name: 'SaveResellerResult',
  types: () => [ResellerSaved, ValidationFailed, VersionConflict, NotFound] as const,
});
