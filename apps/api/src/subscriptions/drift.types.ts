import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { DriftCheckEntity } from './drift.entities.js';
import type { DriftItem } from './drift.service.js';

@ObjectType({ simpleResolvers: true, description: 'A field on which a subscription and Partner Center differ.' })
export class DriftDifference {
  @Field(() => ID)
  subscriptionId: string;

  @Field()
  partnerSubscriptionId: string;

  @Field()
  skuTitle: string;

  @Field()
  customerName: string;

  @Field({ description: 'MISSING, QUANTITY, STATUS, AUTO_RENEW or TERM_END.' })
  field: string;

  @Field({ description: 'Ours.' })
  ours: string;

  @Field({ description: 'Partner Center’s.' })
  theirs: string;

  @Field({ description: 'What to do about it.' })
  fix: string;
}

@ObjectType({ simpleResolvers: true, description: 'A comparison of every active subscription with Partner Center.' })
export class DriftCheck {
  @Field(() => ID)
  id: string;

  @Field({ description: 'RUNNING or DONE.' })
  status: string;

  @Field()
  startedAt: string;

  @Field()
  startedBy: string;

  @Field(() => String, { nullable: true })
  finishedAt: string | null;

  @Field(() => Int)
  checked: number;

  @Field(() => Int, { description: 'Differences found (all of them; `items` lists the first 500 at most).' })
  differences: number;

  @Field(() => [DriftDifference])
  items: DriftDifference[];

  static of(this: void, c: { check: DriftCheckEntity; items: DriftItem[] }): DriftCheck {
    return Object.assign(new DriftCheck(), {
      ...c.check,
      items: c.items.map((i) => Object.assign(new DriftDifference(), i)),
    });
  }
}
