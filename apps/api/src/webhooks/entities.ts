import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A system outside that is told of events by webhook: a reseller's own (its PSA, billing), or the distributor's. */
@Entity('webhook_endpoint')
@Index('ix_webhook_endpoint_reseller', ['resellerId'])
export class WebhookEndpointEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  /** Null: the distributor's own endpoint, told of every reseller's events. */
  @Column({ name: 'reseller_id', type: 'varchar', length: 36, nullable: true })
  resellerId: string | null;

  @Column({ type: 'varchar', length: 2000 })
  url: string;

  /** The event types it listens to, comma-separated. */
  @Column({ type: 'varchar', length: 1000 })
  events: string;

  @Column({ type: 'varchar', length: 200 })
  description: string;

  /** The signing secret, encrypted (SecretBox): shown once when the endpoint is added. */
  @Column({ name: 'secret_encrypted', type: 'varchar', length: 500 })
  secretEncrypted: string;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ name: 'created_at', type: 'varchar', length: 30 })
  createdAt: string;

  @Column({ name: 'created_by', type: 'varchar', length: 254 })
  createdBy: string;
}

export type DeliveryStatus = 'PENDING' | 'DELIVERED' | 'FAILED';

/**
 * One event for one endpoint: written in the transaction of the change that raised the event (the outbox), sent by
 * a job, retried with backoff for a day, each attempt's answer kept. Unique by endpoint and event key.
 */
@Entity('webhook_delivery')
@Index('ux_webhook_delivery_event', ['endpointId', 'eventKey'], { unique: true })
@Index('ix_webhook_delivery_endpoint', ['endpointId', 'createdAt'])
export class WebhookDeliveryEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'endpoint_id', type: 'varchar', length: 36 })
  endpointId: string;

  /** The event's key: the same event (or a replay's own key) is one delivery. */
  @Column({ name: 'event_key', type: 'varchar', length: 200 })
  eventKey: string;

  @Column({ name: 'event_type', type: 'varchar', length: 40 })
  eventType: string;

  /** The JSON body sent, byte for byte on every attempt. */
  @Column({ type: 'text' })
  payload: string;

  @Column({ type: 'varchar', length: 12 })
  status: DeliveryStatus;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ name: 'last_status_code', type: 'integer', nullable: true })
  lastStatusCode: number | null;

  /** The start of the last answer, or why there was none. */
  @Column({ name: 'last_response', type: 'varchar', length: 500, nullable: true })
  lastResponse: string | null;

  @Column({ name: 'last_attempt_at', type: 'varchar', length: 30, nullable: true })
  lastAttemptAt: string | null;

  @Column({ name: 'delivered_at', type: 'varchar', length: 30, nullable: true })
  deliveredAt: string | null;

  /** A replay: the delivery it sends again. */
  @Column({ name: 'replay_of', type: 'varchar', length: 36, nullable: true })
  replayOf: string | null;

  @Column({ name: 'created_at', type: 'varchar', length: 30 })
  createdAt: string;
}
