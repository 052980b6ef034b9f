import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

// esbuild drops decorator metadata; type-graphql and TypeORM need it, so swc compiles the sources.
export default defineConfig({
  plugins: [swc.vite({ jsc: { parser: { syntax: 'typescript', decorators: true }, transform: { legacyDecorator: true, decoratorMetadata: true }, target: 'es2022' } })],
  test: { include: ['src/**/*.test.ts'], pool: 'forks', testTimeout: 30_000, hookTimeout: 60_000 },
});
