import { defineConfig } from 'vitest/config';

/**
 * Three tiers: unit tests beside the code (no database), integration tests against a real
 * Neo4j, and browser tests in Debian's Chromium against the running stack. One Neo4j serves the
 * run (tests/global-setup.ts); files that use it run one at a time and reset it.
 */
export default defineConfig({
  test: {
    globalSetup: ['tests/global-setup.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            'schema/src/**/*.test.ts',
            'server/src/**/*.test.ts',
            'seed/src/**/*.test.ts',
            'web/src/**/*.test.ts',
          ],
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
