import type { PartnerCenterConfig } from '../config.js';
import type { ModulePermission } from '../platform/permissions.js';
import { requirePermission, type RequestContext } from '../platform/request-context.js';
import type { PartnerCenterHttp } from './live/partner-center-http.js';
import type { DatabaseRefreshTokenStore } from './partner-center-token.repository.js';

export const PartnerCenterPermission = {
  /** See which Partner Center the marketplace talks to, and test the connection (staff). */
  Connection: 'partner-center:connection',
} as const satisfies Record<string, ModulePermission>;

export interface PartnerCenterConnectionInfo {
  mode: 'SIMULATOR' | 'LIVE';
  baseUrl: string | null;
  tenant: string | null;
  appId: string | null;
  tokenRotatedAt: string | null;
}

export interface ConnectionTest {
  ok: boolean;
  message: string;
  milliseconds: number;
}

/** Which Partner Center is in use, and a call to it that changes nothing: the staff's "test the connection". */
export class PartnerCenterConnection {
  constructor(
    private readonly config: PartnerCenterConfig,
    private readonly live: { http: PartnerCenterHttp; tokens: DatabaseRefreshTokenStore } | null,
  ) {}

  async describe(ctx: RequestContext): Promise<PartnerCenterConnectionInfo> {
    requirePermission(ctx, PartnerCenterPermission.Connection);
    if (this.config.mode === 'simulator' || !this.live)
      return { mode: 'SIMULATOR', baseUrl: null, tenant: null, appId: null, tokenRotatedAt: null };
    return {
      mode: 'LIVE',
      baseUrl: this.config.baseUrl,
      tenant: this.config.tenant,
      appId: this.config.appId,
      tokenRotatedAt: await this.live.tokens.rotatedAt(),
    };
  }

  /** Signs in and reads the distributor's own partner profile (`GET /v1/profiles/mpn`). */
  async test(ctx: RequestContext): Promise<ConnectionTest> {
    requirePermission(ctx, PartnerCenterPermission.Connection);
    const started = performance.now();
    const took = () => Math.round(performance.now() - started);
    if (!this.live)
      return { ok: true, message: 'The built-in simulator answers; no call leaves this server.', milliseconds: 0 };
    try {
      const answer = await this.live.http.request('GET', '/v1/profiles/mpn', { correlationId: ctx.requestId });
      if (answer.status !== 200)
        return {
          ok: false,
          message: `Partner Center answered ${answer.status} to the profile read.`,
          milliseconds: took(),
        };
      const profile = answer.body as { mpnId?: unknown; partnerName?: unknown } | null;
      const who = [profile?.partnerName, profile?.mpnId && `MPN ID ${String(profile.mpnId)}`]
        .filter(Boolean)
        .join(', ');
      return {
        ok: true,
        message: `Signed in; Partner Center knows this partner${who ? ` (${who})` : ''}.`,
        milliseconds: took(),
      };
    } catch (error) {
      return { ok: false, message: error instanceof Error ? error.message : String(error), milliseconds: took() };
    }
  }
}
