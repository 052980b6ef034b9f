import { Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../context.js';
import { RequirePermission } from '../platform/permissions.js';
import { PartnerCenterPermission } from './connection.service.js';
import { PartnerCenterConnectionInfo, PartnerCenterConnectionTest } from './connection.types.js';

@Resolver()
export class PartnerCenterConnectionResolver {
  @RequirePermission(PartnerCenterPermission.Connection)
  @Query(() => PartnerCenterConnectionInfo, { description: 'Which Partner Center is in use (staff).' })
  partnerCenterConnection(@Ctx() ctx: Context): Promise<PartnerCenterConnectionInfo> {
    return ctx.app.partnerCenterConnection.describe(ctx);
  }

  @RequirePermission(PartnerCenterPermission.Connection)
  @Mutation(() => PartnerCenterConnectionTest, { description: 'Signs in to Partner Center and reads our profile.' })
  testPartnerCenterConnection(@Ctx() ctx: Context): Promise<PartnerCenterConnectionTest> {
    return ctx.app.partnerCenterConnection.test(ctx);
  }
}
