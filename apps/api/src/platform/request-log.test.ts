import { Writable } from 'node:stream';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import { loadConfig } from '../config.js';
import { startHttpServer } from '../server.js';
import { createTestApp } from '../test-support/test-app.js';

describe('request log', () => {
  it('writes one structured line per request with path, operation name, status and duration', async () => {
    const t = await createTestApp();
    await t.app.db.close();
    const lines: Record<string, unknown>[] = [];
    const sink = new Writable({ write: (chunk, _enc, done) => (lines.push(JSON.parse(chunk.toString())), done()) });
    const app = await createApp(loadConfig({ DATA_DIR: t.dir, ADMIN_DIST: '' }, t.dir), { logger: pino({ level: 'info' }, sink) });
    const http = await startHttpServer(app, { port: 0 });
    try {
      const response = await fetch(`${http.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-request-id': 'req-123' },
        body: JSON.stringify({ query: 'query Markets { catalogMarkets { market } }' }),
      });
      expect(response.headers.get('x-request-id')).toBe('req-123');
      await new Promise((resolve) => setTimeout(resolve, 20));
      const requests = lines.filter((line) => line.msg === 'request');
      expect(requests).toHaveLength(1);
      expect(requests[0]).toMatchObject({ requestId: 'req-123', method: 'POST', path: '/graphql', status: 200, operation: 'Markets' });
      expect(typeof requests[0]!.durationMs).toBe('number');
    } finally {
      await http.stop();
      await app.db.close();
      await t.close();
    }
  });
});
