import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'Which Partner Center the marketplace talks to.' })
export class PartnerCenterConnectionInfo {
  @Field({ description: 'SIMULATOR (built in) or LIVE (Microsoft’s REST API).' })
  mode: string;

  @Field(() => String, { nullable: true })
  baseUrl: string | null;

  @Field(() => String, { nullable: true, description: 'The distributor’s Microsoft Entra tenant.' })
  tenant: string | null;

  @Field(() => String, { nullable: true })
  appId: string | null;

  @Field(() => String, { nullable: true, description: 'When Microsoft last rotated the refresh token.' })
  tokenRotatedAt: string | null;
}

@ObjectType({ description: 'The answer of a call to Partner Center that changes nothing.' })
export class PartnerCenterConnectionTest {
  @Field()
  ok: boolean;

  @Field()
  message: string;

  @Field(() => Int)
  milliseconds: number;
}
