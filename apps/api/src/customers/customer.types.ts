import type { CustomerSegment } from '@nce/domain';
import { createUnionType, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '../platform/page-info.types.js';
import { NotFound, ValidationFailed, VersionConflict } from '../platform/common.types.js';
import { CustomerSegmentEnum } from '../platform/graphql-enums.js';
import { Address, AddressInput, Contact, ContactInput } from '../platform/address.types.js';
import { Code, ShortText } from '../platform/text.types.js';
import { sortEnum } from '../platform/list-sort.js';
import { CUSTOMER_SORTS } from './customer.service.js';
import type { CustomerEntity } from './customer.entity.js';

export const CustomerSortEnum = sortEnum(
  'CustomerSort',
  CUSTOMER_SORTS,
  'What a customer list is sorted on; NAME (A→Z) unless asked.',
);

@ObjectType({ description: 'A reseller’s end customer.' })
export class Customer {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  resellerId: string;

  @Field(() => CustomerSegmentEnum)
  segment: CustomerSegment;

  @Field()
  companyName: string;

  @Field(() => Address)
  address: Address;

  @Field(() => Contact, { description: 'Emailed with retrieval instructions once licences are provisioned.' })
  adminContact: Contact;

  @Field(() => String, { nullable: true, description: 'Optional; not required for Microsoft.' })
  vendorContractId: string | null;

  @Field({ description: 'The customer-portal login (unique across all customers).' })
  portalLogin: string;

  @Field()
  createdAt: string;

  @Field(() => Int)
  version: number;

  static of(this: void, c: CustomerEntity): Customer {
    return Object.assign(new Customer(), {
      ...c,
    });
  }
}

@ObjectType()
export class CustomerConnection {
  @Field(() => [Customer])
  nodes: Customer[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;
}

@InputType()
export class CustomerInput {
  @Field(() => CustomerSegmentEnum)
  segment: CustomerSegment;

  @Field(() => ShortText)
  companyName: string;

  @Field(() => AddressInput)
  address: AddressInput;

  @Field(() => ContactInput)
  adminContact: ContactInput;

  @Field(() => Code)
  portalLogin: string;

  @Field(() => Code, { nullable: true })
  vendorContractId?: string | null;
}

@ObjectType()
export class CustomerSaved {
  @Field(() => Customer)
  customer: Customer;

  static of(this: void, customer: CustomerEntity): CustomerSaved {
    return Object.assign(new CustomerSaved(), { customer: Customer.of(customer) });
  }
}

@ObjectType({ description: 'A secret shown once to a permitted user; the reveal is audited.' })
export class RevealedSecret {
  @Field(() => String, { nullable: true })
  user: string | null;

  @Field()
  value: string;
}

export const SaveCustomerResult = createUnionType({
  name: 'SaveCustomerResult',
  types: () => [CustomerSaved, ValidationFailed, VersionConflict, NotFound] as const,
});
