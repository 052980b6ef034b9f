import { Arg, Ctx, Field, ID, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context.js';
import { RequirePermission } from '../../platform/permissions.js';
import { ShortText } from '../../platform/text.types.js';

@ObjectType()
export class Toy {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field()
  painted: boolean;
}

@Resolver()
export class ToyResolver {
  @RequirePermission('toys:read')
  @Query(() => [Toy])
  toys(@Ctx() ctx: Context): Promise<Toy[]> {
    return ctx.app.toys.list(ctx);
  }

  @RequirePermission('toys:write')
  @Mutation(() => Toy)
  addToy(@Arg('name', () => ShortText) name: string, @Ctx() ctx: Context): Promise<Toy> {
    return ctx.app.toys.add(ctx, name);
  }
}
