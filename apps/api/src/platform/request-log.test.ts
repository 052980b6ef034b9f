import { describe, expect, it } from 'vitest';
import { startHttpServer } from '../server.js';
import { createTestApp } from '../test-support/test-app.js';

describe('request log', () => {
  it('writes one structured line per request with path, operation name, status and duration', async () => {
    const lines: Record<string, unknown>[] = [];
    const t = await createTestApp({}, { logTo: lines });
    const http = await startHttpServer(t.app, { port: 0 });
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
      expect(requests[0]).toMatchObject({
        requestId: 'req-123',
        method: 'POST',
        path: '/graphql',
        status: 200,
        operation: 'Markets',
      });
      expect(typeof requests[0]!.durationMs).toBe('number');
    } finally {
      await http.stop();
      await t.close();
    }
  });
});
