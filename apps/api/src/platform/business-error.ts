import { Field, InterfaceType, ObjectType, registerEnumType } from 'type-graphql';

export enum FixKind {
  LINK = 'link',
  FIELD = 'field',
  ACTION = 'action',
}
registerEnumType(FixKind, { name: 'FixKind', description: 'How a business error can be put right.' });

@ObjectType({
  description: 'How to put a business error right: a link to follow, a field to change, or an action to take.',
})
export class Fix {
  @Field(() => FixKind)
  kind: FixKind;

  @Field()
  label: string;

  @Field(() => String, { nullable: true })
  href?: string | null;

  @Field(() => String, { nullable: true, description: 'The input field at fault.' })
  field?: string | null;
}

/** An expected business failure (not a bug): a member of an operation's result union. */
@InterfaceType({
  description: 'An expected business failure, with a stable code, a human message and, where there is one, the fix.',
})
export abstract class BusinessError {
  @Field({ description: 'Stable, machine-readable code.' })
  code: string;

  @Field()
  message: string;

  @Field(() => Fix, { nullable: true })
  fix?: Fix | null;
}
