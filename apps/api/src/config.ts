import { resolve } from 'node:path';
import { parseTrustProxy, type TrustProxy } from './platform/client-address.js';

export type DatabaseConfig = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly database: DatabaseConfig;
  readonly logLevel: string;
  readonly production: boolean;
  /** Market and currency the catalog shows when a request names none. */
  readonly defaultMarket: string;
  /** Directory of the built admin SPA served at `/`; null serves no SPA. */
  readonly adminDist: string | null;
  readonly dataDir: string;
  /** The address users reach the product at; links in emails and reset links start with it. */
  readonly publicUrl: string;
  /** Origins allowed to call the API from a browser besides its own (CORS); empty: same origin only. */
  readonly corsOrigins: string[];
  /** The distributor's Microsoft partner ID (links for relationship and customer authorisation, R21). */
  readonly distributorPartnerId: string;
  /** R1: how long activation takes; an hour in production, seconds in the demo and tests. */
  readonly activationDelayMs: number;
  /**
   * Whether this process runs the background job worker (JOB_WORKER, true unless "false"). A deployment may serve
   * requests from processes without it and run the jobs (renewal days, imports) in processes of their own.
   */
  readonly jobWorker: boolean;
  /** How often the background worker looks for due jobs. */
  readonly jobPollMs: number;
  /**
   * The share of the process's time the background worker takes when it has work (JOB_SHARE, above 0 and at most 1;
   * 0.5 on PostgreSQL, 1 on SQLite): below 1 it pauses after each stretch of jobs, leaving the database and the cores
   * to requests, whichever process they come to.
   */
  readonly jobShare: number;
  /** How long a running job's lease lasts unless renewed: how soon a dead worker's job is taken over. */
  readonly jobLeaseMs: number;
  /** The least a price book may charge a reseller over Microsoft's partner price, in hundredths of a percent. */
  readonly priceFloorBasisPoints: number;
  /** Days after a monthly invoice that its terms charges are due (S18). */
  readonly billingNetDays: number;
  /**
   * Whether webhook endpoints may be http or reach private, loopback and link-local addresses
   * (WEBHOOKS_ALLOW_PRIVATE_TARGETS; for tests and local tools only, never in production).
   */
  readonly webhooksAllowPrivateTargets: boolean;
  /** R19: how long provisioning takes (perpetual software: 15–20 minutes in production; seconds in the demo). */
  readonly provisioningDelayMs: number;
  /** How often the renewal job looks for subscriptions whose renewal day has come (15 minutes unless told). */
  readonly renewalScanIntervalMs: number;
  /** How often the reminder job looks for windows closing, renewals and trial ends to tell of (15 minutes). */
  readonly reminderScanIntervalMs: number;
  /** SMTP server URL (smtp://user:pass@host:port); none: mail is written to the local outbox only. */
  readonly smtpUrl: string | null;
  readonly mailFrom: string;
  /** R23: where new terms requests are announced. */
  readonly creditTeamEmail: string;
  /** How long one GraphQL operation may execute before the client is answered OPERATION_TIMEOUT. */
  readonly operationTimeoutMs: number;
  /**
   * Sales tax on invoices, in basis points (825 = 8.25 %); 0 when prices are tax-exclusive and tax is billed elsewhere.
   */
  readonly taxRateBasisPoints: number;
  /**
   * Which proxies' X-Forwarded-For to believe for the client's address (sign-in throttling, audit); Express's `trust
   * proxy` forms.
   */
  readonly trustProxy: TrustProxy;
  /** SECRETS_KEY: the key secrets are encrypted with at rest; null outside production: one kept in the data folder. */
  readonly secretsKey: Buffer | null;
  /** Tests only: the instant the process's clock starts at (then it runs); null: the machine's clock. */
  readonly clockStart: Date | null;
  /** PARTNER_CENTER=simulator|live and the live settings (see README, "Microsoft Partner Center"). */
  readonly partnerCenter: PartnerCenterConfig;
}

