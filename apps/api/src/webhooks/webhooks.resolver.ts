import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../context.js';
import { RequirePermission } from '../platform/permissions.js';
import { toUnion } from '../platform/result-union.js';
import { Cursor } from '../platform/text.types.js';
import { WebhooksPermission } from './webhook.service.js';
import {
  CreateWebhookEndpointResult,
  RemoveWebhookEndpointResult,
  WebhookDelivery,
  WebhookDeliveryConnection,
  WebhookDeliveryQueued,
  WebhookDeliveryResult,
  WebhookEndpoint,
  WebhookEndpointCreated,
  WebhookEndpointInput,
  WebhookEndpointRemoved,
} from './webhooks.types.js';

@Resolver(() => WebhookEndpoint)
export class WebhooksResolver {
  @RequirePermission(WebhooksPermission.Manage)
  @Query(() => [WebhookEndpoint], {
    description: 'Webhook endpoints: a reseller’s (its users: their own), or staff with no reseller the distributor’s.',
  })
  async webhookEndpoints(
    @Ctx() ctx: Context,
    @Arg('resellerId', () => ID, { nullable: true }) resellerId?: string | null,
  ): Promise<WebhookEndpoint[]> {
    return (await ctx.app.webhooks.list(ctx, resellerId ?? null)).map(WebhookEndpoint.of);
  }

  @RequirePermission(WebhooksPermission.Manage)
  @Query(() => WebhookDeliveryConnection, { nullable: true, description: 'An endpoint’s deliveries, newest first.' })
  async webhookDeliveries(
    @Arg('endpointId', () => ID) endpointId: string,
    @Arg('first', () => Int) first: number,
    @Ctx() ctx: Context,
    @Arg('after', () => Cursor, { nullable: true }) after?: string | null,
  ): Promise<WebhookDeliveryConnection | null> {
    const page = await ctx.app.webhooks.deliveries(ctx, endpointId, first, after);
    return (
      page && {
        nodes: page.deliveries.map(WebhookDelivery.of),
        pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
      }
    );
  }

  @RequirePermission(WebhooksPermission.Manage)
  @Mutation(() => CreateWebhookEndpointResult, { description: 'Adds an endpoint; its signing secret is shown once.' })
  async createWebhookEndpoint(
    @Arg('input', () => WebhookEndpointInput) input: WebhookEndpointInput,
    @Ctx() ctx: Context,
  ): Promise<typeof CreateWebhookEndpointResult> {
    return toUnion(
      await ctx.app.webhooks.create(ctx, {
        resellerId: input.resellerId ?? null,
        url: input.url,
        events: input.events,
        description: input.description ?? '',
      }),
      WebhookEndpointCreated.of,
    );
  }

  @RequirePermission(WebhooksPermission.Manage)
  @Mutation(() => RemoveWebhookEndpointResult, { description: 'Stops sending to an endpoint.' })
  async removeWebhookEndpoint(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: Context,
  ): Promise<typeof RemoveWebhookEndpointResult> {
    return toUnion(await ctx.app.webhooks.remove(ctx, id), WebhookEndpointRemoved.of);
  }

  @RequirePermission(WebhooksPermission.Manage)
  @Mutation(() => WebhookDeliveryResult, { description: 'Sends a delivery’s event again, as a new delivery.' })
  async replayWebhookDelivery(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: Context,
  ): Promise<typeof WebhookDeliveryResult> {
    return toUnion(await ctx.app.webhooks.replay(ctx, id), WebhookDeliveryQueued.of);
  }

  @RequirePermission(WebhooksPermission.Manage)
  @Mutation(() => WebhookDeliveryResult, { description: 'Sends a test (ping) event to an endpoint.' })
  async sendTestWebhook(
    @Arg('endpointId', () => ID) endpointId: string,
    @Ctx() ctx: Context,
  ): Promise<typeof WebhookDeliveryResult> {
    return toUnion(await ctx.app.webhooks.ping(ctx, endpointId), WebhookDeliveryQueued.of);
  }
}
