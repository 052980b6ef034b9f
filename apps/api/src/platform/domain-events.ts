import type { WebhookEventType } from '@nce/domain';
import type { Transactional } from './request-context.js';

/** Something that happened that systems outside the product may be told of (webhooks). */
export interface DomainEvent {
  type: WebhookEventType;
  /** The reseller it concerns; null when the subject names it (a subscription's event log entry). */
  resellerId: string | null;
  subject: { type: 'order' | 'subscription' | 'invoice'; id: string };
  /** ISO instant. */
  at: string;
  data: Record<string, unknown>;
  /** Names the event for good: published again (a job run again after a crash), it is delivered once. */
  key?: string;
}

export type EventSink = (tx: Transactional, events: readonly DomainEvent[]) => Promise<void>;

/**
 * Events published in the transaction of the change that raised them: a later context's sink (webhooks) writes its
 * outbox there, so an event exists exactly when its change committed. Publishing with no sink costs nothing.
 */
export class DomainEvents {
  private readonly sinks: EventSink[] = [];

  subscribe(sink: EventSink): void {
    this.sinks.push(sink);
  }

  async publish(tx: Transactional, events: readonly DomainEvent[]): Promise<void> {
    if (events.length === 0) return;
    for (const sink of this.sinks) await sink(tx, events);
  }
}
