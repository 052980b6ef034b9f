import { Arg, createUnionType, Ctx, Field, FieldResolver, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import type { Context } from '../context.js';
import { ValidationFailed } from '../platform/common.types.js';
import { Permission, RequirePermission } from '../platform/permissions.js';
import { toUnion } from '../platform/result-union.js';
import { Code } from '../platform/text.types.js';
import { Me } from './identity.types.js';

@ObjectType({ simpleResolvers: true, description: 'One kind of email, on or off for the signed-in user.' })
export class NotificationSetting {
  @Field({ description: 'SUBSCRIPTION_WINDOW, SUBSCRIPTION_RENEWAL or SUBSCRIPTION_TRIAL.' })
  topic: string;

  @Field()
  label: string;

  @Field()
  description: string;

  @Field()
  enabled: boolean;
}

@ObjectType({ description: 'The user’s email choices, as saved.' })
export class NotificationSettingsSaved {
  @Field(() => [NotificationSetting])
  settings: NotificationSetting[];
}

export const NotificationSettingResult = createUnionType({
  name: 'NotificationSettingResult',
  types: () => [NotificationSettingsSaved, ValidationFailed] as const,
});

const settingOf = (s: NotificationSetting) => Object.assign(new NotificationSetting(), s);

@Resolver(() => Me)
export class NotificationSettingsResolver {
  @FieldResolver(() => [NotificationSetting], { description: 'Which emails the user gets.' })
  async notificationSettings(@Root() _me: Me, @Ctx() ctx: Context): Promise<NotificationSetting[]> {
    return (await ctx.app.notificationSettings.mine(ctx)).map(settingOf);
  }

  @RequirePermission(Permission.SignedIn)
  @Mutation(() => NotificationSettingResult, { description: 'Turns one kind of email on or off for yourself.' })
  async setNotificationSetting(
    @Arg('topic', () => Code) topic: string,
    @Arg('enabled') enabled: boolean,
    @Ctx() ctx: Context,
  ): Promise<typeof NotificationSettingResult> {
    return toUnion(
      await ctx.app.notificationSettings.set(ctx, topic, enabled),
      (settings) => Object.assign(new NotificationSettingsSaved(), { settings: settings.map(settingOf) }),
      ValidationFailed.from,
    );
  }
}