/** Which Partner Center the port talks to: the built-in simulator, or Microsoft's REST API. */
export type PartnerCenterConfig =
  | { mode: 'simulator' }
  | {
      mode: 'live';
      /** `https://api.partnercenter.microsoft.com`. */
      baseUrl: string;
      /** `https://login.microsoftonline.com`: where the refresh token is exchanged. */
      authorityUrl: string;
      /** The distributor's Microsoft Entra tenant (its domain or id). */
      tenant: string;
      appId: string;
      appSecret: string;
      /** The secure application model's refresh token as first consented; rotated ones are kept in the database. */
      refreshToken: string;
    };

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** Environment → typed configuration. Every problem is reported at once, before anything starts. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const problems: string[] = [];
  const dataDir = resolve(cwd, env.DATA_DIR ?? 'data');

  const portText = env.PORT ?? '4000';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535)
    problems.push(`PORT must be a whole number from 0 to 65535, got "${portText}"`);

  const database = parseDatabaseUrl(env.DATABASE_URL, dataDir, problems);

  const logLevel = env.LOG_LEVEL ?? 'info';
  if (!LOG_LEVELS.includes(logLevel))
    problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${logLevel}"`);

  const defaultMarket = (env.DEFAULT_MARKET ?? 'US').toUpperCase();
  if (!/^[A-Z]{2}$/.test(defaultMarket))
    problems.push(`DEFAULT_MARKET must be a two-letter country code, got "${env.DEFAULT_MARKET}"`);

  const nodeEnv = env.NODE_ENV ?? 'development';
  if (!['development', 'production', 'test'].includes(nodeEnv))
    problems.push(`NODE_ENV must be development, production or test, got "${nodeEnv}"`);

  const corsOrigins = (env.CORS_ORIGINS ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  for (const origin of corsOrigins)
    if (!/^https?:\/\/[^/]+$/.test(origin))
      problems.push(`CORS_ORIGINS holds "${origin}", which is not an origin like https://admin.example.com`);

  const distributorPartnerId = env.DISTRIBUTOR_PARTNER_ID ?? 'a27ac673-9a4c-446c-bd28-280c0bf7cf71';
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(distributorPartnerId))
    problems.push('DISTRIBUTOR_PARTNER_ID must be a Microsoft partner ID (a GUID)');

  const host = env.HOST ?? '127.0.0.1';
  const publicUrl = (env.PUBLIC_URL ?? `http://${host}:${port}`).replace(/\/$/, '');
  if (!/^https?:\/\/[^/]+(\/.*)?$/.test(publicUrl))
    problems.push(`PUBLIC_URL must be an http(s) URL, got "${env.PUBLIC_URL}"`);

  const activationText = env.ACTIVATION_DELAY_SECONDS ?? (nodeEnv === 'production' ? '3600' : '10');
  if (!/^\d+$/.test(activationText))
    problems.push(`ACTIVATION_DELAY_SECONDS must be a whole number of seconds, got "${activationText}"`);
  const pollText = env.JOB_POLL_MS ?? '500';
  if (!/^\d+$/.test(pollText) || Number(pollText) < 10)
    problems.push(`JOB_POLL_MS must be a whole number of at least 10, got "${pollText}"`);

  // PostgreSQL: several processes share the database, and one running jobs cannot see the requests the others
  // serve, so each takes half its time at most (bench/README.md, renewal day). SQLite: one process, whose jobs
  // already give way to its own requests.
  const shareText = env.JOB_SHARE ?? (database.kind === 'postgres' ? '0.5' : '1');
  if (!/^(0?\.\d+|1(\.0+)?)$/.test(shareText) || Number(shareText) <= 0)
    problems.push(`JOB_SHARE must be a fraction above 0 and at most 1 (e.g. 0.5), got "${shareText}"`);

  const leaseText = env.JOB_LEASE_SECONDS ?? '30';
  if (!/^\d+$/.test(leaseText) || Number(leaseText) < 1)
    problems.push(`JOB_LEASE_SECONDS must be a whole number of at least 1, got "${leaseText}"`);

  const provisioningText = env.PROVISIONING_DELAY_SECONDS ?? (nodeEnv === 'production' ? '1080' : '5');
  if (!/^\d+$/.test(provisioningText))
    problems.push(`PROVISIONING_DELAY_SECONDS must be a whole number of seconds, got "${provisioningText}"`);
  const privateTargetsText = env.WEBHOOKS_ALLOW_PRIVATE_TARGETS ?? 'false';
  if (privateTargetsText !== 'true' && privateTargetsText !== 'false')
    problems.push(`WEBHOOKS_ALLOW_PRIVATE_TARGETS must be true or false, got "${privateTargetsText}"`);
  else if (privateTargetsText === 'true' && nodeEnv === 'production')
    problems.push('WEBHOOKS_ALLOW_PRIVATE_TARGETS is for tests and may not be true when NODE_ENV=production');
  const jobWorkerText = env.JOB_WORKER ?? 'true';
  if (jobWorkerText !== 'true' && jobWorkerText !== 'false')
    problems.push(`JOB_WORKER must be true or false, got "${jobWorkerText}"`);
  const renewalScanText = env.RENEWAL_SCAN_SECONDS ?? '900';
  if (!/^\d+$/.test(renewalScanText) || Number(renewalScanText) < 1)
    problems.push(`RENEWAL_SCAN_SECONDS must be a whole number of seconds from 1, got "${renewalScanText}"`);
  const reminderScanText = env.REMINDER_SCAN_SECONDS ?? '900';
  if (!/^\d+$/.test(reminderScanText) || Number(reminderScanText) < 1)
    problems.push(`REMINDER_SCAN_SECONDS must be a whole number of seconds from 1, got "${reminderScanText}"`);
  const smtpUrl = env.SMTP_URL || null;
  if (smtpUrl && !/^smtps?:\/\//.test(smtpUrl)) problems.push('SMTP_URL must start with smtp:// or smtps://');

  const timeoutText = env.OPERATION_TIMEOUT_MS ?? '15000';
  if (!/^\d+$/.test(timeoutText) || Number(timeoutText) < 50)
    problems.push(`OPERATION_TIMEOUT_MS must be a whole number of at least 50, got "${timeoutText}"`);

  const netDaysText = env.BILLING_NET_DAYS ?? '30';
  if (!/^\d{1,3}$/.test(netDaysText))
    problems.push(
      `BILLING_NET_DAYS (days after a monthly invoice that terms charges are due) must be a whole number from 0 to 999, got "${netDaysText}"`,
    );
  const floorText = env.PRICE_FLOOR_BASIS_POINTS ?? '0';
  if (!/^\d{1,4}$/.test(floorText))
    problems.push(
      `PRICE_FLOOR_BASIS_POINTS (the least a reseller pays over cost, 100 = 1 %) must be a whole number from 0 to 9999, got "${floorText}"`,
    );
  const taxText = env.TAX_RATE_BASIS_POINTS ?? '0';
  if (!/^\d{1,4}$/.test(taxText))
    problems.push(`TAX_RATE_BASIS_POINTS must be a whole number from 0 to 9999, got "${taxText}"`);

  let trustProxy: TrustProxy = false;
  try {
    trustProxy = parseTrustProxy(env.TRUST_PROXY);
  } catch {
    problems.push(
      `TRUST_PROXY must be false, true, a number of hops, or addresses and CIDR ranges separated by commas (e.g. 10.0.0.0/8,loopback), got "${env.TRUST_PROXY}"`,
    );
  }

  const secretsKey = env.SECRETS_KEY ? Buffer.from(env.SECRETS_KEY, 'base64') : null;
  if (secretsKey && secretsKey.length !== 32)
    problems.push('SECRETS_KEY must be 32 bytes, base64-encoded (e.g. `openssl rand -base64 32`)');
  if (!secretsKey && nodeEnv === 'production')
    problems.push(
      'SECRETS_KEY is required when NODE_ENV=production (32 bytes, base64-encoded: `openssl rand -base64 32`)',
    );

  const clockStart = env.CLOCK_START ? new Date(env.CLOCK_START) : null;
  if (clockStart && Number.isNaN(clockStart.getTime()))
    problems.push(`CLOCK_START must be an ISO 8601 instant like 2026-11-24T12:00:00Z, got "${env.CLOCK_START}"`);
  if (clockStart && nodeEnv === 'production')
    problems.push('CLOCK_START is for tests and may not be set when NODE_ENV=production');

  const partnerCenter = parsePartnerCenter(env, nodeEnv === 'production', problems);

  if (problems.length > 0) throw new ConfigError(problems);
  return {
    partnerCenter,
    clockStart,
    secretsKey,
    trustProxy,
    taxRateBasisPoints: Number(taxText),
    priceFloorBasisPoints: Number(floorText),
    billingNetDays: Number(netDaysText),
    webhooksAllowPrivateTargets: privateTargetsText === 'true',
    operationTimeoutMs: Number(timeoutText),
    provisioningDelayMs: Number(provisioningText) * 1000,
    renewalScanIntervalMs: Number(renewalScanText) * 1000,
    reminderScanIntervalMs: Number(reminderScanText) * 1000,
    jobWorker: jobWorkerText !== 'false',
    smtpUrl,
    mailFrom: env.MAIL_FROM ?? 'NCE Marketplace <no-reply@marketplace.example>',
    creditTeamEmail: env.CREDIT_TEAM_EMAIL ?? 'credit-team@marketplace.example',
    activationDelayMs: Number(activationText) * 1000,
    jobPollMs: Number(pollText),
    jobShare: Number(shareText),
    jobLeaseMs: Number(leaseText) * 1000,
    publicUrl,
    corsOrigins,
    distributorPartnerId,
    port,
    host,
    database,
    logLevel,
    production: nodeEnv === 'production',
    defaultMarket,
    adminDist: env.ADMIN_DIST === '' ? null : resolve(cwd, env.ADMIN_DIST ?? '../admin/dist'),
    dataDir,
  };
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function parsePartnerCenter(env: NodeJS.ProcessEnv, production: boolean, problems: string[]): PartnerCenterConfig {
  const mode = env.PARTNER_CENTER ?? 'simulator';
  if (mode === 'simulator') return { mode };
  if (mode !== 'live') {
    problems.push(`PARTNER_CENTER must be simulator or live, got "${mode}"`);
    return { mode: 'simulator' };
  }
  const url = (name: string, fallback: string) => {
    const text = env[name] ?? fallback;
    let parsed: URL | null = null;
    try {
      parsed = new URL(text);
    } catch {
      // reported below
    }
    // Outside production a loopback http server may stand in for Microsoft (tests, local tools).
    if (!parsed || (parsed.protocol !== 'https:' && (production || parsed.protocol !== 'http:')))
      problems.push(`${name} must be an https URL, got "${text}"`);
    return text.replace(/\/+$/, '');
  };
  const required = (name: string, what: string) => {
    const value = env[name]?.trim() ?? '';
    if (!value) problems.push(`${name} is required when PARTNER_CENTER=live (${what})`);
    return value;
  };
  const appId = required('PARTNER_CENTER_APP_ID', 'the Microsoft Entra application id');
  if (appId && !GUID.test(appId)) problems.push(`PARTNER_CENTER_APP_ID must be a GUID, got "${appId}"`);
  return {
    mode,
    baseUrl: url('PARTNER_CENTER_URL', 'https://api.partnercenter.microsoft.com'),
    authorityUrl: url('PARTNER_CENTER_AUTHORITY_URL', 'https://login.microsoftonline.com'),
    tenant: required('PARTNER_CENTER_TENANT', "the distributor's Microsoft Entra tenant, e.g. contoso.onmicrosoft.com"),
    appId,
    appSecret: required('PARTNER_CENTER_APP_SECRET', "the application's secret"),
    refreshToken: required(
      'PARTNER_CENTER_REFRESH_TOKEN',
      'the refresh token of the consent, secure application model',
    ),
  };
}

function parseDatabaseUrl(url: string | undefined, dataDir: string, problems: string[]): DatabaseConfig {
  if (!url) return { kind: 'sqlite', file: resolve(dataDir, 'marketplace.sqlite') };
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) {
    try {
      new URL(url);
      return { kind: 'postgres', url };
    } catch {
      problems.push('DATABASE_URL is not a valid postgres:// URL');
      return { kind: 'postgres', url };
    }
  }
  if (url.startsWith('sqlite:')) {
    const file = url.slice('sqlite:'.length).replace(/^\/\//, '');
    if (!file) problems.push('DATABASE_URL sqlite: needs a file path, e.g. sqlite:./data/marketplace.sqlite');
    return { kind: 'sqlite', file: resolve(file) };
  }
  problems.push(`DATABASE_URL must start with postgres://, postgresql:// or sqlite:, got "${url.split(':')[0]}:…"`);
  return { kind: 'sqlite', file: '' };
}
