import { fail, ok, type Outcome } from './verdict.js';

/**
 * Events pushed to resellers' own systems (their PSA and billing tools) and the distributor's, by webhook. Each
 * delivery is signed; an endpoint listens to the types it names.
 */
export const WEBHOOK_EVENT_TYPES = [
  'order.placed',
  'order.provisioned',
  'order.failed',
  'subscription.created',
  'subscription.changed',
  'subscription.renewed',
  'subscription.cancelled',
  'subscription.expired',
  'subscription.windowClosing',
  'invoice.issued',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export const WEBHOOK_EVENT_LABELS: Record<WebhookEventType, string> = {
  'order.placed': 'Order placed',
  'order.provisioned': 'Order provisioned',
  'order.failed': 'Order failed',
  'subscription.created': 'Subscription created',
  'subscription.changed': 'Subscription changed (seats, term, schedule, status)',
  'subscription.renewed': 'Subscription renewed',
  'subscription.cancelled': 'Subscription cancelled',
  'subscription.expired': 'Subscription expired',
  'subscription.windowClosing': 'Seat window closing (48 and 24 hours before)',
  'invoice.issued': 'Invoice or credit note issued',
};

/** What a subscription's event log entry (its kind) is to systems outside: created, renewed, cancelled… */
export function subscriptionEventType(kind: string): WebhookEventType {
  switch (kind) {
    case 'PROVISIONED':
      return 'subscription.created';
    case 'RENEWED':
      return 'subscription.renewed';
    case 'CANCELLED':
    case 'DELETED':
      return 'subscription.cancelled';
    case 'EXPIRED':
      return 'subscription.expired';
    default:
      return 'subscription.changed';
  }
}

/**
 * The WHATWG URL parser, which Node and every browser provide; the domain's compiler settings name neither, so the
 * little of it used here is declared.
 */
declare const URL: new (input: string) => {
  protocol: string;
  hostname: string;
  username: string;
  password: string;
  toString(): string;
};

export type WebhookEndpointCode = 'URL_INVALID' | 'URL_NOT_HTTPS' | 'URL_PRIVATE' | 'EVENTS_INVALID';

const MAX_URL_LENGTH = 2_000;

/**
 * An endpoint's address as registered: an absolute https URL (http only where private targets are allowed, for
 * local testing), without credentials, not naming a private, loopback or link-local address. Host names are
 * resolved and checked again at each delivery (`isPrivateAddress`).
 */
export function webhookUrlFromInput(text: string, allowPrivate: boolean): Outcome<string, WebhookEndpointCode> {
  const trimmed = text.trim();
  let url: InstanceType<typeof URL>;
  try {
    url = new URL(trimmed);
  } catch {
    return fail('URL_INVALID', 'Give the full address, e.g. https://psa.example.com/hooks/nce.');
  }
  if (trimmed.length > MAX_URL_LENGTH) return fail('URL_INVALID', `The address is over ${MAX_URL_LENGTH} characters.`);
  if (url.username || url.password)
    return fail('URL_INVALID', 'Leave credentials out of the address: deliveries are signed.');
  if (url.protocol !== 'https:' && !(allowPrivate && url.protocol === 'http:'))
    return fail('URL_NOT_HTTPS', 'Webhook addresses must use https.');
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (!allowPrivate && (host === 'localhost' || host.endsWith('.localhost') || isPrivateAddress(host)))
    return fail('URL_PRIVATE', 'The address names a private or local network; give one reachable from the internet.');
  return ok(url.toString());
}

/** Event types as asked: at least one, each known, none twice (order kept as listed above). */
export function webhookEventsFromInput(types: readonly string[]): Outcome<WebhookEventType[], 'EVENTS_INVALID'> {
  const unknown = types.filter((t) => !(WEBHOOK_EVENT_TYPES as readonly string[]).includes(t));
  if (unknown.length > 0) return fail('EVENTS_INVALID', `Unknown event type(s): ${unknown.join(', ')}.`);
  if (types.length === 0) return fail('EVENTS_INVALID', 'Choose at least one event.');
  return ok(WEBHOOK_EVENT_TYPES.filter((t) => types.includes(t)));
}

const ipv4 = (text: string): number[] | null => {
  const parts = text.split('.');
  if (parts.length !== 4 || parts.some((p) => !/^\d{1,3}$/.test(p) || Number(p) > 255)) return null;
  return parts.map(Number);
};

/**
 * Whether an IP address (v4 or v6 text) is one a webhook must not reach: private, loopback, link-local, shared,
 * multicast or unspecified, including IPv4 addresses written as IPv6. Names that are not IP addresses answer false.
 */
export function isPrivateAddress(address: string): boolean {
  const v4 = ipv4(address);
  if (v4) {
    const [a, b] = v4 as [number, number, number, number];
    return (
      a === 0 ||
      a === 10 ||
      a === 127 ||
      (a === 100 && b >= 64 && b <= 127) ||
      (a === 169 && b === 254) ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      (a === 192 && b === 0) ||
      (a === 198 && (b === 18 || b === 19)) ||
      a >= 224
    );
  }
  if (!address.includes(':')) return false;
  const lower = address.toLowerCase();
  const mapped = /^(?:0*:)*:?ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(lower) ?? /^::(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (mapped) return isPrivateAddress(mapped[1]!);
  if (lower === '::' || lower === '::1' || /^0*(:0*)*:0*1$/.test(lower)) return true;
  return /^f[cd]/.test(lower) || /^fe[89ab]/.test(lower) || /^ff/.test(lower);
}
