import { createUnionType, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { NotFound, OperationRefused, ValidationFailed } from '../platform/common.types.js';
import { PageInfo } from '../platform/page-info.types.js';
import { Code, FreeText, ShortText } from '../platform/text.types.js';
import type { WebhookDeliveryEntity, WebhookEndpointEntity } from './entities.js';

@ObjectType({ simpleResolvers: true, description: 'A system outside told of events by webhook.' })
export class WebhookEndpoint {
  @Field(() => ID)
  id: string;

  @Field(() => ID, { nullable: true, description: 'Null: the distributor’s own, told of every reseller’s events.' })
  resellerId: string | null;

  @Field()
  url: string;

  @Field(() => [String], { description: 'The event types it listens to.' })
  events: string[];

  @Field()
  description: string;

  @Field()
  createdAt: string;

  @Field()
  createdBy: string;

  static of(this: void, e: WebhookEndpointEntity): WebhookEndpoint {
    return Object.assign(new WebhookEndpoint(), {
      id: e.id,
      resellerId: e.resellerId,
      url: e.url,
      events: e.events.split(','),
      description: e.description,
      createdAt: e.createdAt,
      createdBy: e.createdBy,
    });
  }
}

@ObjectType({ simpleResolvers: true, description: 'An endpoint added, with its signing secret: shown this once.' })
export class WebhookEndpointCreated {
  @Field(() => WebhookEndpoint)
  endpoint: WebhookEndpoint;

  @Field({ description: 'The HMAC-SHA256 key of its signatures; keep it in the receiving system.' })
  secret: string;

  static of(this: void, c: { endpoint: WebhookEndpointEntity; secret: string }): WebhookEndpointCreated {
    return Object.assign(new WebhookEndpointCreated(), { endpoint: WebhookEndpoint.of(c.endpoint), secret: c.secret });
  }
}

@ObjectType({ simpleResolvers: true })
export class WebhookEndpointRemoved {
  @Field(() => ID)
  id: string;

  static of(this: void, e: WebhookEndpointEntity): WebhookEndpointRemoved {
    return Object.assign(new WebhookEndpointRemoved(), { id: e.id });
  }
}

@ObjectType({ simpleResolvers: true, description: 'One event sent to one endpoint, with its last answer.' })
export class WebhookDelivery {
  @Field(() => ID)
  id: string;

  @Field()
  eventType: string;

  @Field({ description: 'PENDING (being tried, retried for a day), DELIVERED or FAILED.' })
  status: string;

  @Field(() => Int)
  attempts: number;

  @Field(() => Int, { nullable: true, description: 'The HTTP status of the last answer; null: none came.' })
  lastStatusCode: number | null;

  @Field(() => String, { nullable: true, description: 'The start of the last answer, or why there was none.' })
  lastResponse: string | null;

  @Field(() => String, { nullable: true })
  lastAttemptAt: string | null;

  @Field(() => String, { nullable: true })
  deliveredAt: string | null;

  @Field(() => ID, { nullable: true, description: 'A replay: the delivery it sends again.' })
  replayOf: string | null;

  @Field({ description: 'The JSON body, as sent.' })
  payload: string;

  @Field()
  createdAt: string;

  static of(this: void, d: WebhookDeliveryEntity): WebhookDelivery {
    return Object.assign(new WebhookDelivery(), {
      id: d.id,
      eventType: d.eventType,
      status: d.status,
      attempts: d.attempts,
      lastStatusCode: d.lastStatusCode,
      lastResponse: d.lastResponse,
      lastAttemptAt: d.lastAttemptAt,
      deliveredAt: d.deliveredAt,
      replayOf: d.replayOf,
      payload: d.payload,
      createdAt: d.createdAt,
    });
  }
}

@ObjectType({ simpleResolvers: true })
export class WebhookDeliveryConnection {
  @Field(() => [WebhookDelivery])
  nodes: WebhookDelivery[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;
}

@ObjectType({ simpleResolvers: true })
export class WebhookDeliveryQueued {
  @Field(() => WebhookDelivery)
  delivery: WebhookDelivery;

  static of(this: void, d: WebhookDeliveryEntity): WebhookDeliveryQueued {
    return Object.assign(new WebhookDeliveryQueued(), { delivery: WebhookDelivery.of(d) });
  }
}

@InputType()
export class WebhookEndpointInput {
  @Field(() => ID, {
    nullable: true,
    description: 'Whose: a reseller (its users: their own); staff blank: the distributor’s.',
  })
  resellerId?: string | null;

  @Field(() => FreeText, { description: 'An https address reachable from the internet.' })
  url: string;

  @Field(() => [Code], { description: 'Event types, e.g. order.placed, subscription.renewed, invoice.issued.' })
  events: string[];

  @Field(() => ShortText, { nullable: true })
  description?: string | null;
}

export const CreateWebhookEndpointResult = createUnionType({
  name: 'CreateWebhookEndpointResult',
  types: () => [WebhookEndpointCreated, ValidationFailed, NotFound, OperationRefused] as const,
});

export const RemoveWebhookEndpointResult = createUnionType({
  name: 'RemoveWebhookEndpointResult',
  types: () => [WebhookEndpointRemoved, NotFound, OperationRefused] as const,
});

export const WebhookDeliveryResult = createUnionType({
  name: 'WebhookDeliveryResult',
  types: () => [WebhookDeliveryQueued, NotFound, OperationRefused] as const,
});
