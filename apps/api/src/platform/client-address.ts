import type { IncomingMessage } from 'node:http';
import proxyAddr from 'proxy-addr';

/**
 * Which proxies in front of the API to believe about the client's address (X-Forwarded-For), as Express's
 * `trust proxy` setting reads it: false, none (the socket's address is the client); a number, that many
 * hops nearest the API; true, every hop; or addresses, CIDR ranges and the names loopback, linklocal and
 * uniquelocal.
 */
export type TrustProxy = boolean | number | string[];

export type TrustFunction = (address: string, hop: number) => boolean;

/** Reads TRUST_PROXY; throws with the reason when it is none of the forms above. */
export function parseTrustProxy(text: string | undefined): TrustProxy {
  const value = (text ?? '').trim();
  if (value === '' || value === 'false') return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) return Number(value);
  const list = value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  proxyAddr.compile(list); // throws on an address or range it cannot read
  return list;
}

export function trustFunction(trust: TrustProxy): TrustFunction {
  if (trust === false) return () => false;
  if (trust === true) return () => true;
  if (typeof trust === 'number') return (_address, hop) => hop < trust;
  return proxyAddr.compile(trust);
}

/** The client's address: the socket's, or the nearest untrusted one in X-Forwarded-For behind trusted proxies. */
export function clientAddress(req: IncomingMessage, trust: TrustFunction): string {
  if (!req.socket.remoteAddress) return 'unknown';
  return proxyAddr(req as Parameters<typeof proxyAddr>[0], trust);
}
