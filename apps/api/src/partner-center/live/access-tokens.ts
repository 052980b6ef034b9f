import type { AccessTokens } from './partner-center-http.js';

/** Where the rotating refresh token lives between calls (encrypted at rest by the store). */
export interface RefreshTokenStore {
  read(): Promise<string>;
  write(token: string): Promise<void>;
}

export interface SecureApplication {
  /** Microsoft Entra tenant of the partner, e.g. `contoso.onmicrosoft.com` or its id. */
  tenant: string;
  appId: string;
  appSecret: string;
  /** `https://login.microsoftonline.com`. */
  authorityUrl: string;
}

/** A token is taken as expired this long before Microsoft says it is. */
const EARLY_MS = 5 * 60_000;

/**
 * Access tokens by the secure application model: the app's id and secret with a refresh token, exchanged at
 * Microsoft's token endpoint for an access token to Partner Center. Microsoft answers a new refresh token each time;
 * it replaces the stored one. The access token is kept until shortly before it expires; callers asking at once
 * share one exchange.
 */
export class RefreshTokenAccessTokens implements AccessTokens {
  private current: { token: string; expiresAt: number } | null = null;
  private pending: Promise<string> | null = null;

  constructor(
    private readonly app: SecureApplication,
    private readonly store: RefreshTokenStore,
    private readonly now: () => number = Date.now,
  ) {}

  get(): Promise<string> {
    if (this.current && this.now() < this.current.expiresAt) return Promise.resolve(this.current.token);
    this.pending ??= this.exchange().finally(() => (this.pending = null));
    return this.pending;
  }

  invalidate(token: string): void {
    if (this.current?.token === token) this.current = null;
  }

  private async exchange(): Promise<string> {
    const response = await fetch(`${this.app.authorityUrl}/${encodeURIComponent(this.app.tenant)}/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: await this.store.read(),
        client_id: this.app.appId,
        client_secret: this.app.appSecret,
        resource: 'https://api.partnercenter.microsoft.com',
      }),
      signal: AbortSignal.timeout(30_000),
    });
    const body = (await response.json().catch(() => ({}))) as {
      access_token?: string;
      expires_in?: string | number;
      refresh_token?: string;
      error_description?: string;
    };
    if (!response.ok || !body.access_token)
      throw new Error(
        `Microsoft refused the Partner Center sign-in (${response.status}): ${body.error_description ?? 'no reason given'}`,
      );
    if (body.refresh_token) await this.store.write(body.refresh_token);
    this.current = {
      token: body.access_token,
      expiresAt: this.now() + Number(body.expires_in ?? 3600) * 1000 - EARLY_MS,
    };
    return body.access_token;
  }
}
