import { createHmac } from 'node:crypto';
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { isPrivateAddress } from '@nce/domain';

/** How long an endpoint has to answer a delivery. */
export const DELIVERY_TIMEOUT_MS = 10_000;

/**
 * The signature of a delivery: HMAC-SHA256 over `<timestamp>.<body>` with the endpoint's secret, hex. Receivers
 * recompute it and refuse old timestamps (replays of a captured request).
 */
export const webhookSignature = (secret: string, timestamp: number, body: string): string =>
  createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');

export interface DeliveryRequest {
  url: string;
  secret: string;
  deliveryId: string;
  eventType: string;
  /** Seconds since the epoch, by the app's clock. */
  timestamp: number;
  body: string;
}

export interface DeliveryAnswer {
  /** Null: no answer (refused, unreachable, timed out). */
  statusCode: number | null;
  /** The answer's first characters, or why there was none. */
  text: string;
}

/** Sends deliveries to systems outside: the real one posts over HTTP(S); tests may put another in its place. */
export interface WebhookSender {
  send(request: DeliveryRequest): Promise<DeliveryAnswer>;
}

/**
 * Posts each delivery, signed, with a deadline and no redirects followed. Unless private targets are allowed
 * (tests), the host's addresses are resolved first and a delivery to a private, loopback or link-local one is not
 * made (an endpoint's name may come to point inside the network after it was registered).
 */
export class HttpWebhookSender implements WebhookSender {
  constructor(private readonly allowPrivateTargets: boolean) {}

  async send(request: DeliveryRequest): Promise<DeliveryAnswer> {
    const url = new URL(request.url);
    if (!this.allowPrivateTargets) {
      const host = url.hostname.replace(/^\[|\]$/g, '');
      const addresses = isIP(host) ? [host] : (await lookup(host, { all: true }).catch(() => [])).map((a) => a.address);
      if (addresses.length === 0) return { statusCode: null, text: `${host} does not resolve.` };
      if (addresses.some(isPrivateAddress))
        return { statusCode: null, text: `${host} resolves to a private address; not delivered.` };
    }
    try {
      const response = await fetch(url, {
        method: 'POST',
        redirect: 'manual',
        signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
        headers: {
          'content-type': 'application/json',
          'user-agent': 'nce-marketplace-webhooks/1',
          'x-nce-event': request.eventType,
          'x-nce-delivery': request.deliveryId,
          'x-nce-timestamp': String(request.timestamp),
          'x-nce-signature': `v1=${webhookSignature(request.secret, request.timestamp, request.body)}`,
        },
        body: request.body,
      });
      const text = (await response.text().catch(() => '')).slice(0, 500);
      return { statusCode: response.status, text };
    } catch (error) {
      const reason = error instanceof Error && error.name === 'TimeoutError' ? 'no answer in 10 s' : 'unreachable';
      return {
        statusCode: null,
        text: `${reason}: ${error instanceof Error ? error.message : String(error)}`.slice(0, 500),
      };
    }
  }
}
