import type { FakePartnerCenter } from '../../test-support/fake-partner-center.js';
import { RefreshTokenAccessTokens, type RefreshTokenStore } from './access-tokens.js';
import { LivePartnerCenter } from './live-partner-center.js';
import { PartnerCenterHttp, type PartnerCenterHttpOptions } from './partner-center-http.js';

/** A refresh token kept in memory, as the database store keeps it between calls. */
export class MemoryRefreshTokenStore implements RefreshTokenStore {
  constructor(public token: string) {}
  async read(): Promise<string> {
    return this.token;
  }
  async write(token: string): Promise<void> {
    this.token = token;
  }
}

/** The live adapter pointed at a fake Partner Center (its token endpoint too); waits recorded, not slept. */
export function liveAgainst(fake: FakePartnerCenter, options: Partial<PartnerCenterHttpOptions> = {}) {
  const store = new MemoryRefreshTokenStore(fake.refreshToken);
  const tokens = new RefreshTokenAccessTokens(
    { tenant: 'distributor.onmicrosoft.com', appId: 'app', appSecret: 'secret', authorityUrl: fake.url },
    store,
  );
  const waits: number[] = [];
  const http = new PartnerCenterHttp({
    baseUrl: fake.url,
    tokens,
    random: () => 0.5,
    sleep: async (ms) => void waits.push(ms),
    attemptTimeoutMs: 2_000,
    ...options,
  });
  return { partnerCenter: new LivePartnerCenter(http), http, store, waits };
}
