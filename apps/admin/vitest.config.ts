import { defineConfig } from 'vitest/config';

// Browser tests start the built API and SPA as a real server and drive Debian's Chromium.
export default defineConfig({
  test: { include: ['src/**/*.test.ts', 'e2e/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 120_000, pool: 'forks' },
});
