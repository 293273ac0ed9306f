import { defineConfig } from 'vitest/config';

// One config, one project per package. Integration tests that need a database read
// JIXIAO_TEST_PG_URL (set by scripts/test.sh) to also run against real PostgreSQL.
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: 'core', include: ['packages/core/src/**/*.test.ts'] } },
      {
        extends: true,
        test: {
          name: 'server',
          include: ['packages/server/src/**/*.test.ts'],
          globalSetup: ['./packages/server/src/db/test-global-setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'cli',
          include: ['packages/cli/src/**/*.test.ts'],
          // Each case spawns the real CLI (tsx + a database): generous, never a speed assertion.
          testTimeout: 240_000,
          globalSetup: ['./packages/server/src/db/test-global-setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          testTimeout: 240_000,
          globalSetup: ['./packages/server/src/db/test-global-setup.ts'],
        },
      },
    ],
  },
});
