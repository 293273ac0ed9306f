// Open the configured database for one CLI command and always close it (server code loaded lazily,
// so commands that need no database start fast).
import type { Database } from '@jixiao/server';

export async function withDb<T>(
  fn: (database: Database) => Promise<T>,
  options: { demo?: boolean } = {},
): Promise<T> {
  const { bootstrapDb, loadConfig } = await import('@jixiao/server');
  const config = loadConfig();
  const { database } = await bootstrapDb(
    { ...config, loadDemo: options.demo ?? config.loadDemo },
    `命令行 CLI jixiao ${process.argv.slice(2, 4).join(' ')}`,
  );
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}
