import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('defaults to port 4000 and a SQLite file under ./data', () => {
    const config = loadConfig({}, '/srv/app');
    expect(config.port).toBe(4000);
    expect(config.database).toEqual({ kind: 'sqlite', file: '/srv/app/data/marketplace.sqlite' });
  });

  it('selects PostgreSQL from a postgres:// DATABASE_URL', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test' }).database).toEqual({
      kind: 'postgres',
      url: 'postgres://postgres@127.0.0.1:5432/test',
    });
  });

  it('reports every problem at once and fails fast', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toMatch(/PORT/);
    expect(problems).toMatch(/DATABASE_URL/);
    expect(problems).toMatch(/LOG_LEVEL/);
  });

  it('lets price books sell at cost unless PRICE_FLOOR_BASIS_POINTS sets a floor over it', () => {
    expect(loadConfig({}).priceFloorBasisPoints).toBe(0);
    expect(loadConfig({ PRICE_FLOOR_BASIS_POINTS: '250' }).priceFloorBasisPoints).toBe(250);
    expect(() => loadConfig({ PRICE_FLOOR_BASIS_POINTS: '2.5%' })).toThrow(/PRICE_FLOOR_BASIS_POINTS/);
  });

  it('runs the job worker unless JOB_WORKER is false, and scans for renewals every 15 minutes unless told', () => {
    expect(loadConfig({}).jobWorker).toBe(true);
    expect(loadConfig({ JOB_WORKER: 'false' }).jobWorker).toBe(false);
    expect(() => loadConfig({ JOB_WORKER: 'no' })).toThrow(/JOB_WORKER/);
    expect(loadConfig({}).renewalScanIntervalMs).toBe(900_000);
    expect(loadConfig({ RENEWAL_SCAN_SECONDS: '60' }).renewalScanIntervalMs).toBe(60_000);
    expect(() => loadConfig({ RENEWAL_SCAN_SECONDS: '0' })).toThrow(/RENEWAL_SCAN_SECONDS/);
    expect(loadConfig({ REMINDER_SCAN_SECONDS: '120' }).reminderScanIntervalMs).toBe(120_000);
    expect(() => loadConfig({ REMINDER_SCAN_SECONDS: 'often' })).toThrow(/REMINDER_SCAN_SECONDS/);
  });

  it('gives background jobs half of a process on PostgreSQL and all of it on SQLite, unless JOB_SHARE says', () => {
    expect(loadConfig({}).jobShare).toBe(1);
    expect(loadConfig({ DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test' }).jobShare).toBe(0.5);
    expect(loadConfig({ JOB_SHARE: '0.25' }).jobShare).toBe(0.25);
    expect(loadConfig({ JOB_SHARE: '1' }).jobShare).toBe(1);
    for (const bad of ['0', '1.5', 'half', '-0.5']) expect(() => loadConfig({ JOB_SHARE: bad })).toThrow(/JOB_SHARE/);
  });

  it('talks to the simulator unless PARTNER_CENTER=live, whose settings are all checked before anything starts', () => {
    expect(loadConfig({}).partnerCenter).toEqual({ mode: 'simulator' });
    const live = {
      PARTNER_CENTER: 'live',
      PARTNER_CENTER_TENANT: 'distributor.onmicrosoft.com',
      PARTNER_CENTER_APP_ID: '0f0e0d0c-0b0a-4908-8706-050403020100',
      PARTNER_CENTER_APP_SECRET: 's3cret',
      PARTNER_CENTER_REFRESH_TOKEN: 'refresh-token',
    };
    expect(loadConfig(live).partnerCenter).toEqual({
      mode: 'live',
      baseUrl: 'https://api.partnercenter.microsoft.com',
      authorityUrl: 'https://login.microsoftonline.com',
      tenant: 'distributor.onmicrosoft.com',
      appId: '0f0e0d0c-0b0a-4908-8706-050403020100',
      appSecret: 's3cret',
      refreshToken: 'refresh-token',
    });
    let error: unknown;
    try {
      loadConfig({ PARTNER_CENTER: 'live', PARTNER_CENTER_APP_ID: 'not-a-guid', PARTNER_CENTER_URL: 'ftp://x' });
    } catch (e) {
      error = e;
    }
    const problems = (error as ConfigError).problems.join('\n');
    for (const name of [
      'PARTNER_CENTER_APP_ID must be a GUID',
      'PARTNER_CENTER_URL',
      'PARTNER_CENTER_TENANT',
      'PARTNER_CENTER_APP_SECRET',
      'PARTNER_CENTER_REFRESH_TOKEN',
    ])
      expect(problems).toContain(name);
    expect(() => loadConfig({ PARTNER_CENTER: 'microsoft' })).toThrow(/PARTNER_CENTER must be simulator or live/);
    // A loopback stand-in for Microsoft is for tests: production takes https only.
    expect(loadConfig({ ...live, PARTNER_CENTER_URL: 'http://127.0.0.1:9000/' }).partnerCenter).toMatchObject({
      baseUrl: 'http://127.0.0.1:9000',
    });
    expect(() =>
      loadConfig({
        ...live,
        NODE_ENV: 'production',
        SECRETS_KEY: Buffer.alloc(32, 1).toString('base64'),
        PUBLIC_URL: 'https://m.example',
        PARTNER_CENTER_URL: 'http://127.0.0.1:9000',
      }),
    ).toThrow(/PARTNER_CENTER_URL must be an https URL/);
  });

  it('rejects a port out of range', () => {
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT/);
  });

  it('reads TRUST_PROXY as Express does: off by default, a hop count, true, or addresses and ranges', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, loopback' }).trustProxy).toEqual(['10.0.0.0/8', 'loopback']);
    expect(() => loadConfig({ TRUST_PROXY: 'the load balancer' })).toThrow(/TRUST_PROXY/);
  });

  it('takes a test clock start (CLOCK_START) outside production only', () => {
    expect(loadConfig({ CLOCK_START: '2026-11-24T12:00:00Z' }).clockStart).toEqual(new Date('2026-11-24T12:00:00Z'));
    expect(() => loadConfig({ CLOCK_START: 'yesterday' })).toThrow(/CLOCK_START/);
    expect(() => loadConfig({ CLOCK_START: '2026-11-24T12:00:00Z', NODE_ENV: 'production' })).toThrow(/CLOCK_START/);
  });

  it('requires a 32-byte SECRETS_KEY in production, with the other problems, before anything starts', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/SECRETS_KEY is required/);
    expect(() => loadConfig({ SECRETS_KEY: Buffer.alloc(16).toString('base64') })).toThrow(/32 bytes/);
    expect(
      loadConfig({ NODE_ENV: 'production', SECRETS_KEY: Buffer.alloc(32, 7).toString('base64') }).secretsKey,
    ).toEqual(Buffer.alloc(32, 7));
    expect(loadConfig({}).secretsKey).toBeNull();
  });
});
