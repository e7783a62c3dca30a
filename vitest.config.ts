import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

// Node resolves `graphql` to its CommonJS build (as Pothos and Yoga get it); Vite would pick the
// ESM one for test files, and two copies of graphql cannot share a schema.
const graphqlEntry = createRequire(new URL('./server/package.json', import.meta.url)).resolve('graphql');

/**
 * Three tiers: unit tests beside the code (no database), integration tests against a real
 * Neo4j, and browser tests in Debian's Chromium against the running stack. One Neo4j serves the
 * run (tests/global-setup.ts, shared by the projects that need it); files that use it run one at
 * a time and reset it.
 */
export default defineConfig({
  resolve: { alias: [{ find: /^graphql$/, replacement: graphqlEntry }] },
  test: {
    reporters: ['default', './tests/summary-reporter.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: [
            'schema/src/**/*.test.ts',
            'analytics/src/**/*.test.ts',
            'ingest/src/**/*.test.ts',
            'server/src/**/*.test.ts',
            'seed/src/**/*.test.ts',
            'web/src/**/*.test.ts',
          ],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          globalSetup: ['tests/global-setup.ts'],
          include: ['tests/integration/**/*.test.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          globalSetup: ['tests/global-setup.ts'],
          include: ['tests/browser/**/*.test.ts'],
          fileParallelism: false,
          // A browser test waits on several answers in turn, each allowed 30 s on a busy machine.
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
