import { Field, InputType, ObjectType } from 'type-graphql';
import { Code, EmailText, ShortText } from './text.types.js';

/** A postal address and a contact person, as resellers, customers and terms requests all carry them. */
@ObjectType()
export class Address {
  @Field()
  line1: string;

  @Field(() => String, { nullable: true })
  line2: string | null;

  @Field()
  city: string;

  @Field(() => String, { nullable: true })
  region: string | null;

  @Field()
  postalCode: string;

  @Field()
  country: string;
}

@InputType()
export class AddressInput {
  @Field(() => ShortText)
  line1: string;

  @Field(() => ShortText, { nullable: true })
  line2?: string | null;

  @Field(() => ShortText)
  city: string;

  @Field(() => ShortText, { nullable: true })
  region?: string | null;

  @Field(() => Code)
  postalCode: string;

  @Field(() => Code)
  country: string;
}

@ObjectType()
export class Contact {
  @Field()
  name: string;

  @Field()
  email: string;

  @Field()
  phone: string;
}

@InputType()
export class ContactInput {
  @Field(() => ShortText)
  name: string;

  @Field(() => EmailText)
  email: string;

  @Field(() => Code)
  phone: string;
}
