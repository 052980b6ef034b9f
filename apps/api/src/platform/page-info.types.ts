import { Field, ObjectType } from 'type-graphql';

/** Where a keyset-paged list stands: whether more follow, and the cursor to ask for them. */
@ObjectType({ simpleResolvers: true })
export class PageInfo {
  @Field()
  hasNextPage: boolean;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}
