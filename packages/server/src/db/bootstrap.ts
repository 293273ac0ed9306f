// Open the configured database, migrate it, and load the demo into an empty one when asked.
import type { Config } from '../config.ts';
import { isDemoLoaded, loadDemo } from '../demo/load-demo.ts';
import { migrate } from './migrate.ts';
import { openDb, type Database } from './open-db.ts';

/** Opens the configured database; `holder` names this process to another one refused the data directory. */
export async function openConfiguredDb(config: Config, holder = 'jixiao'): Promise<Database> {
  return config.databaseUrl
    ? openDb({ kind: 'pg', url: config.databaseUrl })
    : openDb({ kind: 'pglite', dataDir: config.dataDir, holder });
}

export interface BootstrapResult {
  database: Database;
  migrationsApplied: number;
  demoLoaded: boolean;
}

export async function bootstrapDb(config: Config, holder = 'jixiao'): Promise<BootstrapResult> {
  const database = await openConfiguredDb(config, holder);
  try {
    const { applied } = await migrate(database);
    let demoLoaded = false;
    if (config.loadDemo && !(await isDemoLoaded(database.db))) {
      await loadDemo(database.db);
      demoLoaded = true;
    }
    return { database, migrationsApplied: applied, demoLoaded };
  } catch (e) {
    await database.close();
    throw e;
  }
}
