import { defineConfig } from 'vitest/config';

// One config, one project per package. Integration tests that need a database read
// JIXIAO_TEST_PG_URL (set by scripts/test.sh) to also run against real PostgreSQL.
// Server test files that need a fresh process: a vi.mock of a module the server graph imports only reaches code
// evaluated after it, so the file must not share modules already loaded by another file.
const serverIsolated = ['packages/server/src/features/reviews/review-hardening.test.ts'];

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
          exclude: serverIsolated,
          globalSetup: ['./packages/server/src/db/test-global-setup.ts'],
          setupFiles: ['./packages/server/src/db/test-file-setup.ts'],
          // One process per worker runs many files: the server's module graph (≈8 s of import per file on a
          // loaded 2-core machine) is loaded once per worker instead of once per file. Every file still gets
          // its own databases (describeEachDb). docs/decisions/0014.
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'server-isolated',
          include: serverIsolated,
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
