// @jixiao/server — the public surface the CLI and the bench use (services, database, config).
export { loadConfig, type Config } from './config.ts';
export { bootstrapDb, openConfiguredDb } from './db/bootstrap.ts';
export { openDb, type Database, type Db } from './db/open-db.ts';
export { migrate } from './db/migrate.ts';
export { loadDemo, isDemoLoaded, DEMO_NAME } from './demo/load-demo.ts';
export { CLI_ACTOR, type Actor } from './auth/actor.ts';
export { ServiceError } from './http/service-error.ts';
export { listDepartments } from './features/departments/departments.service.ts';
export { resolveMetricActuals, listDepartmentMetrics } from './features/metrics/metrics.service.ts';

/**
 * The HTTP server (main.ts and the whole route graph), loaded only when started: the CLI's commands that only
 * open the database do not pay for importing it (about 1.5 s per process through tsx).
 */
export async function startServer(
  ...args: Parameters<typeof import('./main.ts').startServer>
): ReturnType<typeof import('./main.ts').startServer> {
  const { startServer: start } = await import('./main.ts');
  return start(...args);
}
