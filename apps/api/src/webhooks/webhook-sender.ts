import { createHmac } from 'node:crypto';
import { lookup as dnsLookup, type LookupAddress, type LookupAllOptions, type LookupOneOptions } from 'node:dns';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { isPrivateAddress } from '@nce/domain';

/** How long an endpoint has to answer a delivery. */
export const DELIVERY_TIMEOUT_MS = 10_000;
/** How much of an answer is kept with the delivery. */
const KEPT_ANSWER_CHARS = 500;

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
  /** Null: no answer (refused, unreachable, timed out, a private address). */
  statusCode: number | null;
  /** The answer's first characters, or why there was none. */
  text: string;
}

/** Sends deliveries to systems outside: the real one posts over HTTP(S); tests may put another in its place. */
export interface WebhookSender {
  send(request: DeliveryRequest): Promise<DeliveryAnswer>;
}

class PrivateAddressRefused extends Error {}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * Resolves a host name as the connection is made and refuses it when any address is private, loopback or
 * link-local: the check and the connection use the same answer, so a name that points inside the network (or is
 * made to, between a check and the connection) is never reached.
 */
function publicOnlyLookup(hostname: string, options: LookupOneOptions | LookupAllOptions, callback: LookupCallback) {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, []);
    const list = addresses as LookupAddress[];
    if (list.some((a) => isPrivateAddress(a.address)))
      return callback(new PrivateAddressRefused(`${hostname} resolves to a private address; not delivered.`), []);
    if ((options as LookupAllOptions).all) return callback(null, list);
    return callback(null, list[0]!.address, list[0]!.family);
  });
}

/**
 * Posts each delivery, signed, with a deadline and no redirects followed. Unless private targets are allowed
 * (tests), an address that is private, loopback or link-local is refused, whether written in the URL or resolved
 * from its name at connection time.
 */
export class HttpWebhookSender implements WebhookSender {
  constructor(private readonly allowPrivateTargets: boolean) {}

  send(request: DeliveryRequest): Promise<DeliveryAnswer> {
    const url = new URL(request.url);
    const host = url.hostname.replace(/^\[|\]$/g, '');
    if (!this.allowPrivateTargets && isIP(host) && isPrivateAddress(host))
      return Promise.resolve({ statusCode: null, text: `${host} resolves to a private address; not delivered.` });
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise((resolve) => {
      const req = send(
        url,
        {
          method: 'POST',
          timeout: DELIVERY_TIMEOUT_MS,
          ...(this.allowPrivateTargets ? {} : { lookup: publicOnlyLookup }),
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(request.body),
            'user-agent': 'nce-marketplace-webhooks/1',
            'x-nce-event': request.eventType,
            'x-nce-delivery': request.deliveryId,
            'x-nce-timestamp': String(request.timestamp),
            'x-nce-signature': `v1=${webhookSignature(request.secret, request.timestamp, request.body)}`,
          },
        },
        (res: IncomingMessage) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            if (text.length < KEPT_ANSWER_CHARS) text += chunk;
          });
          res.on('end', () => resolve({ statusCode: res.statusCode ?? null, text: text.slice(0, KEPT_ANSWER_CHARS) }));
          res.on('error', () =>
            resolve({ statusCode: res.statusCode ?? null, text: text.slice(0, KEPT_ANSWER_CHARS) }),
          );
        },
      );
      req.on('timeout', () => req.destroy(new Error(`no answer in ${DELIVERY_TIMEOUT_MS / 1000} s`)));
      req.on('error', (error) =>
        resolve({
          statusCode: null,
          text:
            error instanceof PrivateAddressRefused
              ? error.message
              : `unreachable: ${error.message}`.slice(0, KEPT_ANSWER_CHARS),
        }),
      );
      req.end(request.body);
    });
  }
}
