import { createRequire } from 'node:module';
import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  // esbuild drops decorator metadata; type-graphql and TypeORM need it, so swc compiles the sources.
  plugins: [
    swc.vite({
      jsc: {
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true },
        target: 'es2022',
      },
    }),
  ],
  // type-graphql loads graphql's CommonJS build; our sources must get the same copy, not the .mjs one.
  resolve: { alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }] },
  // One process runs the files one after another without re-importing the app for each (isolate: false): the
  // import was a third of the suite's time. Test files share no state but the module cache; each builds its app.
  test: { include: ['src/**/*.test.ts'], pool: 'forks', isolate: false, testTimeout: 30_000, hookTimeout: 60_000 },
});
