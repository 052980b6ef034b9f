import { createHash, randomUUID } from 'node:crypto';

/** Microsoft is down or not answering in time: nothing it was asked to do can be taken as done. */
export class PartnerCenterUnavailable extends Error {
  constructor(
    detail: string,
    /** Microsoft kept answering 409: it is busy with the resource (renewing a subscription), not down. */
    readonly busy = false,
  ) {
    super(`Microsoft Partner Center is not answering (${detail}); nothing was bought or changed. Try again later.`);
  }
}

/** An answer from Partner Center: 2xx, or a business refusal (4xx other than 401/409/429) for the caller to read. */
export interface PartnerCenterAnswer {
  status: number;
  /** Parsed JSON; null for an empty body. */
  body: unknown;
  headers: Headers;
}

/** Access tokens for Partner Center (the secure application model): cached, refreshed when told one was refused. */
export interface AccessTokens {
  get(): Promise<string>;
  /** The token was refused (401): the next `get` fetches a new one. */
  invalidate(token: string): void;
}

export interface PartnerCenterHttpOptions {
  /** `https://api.partnercenter.microsoft.com`. */
  baseUrl: string;
  tokens: AccessTokens;
  /** How long one logical call may take, retries included. */
  deadlineMs?: number;
  /** How long one attempt may take. */
  attemptTimeoutMs?: number;
  /** Outage-like failures in a row (no answer, 5xx) that open the circuit. */
  breakerThreshold?: number;
  /** How long an open circuit refuses calls before one is let through to try. */
  breakerOpenMs?: number;
  /** Waits (tests answer at once and record the wait). */
  sleep?: (ms: number) => Promise<void>;
  /** 0 ≤ n < 1, for backoff jitter. */
  random?: () => number;
  now?: () => number;
}

const RETRY_BASE_MS = 500;
const RETRY_CAP_MS = 8_000;
/** The wait before retrying a 409 (Microsoft is renewing the subscription) that names none. */
const CONFLICT_WAIT_MS = 5_000;

/**
 * Partner Center's REST API over HTTPS, as its reference asks callers to behave: each request signed with a bearer
 * token, `MS-RequestId` kept across the retries of one logical call (so a retried checkout cannot buy twice) and
 * `MS-CorrelationId` naming our request in Microsoft's logs; 429 waits its `Retry-After`; a 409 during a renewal is
 * retried after a wait; no answer, a timeout or a 5xx is retried with exponential backoff and full jitter, all within
 * one deadline. Failures in a row open a circuit: calls then fail at once with PartnerCenterUnavailable instead of
 * piling up against an outage, until a trial call after a pause succeeds.
 */
export class PartnerCenterHttp {
  private readonly deadlineMs: number;
  private readonly attemptTimeoutMs: number;
  private readonly breakerThreshold: number;
  private readonly breakerOpenMs: number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;
  private readonly now: () => number;
  private failuresInARow = 0;
  private openUntil = 0;

  constructor(private readonly options: PartnerCenterHttpOptions) {
    this.deadlineMs = options.deadlineMs ?? 60_000;
    this.attemptTimeoutMs = options.attemptTimeoutMs ?? 30_000;
    this.breakerThreshold = options.breakerThreshold ?? 5;
    this.breakerOpenMs = options.breakerOpenMs ?? 30_000;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.random = options.random ?? Math.random;
    this.now = options.now ?? Date.now;
  }

  /** One logical call; `correlationId` is our request's id (logged on both sides). */
  async request(
    method: 'GET' | 'HEAD' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    path: string,
    options: {
      body?: unknown;
      ifMatch?: string;
      correlationId?: string;
      /**
       * The call's `MS-RequestId` when it must stay the same beyond this call (a checkout retried by a later job:
       * Microsoft answers a request id it has seen with its first answer instead of buying again).
       */
      requestId?: string;
    } = {},
  ): Promise<PartnerCenterAnswer> {
    const requestId = options.requestId ?? randomUUID();
    const correlationId = options.correlationId ?? randomUUID();
    const deadline = this.now() + this.deadlineMs;
    let refreshedToken = false;
    for (let attempt = 1; ; attempt += 1) {
      if (this.now() < this.openUntil) throw new PartnerCenterUnavailable('it failed repeatedly just now');
      const token = await this.options.tokens.get();
      let response: Response | null = null;
      let failure = '';
      try {
        response = await fetch(`${this.options.baseUrl}${path}`, {
          method,
          headers: {
            authorization: `Bearer ${token}`,
            accept: 'application/json',
            'ms-requestid': requestId,
            'ms-correlationid': correlationId,
            'ms-contract-version': 'v1',
            ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
            ...(options.ifMatch ? { 'if-match': options.ifMatch } : {}),
          },
          body: options.body === undefined ? undefined : JSON.stringify(options.body),
          signal: AbortSignal.timeout(Math.max(1, Math.min(this.attemptTimeoutMs, deadline - this.now()))),
        });
      } catch (error) {
        failure = error instanceof Error && error.name === 'TimeoutError' ? 'no answer in time' : 'no answer';
      }
      let wait: number | null = null;
      if (response) {
        if (response.status === 401 && !refreshedToken) {
          // An expired or revoked token: a fresh one, once.
          this.options.tokens.invalidate(token);
          refreshedToken = true;
          await response.body?.cancel();
          continue;
        }
        if (response.status === 429 || response.status === 409) {
          wait =
            retryAfterMs(response.headers, this.now()) ??
            (response.status === 409 ? CONFLICT_WAIT_MS : this.backoff(attempt));
          failure = response.status === 429 ? 'too many requests' : 'busy renewing';
          await response.body?.cancel();
        } else if (response.status >= 500) {
          failure = `answered ${response.status}`;
          await response.body?.cancel();
          this.failed();
        } else {
          this.failuresInARow = 0;
          const text = await response.text();
          return {
            status: response.status,
            body: text ? (JSON.parse(text) as unknown) : null,
            headers: response.headers,
          };
        }
      } else this.failed();
      wait ??= this.backoff(attempt);
      if (this.now() + wait >= deadline) throw new PartnerCenterUnavailable(failure, response?.status === 409);
      await this.sleep(wait);
    }
  }

  /** Exponential backoff with full jitter: somewhere up to 0.5 s, 1 s, 2 s … 8 s. */
  private backoff(attempt: number): number {
    return Math.floor(this.random() * Math.min(RETRY_CAP_MS, RETRY_BASE_MS * 2 ** (attempt - 1)));
  }

  private failed(): void {
    this.failuresInARow += 1;
    if (this.failuresInARow >= this.breakerThreshold) {
      this.openUntil = this.now() + this.breakerOpenMs;
      this.failuresInARow = this.breakerThreshold - 1; // after the pause, one failure opens it again
    }
  }
}

/** A request id derived from `text`: the same logical request, however often and by whichever process it is sent. */
export function stableRequestId(text: string): string {
  const hex = createHash('sha256').update(text).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** `Retry-After` in seconds or as an HTTP date, as milliseconds from now; null when absent or unreadable. */
export function retryAfterMs(headers: Headers, now = Date.now()): number | null {
  const value = headers.get('retry-after');
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}
